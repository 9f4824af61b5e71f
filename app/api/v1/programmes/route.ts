import { handle, jsonError, jsonOk, parseQuery } from "@/lib/api/http";
import { authorizeApi } from "@/lib/auth/access";
import { getProgrammes } from "@/lib/data/programmes";
import { resolveTerm } from "@/lib/data/terms";
import { termQuerySchema } from "@/lib/validation/params";

export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    // the catalogue is not unit data: any signed-in caller or token reads it
    const auth = await authorizeApi(request);
    if ("refusal" in auth) return auth.refusal;
    const query = parseQuery(request.url, termQuerySchema);
    if (!query.ok) return query.response;
    const term = await resolveTerm(query.data.term);
    if (!term) return jsonError(404, "not_found", `Không có nhiệm kỳ “${query.data.term}”.`);
    const programmes = await getProgrammes(term.id);
    const { id: _id, ...termOut } = term;
    return jsonOk({ term: termOut, data: programmes });
  });
}

import { handle, jsonError, jsonOk, queryObject } from "@/lib/api/http";
import { authorizeApi } from "@/lib/auth/access";
import { getProgrammes } from "@/lib/data/programmes";
import { resolveTerm } from "@/lib/data/terms";
import { firstError, termQuerySchema } from "@/lib/validation/params";

export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    // the catalogue is not unit data: any signed-in caller or token reads it
    const auth = await authorizeApi(request);
    if ("refusal" in auth) return auth.refusal;
    const query = termQuerySchema.safeParse(queryObject(request.url));
    if (!query.success) return jsonError(400, "bad_request", firstError(query.error));
    const term = await resolveTerm(query.data.term);
    if (!term) return jsonError(404, "not_found", `Không có nhiệm kỳ “${query.data.term}”.`);
    const programmes = await getProgrammes(term.id);
    const { id: _id, ...termOut } = term;
    return jsonOk({ term: termOut, data: programmes });
  });
}

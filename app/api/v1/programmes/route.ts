import { handle, jsonError, jsonOk, queryObject } from "@/lib/api/http";
import { getProgrammes } from "@/lib/data/programmes";
import { resolveTerm } from "@/lib/data/terms";
import { firstError, termQuerySchema } from "@/lib/validation/params";

export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const query = termQuerySchema.safeParse(queryObject(request.url));
    if (!query.success) return jsonError(400, "bad_request", firstError(query.error));
    const term = await resolveTerm(query.data.term);
    if (!term) return jsonError(404, "not_found", `Không có nhiệm kỳ “${query.data.term}”.`);
    const programmes = await getProgrammes(term.id);
    const { id: _id, ...termOut } = term;
    return jsonOk({ term: termOut, data: programmes });
  });
}

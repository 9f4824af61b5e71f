import { handle, jsonError, jsonOk, parseQuery } from "@/lib/api/http";
import { apiReadScope, authorizeApi } from "@/lib/auth/access";
import { getOrgUnit } from "@/lib/data/org-units";
import { getProgrammes } from "@/lib/data/programmes";
import { resolveTerm } from "@/lib/data/terms";
import { programmesQuerySchema } from "@/lib/validation/params";

export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    // the catalogue is not unit data: any signed-in caller or token reads it
    const auth = await authorizeApi(request);
    if ("refusal" in auth) return auth.refusal;
    const query = parseQuery(request.url, programmesQuerySchema);
    if (!query.ok) return query.response;
    const unitSlug = query.data.unit;
    // with `unit`: the programmes that apply to it, for a caller who may read that unit
    if (unitSlug !== undefined) {
      const read = await apiReadScope(request, auth.caller, unitSlug);
      if ("refusal" in read) return read.refusal;
      if (!(await getOrgUnit(unitSlug, read.scope)))
        return jsonError(404, "not_found", `Không tìm thấy đơn vị “${unitSlug}”.`);
    }
    const term = await resolveTerm(query.data.term);
    if (!term) return jsonError(404, "not_found", `Không có nhiệm kỳ “${query.data.term}”.`);
    const programmes = await getProgrammes(term.id, { unitSlug });
    const { id: _id, ...termOut } = term;
    return jsonOk({ term: termOut, data: programmes });
  });
}

import { handle, jsonError, jsonOk, parseQuery } from "@/lib/api/http";
import { apiCallerScope, authorizeApi } from "@/lib/auth/access";
import { collectionLevels, searchComparableParents } from "@/lib/data/compare";
import { getProgrammes } from "@/lib/data/programmes";
import { resolveTerm } from "@/lib/data/terms";
import { parentsQuerySchema } from "@/lib/validation/compare";

/**
 * The units the caller may read whose children can be compared in a term (some indicator is
 * collected at their children's level), searched by name with diacritics ignored: what the /so-sanh
 * unit picker offers. `total` says how many match; at most `limit` are listed.
 */
export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const auth = await authorizeApi(request);
    if ("refusal" in auth) return auth.refusal;
    const query = parseQuery(request.url, parentsQuerySchema);
    if (!query.ok) return query.response;
    const { q, limit, term: termSlug } = query.data;
    const term = await resolveTerm(termSlug);
    if (!term) return jsonError(404, "not_found", `Không tìm thấy nhiệm kỳ “${termSlug ?? ""}”.`);
    const found = await searchComparableParents({
      q,
      limit,
      levels: collectionLevels(await getProgrammes(term.id)),
      scope: apiCallerScope(auth.caller),
    });
    return jsonOk(found);
  });
}

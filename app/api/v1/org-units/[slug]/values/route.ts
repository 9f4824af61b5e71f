import { handle, jsonError, jsonOk, parseQuery } from "@/lib/api/http";
import { apiReadScope, authorizeApi } from "@/lib/auth/access";
import { resolveTerm } from "@/lib/data/terms";
import { getOrgUnit } from "@/lib/data/org-units";
import { getUnitValuesWithHistory, historyIndicators } from "@/lib/data/org-unit-history";
import { getProgrammes } from "@/lib/data/programmes";
import { firstError, slugSchema, termQuerySchema } from "@/lib/validation/params";

export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const auth = await authorizeApi(request);
    if ("refusal" in auth) return auth.refusal;
    const slug = slugSchema.safeParse((await ctx.params).slug);
    if (!slug.success) return jsonError(400, "bad_request", firstError(slug.error));
    const read = await apiReadScope(request, auth.caller, slug.data);
    if ("refusal" in read) return read.refusal;
    const query = parseQuery(request.url, termQuerySchema);
    if (!query.ok) return query.response;
    const [unit, term] = await Promise.all([getOrgUnit(slug.data, read.scope), resolveTerm(query.data.term)]);
    if (!unit) return jsonError(404, "not_found", `Không tìm thấy đơn vị “${slug.data}”.`);
    if (!term) return jsonError(404, "not_found", `Không có nhiệm kỳ “${query.data.term}”.`);
    // a unit formed by a merge answers its earlier years as the sum of its former units (their source says so)
    const { values } = await getUnitValuesWithHistory({
      orgUnitSlug: slug.data,
      termId: term.id,
      scope: read.scope,
      indicators: historyIndicators(await getProgrammes(term.id, { unitSlug: slug.data })),
    });
    const { id: _id, ...termOut } = term;
    return jsonOk({
      orgUnit: { slug: unit.slug, name: unit.name, level: unit.level },
      term: termOut,
      data: values.map(({ orgUnit: _unit, ...v }) => v),
    });
  });
}

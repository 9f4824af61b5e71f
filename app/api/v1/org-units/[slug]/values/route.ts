import { jsonError, jsonOk } from "@/lib/api/http";
import { orgUnitGet } from "@/lib/api/org-unit-route";
import { resolveTerm } from "@/lib/data/terms";
import { getOrgUnit } from "@/lib/data/org-units";
import { getUnitValuesWithHistory, historyIndicators } from "@/lib/data/org-unit-history";
import { getProgrammes } from "@/lib/data/programmes";
import { termQuerySchema } from "@/lib/validation/params";

export const GET = orgUnitGet(termQuerySchema, async ({ slug, scope, query }) => {
  const [unit, term] = await Promise.all([getOrgUnit(slug, scope), resolveTerm(query.term)]);
  if (!unit) return jsonError(404, "not_found", `Không tìm thấy đơn vị “${slug}”.`);
  if (!term) return jsonError(404, "not_found", `Không có nhiệm kỳ “${query.term}”.`);
  // a unit formed by a merge answers its earlier years as the sum of its former units (their source says so)
  const { values } = await getUnitValuesWithHistory({
    orgUnitSlug: slug,
    termId: term.id,
    scope,
    indicators: historyIndicators(await getProgrammes(term.id, { unitSlug: slug })),
  });
  const { id: _id, ...termOut } = term;
  return jsonOk({
    orgUnit: { slug: unit.slug, name: unit.name, level: unit.level },
    term: termOut,
    data: values.map(({ orgUnit: _unit, ...v }) => v),
  });
});

import { jsonError, jsonOk } from "@/lib/api/http";
import { orgUnitGet } from "@/lib/api/org-unit-route";
import { resolveTerm } from "@/lib/data/terms";
import { getUnitValuesWithHistory, historyIndicators } from "@/lib/data/org-unit-history";
import { getProgrammes } from "@/lib/data/programmes";
import { getUnitValues } from "@/lib/data/values";
import { termQuerySchema } from "@/lib/validation/params";

export const GET = orgUnitGet(termQuerySchema, async ({ slug, unit, scope, query }) => {
  if (!unit) return jsonError(404, "not_found", `Không tìm thấy đơn vị “${slug}”.`);
  const term = await resolveTerm(query.term);
  if (!term) return jsonError(404, "not_found", `Không có nhiệm kỳ “${query.term}”.`);
  // a unit formed by a merge answers its earlier years as the sum of its former units (their source
  // says so); any other unit, its own values (one statement)
  const values = unit.hasPredecessors
    ? (
        await getUnitValuesWithHistory({
          orgUnitSlug: slug,
          termId: term.id,
          scope,
          indicators: historyIndicators(await getProgrammes(term.id, { unitSlug: slug })),
        })
      ).values
    : await getUnitValues({ orgUnitSlug: slug, termId: term.id, scope });
  const { id: _id, ...termOut } = term;
  return jsonOk({
    orgUnit: { slug: unit.slug, name: unit.name, level: unit.level },
    term: termOut,
    data: values.map(({ orgUnit: _unit, ...v }) => v),
  });
});

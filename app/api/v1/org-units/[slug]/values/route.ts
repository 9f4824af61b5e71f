import { jsonError, jsonOk, jsonTextOk } from "@/lib/api/http";
import { orgUnitGet } from "@/lib/api/org-unit-route";
import { resolveTerm } from "@/lib/data/terms";
import { getUnitValuesWithHistory, historyIndicators } from "@/lib/data/org-unit-history";
import { getProgrammes } from "@/lib/data/programmes";
import { getUnitValuesJson } from "@/lib/data/values";
import { termQuerySchema } from "@/lib/validation/params";

export const GET = orgUnitGet(termQuerySchema, async ({ slug, unit, scope, query }) => {
  if (!unit) return jsonError(404, "not_found", `Không tìm thấy đơn vị “${slug}”.`);
  const term = await resolveTerm(query.term);
  if (!term) return jsonError(404, "not_found", `Không có nhiệm kỳ “${query.term}”.`);
  const { id: _id, ...termOut } = term;
  const head = { slug: unit.slug, name: unit.name, level: unit.level };
  // any unit not formed from former units: its own values, written as JSON by PostgreSQL (one statement)
  if (!unit.hasPredecessors) {
    const data = await getUnitValuesJson({ orgUnitSlug: slug, termId: term.id, scope });
    return jsonTextOk(`{"orgUnit":${JSON.stringify(head)},"term":${JSON.stringify(termOut)},"data":${data}}`);
  }
  // a unit formed by a merge answers its earlier years as the sum of its former units (their source says so)
  const { values } = await getUnitValuesWithHistory({
    orgUnitSlug: slug,
    termId: term.id,
    scope,
    indicators: historyIndicators(await getProgrammes(term.id, { unitSlug: slug })),
  });
  return jsonOk({ orgUnit: head, term: termOut, data: values.map(({ orgUnit: _unit, ...v }) => v) });
});

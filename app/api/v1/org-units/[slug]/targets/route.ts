import { jsonError, jsonOk } from "@/lib/api/http";
import { orgUnitGet } from "@/lib/api/org-unit-route";
import { getOrgUnit } from "@/lib/data/org-units";
import { getUnitTargetList } from "@/lib/data/targets";
import { resolveTerm } from "@/lib/data/terms";
import { termQuerySchema } from "@/lib/validation/params";

export const GET = orgUnitGet(termQuerySchema, async ({ slug, scope, query }) => {
  const [unit, term] = await Promise.all([getOrgUnit(slug, scope), resolveTerm(query.term)]);
  if (!unit) return jsonError(404, "not_found", `Không tìm thấy đơn vị “${slug}”.`);
  if (!term) return jsonError(404, "not_found", `Không có nhiệm kỳ “${query.term}”.`);
  const targets = await getUnitTargetList({ orgUnitSlug: slug, termId: term.id, scope });
  const { id: _id, ...termOut } = term;
  return jsonOk({ orgUnit: { slug: unit.slug, name: unit.name, level: unit.level }, term: termOut, data: targets });
});

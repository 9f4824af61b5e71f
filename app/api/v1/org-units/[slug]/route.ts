import { jsonError, jsonOk } from "@/lib/api/http";
import { orgUnitGet } from "@/lib/api/org-unit-route";
import { getOrgUnit } from "@/lib/data/org-units";

export const GET = orgUnitGet(null, async ({ slug, scope }) => {
  const unit = await getOrgUnit(slug, scope);
  if (!unit) return jsonError(404, "not_found", `Không tìm thấy đơn vị “${slug}”.`);
  return jsonOk({ data: unit });
});

import "server-only";
import { unitsWith } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/session";
import { wardsAmong } from "@/lib/data/nav-units";

/**
 * The header's link to a ward role's own work: "Nhập liệu" for ward officials, "Duyệt số liệu" for
 * the ward's committee, to each ward on which the grant sits (district staff, whose grant is on the
 * district, keep their "Tiến độ nhập liệu").
 */
export async function entryLinks(viewer: Viewer | null): Promise<Array<{ href: string; label: string }>> {
  const editing = unitsWith(viewer, "editValues");
  const approving = unitsWith(viewer, "approve");
  const wards = await wardsAmong([...new Set([...editing, ...approving])]);
  const label = editing.length > 0 ? "Nhập liệu" : "Duyệt số liệu";
  return wards.map((w) => ({
    href: `/${w.slug}/nhap-lieu`,
    label: wards.length > 1 ? `${label} ${w.shortName}` : label,
  }));
}

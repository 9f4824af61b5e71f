import "server-only";
import { getUnitScope } from "@/lib/data/org-units";
import { can } from "./permissions";
import type { Viewer } from "./session";

/** May this person enter and edit the figures of `slug`? For offering forms and links, not for refusing (actions check again). */
export async function mayEditValues(viewer: Viewer | null, slug: string): Promise<boolean> {
  if (!viewer || viewer.mustChangePassword) return false;
  const unit = await getUnitScope(slug);
  return !!unit && can(viewer, "editValues", unit);
}

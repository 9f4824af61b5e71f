import "server-only";
import { getUnitScope } from "@/lib/data/org-units";
import { can } from "./permissions";
import { getViewer } from "./session";

/** May the person of this request enter and edit the figures of `slug`? For offering forms and links, not for refusing (actions check again). */
export async function mayEditValues(slug: string): Promise<boolean> {
  const viewer = await getViewer();
  if (!viewer || viewer.mustChangePassword) return false;
  const unit = await getUnitScope(slug);
  return !!unit && can(viewer, "editValues", unit);
}

/**
 * May the person of this request see the ward's records not yet approved (its officials, who enter
 * them, and its committee, who approve them)? Everyone else reads only what is published.
 */
export async function mayReadDrafts(slug: string): Promise<boolean> {
  const viewer = await getViewer();
  if (!viewer || viewer.mustChangePassword) return false;
  const unit = await getUnitScope(slug);
  return !!unit && (can(viewer, "editValues", unit) || can(viewer, "approve", unit));
}

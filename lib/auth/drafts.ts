import "server-only";
import { getUnitScope } from "@/lib/data/org-units";
import type { ApiCaller } from "./access";
import { can } from "./permissions";

/**
 * May this API caller read the ward's figures not yet approved (a draft report)? Its officials, who
 * enter them, and its committee, who approve them; never an API token or the public.
 */
export async function apiMayReadDrafts(caller: ApiCaller, slug: string): Promise<boolean> {
  if (caller.kind !== "session") return false;
  const unit = await getUnitScope(slug);
  return !!unit && (can(caller.viewer, "editValues", unit) || can(caller.viewer, "approve", unit));
}

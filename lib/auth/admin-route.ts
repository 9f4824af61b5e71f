import "server-only";
import { jsonError } from "@/lib/api/http";
import { logAccess } from "./access-log";
import { canManageAccounts } from "./permissions";
import { refuseCrossSite } from "./route-guard";
import { type Viewer, viewerFromHeaders } from "./session";

/** Administrator-only mutating routes: same origin, a session, and the right to manage accounts. */
export async function requireAccountManager(request: Request): Promise<{ viewer: Viewer } | { refusal: Response }> {
  const crossSite = await refuseCrossSite(request);
  if (crossSite) return { refusal: crossSite };
  const viewer = await viewerFromHeaders(request.headers);
  if (!viewer) return { refusal: jsonError(401, "unauthorized", "Cần đăng nhập.") };
  if (!canManageAccounts(viewer) || viewer.mustChangePassword) {
    await logAccess({ event: "REFUSED", userId: viewer.userId, target: `${request.method} ${new URL(request.url).pathname}` });
    return { refusal: jsonError(403, "forbidden", "Không có quyền quản lý tài khoản.") };
  }
  return { viewer };
}

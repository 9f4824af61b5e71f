import { PageLink } from "@/components/ui/page-link";
import { ROLE_LABELS, canManageAccounts, unitsWith } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";

/** Who is signed in, with sign-out (a POST form: signing out changes state, so never a GET link). */
export async function UserMenu() {
  const viewer = await getViewer();
  if (!viewer) {
    return (
      <PageLink href="/dang-nhap" className="text-sm hover:underline">
        Đăng nhập
      </PageLink>
    );
  }
  const roles = [...new Set(viewer.grants.map((g) => ROLE_LABELS[g.role]))].join(", ");
  return (
    <div className="flex items-center gap-3 text-sm">
      <span data-testid="current-user">
        {viewer.name}
        {roles && <span className="text-slate-600"> · {roles}</span>}
      </span>
      {canManageAccounts(viewer) && (
        <>
          <PageLink href="/quan-tri/tai-khoan" className="hover:underline">
            Quản trị
          </PageLink>
          <PageLink href="/quan-tri/nhat-ky" className="hover:underline">
            Nhật ký
          </PageLink>
          <PageLink href="/quan-tri/thu-gui" className="hover:underline">
            Thư gửi
          </PageLink>
        </>
      )}
      {unitsWith(viewer, "manageOrgUnits").length > 0 && (
        <PageLink href="/quan-tri/don-vi" className="hover:underline">
          Đơn vị
        </PageLink>
      )}
      {unitsWith(viewer, "manageCatalogue").length > 0 && (
        <PageLink href="/quan-tri/danh-muc" className="hover:underline">
          Danh mục
        </PageLink>
      )}
      <PageLink href="/tai-khoan" className="hover:underline">
        Tài khoản
      </PageLink>
      <form method="post" action="/api/auth/sign-out">
        <button type="submit" className="hover:underline">
          Đăng xuất
        </button>
      </form>
    </div>
  );
}

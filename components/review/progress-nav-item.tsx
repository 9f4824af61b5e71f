import { PageLink } from "@/components/ui/page-link";
import { unitsWith } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/session";

/** "Tiến độ nhập liệu" in the header, for district staff (who set deadlines and unlock figures). */
export function ProgressNavItem({ viewer }: { viewer: Viewer | null }) {
  if (unitsWith(viewer, "manageDeadlines").length === 0) return null;
  return (
    <li>
      <PageLink href="/tien-do" className="hover:underline">
        Tiến độ nhập liệu
      </PageLink>
    </li>
  );
}

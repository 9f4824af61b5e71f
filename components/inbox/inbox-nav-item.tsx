import { PageLink } from "@/components/ui/page-link";
import type { Viewer } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format/vi";
import { inboxCount, loadInbox } from "@/lib/services/inbox";

/** "Việc cần làm (n)" in the header, leading to the list on the home page. */
export async function InboxNavItem({ viewer }: { viewer: Viewer | null }) {
  const inbox = await loadInbox(viewer);
  if (!inbox) return null;
  const n = inboxCount(inbox);
  return (
    <li>
      <PageLink href="/#viec-can-lam" className="hover:underline" data-testid="inbox-count">
        Việc cần làm{" "}
        <span className={n > 0 ? "rounded-full bg-red-700 px-2 text-xs font-semibold text-white" : "text-slate-600"}>
          {formatNumber(String(n))}
        </span>
        <span className="sr-only"> việc</span>
      </PageLink>
    </li>
  );
}

import { PageLink } from "@/components/ui/page-link";
import type { Viewer } from "@/lib/auth/session";
import { entryLinks } from "@/lib/services/header-links";

/** The header's "Nhập liệu" / "Duyệt số liệu" for ward roles (see lib/services/header-links.ts). */
export async function EntryNavItem({ viewer }: { viewer: Viewer | null }) {
  const links = await entryLinks(viewer);
  return links.map((l) => (
    <li key={l.href}>
      <PageLink href={l.href} className="font-medium hover:underline" data-testid="entry-nav">
        {l.label}
      </PageLink>
    </li>
  ));
}

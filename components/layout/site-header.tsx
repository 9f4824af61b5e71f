import { PageLink } from "@/components/ui/page-link";
import { mayRead } from "@/lib/auth/access";
import { getViewer } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { InboxNavItem } from "@/components/inbox/inbox-nav-item";
import { ProgressNavItem } from "@/components/review/progress-nav-item";
import { EntryNavItem } from "./entry-nav-item";
import { UserMenu } from "./user-menu";

// Links are shown only to those who may follow them (the pages refuse the others anyway).
export async function SiteHeader() {
  const viewer = await getViewer();
  const [ngocThuy, district] = await Promise.all([mayRead(viewer, "ngoc-thuy"), mayRead(viewer, "long-bien")]);
  return (
    <header className="no-print border-b-4 border-brand-700 bg-white">
      {/* on a phone two lines: the title, then the links and the account on one line that scrolls sideways
          (relative: screen-reader-only text inside is positioned in it, not past the page edge) */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2 sm:px-6 sm:py-3">
        <PageLink href="/" className="font-semibold text-brand-800 hover:underline">
          Chương trình công tác toàn khóa
        </PageLink>
        <div className="relative flex w-full items-center gap-x-4 overflow-x-auto whitespace-nowrap md:contents">
          <nav aria-label="Điều hướng chính">
            <ul className="flex gap-x-4 gap-y-1 text-sm md:flex-wrap">
              {(env.PUBLIC_PORTAL || viewer) && (
                <li>
                  <PageLink href="/" className="hover:underline">
                    Các phường
                  </PageLink>
                </li>
              )}
              {ngocThuy && (
                <>
                  <li>
                    <PageLink href="/ngoc-thuy" className="hover:underline">
                      Ngọc Thụy
                    </PageLink>
                  </li>
                  <li>
                    <PageLink href="/ngoc-thuy/to-dan-pho" className="hover:underline">
                      Tổ dân phố
                    </PageLink>
                  </li>
                </>
              )}
              {district && (
                <li>
                  <PageLink href="/so-sanh" className="hover:underline">
                    So sánh phường
                  </PageLink>
                </li>
              )}
              <EntryNavItem viewer={viewer} />
              <ProgressNavItem viewer={viewer} />
              <InboxNavItem viewer={viewer} />
            </ul>
          </nav>
          <UserMenu />
        </div>
      </div>
    </header>
  );
}

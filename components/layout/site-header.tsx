import Link from "next/link";
import { mayRead } from "@/lib/auth/access";
import { getViewer } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { InboxNavItem } from "@/components/inbox/inbox-nav-item";
import { ProgressNavItem } from "@/components/review/progress-nav-item";
import { UserMenu } from "./user-menu";

// Links are shown only to those who may follow them (the pages refuse the others anyway).
export async function SiteHeader() {
  const viewer = await getViewer();
  const [ngocThuy, district] = await Promise.all([mayRead(viewer, "ngoc-thuy"), mayRead(viewer, "long-bien")]);
  return (
    <header className="no-print border-b-4 border-brand-700 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3 sm:px-6">
        <Link href="/" className="font-semibold text-brand-800 hover:underline">
          Chương trình công tác toàn khóa
        </Link>
        <nav aria-label="Điều hướng chính">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {(env.PUBLIC_PORTAL || viewer) && (
              <li>
                <Link href="/" className="hover:underline">
                  Các phường
                </Link>
              </li>
            )}
            {ngocThuy && (
              <>
                <li>
                  <Link href="/ngoc-thuy" className="hover:underline">
                    Ngọc Thụy
                  </Link>
                </li>
                <li>
                  <Link href="/ngoc-thuy/to-dan-pho" className="hover:underline">
                    Tổ dân phố
                  </Link>
                </li>
              </>
            )}
            {district && (
              <li>
                <Link href="/so-sanh" className="hover:underline">
                  So sánh phường
                </Link>
              </li>
            )}
            <ProgressNavItem viewer={viewer} />
            <InboxNavItem viewer={viewer} />
          </ul>
        </nav>
        <UserMenu />
      </div>
    </header>
  );
}

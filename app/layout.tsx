import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/layout/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Theo dõi Chương trình công tác toàn khóa", template: "%s · Chương trình công tác toàn khóa" },
  description: "Theo dõi kết quả thực hiện các Chương trình công tác toàn khóa của Quận ủy theo phường và tổ dân phố.",
  // files in public/ (the PNGs are made from the SVG by scripts/make-icons.mjs)
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/icon.svg", type: "image/svg+xml" },
      { url: "/icon-192.png", sizes: "192x192", type: "image/png" },
    ],
    apple: { url: "/icon-192.png", sizes: "192x192" },
  },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#991b1b" };

// Every page reads the database at request time; nothing is prerendered at build (no database then).
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a
          href="#noi-dung"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Bỏ qua, đến nội dung chính
        </a>
        <SiteHeader />
        <main id="noi-dung" className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}

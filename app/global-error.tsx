"use client";
import { ErrorMessage } from "@/components/layout/error-message";
import "./globals.css";

// An error of the root layout itself (its header reads the session, so an unreachable database
// lands here): the page is rebuilt from nothing, in Vietnamese.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="vi">
      <head>
        <title>Lỗi · Chương trình công tác toàn khóa</title>
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <main id="noi-dung" className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
          <ErrorMessage error={error} />
        </main>
      </body>
    </html>
  );
}

"use client";
// The Vietnamese text of the error pages (app/error.tsx, app/global-error.tsx): an unreachable
// database is named as such (a temporary outage, "thử lại"); anything else gets a general message.
// Never the error's own text: in production it is hidden, and it may hold SQL or paths.
import { DB_UNAVAILABLE_DIGEST, DB_UNAVAILABLE_MESSAGE } from "@/lib/db-errors";

export function ErrorMessage({ error, reset }: { error: Error & { digest?: string }; reset?: () => void }) {
  const dbDown = error.digest === DB_UNAVAILABLE_DIGEST;
  return (
    <div className="space-y-3" role="alert">
      <h1 className="text-2xl font-bold text-brand-800">
        {dbDown ? "Tạm thời không kết nối được cơ sở dữ liệu" : "Đã có lỗi xảy ra"}
      </h1>
      <p>
        {dbDown
          ? DB_UNAVAILABLE_MESSAGE
          : "Hệ thống gặp lỗi ngoài dự kiến khi xử lý yêu cầu này. Vui lòng thử lại; nếu lỗi vẫn còn, hãy báo quản trị viên."}
      </p>
      {error.digest && !dbDown && <p className="text-sm text-slate-600">Mã lỗi: {error.digest}</p>}
      <p className="flex flex-wrap gap-4">
        {/* a full reload: the server renders again (reset() alone would only re-render the client) */}
        <a
          href=""
          onClick={(e) => {
            e.preventDefault();
            if (reset) reset();
            window.location.reload();
          }}
          className="text-brand-700 underline"
        >
          Thử lại
        </a>
        {/* a full load as well: the page that failed may have left the client's router unusable */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="text-brand-700 underline">
          Về trang chủ
        </a>
      </p>
    </div>
  );
}

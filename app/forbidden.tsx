import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold text-brand-800">Không có quyền truy cập</h1>
      <p>Tài khoản của bạn không được xem nội dung này. Nếu cần, hãy liên hệ quản trị viên.</p>
      <Link href="/" className="text-brand-700 underline">
        Về trang chủ
      </Link>
    </div>
  );
}

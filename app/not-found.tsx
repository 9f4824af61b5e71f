import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">Không tìm thấy trang</h1>
      <p>Đơn vị, nhiệm kỳ hoặc địa chỉ này không có trong hệ thống.</p>
      <Link href="/" className="text-brand-700 underline">
        Về danh sách các phường
      </Link>
    </div>
  );
}

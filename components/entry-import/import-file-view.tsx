import Link from "next/link";
import type { SubmissionStatus } from "@/lib/domain/enums";
import { STATUS_LABELS } from "@/lib/domain/entry-file-grid";
import { IMPORT_LIMITS } from "@/lib/domain/entry-template";
import { ImportForm } from "./import-form";

type Props = {
  ward: { slug: string; name: string };
  year: number;
  programme: { slug: string; code: string };
  status: SubmissionStatus;
  editable: boolean;
};

/** The import page: where the files come from, how to fill them in, and the upload form. */
export function ImportFileView({ ward, year, programme, status, editable }: Props) {
  const base = `/${ward.slug}/nhap-lieu/${year}/${programme.slug}`;
  const exportUrl = `/api/entry/${ward.slug}/${year}/${programme.slug}/export`;
  return (
    <article className="mx-auto max-w-5xl space-y-6">
      <header className="space-y-2">
        <nav aria-label="Đường dẫn" className="no-print text-sm text-slate-600">
          <Link href={`/${ward.slug}`} className="underline-offset-2 hover:underline">
            {ward.name}
          </Link>{" "}
          <span aria-hidden="true">›</span>{" "}
          <Link href={base} className="underline-offset-2 hover:underline">
            Nhập liệu năm {year} · {programme.code}
          </Link>{" "}
          <span aria-hidden="true">›</span> Nhập từ tệp
        </nav>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">
          Nhập từ tệp · {ward.name} · năm {year} · {programme.code}
        </h1>
        <p className="max-w-3xl text-slate-700">
          Tải tệp mẫu, điền vào các ô nền vàng (giá trị, “trên”, ghi chú), rồi tải tệp lên đây. Hệ thống cho xem trước
          từng dòng sẽ thêm hay sửa; chỉ khi bấm “Áp dụng” mới ghi, và ghi tất cả hoặc không ghi gì.
        </p>
      </header>

      <section aria-labelledby="mau" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="mau" className="text-lg font-semibold text-slate-900">
          1. Tải tệp mẫu có sẵn số liệu hiện tại
        </h2>
        <div className="flex flex-wrap gap-3">
          <a
            href={`${exportUrl}?format=xlsx`}
            download
            className="rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            Tải tệp Excel (.xlsx)
          </a>
          <a
            href={`${exportUrl}?format=csv`}
            download
            className="rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100"
          >
            Tải tệp CSV
          </a>
        </div>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>Số viết kiểu Việt Nam: 1.691; 305.000.000; 90,5. Ô để trống là xóa giá trị.</li>
          <li>Không dán công thức, không gộp ô, không sửa các cột ẩn (mã chỉ tiêu, phiên bản).</li>
          <li>
            Tệp CSV: mã UTF-8, các cột cách nhau bằng dấu chấm phẩy (;), như Excel tiếng Việt mở và lưu. Tệp tối đa{" "}
            {IMPORT_LIMITS.bytes / 1048576} MB.
          </li>
        </ul>
      </section>

      {editable ? (
        <ImportForm ward={ward.slug} year={year} programme={programme.slug} entryUrl={base} />
      ) : (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
          Số liệu năm {year} {STATUS_LABELS[status]}: không nhập tệp được. Chỉ nhập khi đang nhập hoặc bị Đảng ủy trả
          lại.
        </p>
      )}
    </article>
  );
}

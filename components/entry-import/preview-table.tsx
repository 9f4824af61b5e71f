import type { ImportView } from "@/lib/actions/entry-import";
import type { ImportRowView } from "@/lib/domain/entry-import";

const STATUS: Record<ImportRowView["status"], { label: string; className: string }> = {
  new: { label: "Thêm mới", className: "bg-blue-100 text-blue-900" },
  changed: { label: "Sửa", className: "bg-amber-100 text-amber-950" },
  unchanged: { label: "Giữ nguyên", className: "bg-slate-100 text-slate-800" },
  conflict: { label: "Xung đột", className: "bg-orange-200 text-orange-950" },
  invalid: { label: "Lỗi", className: "bg-red-100 text-red-900" },
};

const quoted = (note: string | null, none: string) => (note === null ? none : `“${note}”`);

/** The rows an import would add or change, those it refuses, and those it keeps as the app has them, with the cell they came from. */
export function PreviewTable({ view }: { view: ImportView }) {
  const { counts } = view;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700" data-testid="import-counts">
        Tệp “{view.fileName}”: {counts.new} thêm mới · {counts.changed} sửa · {counts.unchanged} không đổi ·{" "}
        {counts.conflict} xung đột · {counts.invalid} lỗi
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] border-collapse text-sm">
          <caption className="sr-only">Các dòng sẽ thay đổi hoặc có lỗi</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left text-slate-700">
              <th scope="col" className="px-2 py-1">
                Ô
              </th>
              <th scope="col" className="px-2 py-1">
                Đơn vị
              </th>
              <th scope="col" className="px-2 py-1">
                Chỉ tiêu
              </th>
              <th scope="col" className="px-2 py-1">
                Trạng thái
              </th>
              <th scope="col" className="px-2 py-1">
                Hiện tại → Trong tệp (giá trị, ghi chú)
              </th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r, i) => (
              <tr key={`${r.ref}-${i}`} className="border-b border-slate-200 align-top" data-status={r.status}>
                <td className="px-2 py-1 font-mono text-xs">{r.ref}</td>
                <td className="px-2 py-1">{r.unit}</td>
                <td className="px-2 py-1">{r.indicator}</td>
                <td className="px-2 py-1">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS[r.status].className}`}>
                    {STATUS[r.status].label}
                  </span>
                </td>
                <td className="px-2 py-1">
                  {r.next !== null ? (
                    <span>
                      {r.old} → <strong>{r.next}</strong>
                    </span>
                  ) : (
                    r.note && <span>{r.old} (giá trị không đổi)</span>
                  )}
                  {r.note && (
                    <p data-testid="import-note">
                      Ghi chú: {quoted(r.note.old, "(trống)")} → <strong>{quoted(r.note.next, "(xóa ghi chú)")}</strong>
                    </p>
                  )}
                  {r.messages.map((m, k) => (
                    <p
                      key={k}
                      className={r.status === "invalid" || r.status === "conflict" ? "text-red-900" : "text-slate-600"}
                    >
                      {m}
                    </p>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

import Link from "next/link";
import type { EntryHub } from "@/lib/data/review";
import { completenessText } from "@/lib/domain/completeness";
import { isLate } from "@/lib/domain/submission-workflow";
import { formatDate } from "@/lib/format/vi";
import { LateBadge, ProgressBadge } from "./progress-badge";

/** A ward's years × programmes: where each entry stands, how much is entered, and the way in. */
export function EntryHubView({ hub, canEdit, now }: { hub: EntryHub; canEdit: boolean; now: Date }) {
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-600">{hub.term.name}</p>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">Nhập liệu và duyệt số liệu · {hub.ward.name}</h1>
        <p className="max-w-3xl text-slate-700">
          Mỗi năm, phường nhập số liệu của từng chương trình rồi gửi Đảng ủy phường duyệt. Số liệu đã duyệt được công bố
          trên các trang theo dõi và bị khóa; muốn sửa, cán bộ quận, thành phố mở khóa kèm lý do.
        </p>
        {!canEdit && (
          <p className="text-sm text-slate-600">Bạn xem được trạng thái, không nhập được số liệu của phường này.</p>
        )}
      </header>

      <div className="relative overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="w-full min-w-[36rem] text-left text-sm">
          <caption className="sr-only">Trạng thái nhập liệu theo năm và chương trình</caption>
          <thead>
            <tr className="border-b bg-slate-100">
              <th scope="col" className="p-2">
                Năm
              </th>
              {hub.programmes.map((p) => (
                <th key={p.slug} scope="col" className="p-2">
                  Chương trình {p.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {hub.years.map((y) => (
              <tr key={y.year} className="border-b align-top" data-year={y.year}>
                <th scope="row" className="p-2">
                  <span className="block text-base">{y.year}</span>
                  <span className="block font-normal text-slate-600">
                    Hạn nộp: {y.deadline ? formatDate(y.deadline) : "chưa đặt"}
                  </span>
                </th>
                {y.cells.map((c, i) => (
                  <td key={c.programmeSlug} className="space-y-1 p-2" data-programme={c.programmeSlug}>
                    <div className="flex flex-wrap gap-1">
                      <ProgressBadge state={c.state} />
                      {isLate(c.state, y.deadline, now) && <LateBadge />}
                    </div>
                    <p className="text-slate-700">{completenessText(c.completeness)}</p>
                    <Link
                      href={`/${hub.ward.slug}/nhap-lieu/${y.year}/${c.programmeSlug}`}
                      className="no-print text-brand-700 underline"
                    >
                      {canEdit && (c.state === "NOT_STARTED" || c.state === "DRAFT" || c.state === "RETURNED")
                        ? "Nhập số liệu"
                        : "Xem"}
                      <span className="sr-only">
                        {" "}
                        năm {y.year}, chương trình {hub.programmes[i].code}
                      </span>
                    </Link>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}

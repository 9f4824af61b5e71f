import Link from "next/link";
import type { Brief, BriefRow } from "@/lib/documents/brief";
import { DRAFT_MARK } from "@/lib/documents/party-report";

const button =
  "no-print inline-block rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100";

function Leaders({ title, rows }: { title: string; rows: BriefRow[] }) {
  return (
    <section aria-labelledby={`h-${title}`} className="space-y-1">
      <h2 id={`h-${title}`} className="text-lg font-semibold text-brand-800">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">Không có chỉ tiêu nào (cần chỉ tiêu đề ra và số liệu).</p>
      ) : (
        <ol className="list-decimal pl-6 text-sm">
          {rows.map((r) => (
            <li key={`${r.programmeCode}-${r.code}`}>
              {r.name}: {r.figure} (chỉ tiêu {r.target}, {r.statusLabel.toLowerCase()})
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** /{ward}/ban-tom-tat: the committee's brief, printable on A4, with its PDF. */
export function BriefView({
  brief,
  ward,
  pdfHref,
  periods,
  draftLink = null,
}: {
  brief: Brief;
  ward: { slug: string; name: string };
  pdfHref: string;
  periods: Array<{ label: string; href: string; current: boolean }>;
  /** to the draft (or back to the approved brief), for the ward's officials and committee */
  draftLink?: { href: string; label: string } | null;
}) {
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <nav aria-label="Vị trí" className="no-print text-sm text-slate-600">
          <Link href={`/${ward.slug}`} className="underline">
            {ward.name}
          </Link>{" "}
          › Bản tóm tắt
        </nav>
        {brief.draft && <p className="text-right font-bold text-red-800">{DRAFT_MARK}</p>}
        <h1 className="text-2xl font-bold text-brand-800">{brief.title}</h1>
        <nav aria-label="Kỳ" className="no-print flex flex-wrap gap-2 text-sm">
          {periods.map((p) => (
            <Link
              key={p.href}
              href={p.href}
              aria-current={p.current ? "page" : undefined}
              className={p.current ? "rounded bg-brand-700 px-2 py-1 text-white" : "rounded px-2 py-1 underline"}
            >
              {p.label}
            </Link>
          ))}
        </nav>
        <p className="no-print flex flex-wrap gap-2">
          <a href={pdfHref} className={button} download>
            Tải PDF
          </a>
          {draftLink && (
            <Link href={draftLink.href} className={button}>
              {draftLink.label}
            </Link>
          )}
        </p>
      </header>
      {brief.programmes.map((p) => (
        <section key={p.code} aria-labelledby={`p-${p.code}`} className="space-y-2">
          <h2 id={`p-${p.code}`} className="text-lg font-semibold text-brand-800">
            Chương trình {p.code}
            {p.state && (
              <span className="ml-2 text-sm font-normal text-slate-700">
                – {p.state}
                {p.late && <strong className="ml-1 text-red-800">(trễ hạn)</strong>}
              </span>
            )}
          </h2>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] border-collapse text-sm">
              <thead>
                <tr className="bg-slate-100 text-left">
                  {["Chỉ tiêu", "Số liệu", "Chỉ tiêu đề ra", "Đánh giá", "So với kỳ trước", "Lưu ý", "Nguồn"].map(
                    (h) => (
                      <th key={h} scope="col" className="border border-slate-300 px-2 py-1">
                        {h}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody>
                {p.rows.map((r) => (
                  <tr key={r.code}>
                    <th scope="row" className="border border-slate-300 px-2 py-1 text-left font-normal">
                      {r.name}
                    </th>
                    <td className="border border-slate-300 px-2 py-1">{r.figure}</td>
                    <td className="border border-slate-300 px-2 py-1">{r.target}</td>
                    <td className="border border-slate-300 px-2 py-1">{r.statusLabel}</td>
                    <td className="border border-slate-300 px-2 py-1">{r.change}</td>
                    <td className="border border-slate-300 px-2 py-1">{r.flags.join("; ") || "—"}</td>
                    <td className="border border-slate-300 px-2 py-1">{r.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <Leaders title="Ba chỉ tiêu vượt xa nhất so với chỉ tiêu đề ra" rows={brief.ahead} />
      <Leaders title="Ba chỉ tiêu còn cách xa nhất" rows={brief.behind} />
      {brief.notes.length > 0 && <p className="text-sm text-slate-700 italic">{brief.notes.join(" ")}</p>}
    </article>
  );
}

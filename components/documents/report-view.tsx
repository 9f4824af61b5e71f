import Link from "next/link";
import { DRAFT_MARK, type DocBlock, type PartyDocument } from "@/lib/documents/party-report";

const button =
  "no-print inline-block rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100";

function Block({ b }: { b: DocBlock }) {
  switch (b.kind) {
    case "heading":
      return b.level === 1 ? (
        <h3 className="mt-4 font-bold">{b.text}</h3>
      ) : b.level === 2 ? (
        <h4 className="mt-3 font-bold">{b.text}</h4>
      ) : (
        <h5 className="mt-2 font-bold italic">{b.text}</h5>
      );
    case "figure":
      return <p className="indent-8">{b.text}</p>;
    case "paragraph":
      return <p className={b.italic ? "indent-8 italic" : "indent-8"}>{b.text}</p>;
    case "table":
      return (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="py-1 text-left italic">{b.caption}</caption>
            <thead>
              <tr>
                {b.header.map((h) => (
                  <th key={h} scope="col" className="border border-slate-400 px-1">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, i) => (
                <tr key={i}>
                  <th scope="row" className="border border-slate-400 px-1 text-left font-normal">
                    {r[0]}
                  </th>
                  {r.slice(1).map((c, j) => (
                    <td key={j} className="border border-slate-400 px-1 text-center">
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

/** /{ward}/bao-cao: the report as it will be downloaded, its downloads, and the ward's paragraphs. */
export function ReportView({
  doc,
  ward,
  downloads,
  periods,
  draftLink,
  editor,
}: {
  doc: PartyDocument;
  ward: { slug: string; name: string };
  downloads: { docx: string; pdf: string };
  periods: Array<{ label: string; href: string; current: boolean }>;
  draftLink: { href: string; label: string } | null;
  editor: React.ReactNode;
}) {
  return (
    <article className="space-y-6">
      <header className="no-print space-y-2">
        <nav aria-label="Vị trí" className="text-sm text-slate-600">
          <Link href={`/${ward.slug}`} className="underline">
            {ward.name}
          </Link>{" "}
          › Báo cáo
        </nav>
        <h1 className="text-2xl font-bold text-brand-800">
          Báo cáo {doc.subject.charAt(0).toLowerCase() + doc.subject.slice(1)}
        </h1>
        <nav aria-label="Kỳ báo cáo" className="flex flex-wrap gap-2 text-sm">
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
        <p className="flex flex-wrap gap-2">
          <a href={downloads.docx} className={button} download>
            Tải Word (.docx)
          </a>
          <a href={downloads.pdf} className={button} download>
            Tải PDF
          </a>
          {draftLink && (
            <Link href={draftLink.href} className={button}>
              {draftLink.label}
            </Link>
          )}
        </p>
        <p className="max-w-3xl text-sm text-slate-700">
          Báo cáo chỉ đưa số liệu đã được duyệt; bản dự thảo (chỉ cán bộ và Đảng ủy phường xem) ghi “{DRAFT_MARK}” trên
          mọi trang và đánh dấu số liệu chưa duyệt. Số liệu viết bằng lời như trong văn bản; tải về dạng Word để chỉnh
          sửa tiếp.
        </p>
      </header>
      {editor}
      <section
        aria-label="Nội dung báo cáo"
        className="mx-auto max-w-3xl space-y-1 rounded border border-slate-300 bg-white p-4 font-serif sm:p-8"
      >
        {doc.draft && <p className="text-right font-bold text-red-800">{DRAFT_MARK}</p>}
        <div className="grid grid-cols-2 gap-4 text-center text-sm">
          <div>
            {doc.issuers.map((t, i) => (
              <p key={i} className={i > 0 && t !== "*" ? "font-bold" : undefined}>
                {t}
              </p>
            ))}
            <p>{doc.number}</p>
          </div>
          <div>
            <p className="font-bold underline">{doc.partyName}</p>
            <p className="mt-2 italic">{doc.placeDate}</p>
          </div>
        </div>
        <h2 className="mt-4 text-center text-lg font-bold">{doc.title}</h2>
        <p className="text-center font-bold">{doc.subject}</p>
        {doc.body.map((b, i) => (
          <Block key={i} b={b} />
        ))}
        <p className="mt-3 text-sm italic">{doc.sourcesNote}</p>
        <div className="mt-4 grid grid-cols-2 gap-4 text-sm">
          <div>
            <p className="font-bold italic">Nơi nhận:</p>
            <ul>
              {doc.recipients.map((r) => (
                <li key={r}>- {r}</li>
              ))}
            </ul>
          </div>
          <div className="text-center font-bold">
            <p>{doc.signature.onBehalf}</p>
            <p>{doc.signature.title}</p>
            <p className="mt-12">{doc.signature.name}</p>
          </div>
        </div>
      </section>
    </article>
  );
}

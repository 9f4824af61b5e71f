import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { ParagraphForm } from "@/components/documents/paragraph-form";
import { ReportView } from "@/components/documents/report-view";
import { requireReadPage } from "@/lib/auth/access";
import { mayEditValues, mayReadDrafts } from "@/lib/auth/may-edit";
import { getUnitScope } from "@/lib/data/org-units";
import { getReportParagraphs, isReportPeriodOpen } from "@/lib/data/report-paragraphs";
import type { ReadScope } from "@/lib/data/scope";
import { resolveTerm } from "@/lib/data/terms";
import { REPORT_PARAGRAPH_KINDS, REPORT_PARAGRAPH_LABEL } from "@/lib/documents/party-report";
import { todayInVietnam } from "@/lib/services/document-download";
import { loadPartyReport } from "@/lib/services/party-report";
import { slugSchema } from "@/lib/validation/params";
import { reportQuerySchema } from "@/lib/validation/party-report";

type Props = {
  params: Promise<{ ward: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

type Query = { term?: string; year?: number; programme?: string; demo: boolean; draft: boolean };

const loadPage = cache(async (ward: string, q: Query, scope: ReadScope) => {
  const term = await resolveTerm(q.term);
  if (!term || (q.year !== undefined && (q.year < term.startYear || q.year > term.endYear))) return null;
  const doc = await loadPartyReport({
    wardSlug: ward,
    term,
    year: q.year ?? null,
    programmeSlug: q.programme,
    includeDemo: q.demo,
    draft: q.draft,
    scope,
    date: todayInVietnam(),
  });
  return doc && { doc, term };
});

async function load({ params, searchParams }: Props) {
  const [{ ward }, query] = await Promise.all([params, searchParams.then((q) => reportQuerySchema.safeParse(q))]);
  const slug = slugSchema.safeParse(ward);
  if (!slug.success || !query.success) notFound();
  const scope = await requireReadPage(slug.data);
  const drafts = await mayReadDrafts(slug.data);
  // a draft shows figures not yet approved: only the ward's officials and committee
  if (query.data.draft && !drafts) forbidden();
  const page = await loadPage(slug.data, query.data, scope);
  if (!page) notFound();
  return { ...page, slug: slug.data, q: query.data, scope, drafts };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { doc } = await load(props);
  return { title: `Báo cáo · ${doc.subject}` };
}

export default async function ReportPage(props: Props) {
  const { doc, term, slug, q, scope, drafts } = await load(props);
  const year = q.year ?? null;
  const params = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams({ term: term.slug });
    if (q.programme) p.set("programme", q.programme);
    if (!q.demo) p.set("demo", "0");
    for (const [k, v] of Object.entries(extra)) if (v !== undefined) p.set(k, v);
    return p.toString();
  };
  const own = { year: year === null ? undefined : String(year), draft: q.draft ? "1" : undefined };
  const years = Array.from({ length: term.endYear - term.startYear + 1 }, (_, k) => term.startYear + k);
  const periods = [
    {
      label: `Tổng kết nhiệm kỳ ${term.slug}`,
      href: `/${slug}/bao-cao?${params({ draft: own.draft })}`,
      current: year === null,
    },
    ...years.map((y) => ({
      label: `Sơ kết năm ${y}`,
      href: `/${slug}/bao-cao?${params({ year: String(y), draft: own.draft })}`,
      current: year === y,
    })),
  ];
  const api = `/api/v1/org-units/${slug}/report`;
  const [canEdit, unit] = await Promise.all([mayEditValues(slug), getUnitScope(slug)]);
  const open = canEdit && unit ? await isReportPeriodOpen(unit.id, term.id, year) : false;
  const paragraphs = canEdit
    ? await getReportParagraphs({ wardSlug: slug, period: { termId: term.id, year }, scope })
    : {};
  const editor = canEdit ? (
    <section aria-labelledby="doan-van" className="no-print space-y-4">
      <h2 id="doan-van" className="text-lg font-semibold text-brand-800">
        Đoạn văn của phường
      </h2>
      {open ? (
        REPORT_PARAGRAPH_KINDS.map((kind) => (
          <ParagraphForm
            key={`${term.slug}-${year}-${kind}`}
            ward={slug}
            term={term.slug}
            year={year}
            kind={kind}
            label={REPORT_PARAGRAPH_LABEL[kind]}
            text={paragraphs[kind]?.text ?? ""}
            version={paragraphs[kind]?.version ?? 0}
          />
        ))
      ) : (
        <p className="text-sm text-slate-700">
          Số liệu của kỳ này đã được Đảng ủy phường duyệt hết: báo cáo đã khóa, không sửa đoạn văn được nữa.
        </p>
      )}
    </section>
  ) : null;
  return (
    <ReportView
      doc={doc}
      ward={{
        slug,
        name: doc.issuers.find((t) => t.startsWith("ĐẢNG ỦY")) ? `Phường ${doc.placeDate.split(",")[0]}` : slug,
      }}
      downloads={{
        docx: `${api}?${params({ ...own, format: "docx" })}`,
        pdf: `${api}?${params({ ...own, format: "pdf" })}`,
      }}
      periods={periods}
      draftLink={
        drafts
          ? q.draft
            ? { href: `/${slug}/bao-cao?${params({ year: own.year })}`, label: "Xem bản chính thức" }
            : { href: `/${slug}/bao-cao?${params({ year: own.year, draft: "1" })}`, label: "Xem bản dự thảo" }
          : null
      }
      editor={editor}
    />
  );
}

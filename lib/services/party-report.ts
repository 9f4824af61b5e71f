import "server-only";
import { getOrgUnit } from "@/lib/data/org-units";
import { getReportRecords, getUnapprovedWardValues } from "@/lib/data/party-report";
import { getProgrammes } from "@/lib/data/programmes";
import { getReportParagraphs } from "@/lib/data/report-paragraphs";
import type { ReadScope } from "@/lib/data/scope";
import type { TermSummary } from "@/lib/data/terms";
import { getUnitValues } from "@/lib/data/values";
import { writeDocx } from "@/lib/documents/docx";
import {
  buildPartyReport,
  documentText,
  type PartyDocument,
  type ReportFigure,
  type ReportInput,
} from "@/lib/documents/party-report";
import { writeReportPdf } from "@/lib/documents/pdf";

export type ReportRequest = {
  wardSlug: string;
  term: TermSummary;
  /** a yearly report (sơ kết); null: the term's (tổng kết) */
  year: number | null;
  programmeSlug?: string;
  includeDemo: boolean;
  /** a draft carries figures not yet approved, marked, and says DỰ THẢO on every page */
  draft: boolean;
  scope: ReadScope;
  date: Date;
  signerName?: string | null;
};

const key = (programmeCode: string, indicatorCode: string) => `${programmeCode}\u0000${indicatorCode}`;

/** What the report of a ward says, from the database; null when the ward or programme is unknown or out of scope. */
export async function loadPartyReport(req: ReportRequest): Promise<PartyDocument | null> {
  const ward = await getOrgUnit(req.wardSlug, req.scope);
  if (!ward || ward.level !== "WARD") return null;
  const [allProgrammes, values, unapproved, records, paragraphs] = await Promise.all([
    getProgrammes(req.term.id, { unitSlug: req.wardSlug }),
    getUnitValues({
      orgUnitSlug: req.wardSlug,
      termId: req.term.id,
      scope: req.scope,
      programmeSlug: req.programmeSlug,
    }),
    req.draft
      ? getUnapprovedWardValues({
          wardSlug: req.wardSlug,
          termId: req.term.id,
          scope: req.scope,
          programmeSlug: req.programmeSlug,
        })
      : Promise.resolve([]),
    getReportRecords({ wardSlug: req.wardSlug, termId: req.term.id, scope: req.scope }),
    getReportParagraphs({
      wardSlug: req.wardSlug,
      period: { termId: req.term.id, year: req.year },
      scope: req.scope,
    }),
  ]);
  const shown = records.filter((r) => req.includeDemo || !r.isDemo);
  const programmes = req.programmeSlug ? allProgrammes.filter((p) => p.slug === req.programmeSlug) : allProgrammes;
  if (programmes.length === 0) return null;

  const figures = new Map<string, ReportFigure[]>();
  const add = (k: string, f: ReportFigure) => {
    const list = (figures.get(k) ?? []).filter((x) => x.year !== f.year);
    list.push(f);
    figures.set(k, list);
  };
  for (const v of values) {
    if (v.isDemo && !req.includeDemo) continue;
    add(key(v.indicator.programmeCode, v.indicator.code), {
      year: v.period.kind === "TERM" ? null : v.period.year,
      value: v.value,
      qualifier: v.qualifier,
      approved: true,
      isDemo: v.isDemo,
    });
  }
  // an entered figure not yet approved stands in a draft for the published one of the same year
  for (const u of unapproved)
    add(key(u.programmeCode, u.indicatorCode), {
      year: u.year,
      value: u.value,
      qualifier: u.qualifier,
      approved: false,
      isDemo: false,
    });

  const input: ReportInput = {
    ward: { name: ward.name, shortName: ward.shortName, districtName: ward.parent?.name ?? null },
    period:
      req.year === null
        ? { kind: "TERM", startYear: req.term.startYear, endYear: req.term.endYear }
        : { kind: "YEAR", year: req.year },
    programmes: programmes.map((p) => ({
      code: p.code,
      title: p.title,
      sections: p.sections.map((s) => ({
        name: s.name,
        indicators: s.indicators.map((i) => ({
          code: i.code,
          name: i.name,
          parentCode: i.parentCode,
          unit: i.unit,
          valueType: i.valueType,
          aggregation: i.aggregation,
          figures: figures.get(key(p.code, i.code)) ?? [],
        })),
      })),
      achievements: shown
        .filter((r) => r.kind === "ACHIEVEMENT" && r.programmeCode === p.code)
        .map((r) => ({ year: r.year, title: r.title, achieved: r.achieved, isDemo: r.isDemo })),
      projects: shown
        .filter((r) => r.kind === "PROJECT" && r.programmeCode === p.code)
        .map((r) => ({ title: r.title, isDemo: r.isDemo })),
    })),
    paragraphs: Object.fromEntries(Object.entries(paragraphs).map(([k, p]) => [k, p.text])),
    draft: req.draft,
    date: req.date,
    signerName: req.signerName ?? null,
  };
  return buildPartyReport(input);
}

export type ReportFormat = "docx" | "pdf" | "txt";

export const REPORT_CONTENT_TYPE: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  txt: "text/plain; charset=utf-8",
};

export async function renderPartyReport(doc: PartyDocument, format: ReportFormat): Promise<Buffer> {
  if (format === "docx") return writeDocx(doc);
  if (format === "pdf") return writeReportPdf(doc);
  return Buffer.from(documentText(doc), "utf8");
}

// The ward's report (Báo cáo) as a document model, laid out as a party document (Hướng dẫn
// 36-HD/VPTW): issuing bodies, number, place and date, title and subject, body, recipients and
// signature. Pure: the .docx and PDF writers render the same model, so both carry the same text.

import { figureProse } from "@/lib/format/vi-words";
import type { Aggregation, Qualifier, ValueType } from "@/lib/domain/enums";
import { termFigure } from "@/lib/domain/term-figure";

/** The paragraphs the ward types itself, in the order the report carries them. */
export const REPORT_PARAGRAPH_KINDS = [
  "GENERAL_ASSESSMENT",
  "HIGHLIGHTS",
  "SHORTCOMINGS",
  "LESSONS",
  "DIRECTIONS",
] as const;
export type ReportParagraphKind = (typeof REPORT_PARAGRAPH_KINDS)[number];

export const REPORT_PARAGRAPH_LABEL: Record<ReportParagraphKind, string> = {
  GENERAL_ASSESSMENT: "Đánh giá chung",
  HIGHLIGHTS: "Kết quả nổi bật",
  SHORTCOMINGS: "Hạn chế và nguyên nhân",
  LESSONS: "Bài học kinh nghiệm",
  DIRECTIONS: "Phương hướng, nhiệm vụ",
};

/** One stored figure of the ward: a year's, or the whole term's (year null). */
export type ReportFigure = {
  year: number | null;
  value: string;
  qualifier: Qualifier;
  /** false: entered but not approved (only a draft report carries such figures) */
  approved: boolean;
  isDemo: boolean;
};

export type ReportIndicator = {
  code: string;
  name: string;
  /** the indicator this one is a category sub-row of (e.g. violations by kind), if any */
  parentCode?: string | null;
  unit: string;
  valueType: ValueType;
  aggregation: Aggregation;
  figures: ReportFigure[];
};

export type ReportProgramme = {
  code: string;
  title: string;
  sections: Array<{ name: string; indicators: ReportIndicator[] }>;
  /** named achievements (year, title) and land-clearance projects of the ward, published */
  achievements: Array<{ year: number | null; title: string; achieved: boolean; isDemo: boolean }>;
  projects: Array<{ title: string; isDemo: boolean }>;
};

export type ReportInput = {
  ward: { name: string; shortName: string; districtName: string | null };
  period: { kind: "TERM"; startYear: number; endYear: number } | { kind: "YEAR"; year: number };
  programmes: ReportProgramme[];
  paragraphs: Partial<Record<ReportParagraphKind, string>>;
  draft: boolean;
  /** the date on the document (dd tháng mm năm yyyy), as a Date read in UTC */
  date: Date;
  /** the secretary's name, when known; never invented */
  signerName: string | null;
};

export type DocBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string; italic?: boolean }
  | { kind: "figure"; text: string }
  | { kind: "table"; caption: string; header: string[]; rows: string[][] };

export type PartyDocument = {
  wardName: string;
  draft: boolean;
  issuers: string[];
  partyName: string;
  motto: string;
  number: string;
  placeDate: string;
  title: string;
  subject: string;
  body: DocBlock[];
  recipients: string[];
  signature: { onBehalf: string; title: string; name: string };
  /** the footnote under the body naming where the figures come from */
  sourcesNote: string;
};

export const DRAFT_MARK = "DỰ THẢO";
export const UNAPPROVED_MARK = "(chưa duyệt)";
export const DEMO_MARK = "(số liệu minh họa)";

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/** "Phường Ngọc Thụy" → "Ngọc Thụy"; the place of the date line is the ward's short name. */
export function placeDateLine(place: string, date: Date): string {
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${place}, ngày ${dd} tháng ${mm} năm ${date.getUTCFullYear()}`;
}

function marks(f: ReportFigure): string {
  return [f.approved ? "" : UNAPPROVED_MARK, f.isDemo ? DEMO_MARK : ""].filter(Boolean).join(" ");
}

function withMarks(text: string, f: ReportFigure): string {
  const m = marks(f);
  return m ? `${text} ${m}` : text;
}

/**
 * One indicator's sentence, as the data holds it: a term report gives the term figure (the one
 * reported for the term, else computed from the years by the indicator's rule) and then the years;
 * a yearly report gives that year's figure. Null when the ward holds nothing for it.
 */
export function indicatorSentence(indicator: ReportIndicator, period: ReportInput["period"]): string | null {
  const words = (f: ReportFigure, ofTerm: boolean) =>
    withMarks(
      figureProse({
        value: f.value,
        qualifier: f.qualifier,
        valueType: indicator.valueType,
        unit: indicator.unit,
        aggregation: indicator.aggregation,
        ofTerm,
      }),
      f,
    );
  if (period.kind === "YEAR") {
    const f = indicator.figures.find((x) => x.year === period.year);
    return f ? `${indicator.name}: ${words(f, false)}.` : null;
  }
  const term = indicator.figures.find((f) => f.year === null);
  const years = indicator.figures.filter((f) => f.year !== null).sort((a, b) => a.year! - b.year!);
  if (!term && years.length === 0) return null;
  const parts: string[] = [];
  if (term) {
    // "đạt" needs no "cả nhiệm kỳ" before it; a count or a rate does
    const achievedOnly = indicator.valueType === "BOOLEAN" && indicator.unit === "đạt";
    parts.push(achievedOnly ? words(term, true) : `cả nhiệm kỳ ${words(term, true)}`);
  } else if (years.length > 1) {
    // computed by the indicator's rule from the years the data holds; says which years it covers
    const figure = termFigure(
      indicator.aggregation,
      years.map((y) => ({ year: y.year!, value: y.value, qualifier: y.qualifier })),
    );
    if (figure.basis === "computed") {
      const basis: ReportFigure = {
        year: null,
        value: figure.value,
        qualifier: figure.qualifier,
        approved: years.every((y) => y.approved),
        isDemo: years.every((y) => y.isDemo),
      };
      const label = indicator.aggregation === "SUM" ? "tổng" : "cả nhiệm kỳ";
      parts.push(`${label} các năm ${years[0].year}–${years[years.length - 1].year} ${words(basis, true)}`);
    }
  }
  if (years.length > 0) {
    // a "years achieved" indicator counts the years: each year itself is achieved or not
    const yearWords = (y: ReportFigure) =>
      indicator.aggregation === "YEARS_ACHIEVED"
        ? withMarks(Number(y.value) >= 1 ? "đạt" : "chưa đạt", y)
        : words(y, false);
    parts.push(years.map((y) => `năm ${y.year}: ${yearWords(y)}`).join("; "));
  }
  return `${indicator.name}: ${parts.join("; ")}.`;
}

/** The words of one figure in a table cell: as in the prose, without the indicator's name. */
function cellWords(indicator: ReportIndicator, f: ReportFigure, ofTerm: boolean): string {
  if (!ofTerm && indicator.aggregation === "YEARS_ACHIEVED")
    return withMarks(Number(f.value) >= 1 ? "đạt" : "chưa đạt", f);
  return withMarks(
    figureProse({
      value: f.value,
      qualifier: f.qualifier,
      valueType: indicator.valueType,
      unit: indicator.unit,
      aggregation: indicator.aggregation,
      ofTerm,
    }),
    f,
  );
}

/** The term figure for a table's last column: the one reported for the term, else computed from the years and said so. */
function termCell(indicator: ReportIndicator): string {
  const term = indicator.figures.find((f) => f.year === null);
  if (term) return cellWords(indicator, term, true);
  const years = indicator.figures.filter((f) => f.year !== null);
  if (years.length < 2) return "—";
  const figure = termFigure(
    indicator.aggregation,
    years.map((y) => ({ year: y.year!, value: y.value, qualifier: y.qualifier })),
  );
  if (figure.basis !== "computed") return "—";
  const basis: ReportFigure = {
    year: null,
    value: figure.value,
    qualifier: figure.qualifier,
    approved: years.every((y) => y.approved),
    isDemo: years.every((y) => y.isDemo),
  };
  return `${cellWords(indicator, basis, true)} (tính từ các năm)`;
}

/**
 * A section's figures as a table, where the body has one: in a term report, the yearly figures of
 * its indicators over the term (when some indicator holds two years or more, or it has category
 * sub-rows); in a yearly report, the category sub-rows with their parent. Only the years the data
 * holds are columns, and only indicators with a figure are rows; sub-rows are named "– …" under
 * their parent. Null when the section has no such table.
 */
export function sectionTable(
  section: { name: string; indicators: ReportIndicator[] },
  period: ReportInput["period"],
): Extract<DocBlock, { kind: "table" }> | null {
  const inPeriod = (f: ReportFigure) => (period.kind === "TERM" ? true : f.year === period.year);
  const has = (i: ReportIndicator) => i.figures.some(inPeriod);
  const parents = new Set(section.indicators.filter((i) => i.parentCode && has(i)).map((i) => i.parentCode as string));
  const name = (i: ReportIndicator) => (i.parentCode ? `– ${i.name}` : i.name);
  if (period.kind === "YEAR") {
    if (parents.size === 0) return null;
    const rows = section.indicators
      .filter((i) => has(i) && (parents.has(i.code) || (i.parentCode && parents.has(i.parentCode))))
      .map((i) => [name(i), cellWords(i, i.figures.find(inPeriod)!, false)]);
    return {
      kind: "table",
      caption: `Bảng số liệu: ${section.name}`,
      header: ["Chỉ tiêu", `Năm ${period.year}`],
      rows,
    };
  }
  const yearsOf = (i: ReportIndicator) => i.figures.filter((f) => f.year !== null).map((f) => f.year!);
  const withYears = section.indicators.filter((i) => yearsOf(i).length > 0);
  if (!withYears.some((i) => yearsOf(i).length > 1) && parents.size === 0) return null;
  const years = [...new Set(withYears.flatMap(yearsOf))].sort((a, b) => a - b);
  const rows = section.indicators
    .filter((i) => yearsOf(i).length > 0 || (has(i) && (parents.has(i.code) || i.parentCode)))
    .map((i) => [
      name(i),
      ...years.map((y) => {
        const f = i.figures.find((x) => x.year === y);
        return f ? cellWords(i, f, false) : "—";
      }),
      termCell(i),
    ]);
  return {
    kind: "table",
    caption: `Bảng số liệu qua các năm: ${section.name}`,
    header: ["Chỉ tiêu", ...years.map((y) => `Năm ${y}`), "Cả nhiệm kỳ"],
    rows,
  };
}

function subjectOf(input: ReportInput): string {
  const programmes =
    input.programmes.length === 1
      ? `Chương trình ${input.programmes[0].code} của Quận ủy`
      : `${input.programmes.length} Chương trình công tác toàn khóa của Quận ủy`;
  if (input.period.kind === "TERM")
    return `Tổng kết thực hiện ${programmes} nhiệm kỳ ${input.period.startYear}–${input.period.endYear} trên địa bàn ${input.ward.name.toLowerCase().startsWith("phường") ? "phường " + input.ward.shortName : input.ward.name}`;
  return `Sơ kết thực hiện ${programmes} năm ${input.period.year} trên địa bàn phường ${input.ward.shortName}`;
}

/** The ward's typed paragraph, or in a draft a visible reminder that it is still to be written. */
function typed(input: ReportInput, kind: ReportParagraphKind): DocBlock[] {
  const text = input.paragraphs[kind]?.trim();
  if (text) return text.split(/\n\s*\n|\n/).map((p) => ({ kind: "paragraph" as const, text: p.trim() }));
  if (input.draft)
    return [{ kind: "paragraph", italic: true, text: `[Phường chưa nhập “${REPORT_PARAGRAPH_LABEL[kind]}”.]` }];
  return [];
}

/** The whole report of a ward. */
export function buildPartyReport(input: ReportInput): PartyDocument {
  const body: DocBlock[] = [];
  let part = 0;
  const section = (text: string, blocks: DocBlock[]) => {
    if (blocks.length === 0) return;
    body.push({ kind: "heading", level: 1, text: `${ROMAN[part++]}. ${text.toUpperCase()}` }, ...blocks);
  };

  section(REPORT_PARAGRAPH_LABEL.GENERAL_ASSESSMENT, typed(input, "GENERAL_ASSESSMENT"));

  const results: DocBlock[] = [];
  input.programmes.forEach((p, i) => {
    const inner: DocBlock[] = [];
    p.sections.forEach((s) => {
      const sentences = s.indicators
        .map((ind) => indicatorSentence(ind, input.period))
        .filter((t): t is string => t !== null);
      if (sentences.length === 0) return;
      inner.push({ kind: "heading", level: 3, text: s.name });
      inner.push(...sentences.map((text) => ({ kind: "figure" as const, text: `- ${text}` })));
      const table = sectionTable(s, input.period);
      if (table) inner.push(table);
    });
    const achievements = p.achievements.filter((a) => input.period.kind === "TERM" || a.year === input.period.year);
    if (achievements.length > 0) {
      inner.push({ kind: "heading", level: 3, text: "Danh hiệu, kết quả được công nhận" });
      inner.push(
        ...achievements.map((a) => ({
          kind: "figure" as const,
          text: `- ${a.year !== null ? `Năm ${a.year}: ` : ""}${a.title}${a.achieved ? "" : " (đăng ký, phấn đấu đạt)"}${a.isDemo ? ` ${DEMO_MARK}` : ""}.`,
        })),
      );
    }
    if (p.projects.length > 0 && input.period.kind === "TERM") {
      inner.push({ kind: "heading", level: 3, text: "Các dự án giải phóng mặt bằng được nêu tên" });
      inner.push(
        ...p.projects.map((pr) => ({
          kind: "figure" as const,
          text: `- ${pr.title}${pr.isDemo ? ` ${DEMO_MARK}` : ""}.`,
        })),
      );
    }
    results.push({ kind: "heading", level: 2, text: `${i + 1}. Chương trình ${p.code} về “${p.title}”` });
    if (inner.length === 0)
      results.push({ kind: "paragraph", italic: true, text: "Chưa có số liệu được duyệt cho chương trình này." });
    results.push(...inner);
  });
  section("Kết quả thực hiện các chương trình", results);
  section(REPORT_PARAGRAPH_LABEL.HIGHLIGHTS, typed(input, "HIGHLIGHTS"));
  section(REPORT_PARAGRAPH_LABEL.SHORTCOMINGS, typed(input, "SHORTCOMINGS"));
  section(REPORT_PARAGRAPH_LABEL.LESSONS, typed(input, "LESSONS"));
  section(REPORT_PARAGRAPH_LABEL.DIRECTIONS, typed(input, "DIRECTIONS"));

  const anyUnapproved = input.programmes.some((p) =>
    p.sections.some((s) => s.indicators.some((i) => i.figures.some((f) => !f.approved))),
  );
  const anyDemo = input.programmes.some((p) =>
    p.sections.some((s) => s.indicators.some((i) => i.figures.some((f) => f.isDemo))),
  );
  const notes = ["Số liệu: số liệu báo cáo và số liệu phường nhập đã được Đảng ủy phường duyệt."];
  if (anyUnapproved) notes.push(`Số liệu ghi “${UNAPPROVED_MARK.slice(1, -1)}” là số phường đã nhập, chưa được duyệt.`);
  if (anyDemo) notes.push(`Số liệu ghi “${DEMO_MARK.slice(1, -1)}” là dữ liệu minh họa, không phải số liệu thật.`);

  return {
    wardName: input.ward.name,
    draft: input.draft,
    issuers: [
      ...(input.ward.districtName ? [`ĐẢNG BỘ ${input.ward.districtName.toUpperCase()}`] : []),
      `ĐẢNG ỦY PHƯỜNG ${input.ward.shortName.toUpperCase()}`,
      "*",
    ],
    partyName: "ĐẢNG CỘNG SẢN VIỆT NAM",
    motto: "",
    number: "Số      -BC/ĐU",
    placeDate: placeDateLine(input.ward.shortName, input.date),
    title: "BÁO CÁO",
    subject: subjectOf(input),
    body,
    recipients: ["Ban Thường vụ Quận ủy (để báo cáo);", "Các đồng chí Đảng ủy viên;", "Lưu VPĐU."],
    signature: { onBehalf: "T/M ĐẢNG ỦY", title: "BÍ THƯ", name: input.signerName ?? "" },
    sourcesNote: notes.join(" "),
  };
}

/** The document as plain text, in reading order (what tests and the page compare). */
export function documentText(doc: PartyDocument): string {
  const lines = [
    ...(doc.draft ? [DRAFT_MARK] : []),
    ...doc.issuers,
    doc.partyName,
    doc.number,
    doc.placeDate,
    doc.title,
    doc.subject,
    ...doc.body.flatMap((b) =>
      b.kind === "table" ? [b.caption, b.header.join(" | "), ...b.rows.map((r) => r.join(" | "))] : [b.text],
    ),
    doc.sourcesNote,
    "Nơi nhận:",
    ...doc.recipients.map((r) => `- ${r}`),
    doc.signature.onBehalf,
    doc.signature.title,
    doc.signature.name,
  ];
  return lines.filter((l) => l !== "").join("\n");
}

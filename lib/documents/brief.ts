// The committee's one-page brief of a ward, for a year or a term: per headline indicator the figure,
// target and status, the change against the year before, flags and source; the three indicators
// furthest ahead of their targets and the three furthest behind; the review state of each programme.
// Pure: the page and the PDF render the same model.

import { toScaled } from "@/lib/domain/decimal";
import type { Comparison, Direction, Qualifier, SourceKind, SubmissionStatus, ValueType } from "@/lib/domain/enums";
import { isLate, PROGRESS_LABEL, type ProgressState } from "@/lib/domain/submission-workflow";
import { TARGET_STATUS_LABEL, targetStatus, type TargetStatus } from "@/lib/domain/target-status";
import { formatDate, formatNumber } from "@/lib/format/vi";
import { figureProse } from "@/lib/format/vi-words";

export type BriefFigure = {
  value: string;
  qualifier: Qualifier;
  source: { kind: SourceKind; title: string; issuedOn: string | null };
  /** false: entered by the ward and not approved yet (only a draft brief carries such figures) */
  approved: boolean;
};

export type BriefIndicatorInput = {
  code: string;
  name: string;
  unit: string;
  valueType: ValueType;
  direction: Direction;
  /** the approved figure of the period (the year, or the term's), if any */
  figure: BriefFigure | null;
  /** the figure of the year before (or of the previous term), if any */
  previous: BriefFigure | null;
  /** why there is no previous figure to compare with, when it does not exist (a term brief says why) */
  previousMissing?: string | null;
  target: { comparison: Comparison; value: string; isDemo: boolean } | null;
  /** a figure was entered for the period and is not approved yet */
  pendingApproval: boolean;
  /** the ward's officials confirmed the figure as far from earlier years */
  confirmedOutlier: boolean;
};

export type BriefInput = {
  ward: { name: string };
  period: { kind: "TERM"; slug: string } | { kind: "YEAR"; year: number };
  programmes: Array<{
    code: string;
    title: string;
    /** review state of the year (a term brief has none) */
    state: SubmissionStatus | "NOT_STARTED" | null;
    indicators: BriefIndicatorInput[];
  }>;
  dueOn: string | null;
  now: Date;
  /** a draft carries the ward's figures not yet approved, marked, and says DỰ THẢO */
  draft?: boolean;
};

export type BriefRow = {
  programmeCode: string;
  code: string;
  name: string;
  figure: string;
  target: string;
  status: TargetStatus;
  statusLabel: string;
  change: string;
  flags: string[];
  source: string;
  isDemo: boolean;
  /** figure ÷ target in the indicator's better direction (>1 ahead), for ranking */
  lead: number | null;
};

export type Brief = {
  wardName: string;
  draft: boolean;
  title: string;
  periodLabel: string;
  programmes: Array<{ code: string; title: string; state: string | null; late: boolean; rows: BriefRow[] }>;
  ahead: BriefRow[];
  behind: BriefRow[];
  notes: string[];
};

// Words, not signs: "≥" is missing from the embedded font, and officials write "từ 90%".
const COMPARISON_WORD: Record<Comparison, string> = { GTE: "từ", GT: "trên", LTE: "tối đa", LT: "dưới", EQ: "" };

/** "từ 90%", "tối đa 0 hồ sơ", "từ 10 tỷ đồng", "đạt". */
export function targetWords(t: { comparison: Comparison; value: string }, valueType: ValueType, unit: string): string {
  const figure = figureProse({ value: t.value, qualifier: "EXACT", valueType, unit });
  if (valueType === "BOOLEAN" && unit === "đạt") return figure;
  return `${COMPARISON_WORD[t.comparison]} ${figure}`.trim();
}

export const BRIEF_UNAPPROVED_MARK = "(chưa duyệt)";

export function sourceLabel(s: BriefFigure["source"], approved = true): string {
  if (!approved) return "Phường nhập, chưa duyệt";
  if (s.kind === "DEMO") return "Minh họa";
  if (s.kind === "ENTRY") return "Phường nhập, Đảng ủy duyệt";
  return s.issuedOn ? `${s.title}, ${formatDate(s.issuedOn)}` : s.title;
}

/** "+12 trường hợp", "−3 %", "không đổi"; empty when either figure is missing or "trên" makes it unknown. */
export function changeText(i: BriefIndicatorInput): string {
  if (i.figure && !i.previous && i.previousMissing) return `— (${i.previousMissing})`;
  if (!i.figure || !i.previous) return "—";
  if (i.figure.qualifier !== "EXACT" || i.previous.qualifier !== "EXACT") return "—";
  if (i.valueType === "BOOLEAN") return i.figure.value === i.previous.value ? "không đổi" : "thay đổi";
  const diff = toScaled(i.figure.value) - toScaled(i.previous.value);
  if (diff === 0n) return "không đổi";
  const abs = diff < 0n ? -diff : diff;
  const digits = abs.toString().padStart(5, "0");
  const value = `${digits.slice(0, -4)}.${digits.slice(-4)}`.replace(/\.?0+$/, "");
  const unit = i.valueType === "PERCENT" ? "điểm %" : i.valueType === "MONEY" ? "đ" : i.unit;
  return `${diff > 0n ? "+" : "−"}${formatNumber(value)} ${unit}`;
}

function lead(i: BriefIndicatorInput): number | null {
  if (!i.figure || !i.target || i.direction === "NEUTRAL") return null;
  const v = Number(i.figure.value);
  const t = Number(i.target.value);
  if (i.direction === "HIGHER_IS_BETTER") return t === 0 ? null : v / t;
  return v === 0 ? (t === 0 ? 1 : null) : t / v;
}

export function buildBrief(input: BriefInput): Brief {
  const periodLabel = input.period.kind === "YEAR" ? `năm ${input.period.year}` : `nhiệm kỳ ${input.period.slug}`;
  let anyDemoTarget = false;
  const programmes = input.programmes.map((p) => {
    const state: ProgressState | null = p.state;
    const late = state !== null && isLate(state, input.dueOn, input.now);
    const rows = p.indicators.map((i): BriefRow => {
      const status = targetStatus({ direction: i.direction, target: i.target, figure: i.figure });
      if (i.target?.isDemo) anyDemoTarget = true;
      const flags: string[] = [];
      if (!i.figure) flags.push("thiếu số liệu");
      if (i.pendingApproval) flags.push("chưa duyệt");
      if (i.confirmedOutlier) flags.push("khác xa các năm trước (đã xác nhận)");
      if (late) flags.push("trễ hạn");
      return {
        programmeCode: p.code,
        code: i.code,
        name: i.name,
        figure: i.figure
          ? figureProse({
              value: i.figure.value,
              qualifier: i.figure.qualifier,
              valueType: i.valueType,
              unit: i.unit,
            }) + (i.figure.approved ? "" : ` ${BRIEF_UNAPPROVED_MARK}`)
          : "—",
        target: i.target ? targetWords(i.target, i.valueType, i.unit) : "—",
        status,
        statusLabel: TARGET_STATUS_LABEL[status],
        change: changeText(i),
        flags,
        source: i.figure ? sourceLabel(i.figure.source, i.figure.approved) : "—",
        isDemo: i.figure?.source.kind === "DEMO",
        lead: lead(i),
      };
    });
    return { code: p.code, title: p.title, state: state === null ? null : PROGRESS_LABEL[state], late, rows };
  });
  const ranked = programmes.flatMap((p) => p.rows).filter((r) => r.lead !== null);
  const ahead = [...ranked]
    .filter((r) => r.status === "exceeded" || r.status === "met")
    .sort((a, b) => b.lead! - a.lead!)
    .slice(0, 3);
  const behind = [...ranked]
    .filter((r) => r.status === "not-met")
    .sort((a, b) => a.lead! - b.lead!)
    .slice(0, 3);
  const notes: string[] = [];
  if (input.draft)
    notes.push(
      `Bản dự thảo: số liệu ghi “${BRIEF_UNAPPROVED_MARK.slice(1, -1)}” là số phường đã nhập, Đảng ủy phường chưa duyệt.`,
    );
  if (programmes.some((p) => p.rows.some((r) => r.isDemo)))
    notes.push("Số liệu ghi nguồn “Minh họa” là dữ liệu minh họa, không phải số liệu thật.");
  if (anyDemoTarget) notes.push("Chỉ tiêu là chỉ tiêu minh họa (báo cáo nguồn không nêu chỉ tiêu bằng số).");
  if (input.dueOn) notes.push(`Hạn gửi số liệu ${periodLabel}: ${formatDate(input.dueOn)}.`);
  return {
    wardName: input.ward.name,
    draft: input.draft ?? false,
    title: `Tóm tắt kết quả thực hiện 3 Chương trình công tác toàn khóa – ${input.ward.name}, ${periodLabel}`,
    periodLabel,
    programmes,
    ahead,
    behind,
    notes,
  };
}

// The entry grid of one (ward, year, programme) as plain data: what the Excel/CSV export writes and
// what an import is compared with. No Prisma types, so pure code (and tests) can use it. Built from
// the entry form's grid (lib/data/entry-file-grid.ts), so the file and the form agree on every cell.

import { isEditable as isEditableStatus } from "./submission-workflow";
import type { Rule } from "./value-rules";
import { cellKey } from "./cell-key";
import type { Comparison, Qualifier, SubmissionStatus, ValueType } from "./enums";

export type GridIndicator = {
  id: number;
  code: string;
  name: string;
  unit: string;
  valueType: ValueType;
  /** the indicator this one is a category sub-row of */
  parentCode: string | null;
  /** WARD: one value for the ward; RESIDENTIAL_GROUP: one per residential group */
  perGroup: boolean;
  /** a ward figure computed from this group indicator (share of groups achieving); never typed */
  derivedFrom: string | null;
};

export type GridSection = { code: string; name: string; indicators: GridIndicator[] };

export type GridUnit = { id: number; slug: string; name: string; shortName: string };

/** The value the grid starts from: the ward's working copy, else the published figure, else nothing. */
export type GridCell = {
  value: string | null;
  qualifier: Qualifier;
  note: string | null;
  /** EntryValue version; 0 when no entry value exists yet */
  version: number;
  /** the stored value was confirmed as far from earlier years (absent: not confirmed) */
  outlierConfirmed?: boolean;
  source: "entry" | "result" | "none";
};

export type GridTarget = { comparison: Comparison; value: string };

export type EntryFileGrid = {
  ward: GridUnit;
  year: number;
  periodId: number;
  programme: { id: number; slug: string; code: string; title: string };
  /** null: nothing saved yet (a draft is created by the first save) */
  submission: { status: SubmissionStatus; version: number } | null;
  sections: GridSection[];
  groups: GridUnit[];
  /** by cellKey(unit slug, indicator code); absent: empty, never entered */
  cells: Record<string, GridCell>;
  /** the ward's published figure of the year before, by indicator code */
  lastYear: Record<string, { value: string; qualifier: Qualifier }>;
  /** the ward's target for the year, by indicator code */
  targets: Record<string, GridTarget>;
  /** each unit's published figures of earlier years, by cellKey, for the outlier check */
  history: Record<string, string[]>;
  rules: Rule[];
};

export const EMPTY_CELL: GridCell = { value: null, qualifier: "EXACT", note: null, version: 0, source: "none" };

export const cellOf = (grid: EntryFileGrid, unit: string, indicator: string): GridCell =>
  grid.cells[cellKey(unit, indicator)] ?? EMPTY_CELL;

export const allIndicators = (grid: EntryFileGrid): GridIndicator[] => grid.sections.flatMap((s) => s.indicators);

/** Nothing saved yet, or a state the ward may still edit (the rule entry-save.ts applies). */
export const isEditable = (grid: EntryFileGrid) => !grid.submission || isEditableStatus(grid.submission.status);

export const STATUS_LABELS: Record<SubmissionStatus, string> = {
  DRAFT: "đang nhập",
  SUBMITTED: "đã gửi, chờ Đảng ủy duyệt",
  RETURNED: "bị trả lại",
  APPROVED: "đã duyệt",
};

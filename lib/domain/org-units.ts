// Org units set up by administrators: which level may sit under which, why a change is refused,
// and how a successor's history is read from its predecessors after a merge or a split. Pure.
import { fromScaled, toScaled } from "./decimal";
import type { Aggregation, OrgLevel, Qualifier, SourceKind, ValueType } from "./enums";

/** The levels a unit of `parent` level may hold (null: a unit with no parent, which must be a city). */
export function childLevels(parent: OrgLevel | null): readonly OrgLevel[] {
  switch (parent) {
    case null:
      return ["CITY"];
    case "CITY":
      // since 2025 wards sit directly under the city; districts still exist in earlier years
      return ["DISTRICT", "WARD"];
    case "DISTRICT":
      return ["WARD"];
    case "WARD":
      return ["RESIDENTIAL_GROUP"];
    case "RESIDENTIAL_GROUP":
      return [];
  }
}

/** The levels that may hold a unit of `level` (the inverse of `childLevels`; none for a city). */
export function parentLevels(level: OrgLevel): OrgLevel[] {
  return (["CITY", "DISTRICT", "WARD"] as const).filter((p) => childLevels(p).includes(level));
}

export const LEVEL_LABELS: Record<OrgLevel, string> = {
  CITY: "Thành phố",
  DISTRICT: "Quận, huyện",
  WARD: "Phường, xã",
  RESIDENTIAL_GROUP: "Tổ dân phố",
};

/**
 * Why an administrator's change to the units is refused: the rule it breaks and the facts. The data
 * layer answers `Failure<"invalid", { refusal }>`; the action words it with `refusalMessage`.
 */
export type OrgUnitRefusal =
  | { rule: "slug-taken"; slug: string }
  | { rule: "name-taken"; name: string; parent: string | null }
  | { rule: "level-not-allowed"; level: OrgLevel; parentLevel: OrgLevel | null }
  | { rule: "not-active"; unit: string; on: string }
  | { rule: "date-before-start"; unit: string; validFrom: string }
  | { rule: "open-submissions"; unit: string; count: number }
  | { rule: "active-children"; unit: string; children: string[] }
  | { rule: "levels-differ" }
  | { rule: "too-few"; min: number }
  | { rule: "shares-over-one"; total: string }
  | { rule: "outside-scope"; unit: string }
  | { rule: "same-name" }
  | { rule: "same-parent"; parent: string }
  | { rule: "below-itself"; unit: string; parent: string }
  | { rule: "parent-retired"; parent: string; lastDay: string };

const dmy = (iso: string) => iso.split("-").reverse().join("/");

export function refusalMessage(r: OrgUnitRefusal): string {
  switch (r.rule) {
    case "slug-taken":
      return `Mã “${r.slug}” đã được dùng cho một đơn vị khác: hãy chọn mã khác.`;
    case "name-taken":
      return `Đã có đơn vị tên “${r.name}” ${r.parent ? `thuộc ${r.parent}` : "ở cấp cao nhất"}: hãy chọn tên khác.`;
    case "level-not-allowed":
      return r.parentLevel === null
        ? `Đơn vị cấp cao nhất phải là thành phố; ${LEVEL_LABELS[r.level].toLowerCase()} cần đơn vị cấp trên.`
        : `${LEVEL_LABELS[r.parentLevel]} không có đơn vị cấp dưới là ${LEVEL_LABELS[r.level].toLowerCase()}.`;
    case "not-active":
      return `${r.unit} không hoạt động vào ngày ${dmy(r.on)}.`;
    case "parent-retired":
      return `${r.parent} đã thôi hoạt động (ngày cuối ${dmy(r.lastDay)}): không thể chuyển đơn vị vào đó. Hãy chọn một đơn vị cấp trên đang hoạt động.`;
    case "date-before-start":
      return `Ngày phải sau ngày ${r.unit} bắt đầu hoạt động (${dmy(r.validFrom)}).`;
    case "open-submissions":
      return `${r.unit} còn ${r.count} kỳ số liệu chưa duyệt (đang nhập, chờ duyệt hoặc bị trả lại): hãy duyệt xong trước khi thôi hoạt động.`;
    case "active-children":
      return `${r.unit} còn đơn vị trực thuộc đang hoạt động: ${r.children.join(", ")}. Hãy cho các đơn vị đó thôi hoạt động trước.`;
    case "levels-differ":
      return "Các đơn vị được sáp nhập phải cùng cấp.";
    case "too-few":
      return `Cần chọn ít nhất ${r.min} đơn vị.`;
    case "shares-over-one":
      return `Tổng tỉ lệ các phần tách ra là ${r.total.replace(".", ",")}, vượt quá 1.`;
    case "outside-scope":
      return `Bạn không có quyền quản trị đơn vị ${r.unit}.`;
    case "same-name":
      return "Tên và mã mới trùng với tên và mã hiện tại.";
    case "same-parent":
      return `Đơn vị đang thuộc ${r.parent}: hãy chọn đơn vị cấp trên khác.`;
    case "below-itself":
      return `Không thể chuyển ${r.unit} vào ${r.parent}: ${r.parent} nằm trong chính ${r.unit}.`;
  }
}

/** The day before an ISO date (yyyy-mm-dd), in UTC: the last day of a unit that ends when another starts. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * May the figures of several units be added into one? Only totals are (counts, money, quantities
 * summed over the term); rates, averages, yes/no and "latest" figures are shown per former unit.
 */
export function isAdditive(indicator: { aggregation: Aggregation; valueType: ValueType }): boolean {
  return indicator.aggregation === "SUM" && ["COUNT", "MONEY", "DECIMAL"].includes(indicator.valueType);
}

export type PredecessorRef = { slug: string; shortName: string; share: string };
export type YearValue = {
  unitSlug: string;
  indicatorCode: string;
  year: number;
  value: string;
  qualifier: Qualifier;
  sourceKind: SourceKind;
};
export type InheritedYear = {
  indicatorCode: string;
  year: number;
  value: string;
  qualifier: Qualifier;
  /** the parts' kind when they agree; demo when any part is; else entered */
  sourceKind: SourceKind;
};

/** "tính từ các đơn vị cũ: A, B": the label of figures added up from the former units. */
export const inheritedLabel = (predecessors: readonly { shortName: string }[]) =>
  `tính từ các đơn vị cũ: ${predecessors.map((p) => p.shortName).join(", ")}`;

/**
 * The successor's yearly figures before it existed, as the sum of its predecessors': only for
 * additive indicators, only where every predecessor gave the share of itself whole (a merge: a
 * split's part of a figure would be an estimate) and reported that year, and only for years the
 * successor has no figure of its own. Anything else stays per predecessor.
 */
export function sumPredecessorYears({
  predecessors,
  values,
  additiveCodes,
  lastYear,
  ownYears,
}: {
  predecessors: readonly PredecessorRef[];
  values: readonly YearValue[];
  additiveCodes: ReadonlySet<string>;
  /** the last year any predecessor reported as itself (the year before the reorganisation took effect, or its year) */
  lastYear: number;
  /** "code:year" of the successor's own figures */
  ownYears: ReadonlySet<string>;
}): InheritedYear[] {
  if (predecessors.length === 0 || predecessors.some((p) => Number(p.share) !== 1)) return [];
  const groups = new Map<string, YearValue[]>();
  for (const v of values) {
    if (!additiveCodes.has(v.indicatorCode) || v.year > lastYear) continue;
    const key = `${v.indicatorCode}:${v.year}`;
    if (ownYears.has(key)) continue;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const out: InheritedYear[] = [];
  for (const group of groups.values()) {
    const units = new Set(group.map((v) => v.unitSlug));
    if (!predecessors.every((p) => units.has(p.slug))) continue;
    out.push({
      indicatorCode: group[0].indicatorCode,
      year: group[0].year,
      value: fromScaled(group.reduce((sum, v) => sum + toScaled(v.value), 0n)),
      qualifier: group.some((v) => v.qualifier === "MORE_THAN") ? "MORE_THAN" : "EXACT",
      sourceKind: group.every((v) => v.sourceKind === group[0].sourceKind)
        ? group[0].sourceKind
        : group.some((v) => v.sourceKind === "DEMO")
          ? "DEMO"
          : "ENTRY",
    });
  }
  return out.sort((a, b) => a.indicatorCode.localeCompare(b.indicatorCode) || a.year - b.year);
}

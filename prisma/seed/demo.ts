import type { Comparison } from "../../lib/generated/prisma/enums";
import { PROGRAMMES, TERM, type IndicatorSeed } from "./catalogue";
import { groupSlug, LONG_BIEN_WARDS, NGOC_THUY_GROUP_COUNT } from "./org-units";
import { REPORT_WARD, REPORTED_VALUES } from "./report";

// Demonstration data: yearly values for every ward of Long Biên and per residential group of
// Ngọc Thụy, so that charts have series to show. It is generated deterministically (the same
// numbers on every machine and every run), stored under the DEMO source, and shown with the
// "Dữ liệu minh họa" badge. It is plausible against the report: Ngọc Thụy's demo years add up to
// its reported five-year totals, and rates stay around the reported rates. It never replaces a
// reported figure.

export const DEMO_SOURCE = {
  key: "du-lieu-minh-hoa",
  kind: "DEMO" as const,
  title: "Dữ liệu minh họa",
  issuedOn: null,
  publisher: null,
  note: "Số liệu tạo tự động để minh họa biểu đồ; không phải số liệu báo cáo.",
};

export type DemoValue = { indicator: string; orgUnit: string; year: number; value: string };
export type DemoTarget = { indicator: string; year: number | null; comparison: Comparison; value: string };

const YEARS = Array.from({ length: TERM.endYear - TERM.startYear + 1 }, (_, i) => TERM.startYear + i);

/** A number in [0, 1) determined by the key alone (FNV-1a hash, then mulberry32 mixing). */
export function unitRandom(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let t = (h + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const between = (key: string, lo: number, hi: number) => lo + (hi - lo) * unitRandom(key);

/** Splits `total` whole units into one share per year with mild year-to-year variation. */
export function splitTotal(total: number, key: string): number[] {
  if (total === 0) return YEARS.map(() => 0);
  const weights = YEARS.map((y) => 0.75 + 0.5 * unitRandom(`${key}|w|${y}`));
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % shares.length, rest--) shares[i] += 1;
  return shares;
}

const indicators = new Map<string, IndicatorSeed>(
  PROGRAMMES.flatMap((p) => p.sections.flatMap((s) => s.indicators)).map((i) => [i.code, i]),
);

const reportedTerm = new Map(
  REPORTED_VALUES.filter((v) => v.year === undefined && (v.orgUnit ?? REPORT_WARD) === REPORT_WARD).map((v) => [
    v.indicator,
    v,
  ]),
);
/** (indicator, unit) pairs with reported yearly figures: demo never fills their other years. */
const reportedYearly = new Set(
  REPORTED_VALUES.filter((v) => v.year !== undefined).map((v) => `${v.indicator}|${v.orgUnit ?? REPORT_WARD}`),
);
const reportedAt = new Set(
  REPORTED_VALUES.map((v) => `${v.indicator}|${v.orgUnit ?? REPORT_WARD}|${v.year ?? "term"}`),
);

// Five-year totals for Ngọc Thụy where the report gives none (categories without a figure).
const DEMO_TERM_BASE: Record<string, number> = { "vp-khac": 48 };
// Indicators that only exist from a year on (the environment club was founded with the 2018 theme).
const DEMO_FROM_YEAR: Record<string, number> = { "hoi-vien-clb-moi-truong": 2018 };

function moneyStep(total: number): number {
  return total >= 1_000_000_000 ? 1_000_000 : 100_000;
}

/** Yearly values of one ward-level indicator for one ward. */
function wardSeries(ind: IndicatorSeed, ward: string): number[] | null {
  const key = `${ind.code}|${ward}`;
  const isNgocThuy = ward === REPORT_WARD;
  const factor = isNgocThuy ? 1 : between(`${key}|f`, 0.6, 1.5);
  const reported = reportedTerm.get(ind.code);
  const base = reported
    ? Number(reported.value) * (reported.qualifier === "MORE_THAN" ? 1.03 : 1)
    : DEMO_TERM_BASE[ind.code];

  if (ind.valueType === "BOOLEAN") {
    const p = ind.aggregation === "YEARS_ACHIEVED" ? 0.6 : 0.85;
    return YEARS.map((y) => (isNgocThuy && ind.aggregation === "LATEST" ? 1 : unitRandom(`${key}|${y}`) < p ? 1 : 0));
  }
  if (ind.valueType === "PERCENT") {
    if (base === undefined) return null;
    const [lo, hi] =
      base >= 100
        ? isNgocThuy
          ? [100, 100]
          : [95, 100]
        : isNgocThuy
          ? [base + 0.5, base + 3.5]
          : [base - 8, base + 8];
    return YEARS.map((y) => Math.min(100, Math.round(between(`${key}|${y}`, lo, hi) * 10) / 10));
  }
  if (base === undefined) return null;
  if (base === 0) {
    // Figures the report gives as none (late files, forced clearances): mostly none elsewhere too.
    return YEARS.map((y) =>
      isNgocThuy || unitRandom(`${key}|${y}`) < 0.8 ? 0 : 1 + Math.floor(unitRandom(`${key}|${y}|n`) * 3),
    );
  }
  if (ind.aggregation === "LATEST") {
    const level = base < 10 ? base : Math.round(base * factor);
    return YEARS.map(() => Math.round(level));
  }
  const step = ind.valueType === "MONEY" ? moneyStep(base) : 1;
  const total = Math.round((base * factor) / step);
  return splitTotal(total, key).map((v) => v * step);
}

function wardLevelValues(): DemoValue[] {
  const out: DemoValue[] = [];
  for (const ind of indicators.values()) {
    if (
      (ind.collectionLevel ?? "WARD") !== "WARD" ||
      ind.code === "vi-pham-da-xu-ly" ||
      ind.code === "ty-le-tdp-van-hoa"
    )
      continue;
    for (const { slug } of LONG_BIEN_WARDS) {
      if (reportedYearly.has(`${ind.code}|${slug}`)) continue;
      // Split from the total below, so that they never exceed it; Ngọc Thụy's suspensions keep the
      // reported five-year total and the requests to obtain a permit take the rest of each year.
      if (ind.parent === "cong-trinh-khong-phep" && !(slug === REPORT_WARD && ind.code === "ctkp-dinh-chi")) continue;
      const series = wardSeries(ind, slug);
      if (!series) continue;
      YEARS.forEach((year, i) => {
        if (year >= (DEMO_FROM_YEAR[ind.code] ?? 0))
          out.push({ indicator: ind.code, orgUnit: slug, year, value: String(series[i]) });
      });
    }
  }
  // Works without permit: the two ways they were handled add up to the total, as in the report.
  for (const v of out.filter((x) => x.indicator === "cong-trinh-khong-phep")) {
    const own = out.find((x) => x.indicator === "ctkp-dinh-chi" && x.orgUnit === v.orgUnit && x.year === v.year);
    const suspended = own ? Number(own.value) : Math.round(Number(v.value) * 0.1);
    if (!own) out.push({ ...v, indicator: "ctkp-dinh-chi", value: String(suspended) });
    out.push({ ...v, indicator: "ctkp-yeu-cau-cap-phep", value: String(Number(v.value) - suspended) });
  }
  // The total of urban-order violations is the sum of its kinds.
  const kinds = ["vp-bien-quang-cao", "vp-mai-che", "vp-buc-be", "vp-khac"];
  const totals = new Map<string, DemoValue>();
  for (const v of out.filter((x) => kinds.includes(x.indicator))) {
    const k = `${v.orgUnit}|${v.year}`;
    const t = totals.get(k) ?? { indicator: "vi-pham-da-xu-ly", orgUnit: v.orgUnit, year: v.year, value: "0" };
    t.value = String(Number(t.value) + Number(v.value));
    totals.set(k, t);
  }
  out.push(...totals.values());
  // Other wards' cultural-group rate (Ngọc Thụy's comes from its groups below).
  for (const { slug } of LONG_BIEN_WARDS.filter((w) => w.slug !== REPORT_WARD)) {
    for (const year of YEARS) {
      const rate = Math.round(between(`ty-le-tdp-van-hoa|${slug}|${year}`, 65, 88) * 10) / 10;
      out.push({ indicator: "ty-le-tdp-van-hoa", orgUnit: slug, year, value: String(rate) });
    }
  }
  return out;
}

function groupLevelValues(): DemoValue[] {
  const out: DemoValue[] = [];
  const groups = Array.from({ length: NGOC_THUY_GROUP_COUNT }, (_, i) => groupSlug(REPORT_WARD, i + 1));
  const wardFamilyRate = new Map(
    wardLevelValues()
      .filter((v) => v.indicator === "ty-le-gia-dinh-van-hoa" && v.orgUnit === REPORT_WARD)
      .map((v) => [v.year, Number(v.value)]),
  );
  for (const year of YEARS) {
    // Cultural families per group, around the ward's rate.
    const wardRate = wardFamilyRate.get(year) ?? 91;
    for (const g of groups) {
      const rate = Math.min(
        100,
        Math.round(between(`gd-van-hoa-theo-tdp|${g}|${year}`, wardRate - 6, wardRate + 6) * 10) / 10,
      );
      out.push({ indicator: "gd-van-hoa-theo-tdp", orgUnit: g, year, value: String(rate) });
    }
    // Cultural-group title: 28–31 of 38 groups each year (the report: more than 73 %).
    const achieving = 28 + Math.floor(unitRandom(`tdp-van-hoa|k|${year}`) * 4);
    const ranked = [...groups].sort(
      (a, b) => unitRandom(`tdp-van-hoa|${a}|${year}`) - unitRandom(`tdp-van-hoa|${b}|${year}`),
    );
    const winners = new Set(ranked.slice(0, achieving));
    for (const g of groups) out.push({ indicator: "tdp-van-hoa", orgUnit: g, year, value: winners.has(g) ? "1" : "0" });
    out.push({
      indicator: "ty-le-tdp-van-hoa",
      orgUnit: REPORT_WARD,
      year,
      value: String(Math.round((achieving / groups.length) * 1000) / 10),
    });
    // Green-Clean-Beautiful began with the 2018 theme; in 2018 the report names Tổ 22 alone.
    if (year >= 2018) {
      for (const g of groups) {
        if (reportedAt.has(`tdp-xanh-sach-dep|${g}|${year}`)) continue;
        const value = year === 2018 ? 0 : unitRandom(`tdp-xanh-sach-dep|${g}|${year}`) < 0.15 ? 1 : 0;
        out.push({ indicator: "tdp-xanh-sach-dep", orgUnit: g, year, value: String(value) });
      }
    }
  }
  return out;
}

export function demoValues(): DemoValue[] {
  return [...wardLevelValues(), ...groupLevelValues()].filter(
    (v) => !reportedAt.has(`${v.indicator}|${v.orgUnit}|${v.year}`),
  );
}

/** Illustrative targets (chỉ tiêu minh họa), for every unit. The report states none as numbers. */
export function demoTargets(): DemoTarget[] {
  const everyYearAndTerm = (indicator: string, comparison: Comparison, value: string): DemoTarget[] => [
    { indicator, year: null, comparison, value },
    ...YEARS.map((year) => ({ indicator, year, comparison, value })),
  ];
  return [
    ...everyYearAndTerm("ty-le-gia-dinh-van-hoa", "GTE", "90"),
    ...everyYearAndTerm("ty-le-tdp-van-hoa", "GTE", "70"),
    ...everyYearAndTerm("ho-so-dung-han", "GTE", "95"),
    ...everyYearAndTerm("ho-so-cham-muon", "LTE", "0"),
    ...everyYearAndTerm("toa-dam-sinh-hoat-chi-bo", "GTE", "100"),
    ...everyYearAndTerm("cuong-che-gpmb", "LTE", "0"),
    { indicator: "co-quan-dien-tu", year: null, comparison: "GTE", value: "3" },
    { indicator: "thue-xay-dung", year: null, comparison: "GTE", value: "10000000000" },
    { indicator: "tu-kiem-tra-cong-vu", year: null, comparison: "GTE", value: "15" },
  ];
}

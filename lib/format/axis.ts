// The value axis of a chart: its ticks, their labels and the axis title, computed here rather than
// left to the chart library, which gives counts fractional ticks ("0,3 chi bộ"), mixes "950.000"
// with "1,9 tr" on one money axis and rounds 2.850.000 to "2,9 tr". One scale per axis: money is
// written in one unit named in the title ("triệu đồng"), every tick in that unit, exactly.

import type { ValueType } from "@/lib/domain/enums";
import { formatNumber } from "./vi";

export type AxisScale = {
  /** Tick values in the data's own unit (đồng, trường hợp …), from 0 (or the lowest value) up. */
  ticks: number[];
  domain: [number, number];
  /** A tick's label in the axis unit: 2.500.000 đ on a "triệu đồng" axis reads "2,5". */
  label: (v: number) => string;
  /** What the numbers are counted in ("triệu đồng", "%", "trường hợp"); empty for yes/no. */
  title: string;
  /** Width in px the longest label needs, so that none is clipped. */
  width: number;
  /** Every value is 0: the chart says so in words, as an empty-looking axis does not. */
  allZero: boolean;
};

const MONEY_UNITS = [
  { factor: 1e9, title: "tỷ đồng" },
  { factor: 1e6, title: "triệu đồng" },
  { factor: 1e3, title: "nghìn đồng" },
  { factor: 1, title: "đồng" },
];

/** The smallest "nice" step (1, 2, 2,5, 5 × 10ⁿ) that covers `span` in about `count` steps. */
function niceStep(span: number, count: number, whole: boolean): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-12) ?? 10 * power;
  // a count never has a fractional tick, nor a 2,5 step between whole numbers below 10
  if (whole) return Math.max(1, step === 2.5 * power && power < 10 ? 2 * power : step);
  return step;
}

/** Drops float noise from a tick (0.30000000000000004 → 0.3). */
const clean = (v: number) => Number(v.toPrecision(12));

/**
 * The value axis for one chart: `values` are what is drawn, `references` the lines drawn across
 * (a target, an average), so that they fit too.
 */
export function axisScale({
  values,
  references = [],
  valueType,
  unit,
}: {
  values: number[];
  references?: number[];
  valueType: ValueType;
  unit: string;
}): AxisScale {
  const all = [...values, ...references].filter(Number.isFinite);
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const allZero = values.every((v) => v === 0);

  if (valueType === "BOOLEAN") {
    return { ticks: [0, 1], domain: [0, 1], label: (v) => (v >= 1 ? "Đạt" : ""), title: "", width: 44, allZero };
  }

  const money = valueType === "MONEY" ? MONEY_UNITS.find((u) => Math.max(max, -min) >= u.factor) : undefined;
  const factor = money?.factor ?? 1;
  const whole = valueType === "COUNT" || (valueType === "MONEY" && factor === 1);
  const top = max / factor;
  const bottom = min / factor;
  // all 0 (or nothing): an axis 0–1, so that the zero line and a "≤ 0" target sit at the bottom
  const span = top - bottom || 1;
  const step = niceStep(span, 4, whole);
  const first = Math.floor(bottom / step) * step;
  const last = Math.max(Math.ceil(top / step) * step, first + step);
  const ticks: number[] = [];
  for (let t = first; t <= last + step / 2; t += step) ticks.push(clean(t) * factor);
  const label = (v: number) => formatNumber(String(clean(v / factor)));
  const title = valueType === "MONEY" ? (money?.title ?? "đồng") : valueType === "PERCENT" ? "%" : unit;
  const longest = Math.max(...ticks.map((t) => label(t).length));
  return {
    ticks,
    domain: [ticks[0], ticks[ticks.length - 1]],
    label,
    title,
    width: Math.max(32, 8 + longest * 7.5),
    allZero,
  };
}

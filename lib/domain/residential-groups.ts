// Pure logic of the residential-group (tổ dân phố) dashboards: ranking the groups, the average of
// the groups, the ward figure derived from the groups, the heat-map colour scale and the choice of
// year. Figures travel as exact decimal strings (see ./decimal).

import { compareDecimal, divideScaled, fromScaled, ONE, roundDecimal, toScaled } from "./decimal";
import type { Aggregation, Direction, Qualifier } from "./enums";
import { termFigure } from "./term-figure";
import type { SourceRef } from "./indicator-summary";

/**
 * The ward indicator that stands for an indicator collected per residential group, where the
 * catalogue has one: the share of groups with the "Tổ dân phố văn hóa" title, and the share of
 * cultural families.
 */
export const WARD_COUNTERPART: Readonly<Record<string, string>> = {
  "tdp-van-hoa": "ty-le-tdp-van-hoa",
  "gd-van-hoa-theo-tdp": "ty-le-gia-dinh-van-hoa",
};

/** One value of one group in one year. */
export type GroupYearCell = {
  year: number;
  value: string;
  qualifier: Qualifier;
  note: string | null;
  source: SourceRef;
  isDemo: boolean;
};

/** A group with its values of one indicator over the term (years in any order). */
export type GroupSeries = { slug: string; name: string; order: number; cells: GroupYearCell[] };

export type RankMode = { kind: "year"; year: number } | { kind: "term"; rule: Aggregation };

export type RankedGroup = {
  slug: string;
  name: string;
  /** Competition ranking: equal values share a rank (1, 2, 2, 4). */
  rank: number;
  value: string;
  qualifier: Qualifier;
  /** Every value the figure stands on is demonstration data. */
  isDemo: boolean;
  /** Some, not all, of those values are demonstration data. */
  partlyDemo: boolean;
  /** Distinct sources of the values the figure stands on (reported ones first). */
  sources: SourceRef[];
  /** The years the figure stands on. */
  years: number[];
};

function uniqueSources(cells: GroupYearCell[]): SourceRef[] {
  const map = new Map<string, SourceRef>();
  for (const c of [...cells].sort((a, b) => Number(a.isDemo) - Number(b.isDemo))) map.set(c.source.key, c.source);
  return [...map.values()];
}

/**
 * The groups ranked best first: by their value in one year, or by their term figure under the
 * indicator's rule (for yes/no indicators: the number of years achieved). Groups without a value
 * are left out. Ties keep the groups' own order and share a rank. A neutral indicator ranks
 * highest first.
 */
export function rankGroups(groups: GroupSeries[], mode: RankMode, direction: Direction): RankedGroup[] {
  const figures: Array<Omit<RankedGroup, "rank"> & { order: number }> = [];
  for (const g of groups) {
    const cells = mode.kind === "year" ? g.cells.filter((c) => c.year === mode.year) : g.cells;
    if (cells.length === 0) continue;
    let value: string;
    let qualifier: Qualifier;
    if (mode.kind === "year") {
      value = cells[0].value;
      qualifier = cells[0].qualifier;
    } else {
      const f = termFigure(
        mode.rule,
        cells.map((c) => ({ year: c.year, value: c.value, qualifier: c.qualifier })),
      );
      if (f.basis === "none") continue;
      value = f.value;
      qualifier = f.qualifier;
    }
    const demo = cells.filter((c) => c.isDemo).length;
    figures.push({
      slug: g.slug,
      name: g.name,
      order: g.order,
      value,
      qualifier,
      isDemo: demo === cells.length,
      partlyDemo: demo > 0 && demo < cells.length,
      sources: uniqueSources(cells),
      years: [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b),
    });
  }
  const sign = direction === "LOWER_IS_BETTER" ? 1 : -1;
  figures.sort((a, b) => sign * compareDecimal(a.value, b.value) || a.order - b.order);
  let rank = 0;
  return figures.map(({ order: _order, ...f }, i) => {
    if (i === 0 || compareDecimal(figures[i - 1].value, f.value) !== 0) rank = i + 1;
    return { ...f, rank };
  });
}

export type WardShare = {
  /** Groups whose value is "achieved" (1). */
  achieved: number;
  /** Groups of the ward (the denominator). */
  groups: number;
  /** achieved / groups in percent, exact to 4 decimals. */
  percent: string;
};

/**
 * The ward's share of groups achieving a yes/no indicator in one year, as the catalogue defines
 * it for `wardFromGroups` indicators: groups achieving / number of groups of the ward. Groups
 * without a value count as not achieving; null when the ward has no groups.
 */
export function wardShareFromGroups(values: Array<{ value: string }>, groupCount: number): WardShare | null {
  if (groupCount <= 0) return null;
  const achieved = values.filter((v) => toScaled(v.value) >= ONE).length;
  return {
    achieved,
    groups: groupCount,
    percent: fromScaled(divideScaled(BigInt(achieved) * 100n * ONE, BigInt(groupCount))),
  };
}

export type DerivationCheck =
  | { status: "match"; derived: string; stored: string } // the stored ward figure equals the derived one
  | { status: "mismatch"; derived: string; stored: string } // it does not
  | { status: "incomplete"; derived: string | null; stored: string | null }; // one of them is missing

export const DERIVATION_STATUS_LABEL: Record<DerivationCheck["status"], string> = {
  match: "Khớp",
  mismatch: "Lệch",
  incomplete: "Chưa đủ số liệu",
};

/**
 * Compares a stored ward percentage with the one derived from the groups, at the precision the
 * stored figure is written with (a stored "73.7" matches a derived 73.6842; "73" matches 73.4).
 * A "more than" stored figure matches any derived value above it.
 */
export function checkDerivedShare(
  stored: { value: string; qualifier: Qualifier } | null,
  derived: WardShare | null,
): DerivationCheck {
  if (!stored || !derived)
    return { status: "incomplete", derived: derived?.percent ?? null, stored: stored?.value ?? null };
  if (stored.qualifier === "MORE_THAN") {
    return {
      status: compareDecimal(derived.percent, stored.value) > 0 ? "match" : "mismatch",
      derived: derived.percent,
      stored: stored.value,
    };
  }
  const digits = Math.min(4, stored.value.split(".")[1]?.length ?? 0);
  const same = compareDecimal(roundDecimal(derived.percent, digits), stored.value) === 0;
  return { status: same ? "match" : "mismatch", derived: derived.percent, stored: stored.value };
}

/** Number of colour steps of the heat map for rates. */
export const HEAT_STEPS = 5;

/**
 * Colour step (0 … HEAT_STEPS − 1) of a value between the lowest and the highest value shown,
 * oriented so that a higher step is always better. Equal bounds give the top step.
 */
export function heatStep(value: number, min: number, max: number, direction: Direction = "HIGHER_IS_BETTER"): number {
  if (!(max > min)) return HEAT_STEPS - 1;
  const t = Math.min(1, Math.max(0, (value - min) / (max - min)));
  const step = Math.min(HEAT_STEPS - 1, Math.floor(t * HEAT_STEPS));
  return direction === "LOWER_IS_BETTER" ? HEAT_STEPS - 1 - step : step;
}

/**
 * The year to show: the one asked for when it has values, else the latest year with values
 * (`fallback` says the request could not be followed); null when no year has values.
 */
export function pickYear(
  requested: number | undefined,
  yearsWithValues: number[],
): { year: number; fallback: boolean } | null {
  if (yearsWithValues.length === 0) return null;
  if (requested !== undefined && yearsWithValues.includes(requested)) return { year: requested, fallback: false };
  return { year: Math.max(...yearsWithValues), fallback: requested !== undefined };
}

/** "ngoc-thuy" and 22 → "ngoc-thuy-to-22": the slug of a residential group. */
export const groupSlug = (wardSlug: string, n: number): string => `${wardSlug}-to-${n}`;

/** The number of a group from its slug under the ward ("ngoc-thuy-to-22" → 22); null otherwise. */
export function groupNumber(wardSlug: string, slug: string): number | null {
  const prefix = `${wardSlug}-to-`;
  if (!slug.startsWith(prefix)) return null;
  const rest = slug.slice(prefix.length);
  return /^[1-9]\d*$/.test(rest) ? Number(rest) : null;
}

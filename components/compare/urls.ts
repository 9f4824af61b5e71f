import type { PerBasis, PeriodChoice, SortOrder } from "@/lib/domain/compare";

const periodParam = (p: PeriodChoice) => (p.kind === "TERM" ? "term" : String(p.year));

/** Link to /compare reproducing a view (defaults of `per` and `term` left out). */
export function compareHref(v: {
  parent: string;
  indicator: string;
  period: PeriodChoice;
  sort?: SortOrder;
  per?: PerBasis;
  term?: string;
  /** Table search, page, and the unit whose position the chart shows. */
  q?: string;
  page?: number;
  ward?: string;
}): string {
  const q = new URLSearchParams({
    parent: v.parent,
    indicator: v.indicator,
    period: periodParam(v.period),
    sort: v.sort ?? "desc",
  });
  if (v.per && v.per !== "none") q.set("per", v.per);
  if (v.term) q.set("term", v.term);
  if (v.ward) q.set("ward", v.ward);
  if (v.q) q.set("q", v.q);
  if (v.page && v.page > 1) q.set("page", String(v.page));
  return `/so-sanh?${q}`;
}

/** Link to /compare/ward reproducing a view. */
export function wardCompareHref(v: { ward: string; programme: string; period: PeriodChoice; term?: string }): string {
  const q = new URLSearchParams({ ward: v.ward, programme: v.programme, period: periodParam(v.period) });
  if (v.term) q.set("term", v.term);
  return `/so-sanh/phuong?${q}`;
}

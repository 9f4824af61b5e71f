import { sourceLabelHtml } from "@/components/ui/source-label";
import type { IndicatorComparison } from "@/lib/data/compare";
import { TARGET_STATUS_LABEL } from "@/lib/domain/target-status";
import { basisLabel, perSuffix, roundTo } from "@/lib/format/compare";
import { attrs, markup, type Html } from "@/lib/format/html";
import { figureColumn, formatFigure } from "@/lib/format/vi";
import { wardCompareHref } from "./urls";

/**
 * The class of their `tbody`: the rows' and cells' styles are set by column in app/globals.css
 * (`.ranking-rows`), not on each of the page's 50 rows × 6 cells, which the page sends twice (HTML and
 * React payload) and the server writes, escapes and compresses at every request.
 */
export const RANKING_BODY_CLASS = "ranking-rows";

/**
 * The rows of one page of the ranking table of /so-sanh as markup: rank, unit (a link to compare it
 * on every indicator of the programme), value (per 1 000 with the figure under it), basis, source and
 * status against the target. Written once on the server: the page's React payload carries this one
 * string instead of some 600 elements, and the browser does not hydrate them (nothing in them
 * changes; their links are plain links).
 */
type Row = IndicatorComparison["table"]["rows"][number];

export function rankingRowsHtml(data: IndicatorComparison, termSlug?: string): string {
  const { indicator, normalisation: norm } = data;
  const { rows } = data.table;
  const per = norm.state === "on" ? norm.per : null;
  // one decimal style down the column: "96,0 %" beside "96,8 %", never "96 %"
  const shownValue = (shown: { value: string }) => (per ? roundTo(shown.value, 2) : shown.value);
  const column = figureColumn({
    values: rows.map((r) => (r.shown ? shownValue(r.shown) : null)),
    valueType: indicator.valueType,
    unit: indicator.unit,
  });
  const canOpenWard = data.childLevel === "WARD" || data.childLevel === "RESIDENTIAL_GROUP";
  const unitCell = (r: Row): Html | string => {
    if (!canOpenWard) return r.unit.shortName;
    const href = wardCompareHref({
      ward: r.unit.slug,
      programme: indicator.programme.slug,
      period: data.period,
      term: termSlug,
    });
    return markup`<a href="${href}">${r.unit.shortName}</a>`;
  };
  const figure = (r: Row) =>
    per &&
    r.figure.value !== null &&
    markup`<span class="block text-xs text-slate-600">${formatFigure(r.figure.value, indicator.valueType, indicator.unit, r.figure.qualifier)}</span>`;
  const valueCell = (r: Row): Html =>
    r.shown
      ? markup`<span class="value">${column(shownValue(r.shown), r.shown.qualifier)}${per && perSuffix(per)}</span>${figure(r)}`
      : markup`<span class="text-slate-600">Chưa có số liệu</span>`;
  const basisCell = (r: Row): Html =>
    markup`${basisLabel(r.figure, indicator.aggregation)}${
      r.figure.basis === "reported" && markup`<span class="tag">báo cáo</span>`
    }${r.figure.note && markup`<span class="block text-slate-600">${r.figure.note}</span>`}`;
  const row = (r: Row): Html =>
    markup`<tr${attrs({ "data-unit": r.unit.slug, "data-demo": r.figure.isDemo ? "true" : null })}>${[
      markup`<td>${r.rank ?? "–"}</td>`,
      markup`<th scope="row">${unitCell(r)}</th>`,
      markup`<td data-value>${valueCell(r)}</td>`,
      markup`<td data-basis="${r.figure.basis}">${basisCell(r)}</td>`,
      markup`<td data-source>${sourceLabelHtml(r.figure.sources)}</td>`,
      markup`<td data-status="${r.status}">${TARGET_STATUS_LABEL[r.status]}</td>`,
    ]}</tr>`;
  return rows.map((r) => row(r).markup).join("");
}

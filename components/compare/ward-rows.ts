import { demoBadgeHtml } from "@/components/ui/demo-badge";
import { sourceLabelHtml } from "@/components/ui/source-label";
import type { WardComparison, WardIndicatorRow } from "@/lib/data/compare";
import { TARGET_STATUS_LABEL } from "@/lib/domain/target-status";
import { basisLabel, formatDifference, formatRatio, readable, withBound } from "@/lib/format/compare";
import { attrs, markup, type Html } from "@/lib/format/html";
import { formatTarget } from "@/lib/format/target";
import { formatFigure } from "@/lib/format/vi";
import { compareHref } from "./urls";
import { averageText } from "./ward-comparison-figures";

export type WardRowsContext = Pick<WardComparison, "period" | "siblingCount"> & {
  parentSlug: string;
  noun: string;
  termSlug?: string;
  /** The row number of each indicator. */
  numbered: Map<string, number>;
  /** Column names a phone card repeats beside each figure (`.phone-cards`). */
  labels: { own: string; average: string };
};

const NO_DATA = markup`<span class="text-slate-600">Chưa có số liệu</span>`;
const LINK = "text-brand-800 underline decoration-dotted hover:decoration-solid";
const NAME_CELL =
  "sticky left-0 z-10 w-40 min-w-40 bg-white py-2 pr-2 text-left font-normal shadow-[1px_0_0_#e2e8f0] sm:w-auto sm:min-w-56";

/**
 * One section of the ward comparison's table as markup: its heading row, then per indicator its name
 * (a link to compare every unit on it), the unit's own figure with its basis and source, the others'
 * average, the difference, the ratio and the status against the target. Written once on the server
 * and never hydrated, as the ranking's rows (ranking-rows.ts).
 */
export function wardSectionHtml(section: { name: string; rows: WardIndicatorRow[] }, c: WardRowsContext): string {
  const heading = markup`<tr class="border-b border-slate-300 bg-slate-50"><th scope="colgroup" colspan="6" class="py-1.5 pl-1 text-left font-semibold text-slate-800"><span class="sticky left-1">${section.name}</span></th></tr>`;
  return heading.markup + section.rows.map((r) => indicatorRow(r, c).markup).join("");
}

function indicatorRow(r: WardIndicatorRow, c: WardRowsContext): Html {
  const { indicator: ind, own, siblings } = r;
  const href = compareHref({ parent: c.parentSlug, indicator: ind.code, period: c.period, term: c.termSlug });
  const name = markup`<span class="text-slate-600">${c.numbered.get(ind.code)}. </span><a href="${href}" class="${LINK}">${ind.name}</a><span class="sr-only"> (so sánh các ${c.noun})</span>`;
  const ownCell =
    own.value === null
      ? NO_DATA
      : markup`<span class="font-semibold whitespace-nowrap">${formatFigure(own.value, ind.valueType, ind.unit, own.qualifier)}</span><span class="block text-xs text-slate-600">${basisLabel(own, ind.aggregation)}</span><span class="flex justify-end text-xs text-slate-700">${sourceLabelHtml(own.sources)}</span>`;
  const avg = averageText(r, c.noun);
  const average = siblings.average;
  const averageCell =
    avg === null
      ? NO_DATA
      : markup`<span class="whitespace-nowrap">${avg}</span>${
          average &&
          average.count < c.siblingCount &&
          markup`<span class="block text-xs text-slate-600">${average.count}/${c.siblingCount} ${c.noun} có số liệu</span>`
        }${average?.hasDemo && markup`<span class="mt-1 flex justify-end">${demoBadgeHtml()}</span>`}`;
  const difference =
    siblings.difference === null
      ? "–"
      : withBound(formatDifference(readable(siblings.difference, ind.valueType), ind), siblings.bound);
  const ratio = siblings.ratioPercent === null ? "–" : withBound(formatRatio(siblings.ratioPercent), siblings.bound);
  const target =
    r.target &&
    markup`<span class="block text-slate-600">chỉ tiêu ${formatTarget(r.target, ind.valueType, ind.unit)}${r.target.isDemo ? " (minh họa)" : ""}</span>`;
  return markup`<tr${attrs({ "data-indicator": ind.code })} class="border-b border-slate-200 align-top">${[
    markup`<th scope="row" class="${NAME_CELL}">${name}</th>`,
    markup`<td class="py-2 pr-3 text-right" data-own${attrs({ "data-label": c.labels.own })}>${ownCell}</td>`,
    markup`<td class="py-2 pr-3 text-right" data-average${attrs({ "data-label": c.labels.average })}>${averageCell}</td>`,
    markup`<td class="py-2 pr-3 text-right whitespace-nowrap" data-difference data-label="Chênh lệch">${difference}</td>`,
    markup`<td class="py-2 pr-3 text-right whitespace-nowrap" data-ratio data-label="Tỷ lệ so với bình quân">${ratio}</td>`,
    markup`<td class="py-2 text-xs"${attrs({ "data-status": r.status })} data-label="Đánh giá">${TARGET_STATUS_LABEL[r.status]}${target}</td>`,
  ]}</tr>`;
}

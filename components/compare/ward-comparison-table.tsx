import type { WardComparison } from "@/lib/data/compare";
import type { ComparisonBasics } from "./ward-comparison-figures";
import { wardSectionHtml, type WardRowsContext } from "./ward-rows";

/** The table of the ward comparison: per section, each indicator's own figure beside the others' average. */
export function WardComparisonTable({
  data,
  basics: { noun, when, numbered, avgHeading },
  termSlug,
}: {
  data: WardComparison;
  basics: ComparisonBasics;
  termSlug?: string;
}) {
  const { unit, parent, programme, period, sections, siblingCount } = data;
  const context: WardRowsContext = {
    parentSlug: parent.slug,
    period,
    siblingCount,
    noun,
    termSlug,
    numbered,
    labels: { own: unit.shortName, average: avgHeading },
  };
  return (
    <div className="relative overflow-x-auto">
      {/* on a phone each indicator is a card (app/globals.css, .phone-cards): no key column off screen */}
      <table className="phone-cards w-full min-w-[44rem] border-collapse text-sm" data-ward-table>
        <caption className="sr-only">
          {unit.name} so với {avgHeading.toLowerCase()}, chương trình {programme.code}, {when}
        </caption>
        <thead>
          <tr className="border-b border-slate-300 text-left text-slate-700">
            <th scope="col" className="sticky left-0 z-10 bg-white py-2 pr-2 font-medium">
              Chỉ tiêu
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {unit.shortName}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {avgHeading}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Chênh lệch
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Tỷ lệ so với bình quân
            </th>
            <th scope="col" className="py-2 font-medium">
              Đánh giá
            </th>
          </tr>
        </thead>
        {sections.map((s) => (
          // each section's rows as markup: sent once, not hydrated (see ward-rows.ts)
          <tbody key={s.code} dangerouslySetInnerHTML={{ __html: wardSectionHtml(s, context) }} />
        ))}
      </table>
    </div>
  );
}

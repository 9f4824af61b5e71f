"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { flushSync } from "react-dom";
import { usePreloadCharts } from "@/components/charts/lazy-charts";
import { DrawAll } from "@/components/charts/render-when-seen";
import { RankedGroupsChart, type RankedGroupsData } from "@/components/residential-groups/ranked-groups-chart";
import { BreakdownChart } from "./breakdown-chart";
import type { ChartSection } from "./chart-data";
import { IndicatorChart } from "./indicator-chart";

export type GroupIndicators = { names: string; href: string };

/** True from the moment the page is printed (or shown as print), so that every section renders for paper. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (printing) return;
    const print = window.matchMedia("print");
    const start = () => setPrinting(true);
    // already printing when hydrated (a print view, a headless PDF)
    if (print.matches) start();
    // the browser lays the page out for paper right after "beforeprint": render synchronously
    const beforePrint = () => flushSync(start);
    const onChange = (e: MediaQueryListEvent) => e.matches && start();
    window.addEventListener("beforeprint", beforePrint);
    print.addEventListener("change", onChange);
    return () => {
      window.removeEventListener("beforeprint", beforePrint);
      print.removeEventListener("change", onChange);
    };
  }, [printing]);
  return printing;
}

function SectionCharts({
  section: s,
  sources,
  ranking,
  perGroup,
}: {
  section: ChartSection;
  sources: string[];
  ranking: RankedGroupsData | null;
  perGroup: GroupIndicators | null;
}) {
  const byCode = new Map(s.indicators.map((i) => [i.code, i]));
  return (
    <>
      <div className={`section-body space-y-3 ${ranking ? "with-ranking" : ""}`}>
        <div className="chart-grid grid grid-cols-1 gap-3 lg:grid-cols-2">
          {s.breakdowns.map((b) => (
            <BreakdownChart key={b.key} breakdown={b} byCode={byCode} sources={sources} />
          ))}
          {s.charted.map((code) => (
            <IndicatorChart key={code} indicator={byCode.get(code)!} sources={sources} />
          ))}
        </div>
        {ranking && (
          // on paper it stands left of the section's charts instead of on a page of its own
          <div className="ranking-cell min-w-0" data-group-ranking>
            <RankedGroupsChart data={ranking} headingLevel={3} rowHeight={12} light />
          </div>
        )}
      </div>
      {perGroup && (
        <p className="text-sm" data-group-link>
          Chỉ tiêu theo tổ dân phố ({perGroup.names}):{" "}
          <Link href={perGroup.href} className="text-brand-700 underline">
            xem bản đồ nhiệt và từng tổ dân phố
          </Link>
          .
        </p>
      )}
    </>
  );
}

/**
 * The programme's sections, closed until the reader opens one: its charts and tables are then made in
 * the browser from the section's compact data (see chart-data.ts), and all of them when the page is
 * printed. The page itself carries no chart or table markup for closed sections.
 */
export function DashboardSections({
  sections,
  sources,
}: {
  sections: Array<{
    data: ChartSection;
    /** The group ranking shown in this section, and its per-group indicators' names. */
    ranking: RankedGroupsData | null;
    perGroup: GroupIndicators | null;
  }>;
  sources: string[];
}) {
  const printing = usePrinting();
  // the charts are drawn only in opened sections: their library is loaded when the reader moves
  usePreloadCharts();
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  return (
    <DrawAll.Provider value={printing}>
      {sections.map(({ data: s, ranking, perGroup }) => (
        <details
          key={s.code}
          className="dashboard-section group space-y-3"
          data-section={s.code}
          onToggle={(e) => {
            if (e.currentTarget.open && !opened.has(s.code)) setOpened(new Set([...opened, s.code]));
          }}
        >
          <summary className="cursor-pointer list-none rounded border border-slate-200 bg-white px-3 py-2 hover:bg-slate-50">
            <h2 id={`muc-${s.code}`} className="inline text-xl font-semibold">
              <span aria-hidden="true" className="no-print mr-2 inline-block group-open:rotate-90">
                ›
              </span>
              {s.name}
            </h2>{" "}
            <span className="no-print text-sm text-slate-600">({s.indicatorCount} chỉ tiêu, bấm để xem biểu đồ)</span>
          </summary>
          {(printing || opened.has(s.code)) && (
            <SectionCharts section={s} sources={sources} ranking={ranking} perGroup={perGroup} />
          )}
        </details>
      ))}
    </DrawAll.Provider>
  );
}

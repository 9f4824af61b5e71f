"use client";

import { cloneElement, useEffect, useState } from "react";
import { flushSync } from "react-dom";
import { ResponsiveContainer } from "recharts";

/**
 * True from "beforeprint" to "afterprint". Registered when the module loads, so before any chart's own
 * listener: a chart mounted inside the "beforeprint" event (a section rendered for paper) cannot hear
 * that event itself, but reads this.
 */
let printing = false;
if (typeof window !== "undefined") {
  window.addEventListener("beforeprint", () => (printing = true));
  window.addEventListener("afterprint", () => (printing = false));
}

// false on the server (charts render there too, e.g. /so-sanh): a page is never printed from there
const onPaperNow = () => typeof window !== "undefined" && (printing || window.matchMedia("print").matches);

/**
 * Whether the chart is drawn for paper. The browser lays the page out for paper right after
 * "beforeprint" returns: nothing measured after that (a ResizeObserver, an effect's state update) is
 * printed, so a chart drawn for paper must be complete in the same task.
 */
function useOnPaper(): boolean {
  const [paper, setPaper] = useState(onPaperNow);
  useEffect(() => {
    const before = () => flushSync(() => setPaper(true));
    const after = () => setPaper(false);
    const print = window.matchMedia("print");
    const onMedia = (e: MediaQueryListEvent) => setPaper(e.matches || printing);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    print.addEventListener("change", onMedia);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
      print.removeEventListener("change", onMedia);
    };
  }, []);
  return paper;
}

export type PaperSize = { width: number; height: number };

/**
 * A chart's box. On screen the chart fills it (measured by Recharts' ResponsiveContainer, after
 * layout). On paper it is drawn at once at `paper` size, with nothing to measure, and scaled to its
 * column by the print style sheet (the SVG has a viewBox; globals.css sets its width to the column's).
 * `paper` is about the printed column's size, so that the text keeps its size on paper.
 */
export function ChartBox({
  height,
  paper,
  children,
}: {
  /** The box's height on screen: pixels, or "100%" of a parent whose height is set. */
  height: number | "100%";
  paper: PaperSize;
  children: React.ReactElement<{ width?: number; height?: number }>;
}) {
  const onPaper = useOnPaper();
  if (onPaper)
    return (
      <div className="recharts-responsive-container" style={{ width: "100%", height }} data-paper="">
        {cloneElement(children, paper)}
      </div>
    );
  return (
    <ResponsiveContainer width="100%" height={height}>
      {children}
    </ResponsiveContainer>
  );
}

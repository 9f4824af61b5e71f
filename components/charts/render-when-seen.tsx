"use client";

import { createContext, useContext, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { usePreloadCharts } from "./lazy-charts";

/**
 * True while the page is being printed (set by the dashboard's sections, which render their charts
 * then): every chart draws at once. A chart mounted inside the "beforeprint" event cannot hear that
 * event itself.
 */
export const DrawAll = createContext(false);

/**
 * Draws its chart only once it comes near the screen, or when the page is printed: a dashboard of
 * thirty charts then hydrates the few the reader sees, not all at once. Until then a box of the
 * chart's height keeps the page from jumping.
 */
export function RenderWhenSeen({
  height,
  lookAhead = 300,
  children,
}: {
  height: number;
  /** How far below (or above) the screen the chart starts to be drawn, in px. 0: only once it is on
   * screen (a page whose only chart sits just below a phone's first screen then starts without the
   * chart library). */
  lookAhead?: number;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [seenHere, setSeen] = useState(false);
  const seen = useContext(DrawAll) || seenHere;
  // so that printing, which draws every chart at once, finds the chart library loaded
  usePreloadCharts();
  useEffect(() => {
    if (seen) return;
    const show = () => setSeen(true);
    // printing: draw now, before the browser lays the page out for paper
    const beforePrint = () => flushSync(show);
    const print = window.matchMedia("print");
    const onPrintMedia = (e: MediaQueryListEvent) => e.matches && show();
    window.addEventListener("beforeprint", beforePrint);
    print.addEventListener("change", onPrintMedia);
    if (print.matches) show();
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), {
      rootMargin: `${lookAhead}px 0px`,
    });
    if (ref.current) observer.observe(ref.current);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", beforePrint);
      print.removeEventListener("change", onPrintMedia);
    };
  }, [seen, lookAhead]);
  return (
    <div ref={ref} style={seen ? undefined : { minHeight: height }} data-chart-pending={seen ? undefined : ""}>
      {seen ? children : null}
    </div>
  );
}

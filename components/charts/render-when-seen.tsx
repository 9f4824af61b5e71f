"use client";

import { useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";

/**
 * Draws its chart only once it comes near the screen, or when the page is printed: a dashboard of
 * thirty charts then hydrates the few the reader sees, not all at once. Until then a box of the
 * chart's height keeps the page from jumping.
 */
export function RenderWhenSeen({ height, children }: { height: number; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
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
      rootMargin: "300px 0px",
    });
    if (ref.current) observer.observe(ref.current);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", beforePrint);
      print.removeEventListener("change", onPrintMedia);
    };
  }, [seen]);
  return (
    <div ref={ref} style={seen ? undefined : { minHeight: height }} data-chart-pending={seen ? undefined : ""}>
      {seen ? children : null}
    </div>
  );
}

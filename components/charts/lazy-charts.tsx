"use client";

import { useEffect, useSyncExternalStore } from "react";

// The chart library (recharts, ~420 KB of script) is not part of the pages' first bundle: it is
// loaded when a chart is first drawn, or once the page is idle or the person first interacts with
// it (so that printing — which draws every chart at once — finds it loaded). Pages whose charts sit
// in closed sections (the programme dashboards) then start without evaluating it. A page printed
// before it has arrived prints each chart's table of numbers instead (globals.css, print).

type ChartsModule = typeof import("./charts-impl");

let loaded: ChartsModule | null = null;
let loading: Promise<ChartsModule> | null = null;
const listeners = new Set<() => void>();

/** Loads the chart drawings once (later calls share the first load). */
export function loadCharts(): Promise<ChartsModule> {
  loading ??= import("./charts-impl").then((m) => {
    loaded = m;
    for (const l of listeners) l();
    return m;
  });
  return loading;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

/**
 * The chart drawings, or null until they are loaded (and while the page hydrates, as on the
 * server: the server's HTML has the chart's empty box). Asks for them when first used.
 */
export function useCharts(): ChartsModule | null {
  const charts = useSyncExternalStore(
    subscribe,
    () => loaded,
    () => null,
  );
  useEffect(() => {
    if (!loaded) void loadCharts();
  }, []);
  return charts;
}

/** Loads the chart drawings when the person first interacts with the page, when it prints, or once idle after 10 s. */
export function usePreloadCharts(): void {
  useEffect(() => {
    if (loaded) return;
    const events = ["pointerdown", "pointermove", "keydown", "scroll", "touchstart", "focusin"] as const;
    const print = window.matchMedia("print");
    let idle: number | null = null;
    const load = () => {
      stop();
      void loadCharts();
    };
    const onPrint = (e: MediaQueryListEvent) => e.matches && load();
    const stop = () => {
      for (const e of events) window.removeEventListener(e, load);
      window.removeEventListener("beforeprint", load);
      print.removeEventListener("change", onPrint);
      if (idle !== null) window.clearTimeout(idle);
    };
    for (const e of events) window.addEventListener(e, load, { once: true, passive: true });
    window.addEventListener("beforeprint", load);
    print.addEventListener("change", onPrint);
    // not during the page's start (its first seconds belong to what the reader sees), but soon after
    idle = window.setTimeout(() => {
      if ("requestIdleCallback" in window) window.requestIdleCallback(load, { timeout: 5000 });
      else load();
    }, 10_000);
    return stop;
  }, []);
}

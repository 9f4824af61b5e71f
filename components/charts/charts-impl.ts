// The chart drawings (recharts), loaded on demand: see lazy-charts.tsx.
export { RankedBarsChart } from "./ranked-bars-chart";
export { YearlyChartImpl } from "./yearly-chart-impl";

"use client";

import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { useId } from "react";
import { axisScale } from "@/lib/format/axis";
import { AxisTitle, TargetLabel, TOP_MARGIN } from "./axis-labels";
import { ChartBox, type PaperSize } from "./chart-box";
import { COLORS } from "./palette";

import type { YearlyChartProps as Props, YearlyPoint } from "./yearly-chart";

function TooltipBody({ active, payload }: { active?: boolean; payload?: Array<{ payload: YearlyPoint }> }) {
  if (!active || !payload?.length) return null;
  const p = payload[0].payload;
  return (
    <div className="rounded border border-slate-300 bg-white p-2 text-xs shadow">
      <p className="font-semibold">
        Năm {p.year}: {p.label}
      </p>
      <p className="text-slate-600">{p.isDemo ? "Dữ liệu minh họa" : `Nguồn: ${p.source}`}</p>
    </div>
  );
}

const PAPER: PaperSize = { width: 340, height: 180 };

/** The recharts drawing of YearlyChart (loaded when a chart is first drawn: see lazy-charts.tsx). */
export function YearlyChartImpl({ points, kind, unit, valueType, target, paper = PAPER }: Props) {
  const patternId = `demo-${useId().replace(/[^a-zA-Z0-9]/g, "")}`; // one per chart: ids must be unique in the page
  const scale = axisScale({
    values: points.map((p) => p.value),
    references: target ? [target.value] : [],
    valueType,
    unit,
  });
  const reference = target ? (
    <ReferenceLine
      y={target.value}
      stroke={COLORS.target}
      strokeDasharray="6 3"
      label={<TargetLabel text={target.label} />}
    />
  ) : null;
  const common = {
    data: points,
    margin: { top: TOP_MARGIN, right: 12, bottom: 0, left: 4 },
    accessibilityLayer: false,
  };
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="year" tickLine={false} />
      <YAxis
        tickFormatter={scale.label}
        width={scale.width}
        domain={scale.domain}
        ticks={scale.ticks}
        interval={0}
        label={<AxisTitle text={scale.title} />}
      />
      <Tooltip content={<TooltipBody />} cursor={{ fill: "#f1f5f9" }} />
    </>
  );
  return (
    <>
      {scale.allZero && (
        <p className="text-xs text-slate-700" data-all-zero>
          Mọi năm đều bằng 0.
        </p>
      )}
      {/* the box sets the height (180 px; less on paper, see globals.css), the chart fills it */}
      <div className="yearly-chart h-[180px]">
        <ChartBox height="100%" paper={paper}>
          {kind === "line" ? (
            <LineChart {...common}>
              {axes}
              {reference}
              <Line
                type="monotone"
                dataKey="value"
                name={unit}
                stroke={COLORS.reported}
                strokeWidth={2}
                isAnimationActive={false}
                dot={(props: { cx?: number; cy?: number; index?: number }) => (
                  <circle
                    key={props.index}
                    cx={props.cx}
                    cy={props.cy}
                    r={4}
                    fill={points[props.index ?? 0]?.isDemo ? "#fff" : COLORS.reported}
                    stroke={COLORS.reported}
                    strokeWidth={2}
                  />
                )}
              />
            </LineChart>
          ) : (
            <BarChart {...common}>
              <defs>
                <pattern
                  id={patternId}
                  width="6"
                  height="6"
                  patternUnits="userSpaceOnUse"
                  patternTransform="rotate(45)"
                >
                  <rect width="6" height="6" fill={COLORS.demo} />
                  <line x1="0" y1="0" x2="0" y2="6" stroke={COLORS.reported} strokeWidth="1.5" />
                </pattern>
              </defs>
              {axes}
              {reference}
              <Bar dataKey="value" name={unit} isAnimationActive={false} maxBarSize={48}>
                {points.map((p) => (
                  <Cell key={p.year} fill={p.isDemo ? `url(#${patternId})` : COLORS.reported} />
                ))}
              </Bar>
            </BarChart>
          )}
        </ChartBox>
      </div>
    </>
  );
}

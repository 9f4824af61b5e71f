"use client";

import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { axisScale } from "@/lib/format/axis";
import { formatCompact } from "@/lib/format/vi";
import { AxisTitle } from "./axis-labels";
import { COLORS } from "./palette";

import { ChartBox } from "./chart-box";
import type { RankedBarsProps, RankedItem, Reference } from "./ranked-bars";
import { KEY_LINE, rankedBarsHeight } from "./ranked-bars-size";

function TooltipBody({ active, payload }: { active?: boolean; payload?: Array<{ payload: RankedItem }> }) {
  if (!active || !payload?.length) return null;
  const p = payload[0].payload;
  return (
    <div className="rounded border border-slate-300 bg-white p-2 text-xs shadow">
      <p className="font-semibold">
        {p.name}: {p.label}
      </p>
      <p className="text-slate-600">{p.isDemo ? "Dữ liệu minh họa" : `Nguồn: ${p.source}`}</p>
    </div>
  );
}

/**
 * The label of a reference line, drawn as a line of the chart's key above the plot (from its left
 * edge, with a sample of the line) rather than at the line itself, where a long label near the edge
 * was cut off.
 */
function keyLabel(r: Reference, row: number) {
  const color = r.kind === "target" ? COLORS.target : COLORS.average;
  const y = 12 + row * KEY_LINE;
  function KeyLabel() {
    return (
      <g data-reference-key={r.kind}>
        <line
          x1={4}
          x2={22}
          y1={y - 4}
          y2={y - 4}
          stroke={color}
          strokeWidth={1.5}
          strokeDasharray={r.kind === "target" ? "6 3" : "2 2"}
        />
        <text x={26} y={y} fill={color} fontSize={11}>
          {r.label}
        </text>
      </g>
    );
  }
  return KeyLabel;
}

/** The recharts drawing of RankedBars (loaded when a chart is first drawn: see lazy-charts.tsx). */
export function RankedBarsChart({
  items,
  references = [],
  labelWidth = 104,
  rowHeight = 24,
  allowDecimals = true,
  axis,
  paperWidth = 340,
}: RankedBarsProps) {
  const patternId = `demo-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const labelled = references.filter((r) => r.label);
  const { top, height } = rankedBarsHeight({ items, references, rowHeight });
  const scale = axis
    ? axisScale({ values: items.map((i) => i.value), references: references.map((r) => r.value), ...axis })
    : null;
  return (
    <ChartBox height={height} paper={{ width: paperWidth, height }}>
      <BarChart
        data={items}
        layout="vertical"
        margin={{ top, right: 24, bottom: 0, left: 4 }}
        accessibilityLayer={false}
      >
        <defs>
          <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={COLORS.demo} />
            <line x1="0" y1="0" x2="0" y2="6" stroke={COLORS.reported} strokeWidth="1.5" />
          </pattern>
        </defs>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        {scale ? (
          <XAxis
            type="number"
            tickFormatter={scale.label}
            domain={scale.domain}
            ticks={scale.ticks}
            interval={0}
            label={<AxisTitle text={scale.title} />}
          />
        ) : (
          <XAxis type="number" tickFormatter={formatCompact} allowDecimals={allowDecimals} />
        )}
        <YAxis type="category" dataKey="name" width={labelWidth} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip content={<TooltipBody />} cursor={{ fill: "#f1f5f9" }} />
        {references.map((r) => (
          <ReferenceLine
            key={r.kind}
            x={r.value}
            stroke={r.kind === "target" ? COLORS.target : COLORS.average}
            strokeDasharray={r.kind === "target" ? "6 3" : "2 2"}
            ifOverflow="extendDomain"
            label={r.label ? keyLabel(r, labelled.indexOf(r)) : undefined}
          />
        ))}
        <Bar dataKey="value" isAnimationActive={false} maxBarSize={18}>
          {items.map((it) => (
            <Cell
              key={it.key}
              fill={it.isDemo ? `url(#${patternId})` : it.highlight ? COLORS.highlight : COLORS.reported}
              stroke={it.highlight ? COLORS.highlight : undefined}
              strokeWidth={it.highlight ? 2 : 0}
            />
          ))}
        </Bar>
      </BarChart>
    </ChartBox>
  );
}

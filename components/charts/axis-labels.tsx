import { COLORS } from "./palette";

type ViewBox = { x?: number; y?: number; width?: number; height?: number };

/** Room above the plot for the axis title (left) and the target's label (right). */
export const TOP_MARGIN = 28;

/** The value axis's unit ("triệu đồng"), above the axis, left-aligned so it is never clipped. */
export function AxisTitle({ viewBox, text }: { viewBox?: ViewBox; text: string }) {
  if (!text) return null;
  return (
    <text x={(viewBox?.x ?? 0) + 2} y={12} fontSize={11} fill="#475569" className="axis-title">
      {text}
    </text>
  );
}

/** The target's label in the top margin, right-aligned: never on a tick, even at 0. */
export function TargetLabel({ viewBox, text }: { viewBox?: ViewBox; text: string }) {
  const right = (viewBox?.x ?? 0) + (viewBox?.width ?? 0);
  return (
    <text x={right} y={12} textAnchor="end" fontSize={11} fill={COLORS.target} className="target-label">
      - - {text}
    </text>
  );
}

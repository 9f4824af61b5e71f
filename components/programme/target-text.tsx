import type { TargetInfo } from "@/lib/data/targets";
import { formatTarget } from "@/lib/format/target";
import type { ValueType } from "@/lib/domain/enums";

/** "Chỉ tiêu: ≥ 90 % (minh họa)" */
export function TargetText({ target, kind, unit }: { target: TargetInfo | null; kind: ValueType; unit: string }) {
  // no target: the status badge beside it already says "Chưa có chỉ tiêu"
  if (!target) return null;
  return (
    <span>
      Chỉ tiêu: {formatTarget(target, kind, unit)}
      {target.isDemo && <span className="text-amber-900"> (chỉ tiêu minh họa)</span>}
    </span>
  );
}

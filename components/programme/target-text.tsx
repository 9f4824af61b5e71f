import type { TargetInfo } from "@/lib/data/targets";
import { formatTarget } from "@/lib/format/target";
import type { ValueType } from "@/lib/domain/enums";

/** "Chỉ tiêu: ≥ 90 % (minh họa)" */
export function TargetText({ target, kind, unit }: { target: TargetInfo | null; kind: ValueType; unit: string }) {
  if (!target) return <span className="text-slate-600">Chưa có chỉ tiêu</span>;
  return (
    <span>
      Chỉ tiêu: {formatTarget(target, kind, unit)}
      {target.isDemo && <span className="text-amber-900"> (chỉ tiêu minh họa)</span>}
    </span>
  );
}

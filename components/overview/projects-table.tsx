import type { LandClearanceProjectInfo, LandClearanceYear } from "@/lib/data/records";
import { PROJECT_STATUS_LABEL } from "@/lib/format/labels";
import { formatMoney, formatNumber } from "@/lib/format/vi";
import { SourceLabel } from "@/components/ui/source-label";

const dash = <span aria-label="Chưa có số liệu">—</span>;

/** Land-clearance projects with the figures the source gives ("—" where it gives none). */
export function ProjectsTable({
  projects,
  termTotal,
}: {
  projects: LandClearanceProjectInfo[];
  termTotal: string | null;
}) {
  // `relative`: the sr-only labels inside are absolutely positioned; without it they escape the
  // scroll container and widen the whole page on a phone.
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse text-sm">
        <caption className="py-2 text-left text-slate-700">
          {termTotal
            ? `${projects.length} dự án được nêu tên trong tổng số ${formatNumber(termTotal)} dự án GPMB của nhiệm kỳ.`
            : `${projects.length} dự án.`}
        </caption>
        <thead>
          <tr className="border-b border-slate-300 text-left text-slate-600">
            <th scope="col" className="py-2 pr-3 font-medium">
              Dự án
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Tình trạng
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Số hộ
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Diện tích (m²)
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Bồi thường, hỗ trợ
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Cưỡng chế
            </th>
            <th scope="col" className="py-2 font-medium">
              Nguồn
            </th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.name} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                {p.name}
                {p.progress.length > 0 && <ProgressLine progress={p.progress} />}
              </th>
              <td className="py-2 pr-3">{PROJECT_STATUS_LABEL[p.status]}</td>
              <td className="py-2 pr-3 text-right">
                {p.householdsAffected !== null ? formatNumber(String(p.householdsAffected)) : dash}
              </td>
              <td className="py-2 pr-3 text-right">{p.areaM2 !== null ? formatNumber(p.areaM2) : dash}</td>
              <td className="py-2 pr-3 text-right">
                {p.compensationDong !== null ? formatMoney(p.compensationDong) : dash}
              </td>
              <td className="py-2 pr-3 text-right">
                {p.forcedEnforcements !== null ? formatNumber(String(p.forcedEnforcements)) : dash}
              </td>
              <td className="py-2 text-xs">
                <SourceLabel sources={[p.source]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The yearly progress entered by the ward, in one small line per year. */
function ProgressLine({ progress }: { progress: LandClearanceYear[] }) {
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-slate-600" aria-label="Tiến độ theo năm">
      {progress.map((y) => (
        <li key={y.year}>
          {y.year}:{" "}
          {[
            y.householdsHandedOver !== null ? `${formatNumber(String(y.householdsHandedOver))} hộ bàn giao` : null,
            y.areaM2 !== null ? `${formatNumber(y.areaM2)} m²` : null,
            y.compensationDong !== null ? `đã chi trả ${formatMoney(y.compensationDong)}` : null,
            y.note,
          ]
            .filter(Boolean)
            .join("; ")}
        </li>
      ))}
    </ul>
  );
}

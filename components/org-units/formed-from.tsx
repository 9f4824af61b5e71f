import Link from "next/link";
import type { FormedFrom as FormedFromInfo } from "@/lib/data/org-unit-history";
import { formatDate, formatFigure } from "@/lib/format/vi";

/**
 * On the overview and dashboards of a unit formed by a merge or split: where its earlier years come from, and the
 * former units' figures that cannot be added up (rates, yes/no), per former unit.
 */
export function FormedFrom({ formedFrom }: { formedFrom: FormedFromInfo }) {
  const { predecessors, perPredecessor } = formedFrom;
  return (
    <section aria-labelledby="don-vi-cu" className="space-y-2 rounded border border-sky-300 bg-sky-50 p-3 text-sm">
      <h2 id="don-vi-cu" className="font-semibold">
        Đơn vị hình thành từ ngày {formatDate(formedFrom.effectiveOn)}
      </h2>
      <p data-testid="formed-from">
        Số liệu các năm trước ngày này của chỉ tiêu cộng được là tổng số liệu, {formedFrom.label} (cột có nguồn “Tính từ
        các đơn vị cũ”). Tỉ lệ, có/không và các chỉ tiêu không cộng được nêu riêng từng đơn vị cũ dưới đây. Đơn vị cũ:{" "}
        {predecessors.map((p, k) => (
          <span key={p.slug}>
            {k > 0 && ", "}
            <Link href={`/${p.slug}`} className="underline">
              {p.name}
            </Link>
            {p.share !== "1" ? ` (tỉ lệ ${p.share.replace(".", ",")})` : ""}
          </span>
        ))}
        .
      </p>
      {perPredecessor.length > 0 && (
        <table className="bg-white">
          <caption className="text-left font-medium">Số liệu của từng đơn vị cũ</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 text-left">
                Chỉ tiêu
              </th>
              <th scope="col" className="px-2 text-left">
                Đơn vị cũ
              </th>
              <th scope="col" className="px-2 text-right">
                Năm
              </th>
              <th scope="col" className="px-2 text-right">
                Số liệu
              </th>
            </tr>
          </thead>
          <tbody>
            {perPredecessor.flatMap((i) =>
              i.rows.map((r) => (
                <tr key={`${i.code}-${r.unit}-${r.year}`}>
                  <th scope="row" className="px-2 text-left font-normal">
                    {i.name}
                  </th>
                  <td className="px-2">{r.unit}</td>
                  <td className="px-2 text-right">{r.year}</td>
                  <td className="px-2 text-right">{formatFigure(r.value, i.valueType, i.unit, r.qualifier)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

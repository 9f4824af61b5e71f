import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { type GridRow, TargetGridForm } from "@/components/catalogue/target-grid";
import { TargetImport } from "@/components/catalogue/target-import";
import { requireCataloguePage } from "@/lib/auth/access";
import { getTargetGrid, targetKey } from "@/lib/data/target-save";
import { formatTargetCell } from "@/lib/domain/target-cell";
import { programmeSlugSchema, termSlugSchema } from "@/lib/validation/params";

export const metadata: Metadata = { title: "Chỉ tiêu kế hoạch" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The targets of one programme of a term: indicators × years (for every ward), or, with `chi-tieu`,
// one indicator's wards × years (the wards' own targets, over the common one).
export default async function TargetsPage({ searchParams }: Props) {
  const { issuerIds } = await requireCataloguePage();
  const q = await searchParams;
  const term = termSlugSchema.safeParse(q["nhiem-ky"]);
  const programme = programmeSlugSchema.safeParse(q["chuong-trinh"]);
  if (!term.success || !programme.success) notFound();
  const grid = await getTargetGrid({ termSlug: term.data, programmeSlug: programme.data, issuerIds });
  if (!grid) notFound();
  const columns = grid.periods.map((p) => (p.year === null ? "Cả nhiệm kỳ" : String(p.year)));
  const code = typeof q["chi-tieu"] === "string" ? q["chi-tieu"] : null;
  const one = code ? grid.indicators.find((i) => i.code === code) : undefined;
  if (code && !one) notFound();
  const cell = (indicator: (typeof grid.indicators)[number], periodId: number, orgUnitId: number | null) => {
    const t = grid.targets[targetKey(indicator.id, periodId, orgUnitId)];
    const common = orgUnitId === null ? undefined : grid.targets[targetKey(indicator.id, periodId, null)];
    return {
      key: `${indicator.id}:${periodId}:${orgUnitId ?? ""}`,
      text: t ? formatTargetCell(t, indicator.valueType) : "",
      version: t?.version ?? 0,
      hint: common ? `chung: ${formatTargetCell(common, indicator.valueType)}` : undefined,
    };
  };
  const rows: GridRow[] = one
    ? grid.wards.map((w) => ({ label: w.shortName, cells: grid.periods.map((p) => cell(one, p.id, w.id)) }))
    : grid.indicators.map((i) => ({
        label: i.name,
        sub: i.isSubRow,
        unit: i.unit,
        cells: grid.periods.map((p) => cell(i, p.id, null)),
      }));
  const base = `/quan-tri/chi-tieu?nhiem-ky=${grid.term.slug}&chuong-trinh=${grid.programme.slug}`;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/quan-tri/danh-muc?nhiem-ky=${grid.term.slug}`} className="text-brand-700 hover:underline">
          ← Danh mục {grid.term.name}
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-800">
        Chỉ tiêu kế hoạch: {grid.programme.code}, {grid.term.name}
        {one ? ` — ${one.name} theo phường` : ""}
      </h1>
      <nav aria-label="Chỉ tiêu riêng của từng phường" className="text-sm">
        {one ? (
          <Link href={base} className="text-brand-700 hover:underline">
            ← Chỉ tiêu chung của mọi phường
          </Link>
        ) : (
          <details>
            <summary className="cursor-pointer text-brand-700">
              Chỉ tiêu riêng của từng phường (theo một chỉ tiêu)
            </summary>
            <ul className="mt-1 list-disc pl-6">
              {grid.indicators.map((i) => (
                <li key={i.id}>
                  <Link href={`${base}&chi-tieu=${i.code}`} className="hover:underline">
                    {i.name}
                  </Link>
                </li>
              ))}
            </ul>
          </details>
        )}
      </nav>
      <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="luoi">
        <h2 id="luoi" className="mb-2 text-lg font-semibold">
          {one ? "Chỉ tiêu riêng của từng phường" : "Chỉ tiêu chung của mọi phường"}
        </h2>
        <TargetGridForm
          unit={grid.programme.issuer}
          term={grid.term.slug}
          programme={grid.programme.slug}
          caption={one ? `Chỉ tiêu “${one.name}” theo phường và năm` : "Chỉ tiêu theo năm"}
          columns={columns}
          rows={rows}
        />
      </section>
      <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="nhap-tep">
        <h2 id="nhap-tep" className="mb-2 text-lg font-semibold">
          Nhập chỉ tiêu từ tệp Excel hoặc CSV
        </h2>
        <TargetImport unit={grid.programme.issuer} term={grid.term.slug} programme={grid.programme.slug} />
      </section>
    </div>
  );
}

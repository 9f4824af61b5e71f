import type { Metadata } from "next";
import Link from "next/link";
import { IndicatorCreate } from "@/components/catalogue/indicator-create";
import { IndicatorEditor } from "@/components/catalogue/indicator-editor";
import { ProgrammeDelete } from "@/components/catalogue/programme-delete";
import { ProgrammeForm } from "@/components/catalogue/programme-form";
import { SectionCreate, SectionHeader } from "@/components/catalogue/section-controls";
import { TermForm } from "@/components/catalogue/term-form";
import { requireCataloguePage } from "@/lib/auth/access";
import { getEditableCatalogue, issuerChoices, listTerms, unitRefs } from "@/lib/data/catalogue";
import { formatDate } from "@/lib/format/vi";
import { termSlugSchema } from "@/lib/validation/params";

export const metadata: Metadata = { title: "Danh mục chương trình, chỉ tiêu" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// District or city staff: terms, and the programmes their units issued, with their indicators.
export default async function CataloguePage({ searchParams }: Props) {
  const { roots, issuerIds } = await requireCataloguePage();
  const q = await searchParams;
  const terms = await listTerms();
  const asked = termSlugSchema.safeParse(q["nhiem-ky"]);
  const term = terms.find((t) => asked.success && t.slug === asked.data) ?? terms[0];
  const [units, issuers, programmes] = await Promise.all([
    unitRefs(roots),
    issuerChoices(issuerIds),
    term ? getEditableCatalogue(term.slug, issuerIds) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand-800">Danh mục nhiệm kỳ, chương trình và chỉ tiêu</h1>
      <section aria-labelledby="nhiem-ky" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="nhiem-ky" className="mb-2 text-lg font-semibold">
          Nhiệm kỳ
        </h2>
        <ul className="mb-3 flex flex-wrap gap-2">
          {terms.map((t) => (
            <li key={t.slug}>
              <Link
                href={`/quan-tri/danh-muc?nhiem-ky=${t.slug}`}
                aria-current={t.slug === term?.slug ? "page" : undefined}
                className={`rounded border px-2 py-1 text-sm ${t.slug === term?.slug ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300"}`}
              >
                {t.name} ({t.programmeCount} chương trình)
              </Link>
            </li>
          ))}
        </ul>
        <h3 className="mb-1 font-medium">Tạo nhiệm kỳ mới</h3>
        <TermForm units={units} terms={terms.map((t) => ({ slug: t.slug, name: t.name }))} />
        <p className="mt-2 text-sm text-slate-600">
          Khi sao chép, chỉ các chương trình do đơn vị bạn quản lý ban hành được chép (mục, chỉ tiêu, quy tắc kiểm tra),
          không chép số liệu hay chỉ tiêu kế hoạch.
        </p>
      </section>
      {term && (
        <section aria-labelledby="chuong-trinh" className="space-y-4">
          <h2 id="chuong-trinh" className="text-lg font-semibold">
            Chương trình của {term.name}
          </h2>
          {programmes.length === 0 && <p>Đơn vị bạn quản lý chưa có chương trình nào trong nhiệm kỳ này.</p>}
          <details className="rounded-lg bg-white p-4 shadow-sm">
            <summary className="cursor-pointer font-medium text-brand-800">
              Tạo chương trình mới trong {term.name}
            </summary>
            <ProgrammeForm issuers={issuers} term={term.slug} />
          </details>
          {programmes.map((p) => (
            <article
              key={p.id}
              className="rounded-lg bg-white p-4 shadow-sm"
              aria-labelledby={`p-${p.id}`}
              data-programme={p.slug}
            >
              <div className="flex flex-wrap items-start gap-3">
                <h3 id={`p-${p.id}`} className="font-semibold">
                  {p.code}: {p.title}
                </h3>
                <p className="text-sm text-slate-600">
                  {p.issuer.name}
                  {p.issuedOn ? `, ban hành ${formatDate(p.issuedOn)}` : ""}
                </p>
                <div className="ml-auto flex gap-2">
                  <Link
                    href={`/quan-tri/chi-tieu?nhiem-ky=${term.slug}&chuong-trinh=${p.slug}`}
                    className="rounded border border-brand-700 px-3 py-1 text-sm text-brand-800"
                  >
                    Chỉ tiêu kế hoạch
                  </Link>
                  <ProgrammeDelete unit={p.issuer.slug} id={p.id} version={p.version} code={p.code} />
                </div>
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-brand-700">Sửa chương trình {p.code}</summary>
                <ProgrammeForm issuers={issuers} programme={p} />
              </details>
              {p.sections.map((s) => (
                <section key={s.id} className="mt-3" aria-label={`Mục ${s.name}`}>
                  <SectionHeader unit={p.issuer.slug} section={s} />
                  <ul className="mt-1 space-y-1">
                    {s.indicators.map((i) => (
                      <IndicatorEditor key={i.id} indicator={i} unit={p.issuer.slug} />
                    ))}
                  </ul>
                  <IndicatorCreate
                    unit={p.issuer.slug}
                    section={s}
                    parents={p.sections.flatMap((x) => x.indicators.filter((i) => !i.isSubRow))}
                  />
                </section>
              ))}
              <SectionCreate unit={p.issuer.slug} programme={p} />
            </article>
          ))}
        </section>
      )}
    </div>
  );
}

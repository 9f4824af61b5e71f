import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireReadPage } from "@/lib/auth/access";
import { WardComparisonView } from "@/components/compare/ward-comparison-view";
import { getWardComparison } from "@/lib/data/compare";
import { getOrgUnit } from "@/lib/data/org-units";
import { resolveTerm } from "@/lib/data/terms";
import { parsePeriod, wardCompareQuerySchema } from "@/lib/validation/compare";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Shared by the metadata and the page within one request, so the queries run once.
const loadComparison = cache(async (key: string) => {
  const q = wardCompareQuerySchema.parse(JSON.parse(key));
  const term = await resolveTerm(q.term);
  if (!term) return null;
  const data = await getWardComparison(term, { ...q, period: parsePeriod(q.period) });
  return data && { data, termSlug: q.term };
});

async function load({ searchParams }: Props) {
  const parsed = wardCompareQuerySchema.safeParse(await searchParams);
  if (parsed.success) {
    // the ward is compared with the other units under its parent: reading them all is needed
    const unit = await getOrgUnit(parsed.data.ward);
    // unknown unit, or no parent (nothing to compare with): not found, before any access question
    if (!unit?.parent) notFound();
    await requireReadPage(unit.parent.slug);
  }
  const loaded = parsed.success ? await loadComparison(JSON.stringify(parsed.data)) : null;
  if (!loaded) notFound();
  return loaded;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { data } = await load(props);
  return { title: `So sánh ${data.unit.name} với các đơn vị cùng cấp · ${data.programme.code}` };
}

export default async function WardComparePage(props: Props) {
  const { data, termSlug } = await load(props);
  return <WardComparisonView data={data} termSlug={termSlug} />;
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireReadParentPage } from "@/lib/auth/access";
import { WardComparisonView } from "@/components/compare/ward-comparison-view";
import { getWardComparison } from "@/lib/data/compare";
import type { ReadScope } from "@/lib/data/scope";
import { resolveTerm } from "@/lib/data/terms";
import { parsePeriod, wardCompareQuerySchema } from "@/lib/validation/compare";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Shared by the metadata and the page within one request (the scope is one object per request), so
// the queries run once.
const loadComparison = cache(async (key: string, scope: ReadScope) => {
  const q = wardCompareQuerySchema.parse(JSON.parse(key));
  const term = await resolveTerm(q.term);
  if (!term) return null;
  const data = await getWardComparison(term, { ...q, period: parsePeriod(q.period) }, scope);
  return data && { data, termSlug: q.term };
});

async function load({ searchParams }: Props) {
  const parsed = wardCompareQuerySchema.safeParse(await searchParams);
  if (!parsed.success) notFound();
  // the ward is compared with the other units under its parent: reading them all is needed
  const scope = await requireReadParentPage(parsed.data.ward);
  const loaded = await loadComparison(JSON.stringify(parsed.data), scope);
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

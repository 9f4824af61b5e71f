import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireReadPage } from "@/lib/auth/access";
import { IndicatorComparisonView } from "@/components/compare/indicator-comparison-view";
import { getIndicatorComparison } from "@/lib/data/compare";
import type { ReadScope } from "@/lib/data/scope";
import { resolveTerm } from "@/lib/data/terms";
import { compareQuerySchema, parsePeriod } from "@/lib/validation/compare";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Shared by the metadata and the page within one request (the scope is one object per request), so
// the queries run once.
const loadComparison = cache(async (key: string, scope: ReadScope) => {
  const q = compareQuerySchema.parse(JSON.parse(key));
  const term = await resolveTerm(q.term);
  if (!term) return null;
  const data = await getIndicatorComparison(term, { ...q, period: parsePeriod(q.period) }, scope);
  return data && { data, termSlug: q.term };
});

async function load({ searchParams }: Props) {
  const parsed = compareQuerySchema.safeParse(await searchParams);
  if (!parsed.success) notFound();
  // comparing the units under `parent` reads every one of them
  const scope = await requireReadPage(parsed.data.parent);
  const loaded = await loadComparison(JSON.stringify(parsed.data), scope);
  if (!loaded) notFound();
  return loaded;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { data } = await load(props);
  return { title: `So sánh: ${data.indicator.name} · ${data.parent.name}` };
}

export default async function ComparePage(props: Props) {
  const { data, termSlug } = await load(props);
  return <IndicatorComparisonView data={data} termSlug={termSlug} />;
}

import { requireReadPage } from "@/lib/auth/access";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ResidentialGroupsView } from "@/components/residential-groups/residential-groups-view";
import { getResidentialGroupsView } from "@/lib/data/residential-groups";
import type { ReadScope } from "@/lib/data/scope";
import { type TermSummary, resolveTerm } from "@/lib/data/terms";
import { slugSchema } from "@/lib/validation/params";
import { residentialGroupsQuerySchema } from "@/lib/validation/residential-groups";

type Props = {
  params: Promise<{ ward: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Shared by the metadata and the page within one request (the scope is one object per request, and
// the term one object through `termOf`), so the queries run once.
const termOf = cache((term: string | undefined) => resolveTerm(term));
const loadView = cache(
  (ward: string, term: TermSummary, indicator: string | undefined, year: number | undefined, scope: ReadScope) =>
    getResidentialGroupsView({ wardSlug: ward, term, query: { indicator, year }, scope }),
);

async function load({ params, searchParams }: Props) {
  const [{ ward }, query] = await Promise.all([
    params,
    searchParams.then((q) => residentialGroupsQuerySchema.safeParse(q)),
  ]);
  const slug = slugSchema.safeParse(ward);
  if (!slug.success || !query.success) notFound();
  // the term is read while access is checked; the figures after it, with the reader's scope
  const [scope, term] = await Promise.all([requireReadPage(slug.data), termOf(query.data.term)]);
  const view = term ? await loadView(slug.data, term, query.data.indicator, query.data.year, scope) : null;
  if (!view) notFound();
  return { view, termQuery: query.data.term ?? null };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { view } = await load(props);
  return { title: `Tổ dân phố · ${view.indicator.name} · ${view.ward.name}` };
}

export default async function ResidentialGroupsPage(props: Props) {
  const { view, termQuery } = await load(props);
  return <ResidentialGroupsView view={view} termQuery={termQuery} />;
}

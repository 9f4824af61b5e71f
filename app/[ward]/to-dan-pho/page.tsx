import { requireReadPage } from "@/lib/auth/access";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ResidentialGroupsView } from "@/components/residential-groups/residential-groups-view";
import { getResidentialGroupsView } from "@/lib/data/residential-groups";
import type { ReadScope } from "@/lib/data/scope";
import { resolveTerm } from "@/lib/data/terms";
import { slugSchema } from "@/lib/validation/params";
import { residentialGroupsQuerySchema } from "@/lib/validation/residential-groups";

type Props = {
  params: Promise<{ ward: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Shared by the metadata and the page within one request (the scope is one object per request), so
// the queries run once.
const loadView = cache(
  async (
    ward: string,
    term: string | undefined,
    indicator: string | undefined,
    year: number | undefined,
    scope: ReadScope,
  ) => {
    const resolved = await resolveTerm(term);
    return resolved
      ? getResidentialGroupsView({ wardSlug: ward, term: resolved, query: { indicator, year }, scope })
      : null;
  },
);

async function load({ params, searchParams }: Props) {
  const [{ ward }, query] = await Promise.all([
    params,
    searchParams.then((q) => residentialGroupsQuerySchema.safeParse(q)),
  ]);
  const slug = slugSchema.safeParse(ward);
  if (!slug.success || !query.success) notFound();
  const scope = await requireReadPage(slug.data);
  const view = await loadView(slug.data, query.data.term, query.data.indicator, query.data.year, scope);
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

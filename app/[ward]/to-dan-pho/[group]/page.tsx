import { requireReadPage } from "@/lib/auth/access";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { GroupView } from "@/components/residential-groups/group-view";
import { getResidentialGroupView } from "@/lib/data/residential-groups";
import type { ReadScope } from "@/lib/data/scope";
import { resolveTerm } from "@/lib/data/terms";
import { groupSlug } from "@/lib/domain/residential-groups";
import { slugSchema, termQuerySchema } from "@/lib/validation/params";
import { groupNumberSchema } from "@/lib/validation/residential-groups";

type Props = {
  params: Promise<{ ward: string; group: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Shared by the metadata and the page within one request (the scope is one object per request), so
// the queries run once.
const loadView = cache(async (ward: string, n: number, term: string | undefined, scope: ReadScope) => {
  const resolved = await resolveTerm(term);
  return resolved ? getResidentialGroupView({ wardSlug: ward, slug: groupSlug(ward, n), term: resolved, scope }) : null;
});

async function load({ params, searchParams }: Props) {
  const [{ ward, group }, query] = await Promise.all([params, searchParams.then((q) => termQuerySchema.safeParse(q))]);
  const slug = slugSchema.safeParse(ward);
  const n = groupNumberSchema.safeParse(group);
  if (!slug.success || !n.success || !query.success) notFound();
  const scope = await requireReadPage(slug.data);
  const view = await loadView(slug.data, n.data, query.data.term, scope);
  if (!view) notFound();
  return { view, termQuery: query.data.term ?? null };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { view } = await load(props);
  return { title: `${view.group.shortName} · ${view.ward.name}` };
}

export default async function ResidentialGroupPage(props: Props) {
  const { view, termQuery } = await load(props);
  return <GroupView view={view} termQuery={termQuery} />;
}

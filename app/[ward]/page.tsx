import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireReadPage } from "@/lib/auth/access";
import { mayEditValues } from "@/lib/auth/may-edit";
import { EntryLinks } from "@/components/entry/entry-links";
import { WardOverviewView } from "@/components/overview/ward-overview-view";
import { resolveTerm } from "@/lib/data/terms";
import type { ReadScope } from "@/lib/data/scope";
import { getWardOverview } from "@/lib/data/ward-overview";
import { slugSchema, termQuerySchema } from "@/lib/validation/params";

type Props = {
  params: Promise<{ ward: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Shared by the metadata and the page within one request (the scope is one object per request), so
// the queries run once.
const loadOverview = cache(async (ward: string, term: string | undefined, scope: ReadScope) => {
  const resolved = await resolveTerm(term);
  return resolved ? getWardOverview(ward, resolved, scope) : null;
});

async function load({ params, searchParams }: Props) {
  const [{ ward }, query] = await Promise.all([params, searchParams.then((q) => termQuerySchema.safeParse(q))]);
  const slug = slugSchema.safeParse(ward);
  if (!slug.success) notFound();
  const scope = await requireReadPage(slug.data);
  const overview = query.success ? await loadOverview(slug.data, query.data.term, scope) : null;
  if (!overview) notFound();
  return { overview, canEdit: await mayEditValues(slug.data) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { overview } = await load(props);
  return { title: `${overview.ward.name} · ${overview.term.name}` };
}

export default async function WardPage(props: Props) {
  const { overview, canEdit } = await load(props);
  return (
    <div className="space-y-4">
      {/* officials who may edit the ward get the way in to the yearly entry (latest year of the term) */}
      {canEdit && (
        <EntryLinks ward={overview.ward.slug} year={overview.term.endYear} programmes={overview.programmes} />
      )}
      <WardOverviewView overview={overview} canEdit={canEdit} />
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireReadPage } from "@/lib/auth/access";
import { mayEditValues } from "@/lib/auth/may-edit";
import { EntryLinks } from "@/components/entry/entry-links";
import { WardOverviewView } from "@/components/overview/ward-overview-view";
import { type TermSummary, resolveTerm } from "@/lib/data/terms";
import type { ReadScope } from "@/lib/data/scope";
import { getWardOverview } from "@/lib/data/ward-overview";
import { slugSchema, termQuerySchema } from "@/lib/validation/params";

type Props = {
  params: Promise<{ ward: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Shared by the metadata and the page within one request (the scope is one object per request, and
// the term one object through `termOf`), so the queries run once.
const termOf = cache((term: string | undefined) => resolveTerm(term));
const loadOverview = cache((ward: string, term: TermSummary, scope: ReadScope) => getWardOverview(ward, term, scope));
const mayEdit = cache(mayEditValues);

async function load({ params, searchParams }: Props) {
  const [{ ward }, query] = await Promise.all([params, searchParams.then((q) => termQuerySchema.safeParse(q))]);
  const slug = slugSchema.safeParse(ward);
  if (!slug.success) notFound();
  // what does not depend on the access check is read while it runs (the term, whether the person may
  // edit); the figures after it, with the reader's scope
  const [scope, term, canEdit] = await Promise.all([
    requireReadPage(slug.data),
    query.success ? termOf(query.data.term) : null,
    mayEdit(slug.data),
  ]);
  const overview = term ? await loadOverview(slug.data, term, scope) : null;
  if (!overview) notFound();
  return { overview, canEdit };
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

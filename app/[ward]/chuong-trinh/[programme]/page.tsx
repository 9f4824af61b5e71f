import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireReadPage } from "@/lib/auth/access";
import { mayEditValues } from "@/lib/auth/may-edit";
import { ProgrammeDashboardView } from "@/components/programme/programme-dashboard-view";
import { getProgrammeDashboard } from "@/lib/data/programme-dashboard";
import type { ReadScope } from "@/lib/data/scope";
import { type TermSummary, resolveTerm } from "@/lib/data/terms";
import { programmeSlugSchema, slugSchema, termQuerySchema } from "@/lib/validation/params";

type Props = {
  params: Promise<{ ward: string; programme: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Shared by the metadata and the page within one request (the scope is one object per request, and
// the term one object through `termOf`), so the queries run once.
const termOf = cache((term: string | undefined) => resolveTerm(term));
const loadDashboard = cache((ward: string, programme: string, term: TermSummary, scope: ReadScope) =>
  getProgrammeDashboard({ wardSlug: ward, programmeSlug: programme, term, scope }),
);
const mayEdit = cache(mayEditValues);

async function load({ params, searchParams }: Props) {
  const [{ ward, programme }, query] = await Promise.all([
    params,
    searchParams.then((q) => termQuerySchema.safeParse(q)),
  ]);
  const slug = slugSchema.safeParse(ward);
  const p = programmeSlugSchema.safeParse(programme);
  if (!slug.success) notFound();
  // what does not depend on the access check is read while it runs (the term, whether the person may
  // edit); the figures after it, with the reader's scope
  const [scope, term, canEdit] = await Promise.all([
    requireReadPage(slug.data),
    query.success ? termOf(query.data.term) : null,
    mayEdit(slug.data),
  ]);
  const data = term && p.success ? await loadDashboard(slug.data, p.data, term, scope) : null;
  if (!data) notFound();
  return { data, canEdit };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { data: d } = await load(props);
  return { title: `Chương trình ${d.programme.code} · ${d.ward.name}` };
}

export default async function ProgrammePage(props: Props) {
  const { data, canEdit } = await load(props);
  return <ProgrammeDashboardView data={data} canEdit={canEdit} />;
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireReadPage } from "@/lib/auth/access";
import { mayEditValues } from "@/lib/auth/may-edit";
import { ProgrammeDashboardView } from "@/components/programme/programme-dashboard-view";
import { getProgrammeDashboard } from "@/lib/data/programme-dashboard";
import type { ReadScope } from "@/lib/data/scope";
import { resolveTerm } from "@/lib/data/terms";
import { programmeSlugSchema, slugSchema, termQuerySchema } from "@/lib/validation/params";

type Props = {
  params: Promise<{ ward: string; programme: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Shared by the metadata and the page within one request (the scope is one object per request), so
// the queries run once.
const loadDashboard = cache(async (ward: string, programme: string, term: string | undefined, scope: ReadScope) => {
  const p = programmeSlugSchema.safeParse(programme);
  if (!p.success) return null;
  const resolved = await resolveTerm(term);
  return resolved ? getProgrammeDashboard({ wardSlug: ward, programmeSlug: p.data, term: resolved, scope }) : null;
});

async function load({ params, searchParams }: Props) {
  const [{ ward, programme }, query] = await Promise.all([
    params,
    searchParams.then((q) => termQuerySchema.safeParse(q)),
  ]);
  const slug = slugSchema.safeParse(ward);
  if (!slug.success) notFound();
  const scope = await requireReadPage(slug.data);
  const data = query.success ? await loadDashboard(slug.data, programme, query.data.term, scope) : null;
  if (!data) notFound();
  return { data, canEdit: await mayEditValues(slug.data) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { data: d } = await load(props);
  return { title: `Chương trình ${d.programme.code} · ${d.ward.name}` };
}

export default async function ProgrammePage(props: Props) {
  const { data, canEdit } = await load(props);
  return <ProgrammeDashboardView data={data} canEdit={canEdit} />;
}

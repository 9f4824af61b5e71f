import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { GpmbView } from "@/components/land-clearance/gpmb-view";
import { requireReadPage } from "@/lib/auth/access";
import { mayEditValues, mayReadDrafts } from "@/lib/auth/may-edit";
import { getGpmbPage } from "@/lib/data/land-clearance";
import type { ReadScope } from "@/lib/data/scope";
import { resolveTerm } from "@/lib/data/terms";
import { slugSchema, termQuerySchema } from "@/lib/validation/params";

type Props = {
  params: Promise<{ ward: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadPage = cache(async (ward: string, term: string | undefined, scope: ReadScope, drafts: boolean) => {
  const resolved = await resolveTerm(term);
  return resolved ? getGpmbPage({ wardSlug: ward, term: resolved, scope, drafts }) : null;
});

async function load({ params, searchParams }: Props) {
  const [{ ward }, query] = await Promise.all([params, searchParams.then((q) => termQuerySchema.safeParse(q))]);
  const slug = slugSchema.safeParse(ward);
  if (!slug.success || !query.success) notFound();
  const scope = await requireReadPage(slug.data);
  const page = await loadPage(slug.data, query.data.term, scope, await mayReadDrafts(slug.data));
  if (!page) notFound();
  return { page, canEdit: await mayEditValues(slug.data) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { page } = await load(props);
  return { title: `Dự án GPMB và danh hiệu · ${page.ward.name}` };
}

export default async function GpmbPage(props: Props) {
  const { page, canEdit } = await load(props);
  return <GpmbView page={page} canEdit={canEdit} />;
}

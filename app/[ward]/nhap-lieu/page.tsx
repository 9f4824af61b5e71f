import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { EntryHubView } from "@/components/review/entry-hub-view";
import { pageReadScope, requirePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/permissions";
import { getUnitScope } from "@/lib/data/org-units";
import { getEntryHub } from "@/lib/data/review";
import type { ReadScope } from "@/lib/data/scope";
import { resolveTerm } from "@/lib/data/terms";
import { slugSchema, termQuerySchema } from "@/lib/validation/params";

type Props = {
  params: Promise<{ ward: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadHub = cache(async (ward: string, term: string | undefined, scope: ReadScope) => {
  const resolved = await resolveTerm(term);
  return resolved ? getEntryHub(ward, resolved, scope) : null;
});

// The workflow is internal: a signed-in reader of the ward, whatever the public portal setting.
async function load({ params, searchParams }: Props) {
  const [{ ward }, query] = await Promise.all([params, searchParams.then((q) => termQuerySchema.safeParse(q))]);
  const slug = slugSchema.safeParse(ward);
  if (!slug.success || !query.success) notFound();
  const viewer = await requirePage("read", slug.data);
  const hub = await loadHub(slug.data, query.data.term, await pageReadScope(slug.data));
  if (!hub) notFound();
  const unit = await getUnitScope(slug.data);
  return { hub, canEdit: !!unit && can(viewer, "editValues", unit) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { hub } = await load(props);
  return { title: `Nhập liệu · ${hub.ward.name}` };
}

export default async function EntryHubPage(props: Props) {
  const { hub, canEdit } = await load(props);
  return <EntryHubView hub={hub} canEdit={canEdit} now={new Date()} />;
}

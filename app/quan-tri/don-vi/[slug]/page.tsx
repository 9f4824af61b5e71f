import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { OrgUnitDetailView } from "@/components/org-units/org-unit-detail-view";
import { requireOrgUnitManagerPage } from "@/lib/auth/access";
import { currentSlugOf, getManagedUnit } from "@/lib/data/org-unit-list";
import { slugSchema } from "@/lib/validation/params";

export const metadata: Metadata = { title: "Quản trị đơn vị" };

type Props = { params: Promise<{ slug: string }> };

export default async function OrgUnitPage({ params }: Props) {
  const { slug } = await params;
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) notFound();
  const { scope } = await requireOrgUnitManagerPage();
  // a unit outside the person's units reads as absent
  const unit = await getManagedUnit(parsed.data, scope);
  if (!unit) {
    // its slug was just changed (the page re-rendered after the change) or an old link
    const current = await currentSlugOf(parsed.data);
    if (current && (await getManagedUnit(current, scope))) redirect(`/quan-tri/don-vi/${current}`);
    notFound();
  }
  return <OrgUnitDetailView unit={unit} />;
}

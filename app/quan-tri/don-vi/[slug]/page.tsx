import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrgUnitDetailView } from "@/components/org-units/org-unit-detail-view";
import { requireOrgUnitManagerPage } from "@/lib/auth/access";
import { getManagedUnit } from "@/lib/data/org-unit-list";
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
  if (!unit) notFound();
  return <OrgUnitDetailView unit={unit} />;
}

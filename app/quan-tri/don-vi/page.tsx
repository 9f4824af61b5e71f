import type { Metadata } from "next";
import { OrgUnitsView } from "@/components/org-units/org-units-view";
import { requireOrgUnitManagerPage } from "@/lib/auth/access";
import { listManagedUnits } from "@/lib/data/org-unit-list";

export const metadata: Metadata = { title: "Quản trị đơn vị" };

export default async function OrgUnitsPage() {
  const { scope, mayAddCity } = await requireOrgUnitManagerPage();
  return <OrgUnitsView units={await listManagedUnits(scope)} mayAddCity={mayAddCity} />;
}

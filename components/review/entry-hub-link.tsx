import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";
import { getUnitScope } from "@/lib/data/org-units";

/** The way to the ward's entry hub, for those who enter, approve or unlock its figures. */
export async function EntryHubLink({ wardSlug }: { wardSlug: string }) {
  const [viewer, unit] = await Promise.all([getViewer(), getUnitScope(wardSlug)]);
  if (!viewer || !unit || !(["editValues", "approve", "unlockValues"] as const).some((a) => can(viewer, a, unit))) return null;
  return (
    <li>
      <Link href={`/${wardSlug}/nhap-lieu`} className="inline-block rounded border border-brand-700 bg-white px-3 py-1 font-medium text-brand-800 hover:bg-brand-50">
        Nhập liệu và duyệt
      </Link>
    </li>
  );
}

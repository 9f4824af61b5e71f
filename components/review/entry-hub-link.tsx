import { PageLink } from "@/components/ui/page-link";
import { mayUseEntryHub } from "@/lib/auth/access";

/** The way to the ward's entry hub, for those who enter, approve or unlock its figures. */
export async function EntryHubLink({ wardSlug }: { wardSlug: string }) {
  if (!(await mayUseEntryHub(wardSlug))) return null;
  return (
    <li>
      <PageLink
        href={`/${wardSlug}/nhap-lieu`}
        className="inline-block rounded border border-brand-700 bg-white px-3 py-1 font-medium text-brand-800 hover:bg-brand-50"
      >
        Nhập liệu và duyệt
      </PageLink>
    </li>
  );
}

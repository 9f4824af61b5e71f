import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DistrictProgressView } from "@/components/review/district-progress-view";
import { SelfApprovalSection } from "@/components/review/self-approval-section";
import { pageReadScope, requirePage, requireViewer } from "@/lib/auth/access";
import { can, unitsWith } from "@/lib/auth/permissions";
import { getUnitScope } from "@/lib/data/org-units";
import { firstDistrictWithin, getDistrictProgress } from "@/lib/data/review";
import { getSelfApprovalSetting } from "@/lib/data/review-settings";
import { currentEntryYear } from "@/lib/services/home-standing";
import { progressQuerySchema } from "@/lib/validation/review";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Tiến độ nhập liệu" };

// The district's progress is for those who read the whole district (its staff, administrators):
// a ward official reads only their ward and is refused.
export default async function ProgressPage({ searchParams }: Props) {
  const query = progressQuerySchema.safeParse(await searchParams);
  if (!query.success) notFound();
  const viewer = await requireViewer();
  const district = query.data.district ?? (await firstDistrictWithin(unitsWith(viewer, "read"))) ?? "long-bien";
  await requirePage("read", district);
  const now = new Date();
  const year = query.data.year ?? (await currentEntryYear(now));
  const progress = await getDistrictProgress(district, year, await pageReadScope(district), {
    q: query.data.q,
    page: query.data.page,
  });
  if (!progress) notFound();
  const unit = await getUnitScope(district);
  const selfApproval = await getSelfApprovalSetting(progress.district.id);
  return (
    <DistrictProgressView
      progress={progress}
      canManageDeadline={!!unit && can(viewer, "manageDeadlines", unit)}
      now={now}
    >
      <SelfApprovalSection
        unit={progress.district.slug}
        setting={selfApproval}
        canManage={!!unit && can(viewer, "manageReviewRules", unit)}
      />
    </DistrictProgressView>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntryHeader } from "@/components/entry/entry-header";
import { GroupEntryGrid } from "@/components/entry/group-entry-grid";
import { SubmissionPanel } from "@/components/review/submission-panel";
import { SubmissionVersionProvider } from "@/components/review/submission-version";
import { type EntryPageParams, loadEntryPage } from "@/lib/services/entry-page";
import { loadSubmissionPanel } from "@/lib/services/submission-panel";

type Props = { params: Promise<EntryPageParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { grid, canEdit } = await loadEntryPage(await params, "groups");
  const what = canEdit ? "Nhập theo tổ dân phố" : "Số liệu theo tổ dân phố";
  return { title: `${what} ${grid.year} · ${grid.programme.code} · ${grid.ward.name}` };
}

export default async function GroupEntryPage({ params }: Props) {
  const p = await params;
  const { viewer, grid, canEdit, locked, readable } = await loadEntryPage(p, "groups");
  if (grid.groupIndicators.length === 0 || grid.groups.length === 0) notFound();
  const path = `/${grid.ward.slug}/nhap-lieu/${grid.year}/${grid.programme.slug}/to-dan-pho`;
  // the committee's questions in each group's cell (the same load as the review panel's)
  const review = await loadSubmissionPanel(grid.ward.slug, grid.year, grid.programme.slug, readable);
  return (
    <article className="space-y-4">
      <EntryHeader grid={grid} page="to-dan-pho" canEdit={canEdit} locked={locked} />
      <SubmissionVersionProvider>
        <SubmissionPanel
          wardSlug={grid.ward.slug}
          year={grid.year}
          programmeSlug={grid.programme.slug}
          scope={readable}
        />
        <GroupEntryGrid
          grid={grid}
          userId={viewer.userId}
          canEdit={canEdit}
          locked={locked}
          signInHref={`/dang-nhap?next=${encodeURIComponent(path)}`}
          questions={
            review && {
              threads: review.questions.threads,
              canAsk: review.questions.canAsk,
              canAnswer: review.questions.canAnswer,
            }
          }
        />
      </SubmissionVersionProvider>
    </article>
  );
}

import type { Metadata } from "next";
import { EntryForm } from "@/components/entry/entry-form";
import { EntryHeader } from "@/components/entry/entry-header";
import { SubmissionPanel } from "@/components/review/submission-panel";
import { SubmissionVersionProvider } from "@/components/review/submission-version";
import { type EntryPageParams, loadEntryPage } from "@/lib/services/entry-page";
import { loadSubmissionPanel } from "@/lib/services/submission-panel";

type Props = { params: Promise<EntryPageParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { grid, canEdit } = await loadEntryPage(await params, "ward");
  // a reviewer or reader does not enter figures here (the same words as the page's heading)
  return { title: `${canEdit ? "Nhập số liệu" : "Số liệu"} ${grid.year} · ${grid.programme.code} · ${grid.ward.name}` };
}

export default async function EntryPage({ params }: Props) {
  const p = await params;
  const { viewer, grid, canEdit, locked, readable } = await loadEntryPage(p, "ward");
  const path = `/${grid.ward.slug}/nhap-lieu/${grid.year}/${grid.programme.slug}`;
  // the committee's questions beside each figure (the same load as the review panel's)
  const review = await loadSubmissionPanel(grid.ward.slug, grid.year, grid.programme.slug, readable);
  return (
    <article className="space-y-4">
      <EntryHeader grid={grid} page="phuong" canEdit={canEdit} locked={locked} />
      <SubmissionVersionProvider>
        <SubmissionPanel
          wardSlug={grid.ward.slug}
          year={grid.year}
          programmeSlug={grid.programme.slug}
          scope={readable}
        />
        <EntryForm
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

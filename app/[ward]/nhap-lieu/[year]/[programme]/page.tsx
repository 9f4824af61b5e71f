// TEMPORARY: a stand-in for the entry page (built on another branch), only to try the review panel.
import { notFound } from "next/navigation";
import { SubmissionPanel } from "@/components/review/submission-panel";
import { requirePage } from "@/lib/auth/access";
import { programmeSlugSchema, slugSchema } from "@/lib/validation/params";

type Props = { params: Promise<{ ward: string; year: string; programme: string }> };

export default async function EntryPage({ params }: Props) {
  const { ward, year, programme } = await params;
  const w = slugSchema.safeParse(ward);
  const p = programmeSlugSchema.safeParse(programme);
  if (!w.success || !p.success || !/^\d{4}$/.test(year)) notFound();
  await requirePage("read", w.data);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">
        Nhập số liệu năm {year} · {p.data}
      </h1>
      <SubmissionPanel wardSlug={w.data} year={Number(year)} programmeSlug={p.data} />
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportFileView } from "@/components/entry-import/import-file-view";
import { pageReadScope, requirePage } from "@/lib/auth/access";
import { getEntryFileGrid } from "@/lib/data/entry-file-grid";
import { isEditable } from "@/lib/domain/entry-file-grid";
import { entryGridParamsSchema } from "@/lib/validation/entry-file";

type Props = { params: Promise<{ ward: string; year: string; programme: string }> };

export const metadata: Metadata = { title: "Nhập số liệu từ tệp Excel hoặc CSV" };

/** /{ward}/nhap-lieu/{year}/{programme}/nhap-tep: upload a filled-in export, preview, apply. */
export default async function ImportFilePage({ params }: Props) {
  const parsed = entryGridParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { ward, year, programme } = parsed.data;
  await requirePage("editValues", ward);
  const grid = await getEntryFileGrid({
    wardSlug: ward,
    year,
    programmeSlug: programme,
    scope: await pageReadScope(ward),
  });
  if (!grid) notFound();
  return (
    <ImportFileView
      ward={{ slug: grid.ward.slug, name: grid.ward.name }}
      year={grid.year}
      programme={{ slug: grid.programme.slug, code: grid.programme.code }}
      status={grid.submission?.status ?? "DRAFT"}
      editable={isEditable(grid)}
    />
  );
}

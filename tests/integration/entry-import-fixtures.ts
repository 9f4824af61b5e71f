// What the access tests of the entry import upload: an unedited Excel export of Ngọc Thụy's 2020 grid
// of the programme of entry-fixtures.ts (createEntryCatalogue must have run), so that the allowed
// apply finds nothing to change.
import { ENTRY_PROGRAMME } from "./entry-fixtures";

export const ENTRY_IMPORT_TARGET = { ward: "ngoc-thuy", year: "2020", programme: ENTRY_PROGRAMME } as const;

export async function entryImportFile(): Promise<Uint8Array<ArrayBuffer>> {
  const { getEntryFileGrid } = await import("@/lib/data/entry-file-grid");
  const { writeEntryWorkbook } = await import("@/lib/xlsx/write-entry-workbook");
  const grid = await getEntryFileGrid({
    wardSlug: ENTRY_IMPORT_TARGET.ward,
    year: Number(ENTRY_IMPORT_TARGET.year),
    programmeSlug: ENTRY_IMPORT_TARGET.programme,
    scope: { all: true },
  });
  if (!grid) throw new Error("entry grid missing: run createEntryCatalogue first");
  return new Uint8Array(await writeEntryWorkbook(grid));
}

/** The import form as the page posts it. */
export function entryImportForm(bytes: Uint8Array<ArrayBuffer>, fingerprint?: string): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(ENTRY_IMPORT_TARGET)) form.set(k, v);
  form.set(
    "file",
    new File([bytes], "nhap-lieu.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
  );
  if (fingerprint) form.set("fingerprint", fingerprint);
  return form;
}

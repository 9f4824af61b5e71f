// What the access tests of the entry import need on top of the small world of auth-fixtures.ts: a
// term with the years 2019–2020, programme 03-CTr-QU issued by the district, one ward indicator and
// one residential-group indicator; and an unedited export of Ngọc Thụy's 2020 grid to upload.
import type { World } from "./auth-fixtures";

export const ENTRY_TARGET = { ward: "ngoc-thuy", year: "2020", programme: "03-CTr-QU" } as const;

export async function addEntryCatalogue(world: World): Promise<Uint8Array<ArrayBuffer>> {
  const { prisma } = world.database;
  const term = await prisma.term.create({ data: { slug: "2015-2020", name: "Nhiệm kỳ 2015–2020", startYear: 2015, endYear: 2020 } });
  for (const year of [2019, 2020]) await prisma.period.create({ data: { termId: term.id, kind: "YEAR", year } });
  const programme = await prisma.programme.create({
    data: { termId: term.id, issuerId: world.units.district, number: 3, code: "03-CTr/QU", slug: "03-CTr-QU", title: "Chương trình 03", summary: "" },
  });
  const section = await prisma.indicatorSection.create({ data: { programmeId: programme.id, code: "trat-tu", name: "Trật tự đô thị" } });
  await prisma.indicator.createMany({
    data: [
      { programmeId: programme.id, sectionId: section.id, code: "ra-quan", name: "Đợt ra quân", unit: "đợt", valueType: "COUNT", aggregation: "SUM", direction: "NEUTRAL" },
      {
        programmeId: programme.id,
        sectionId: section.id,
        code: "tdp-van-hoa",
        name: "Tổ dân phố văn hóa",
        unit: "năm",
        valueType: "BOOLEAN",
        aggregation: "YEARS_ACHIEVED",
        direction: "HIGHER_IS_BETTER",
        collectionLevel: "RESIDENTIAL_GROUP",
        sortOrder: 1,
      },
    ],
  });
  const { getEntryGrid } = await import("@/lib/data/entry-export");
  const { writeEntryWorkbook } = await import("@/lib/xlsx/write-entry-workbook");
  const grid = await getEntryGrid(ENTRY_TARGET.ward, Number(ENTRY_TARGET.year), ENTRY_TARGET.programme);
  if (!grid) throw new Error("entry grid missing");
  return new Uint8Array(await writeEntryWorkbook(grid));
}

/** The import form as the page posts it. */
export function entryImportForm(bytes: Uint8Array<ArrayBuffer>, fingerprint?: string): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(ENTRY_TARGET)) form.set(k, v);
  form.set("file", new File([bytes], "nhap-lieu.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  if (fingerprint) form.set("fingerprint", fingerprint);
  return form;
}

// Times the Excel import of a full year of programme 03 for Ngọc Thụy (ward sheet and the groups ×
// indicators sheet): export, preview and apply of a workbook in which every row changes, then a
// re-import of the same file (nothing to change). Run by scripts/bench-import.mjs with tsx under
// the react-server condition and DATABASE_URL set; prints one JSON line.
import ExcelJS from "exceljs";
import { getEntryFileGrid } from "@/lib/data/entry-file-grid";
import { applyEntryFile, previewEntryFile } from "@/lib/services/entry-import";
import { ALL_UNITS } from "@/lib/data/scope";
import { writeEntryWorkbook } from "@/lib/xlsx/write-entry-workbook";

const TARGET = { ward: "ngoc-thuy", year: Number(process.env.BENCH_YEAR || 2020), programme: "03-CTr-QU" };
const RUNS = Number(process.env.BENCH_RUNS || 5);
const ACTOR = { userId: "bench", name: "Đo hiệu năng" };

const ms = (t0: number) => +(performance.now() - t0).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Every ward row gets a new note; every group cell a new value (yes/no flipped, rates ±0,1). */
async function editAll(bytes: Buffer, run: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ward = wb.getWorksheet("Phường")!;
  for (let r = 9; r <= ward.rowCount; r++)
    if (ward.getCell(`A${r}`).value) ward.getCell(`H${r}`).value = `Lần đo ${run}`;
  const groups = wb.getWorksheet("Tổ dân phố")!;
  for (let r = 9; r <= groups.rowCount; r++) {
    for (let c = 3; c <= groups.columnCount; c += 2) {
      const cell = groups.getCell(r, c);
      if (cell.value === "Đạt" || cell.value === "Chưa đạt") cell.value = cell.value === "Đạt" ? "Chưa đạt" : "Đạt";
      else if (typeof cell.value === "number")
        cell.value =
          cell.value >= 50 ? Math.round((cell.value - 0.1) * 10) / 10 : Math.round((cell.value + 0.1) * 10) / 10;
      else if (cell.value === null) cell.value = 50;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const samples: Record<"export" | "preview" | "apply" | "reimport", number[]> = {
  export: [],
  preview: [],
  apply: [],
  reimport: [],
};
let rows = 0;
let changed = 0;
let bytes = 0;
for (let run = 1; run <= RUNS; run++) {
  let t0 = performance.now();
  const grid = await getEntryFileGrid({
    wardSlug: TARGET.ward,
    year: TARGET.year,
    programmeSlug: TARGET.programme,
    scope: ALL_UNITS,
  });
  if (!grid) throw new Error("no grid: seed the database first");
  const exported = await writeEntryWorkbook(grid);
  samples.export.push(ms(t0));
  const file = { name: "bench.xlsx", bytes: new Uint8Array(await editAll(exported, run)) };
  bytes = file.bytes.length;

  t0 = performance.now();
  const preview = await previewEntryFile(TARGET, file, ALL_UNITS);
  samples.preview.push(ms(t0));
  if (!preview.ok) throw new Error(preview.message);
  if (!preview.preview.canApply)
    throw new Error(JSON.stringify(preview.preview.rows.filter((r) => r.messages.length).slice(0, 3)));
  rows = preview.preview.rows.length;

  t0 = performance.now();
  const applied = await applyEntryFile({
    actor: ACTOR,
    target: TARGET,
    file,
    fingerprint: preview.fingerprint,
    scope: ALL_UNITS,
  });
  samples.apply.push(ms(t0));
  if (!applied.ok) throw new Error(applied.message);
  changed = applied.changed;

  t0 = performance.now();
  const again = await previewEntryFile(TARGET, file, ALL_UNITS);
  const noop = again.ok
    ? await applyEntryFile({ actor: ACTOR, target: TARGET, file, fingerprint: again.fingerprint, scope: ALL_UNITS })
    : again;
  samples.reimport.push(ms(t0));
  if (!noop.ok || noop.changed !== 0) throw new Error("re-import changed something");
}
const summary = Object.fromEntries(
  Object.entries(samples).map(([k, v]) => [k, { medianMs: median(v), maxMs: Math.max(...v), samples: v }]),
);
console.log(
  JSON.stringify({ target: TARGET, runs: RUNS, fileBytes: bytes, rows, changedPerApply: changed, ...summary }),
);
process.exit(0);

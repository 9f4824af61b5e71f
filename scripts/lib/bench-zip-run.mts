// One case of scripts/bench-zip.mjs, in a fresh process so that its peak memory is its own: builds
// the file, then has the import read it (previewEntryFile, as "Xem trước" does) and prints one JSON
// line: the answer, the time it took and how far the process's memory grew. Refused files never
// reach the database; the well-formed workbook stops at the (absent) database after being read.
import { createDeflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import { previewEntryFile } from "@/lib/services/entry-import";
import { ALL_UNITS } from "@/lib/data/scope";
import { type DeflatedPart, lyingZip } from "@/tests/setup/crafted-zip";

const MB = 1024 * 1024;
const TARGET = { ward: "ngoc-thuy", year: 2020, programme: "03-CTr-QU" };

async function deflatedAs(mb: number): Promise<Buffer> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on("data", (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflater.on("end", resolve));
  const block = Buffer.alloc(MB, 0x61);
  for (let i = 0; i < mb; i++) if (!deflater.write(block)) await new Promise((r) => deflater.once("drain", r));
  deflater.end();
  await done;
  return Buffer.concat(out);
}

/** A zip whose headers declare `declared(realMb)` bytes per part, whatever the parts hold. */
const zipOf = (parts: DeflatedPart[], declared: (realMb: number) => number, realMb: number): Buffer =>
  lyingZip(parts, declared(realMb));

async function fileFor(name: string): Promise<{ bytes: Buffer; inflatesTo: string }> {
  const lie = () => 1000;
  switch (name) {
    case "lying-1gb": {
      const d = await deflatedAs(1000);
      return {
        bytes: zipOf([{ name: "xl/worksheets/sheet1.xml", deflated: d }], lie, 1000),
        inflatesTo: "1000 MB in 1 part",
      };
    }
    case "lying-5x200mb": {
      const d = await deflatedAs(200);
      return {
        bytes: zipOf(
          [1, 2, 3, 4, 5].map((i) => ({ name: `xl/worksheets/sheet${i}.xml`, deflated: d })),
          lie,
          200,
        ),
        inflatesTo: "1000 MB in 5 parts",
      };
    }
    case "lying-4x15mb": {
      const d = await deflatedAs(15);
      return {
        bytes: zipOf(
          [1, 2, 3, 4].map((i) => ({ name: `xl/worksheets/sheet${i}.xml`, deflated: d })),
          lie,
          15,
        ),
        inflatesTo: "60 MB in 4 parts of 15 MB",
      };
    }
    case "honest-1gb": {
      const d = await deflatedAs(1000);
      return {
        bytes: zipOf([{ name: "xl/worksheets/sheet1.xml", deflated: d }], (mb) => mb * MB, 1000),
        inflatesTo: "1000 MB, declared",
      };
    }
    case "workbook-2000-rows": {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Phường");
      for (let r = 1; r <= 2000; r++)
        ws.addRow([`ma-${r}`, `Chỉ tiêu số ${r}`, "trường hợp", r, r * 2, r * 3, "", `ghi chú ${r}`, "1-abc"]);
      return {
        bytes: Buffer.from(await wb.xlsx.writeBuffer()),
        inflatesTo: "a workbook of 2 000 rows (not our template)",
      };
    }
  }
  throw new Error(`unknown case ${name}`);
}

const name = process.argv[2];
const copies = Number(process.argv[3] || 1);
const { bytes, inflatesTo } = await fileFor(name);
global.gc?.();
const before = process.memoryUsage().rss;
const maxBefore = process.resourceUsage().maxRSS * 1024;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const t0 = performance.now();
const answers = await Promise.all(
  Array.from({ length: copies }, async () => {
    const t = performance.now();
    const out = await previewEntryFile(TARGET, { name: "bom.xlsx", bytes: new Uint8Array(bytes) }, ALL_UNITS).catch(
      (e: Error) => ({ ok: false as const, code: "error", message: e.message.split("\n")[0] }),
    );
    return {
      ms: +(performance.now() - t).toFixed(1),
      answer: out.ok ? "read" : `${out.code}: ${out.message.slice(0, 90)}`,
    };
  }),
);
const total = +(performance.now() - t0).toFixed(1);
clearInterval(sampler);
const maxAfter = process.resourceUsage().maxRSS * 1024;
const mb = (n: number) => +(n / MB).toFixed(1);
console.log(
  JSON.stringify({
    case: name,
    copies,
    fileKB: +(bytes.length / 1024).toFixed(1),
    inflatesTo,
    totalMs: total,
    answers,
    // peak resident memory during the reads, above what the process held before them
    peakGrowthMB: mb(Math.max(peak, maxAfter > maxBefore ? maxAfter : 0) - before),
  }),
);

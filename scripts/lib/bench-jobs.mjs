// bench:scale --jobs: the heaviest requests a signed-in person can make, one after the other, against
// the server start.mjs runs (with its default heap limit, SERVER_HEAP_MIB): whole-city comparison CSVs,
// the entry workbook (xlsx, csv), the brief and report documents, and the entry import of a file at the
// limits. Per job: HTTP status, time, bytes, and the resident memory of the web server process during
// it (sampled every 50 ms); after it, whether the same server process still answers /api/health.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";

const MiB = 1024 * 1024;

/** Resident memory of one process (MiB), 0 when it is gone. */
export function processRssMiB(pid) {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** The id of a server action (`exportedName` of `filename`) in the build's manifest. */
export function actionId(root, filename, exportedName) {
  const manifest = JSON.parse(
    fs.readFileSync(
      path.join(root, process.env.NEXT_DIST_DIR || ".next", "server/server-reference-manifest.json"),
      "utf8",
    ),
  );
  const found = Object.entries(manifest.node ?? {}).find(
    ([, a]) => a.filename === filename && a.exportedName === exportedName,
  );
  if (!found) throw new Error(`server action ${exportedName} of ${filename} not in the build's manifest`);
  return found[0];
}

const columnLetter = (n) => {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};

/** The parts of a zip (name → bytes), read from its central directory. */
export function unzip(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip");
  const count = bytes.readUInt16LE(end + 10);
  const parts = new Map();
  for (let i = 0, at = bytes.readUInt32LE(end + 16); i < count; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    parts.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    at += 46 + skip;
  }
  return parts;
}

/** A zip of the parts (name → bytes), each deflated. */
export function zip(parts) {
  const deflatedOf = new Map(); // a part repeated (the same Buffer) is deflated once
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const n = Buffer.from(name, "utf8");
    if (!deflatedOf.has(data)) deflatedOf.set(data, [zlib.deflateRawSync(data), zlib.crc32(data)]);
    const [deflated, crc] = deflatedOf.get(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, deflated);
    centrals.push(central, n);
    offset += 30 + n.length + deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A worksheet of `rows` × `columns` numbers (one per column: they compress as well as cells can). */
function sheetXml(rows, columns) {
  const letters = Array.from({ length: columns }, (_, i) => columnLetter(i + 1));
  const out = [];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < columns; c++) row += `<c r="${letters[c]}${r}"><v>${c + 1}</v></c>`;
    out.push(row + "</row>");
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${out.join("")}</sheetData></worksheet>`;
}

/**
 * The ward's exported workbook grown to the import's limits (IMPORT_LIMITS of
 * lib/domain/entry-template.ts): `extra` more sheets of numbers, 200 columns and as many rows (≤ 2 000)
 * as fit under the 2 MB upload limit (`maxBytes`), so that the zip guard lets it through (≤ 40 MB
 * inflated, ≤ 20 MB a part, ≤ 6 sheets) and the whole workbook is parsed: the most cells a file of
 * that size can bring.
 */
export function workbookAtLimits(
  exported,
  { extra = 2, rows = 2000, columns = 200, maxBytes = 2 * MiB - 64 * 1024 } = {},
) {
  const base = unzip(exported);
  const text = (name) => base.get(name).toString("utf8");
  const sheetIds = [...text("xl/workbook.xml").matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const build = (count) => {
    const parts = new Map(base);
    let sheets = "";
    let rels = "";
    let types = "";
    const xml = Buffer.from(sheetXml(count, columns));
    for (let k = 0, id = Math.max(...sheetIds) + 1; k < extra; k++, id++) {
      const file = `xl/worksheets/sheet${id}.xml`; // exceljs reads sheetN.xml only
      parts.set(file, xml);
      sheets += `<sheet name="Phụ lục ${k + 1}" sheetId="${id}" r:id="rIdBench${id}"/>`;
      rels += `<Relationship Id="rIdBench${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${id}.xml"/>`;
      types += `<Override PartName="/${file}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
    }
    parts.set("xl/workbook.xml", Buffer.from(text("xl/workbook.xml").replace("</sheets>", `${sheets}</sheets>`)));
    parts.set(
      "xl/_rels/workbook.xml.rels",
      Buffer.from(text("xl/_rels/workbook.xml.rels").replace("</Relationships>", `${rels}</Relationships>`)),
    );
    parts.set("[Content_Types].xml", Buffer.from(text("[Content_Types].xml").replace("</Types>", `${types}</Types>`)));
    const inflated = [...parts.values()].reduce((n, b) => n + b.length, 0);
    return {
      bytes: zip(parts),
      rows,
      inflatedMiB: +(inflated / MiB).toFixed(1),
      partMiB: +(xml.length / MiB).toFixed(1),
    };
  };
  let out = build(rows);
  for (let i = 0; i < 3 && out.bytes.length > maxBytes; i++)
    out = build(Math.floor((out.rows * maxBytes * 0.98) / out.bytes.length));
  return { ...out, sheets: sheetIds.length + extra, cells: out.rows * columns * extra };
}

/** The text of a server action's answer (React Flight lines): its message, if any, shortened. */
function actionAnswer(text) {
  const message = text.match(/"message":"((?:[^"\\]|\\.)*)"/)?.[1];
  const ok = /"ok":true/.test(text);
  const counts = text.match(/"counts":(\{[^}]*\})/)?.[1];
  const listed = counts
    ? Object.entries(JSON.parse(counts))
        .map(([k, v]) => `${v} ${k}`)
        .join(", ")
    : "";
  return ok ? `ok${listed ? `: ${listed}` : ""}` : message ? `refused: ${message.slice(0, 160)}` : text.slice(0, 160);
}

/**
 * Runs the jobs; returns one result per job name. `ctx`: base URL, cookies by account, the ids and
 * slugs of the synthetic city, the web server's pid, a log function.
 */
export async function runJobs(ctx) {
  const { base, cookies, root, ward, parent, yearsParent, term, year, programme, indicatorCode, log } = ctx;
  const compareCsv = (p, period) =>
    `/so-sanh/csv?parent=${p}&indicator=${encodeURIComponent(indicatorCode)}&period=${period}`;
  const entryExport = (format) => `/api/entry/${ward}/${year}/${programme}/export?format=${format}`;
  const jobs = [
    { name: "/so-sanh/csv term (every ward)", url: compareCsv(parent, "term") },
    { name: `/so-sanh/csv ${year} (every ward)`, url: compareCsv(parent, String(year)) },
    { name: "/so-sanh/csv term, years only", url: compareCsv(yearsParent, "term"), account: "years" },
    { name: "entry workbook xlsx", url: entryExport("xlsx") },
    { name: "entry workbook csv", url: entryExport("csv") },
    { name: "brief pdf (term)", url: `/api/v1/org-units/${ward}/brief?term=${term}` },
    { name: "report pdf (term)", url: `/api/v1/org-units/${ward}/report?term=${term}&format=pdf` },
    { name: "report docx (term)", url: `/api/v1/org-units/${ward}/report?term=${term}&format=docx` },
    { name: `report docx (${year})`, url: `/api/v1/org-units/${ward}/report?year=${year}&format=docx` },
    { name: "import preview: the exported workbook", import: "exported" },
    { name: "import preview: workbook at the limits", import: "limits" },
    { name: "import preview: 2 at once, at the limits", import: "limits", copies: 2 },
  ];

  const previewId = actionId(root, "lib/actions/entry-import.ts", "previewEntryImport");
  const importPage = `/${ward}/nhap-lieu/${year}/${programme}/nhap-tep`;
  const importRequest = (file) => {
    // what the browser sends for useActionState(previewEntryImport): [previous state, the form data]
    // (React's encodeReply: the form's fields prefixed "_1_", then the root "0" last, which refers to them)
    const form = new FormData();
    form.append("_1_ward", ward);
    form.append("_1_year", String(year));
    form.append("_1_programme", programme);
    form.append("_1_file", new Blob([file.bytes]), "nhap-lieu.xlsx");
    form.append("0", JSON.stringify(["$undefined", "$K1"]));
    return fetch(base + importPage, {
      method: "POST",
      headers: { cookie: cookies.ward, "Next-Action": previewId, Origin: base, Accept: "text/x-component" },
      body: form,
    });
  };

  // the files to import, made first (seconds of work here would let the server close idle
  // keep-alive connections under the next request)
  const res = await fetch(base + entryExport("xlsx"), { headers: { cookie: cookies.main } });
  const exported = Buffer.from(await res.arrayBuffer());
  const grown = workbookAtLimits(exported);
  const files = {
    exported: { bytes: exported, note: `${(exported.length / 1024).toFixed(0)} KiB` },
    limits: {
      bytes: grown.bytes,
      note: `${(grown.bytes.length / MiB).toFixed(2)} MiB, inflating to ${grown.inflatedMiB} MiB: ${grown.sheets} sheets, ${grown.cells} more cells (${grown.rows} rows × 200 in 2 sheets of ${grown.partMiB} MiB)`,
    },
  };
  await new Promise((r) => setTimeout(r, 6000)); // past the server's keep-alive timeout (5 s): fresh connections

  const results = {};
  for (const job of jobs) {
    if (ctx.stopped()) break;
    const pid = ctx.serverPid();
    const before = processRssMiB(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, processRssMiB(pid))), 50);
    const t0 = performance.now();
    let outcome;
    try {
      const copies = job.copies ?? 1;
      const answers = await Promise.all(
        Array.from({ length: copies }, async () => {
          const res = job.import
            ? await importRequest(files[job.import])
            : await fetch(base + job.url, { headers: { cookie: cookies[job.account ?? "main"] } });
          const body = Buffer.from(await res.arrayBuffer());
          return {
            status: res.status,
            bytes: body.length,
            contentType: res.headers.get("content-type"),
            ...(job.import ? { answer: actionAnswer(body.toString("utf8")) } : {}),
          };
        }),
      );
      outcome = { ...answers[0], ...(copies > 1 ? { statuses: answers.map((a) => a.status) } : {}) };
    } catch (e) {
      outcome = { error: `${e.message}${e.cause ? ` (${e.cause.code ?? e.cause.message})` : ""}` };
    }
    const ms = performance.now() - t0;
    clearInterval(sampler);
    peak = Math.max(peak, processRssMiB(pid));
    const health = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
    let samePid = false;
    try {
      samePid = ctx.serverPid() === pid;
    } catch {}
    results[job.name] = {
      url: job.url ?? importPage,
      ...(job.import ? { file: files[job.import].note, copies: job.copies ?? 1 } : {}),
      ...outcome,
      ms: +ms.toFixed(0),
      rssBeforeMiB: +before.toFixed(1),
      rssPeakMiB: +peak.toFixed(1),
      serverAlive: Boolean(health?.ok) && samePid,
    };
    if (job.import && ctx.lastRefusal && /^refused/.test(outcome.answer ?? ""))
      results[job.name].accessLog = await ctx.lastRefusal().catch((e) => e.message);
    const r = results[job.name];
    log(
      `  job ${job.name}: ${r.error ?? `HTTP ${r.status}`}, ${r.ms} ms, ${r.bytes ?? "?"} bytes, server RSS ${r.rssBeforeMiB} → peak ${r.rssPeakMiB} MiB${r.answer ? `, ${r.answer}` : ""}${r.serverAlive ? "" : ", SERVER DOWN"}`,
    );
    if (!r.serverAlive) break;
  }
  return results;
}

import "server-only";
// Streaming the sheets of a verified workbook (its parts inflated by the zip guard) through exceljs's
// WorkbookReader: only the sheets asked for reach the reader, rows are handed over one at a time and
// nothing of the workbook is kept — unlike loading it into exceljs's model, which holds every cell of
// every sheet (~350 MiB for a 2 MB upload inflating to 19 MiB).
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { type ZipPart, storedZip } from "./zip-guard";

/** The reader is fed in chunks this big: its XML parser gathers the events of a whole chunk before rows are read. */
const READ_CHUNK = 64 * 1024;

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const xmlText = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, e: string) =>
    e[0] === "#"
      ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : XML_ENTITIES[e.toLowerCase()],
  );
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? xmlText(m[1]) : undefined;
};

/** The workbook's sheets in order (name and the part that holds it), from workbook.xml and its relationships. */
export function sheetsOf(parts: Map<string, Buffer>): { name: string; part: string | undefined }[] {
  const workbook = parts.get("xl/workbook.xml")?.toString("utf8") ?? "";
  const rels = parts.get("xl/_rels/workbook.xml.rels")?.toString("utf8") ?? "";
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(tag, "Id");
    const target = attr(tag, "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map(([tag]) => {
    const rid = /\s[\w]+:id="([^"]*)"/.exec(tag)?.[1];
    return { name: attr(tag, "name") ?? "", part: rid ? targets.get(rid) : undefined };
  });
}

const EMPTY_STRINGS =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';

/**
 * Streams the sheets named `names` (others are never parsed), calling `onRow` with every row, in the
 * file's order. Throws when the file cannot be read.
 */
export async function streamSheets(
  parts: Map<string, Buffer>,
  names: ReadonlySet<string>,
  onRow: (sheet: string, row: ExcelJS.Row) => void,
): Promise<void> {
  const wantedParts = new Set(
    sheetsOf(parts)
      .filter((s) => names.has(s.name))
      .map((s) => s.part),
  );
  // the workbook's parts first, so that the reader has the strings and styles before the first sheet
  // (otherwise it spools sheets to temporary files); an empty string table when the file has none
  const first = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml"];
  const kept: ZipPart[] = [];
  for (const name of first) {
    const data = parts.get(name) ?? (name === "xl/sharedStrings.xml" ? Buffer.from(EMPTY_STRINGS) : undefined);
    if (data) kept.push({ name, data });
  }
  for (const [name, data] of parts) if (wantedParts.has(name) && !first.includes(name)) kept.push({ name, data });

  const zipped = storedZip(kept);
  const chunks = function* () {
    for (let at = 0; at < zipped.length; at += READ_CHUNK) yield zipped.subarray(at, at + READ_CHUNK);
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks()), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache", // number formats: percentages and dates
    hyperlinks: "ignore",
    entries: "ignore",
  });
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name: string }).name;
    // every emitted sheet is read to its end: the reader needs its stream drained
    for await (const row of sheet) if (names.has(name)) onRow(name, row);
  }
}

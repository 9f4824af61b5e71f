// An .xlsx is a zip, and a zip says how big its parts are — but it may lie: a 1 MB file whose headers
// under-declare its parts inflates to a gigabyte. So the sizes a file declares are never trusted. We
// inflate every part ourselves, streaming, counting the bytes as they come out, and stop as soon as a
// part or the whole goes over its limit. A file that passes is handed on re-zipped without compression
// (`storedZip`), so the spreadsheet reader never inflates the uploaded data itself.

import { crc32, createInflateRaw } from "node:zlib";
import type { Failure } from "@/lib/result";

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
/** zlib's output chunk: the most a refused file can inflate beyond its limit */
export const INFLATE_CHUNK = 64 * 1024;

export type ZipLimits = { entries: number; totalBytes: number; partBytes: number };

export type ZipPart = { name: string; data: Buffer };

export type UnzipOutcome =
  | { ok: true; parts: ZipPart[]; inflatedBytes: number }
  /** not a zip we read (or a part is encrypted, truncated, compressed otherwise) */
  | Failure<"invalid", { inflatedBytes: number }>
  | Failure<
      "too-large",
      {
        /** which limit was passed: the number of parts, or the inflated bytes of a part or of the whole */
        over: "entries" | "bytes";
        /** bytes inflated before stopping: at most the limit plus one chunk */
        inflatedBytes: number;
        /** the part that went over its limit */
        part?: string;
      }
    >;

type Entry = { name: string; method: number; flags: number; dataStart: number; compressedSize: number };

/** The entries of the central directory, where each one's data starts; null when it is not a zip we read. */
function listEntries(bytes: Uint8Array, maxEntries: number): Entry[] | "too-many" | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== LOCAL) return null;
  // the end-of-central-directory record is in the last 22 + 65 535 (comment) bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: far larger than anything we accept
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || offset + size > bytes.length) return null;
  if (count > maxEntries) return "too-many";
  const entries: Entry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) return null;
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const local = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > bytes.length) return null;
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + p + 46, nameLength).toString("utf8");
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) return null;
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    // the compressed data must lie inside the file; only its inflated size can lie, and that is counted
    if (compressedSize === 0xffffffff || dataStart + compressedSize > bytes.length) return null;
    entries.push({ name, method, flags, dataStart, compressedSize });
  }
  return entries;
}

type Inflated = { ok: true; data: Buffer | null; bytes: number } | Failure<"too-large" | "invalid", { bytes: number }>;

/**
 * Inflates `compressed`, counting the output as it comes and stopping at once when it passes
 * `budget`. `keep`: collect the output (else it is only counted, and memory stays at one chunk).
 */
function inflateCounted(compressed: Uint8Array, budget: number, keep: boolean): Promise<Inflated> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: INFLATE_CHUNK });
    const chunks: Buffer[] = [];
    let bytes = 0;
    let done = false;
    const finish = (outcome: Inflated) => {
      if (done) return;
      done = true;
      resolve(outcome);
    };
    inflater.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > budget) {
        inflater.destroy();
        finish({ ok: false, code: "too-large", bytes });
      } else if (keep) chunks.push(chunk);
    });
    inflater.on("end", () => finish({ ok: true, data: keep ? Buffer.concat(chunks, bytes) : null, bytes }));
    inflater.on("error", () => finish({ ok: false, code: "invalid", bytes }));
    inflater.end(compressed);
  });
}

/**
 * Every part of the zip, inflated within the limits. Two passes: the first only counts (a refused
 * file never holds more than one chunk of its output in memory), the second keeps what passed.
 */
export async function unzipWithinLimits(bytes: Uint8Array, limits: ZipLimits): Promise<UnzipOutcome> {
  const entries = listEntries(bytes, limits.entries);
  if (entries === null) return { ok: false, code: "invalid", inflatedBytes: 0 };
  if (entries === "too-many") return { ok: false, code: "too-large", over: "entries", inflatedBytes: 0 };
  let total = 0;
  for (const keep of [false, true]) {
    total = 0;
    const parts: ZipPart[] = [];
    for (const e of entries) {
      // encrypted parts, and methods other than stored and deflate, are no workbook of ours
      if (e.flags & 1 || (e.method !== 0 && e.method !== 8))
        return { ok: false, code: "invalid", inflatedBytes: total };
      const raw = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
      const budget = Math.min(limits.partBytes, limits.totalBytes - total);
      if (e.method === 0) {
        total += raw.length;
        if (raw.length > budget)
          return { ok: false, code: "too-large", over: "bytes", inflatedBytes: total, part: e.name };
        if (keep) parts.push({ name: e.name, data: Buffer.from(raw) });
        continue;
      }
      const out = await inflateCounted(raw, budget, keep);
      total += out.bytes;
      if (!out.ok)
        return out.code === "too-large"
          ? { ok: false, code: "too-large", over: "bytes", inflatedBytes: total, part: e.name }
          : { ok: false, code: "invalid", inflatedBytes: total };
      if (keep) parts.push({ name: e.name, data: out.data! });
    }
    if (keep) return { ok: true, parts, inflatedBytes: total };
  }
  throw new Error("unreachable");
}

/** The parts as a zip without compression, with their true sizes: what the spreadsheet reader gets. */
export function storedZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of parts) {
    const fileName = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An OpenDocument file (.ods, LibreOffice): a zip whose "mimetype" part names its kind. */
export function isOpenDocument(parts: ZipPart[]): boolean {
  const mimetype = parts.find((p) => p.name === "mimetype");
  return (
    !!mimetype && mimetype.data.subarray(0, 64).toString("latin1").startsWith("application/vnd.oasis.opendocument")
  );
}

// An .xlsx is a zip. Before handing it to the spreadsheet reader (which inflates everything in
// memory) we read the zip's central directory and refuse archives whose declared uncompressed size
// or entry count is out of proportion — a small "zip bomb" can inflate to gigabytes.
// The declared sizes could lie; the reader's own row and column limits are the second guard.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export type ZipSummary = { entries: number; uncompressedBytes: number };

/** The zip's entry count and total uncompressed size, from its central directory; null when it is not a zip we can read. */
export function summarizeZip(bytes: Uint8Array): ZipSummary | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== 0x04034b50) return null;
  // the end-of-central-directory record is in the last 22 + 65 535 (comment) bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: far larger than anything we accept
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff || offset + size > bytes.length) return null;
  let p = offset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) return null;
    const uncompressed = view.getUint32(p + 24, true);
    if (uncompressed === 0xffffffff) return null;
    total += uncompressed;
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return { entries, uncompressedBytes: total };
}

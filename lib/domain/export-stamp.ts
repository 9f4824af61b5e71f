// What each row of an exported file held, so that an import can tell a row the person edited in
// the file from one they left alone. The hidden "Phiên bản" cell carries the version and a short
// stamp of the figure as exported ("3-1k2j9x0a4b"). On import, a row whose figure still has its
// stamp was not edited: if the app changed it meanwhile, the app's value stays (no conflict).
// A row whose figure was edited while the app changed it too is the only real conflict.

import { fromScaled, toScaled } from "./decimal";
import type { Qualifier } from "./enums";

export type StampedFigure = { value: string | null; qualifier: Qualifier; note: string | null };

/**
 * `full`: the row carries its qualifier and note (the ward sheet, every CSV row); otherwise only
 * the value (the groups' sheet, where the stored qualifier and note are kept as they are).
 */
export function figureStamp(f: StampedFigure, full: boolean): string {
  const value = f.value === null ? "" : canonical(f.value);
  return cyrb53(full ? `${value}\u0001${f.qualifier}\u0001${f.note ?? ""}` : value).toString(36);
}

export const versionCell = (version: number, stamp: string) => `${version}-${stamp}`;

/** "3" (a file from before stamps), "3-1k2j9x0a4b", or empty (0); null when it is neither. */
export function readVersionCell(text: string): { version: number; stamp: string | null } | null {
  if (text.trim() === "") return { version: 0, stamp: null };
  const m = /^(\d{1,9})(?:-([0-9a-z]{1,12}))?$/.exec(text.trim());
  return m ? { version: Number(m[1]), stamp: m[2] ?? null } : null;
}

function canonical(v: string): string {
  try {
    return fromScaled(toScaled(v));
  } catch {
    return v;
  }
}

/** cyrb53 (public domain, bryc): a fast 53-bit string hash; a chance collision is about 1 in 10^16. */
function cyrb53(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

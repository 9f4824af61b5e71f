import "server-only";
// The catalogue rows that nearly every request reads (terms, the programmes with their sections and
// indicators), kept in this server process and keyed by the catalogue's version: one row that
// triggers bump in every transaction writing a term, period, programme, section, indicator or org
// unit (migration 20261205010000_catalogue_version). A request reads the version once (one indexed
// row) instead of the rows themselves (five statements for the programmes alone); after a change,
// the next request of every instance sees a new version and reads the rows again.
import { db } from "@/lib/db";
import { oncePerRequest } from "@/lib/request-memo";

/** The catalogue's current version, read once per request (a page's render or an API request). */
export const catalogueVersion = oncePerRequest(async (): Promise<string> => {
  const rows = await db().$queryRaw<{ version: string }[]>`SELECT version::text AS version FROM catalogue_version`;
  return rows[0]?.version ?? "none";
});

type Entry = { version: string; value: Promise<unknown> };

// Per module instance (not globalThis): a test that points the app at another database resets the
// modules, and with them this map. A few entries (a key per term at most).
const entries = new Map<string, Entry>();

/**
 * `load()`'s result for `key` at the catalogue's current version: from this process's memory when
 * it was read at this version, else read now (concurrent requests share one read). Each caller gets
 * its own copy, so that a caller changing what it got cannot change what the next one gets. Read the
 * version before the rows: a change committed in between is cached under the old version and read
 * again at the next request.
 */
export async function cachedCatalogue<T>(key: string, load: () => Promise<T>): Promise<T> {
  const version = await catalogueVersion();
  let entry = entries.get(key);
  if (!entry || entry.version !== version) {
    const value = load();
    const fresh: Entry = { version, value };
    entries.set(key, fresh);
    entry = fresh;
    // a failed read is not kept: the next request tries again
    value.catch(() => {
      if (entries.get(key) === fresh) entries.delete(key);
    });
  }
  return structuredClone((await entry.value) as T);
}

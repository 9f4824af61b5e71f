import "server-only";
// The catalogue rows that nearly every request reads (terms, the programmes with their sections and
// indicators), kept in this server process and keyed by the catalogue's version: one row that
// triggers bump in every transaction writing a term, period, programme, section, indicator, org
// unit or its history (migrations 20261205010000_catalogue_version, 20261208040000_progress_version).
// A request reads the version once (one indexed row) instead of the rows themselves (five statements
// for the programmes alone); after a change, the next request of every instance sees a new version and
// reads the rows again. Answers that also depend on what wards have sent, on due dates or on the
// figures (results, and so term figures; sources; targets) are kept the same way under the progress
// version as well (migrations 20261208040000_progress_version, 20261209010000_progress_version_figures):
// the districts with late wards, the comparisons' rankings.
import { serialize } from "node:v8";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { oncePerRequest } from "@/lib/request-memo";

/**
 * The catalogue's version as text: read alone (below) or within the statement that starts a request
 * (the session's in lib/auth/session.ts, the API's in lib/auth/access.ts). With the transaction that
 * bumped it, as the progress version: a database restored from a backup counts up again from the
 * number it had then, but the server's transaction ids only grow, so the pair is new.
 */
export const catalogueVersionSql = Prisma.sql`(SELECT version::text || ':' || coalesce(txid, 0)::text FROM catalogue_version)`;

/** The progress version as text (see progressVersion): read alone or within the session's statement. */
export const progressVersionSql = Prisma.sql`(SELECT version::text || ':' || coalesce(txid, 0)::text FROM progress_version)`;

/** The catalogue's current version, read once per request (a page's render or an API request). */
export const catalogueVersion = oncePerRequest(async (): Promise<string> => {
  const rows = await db().$queryRaw<{ version: string | null }[]>`SELECT ${catalogueVersionSql} AS version`;
  return rows[0]?.version ?? "none";
});

/**
 * The progress version (sent-ness of submissions, due dates), read once per request. With the
 * transaction that bumped it: a database restored from a backup (its row as it was then) cannot
 * reach, with different rows, a number this process has already cached (transaction ids are not reused).
 */
export const progressVersion = oncePerRequest(async (): Promise<string> => {
  const rows = await db().$queryRaw<{ version: string | null }[]>`SELECT ${progressVersionSql} AS version`;
  return rows[0]?.version ?? "none";
});

type Entry = { version: string; value: Promise<unknown>; bytes: number };

/**
 * Entries in order of last use (a hit moves its key to the end), at most `max` of them and `maxBytes`
 * (answers measured serialised, as structuredClone copies them; `bytes` kept now): the least recently
 * used go first, so a store stays bounded with any number of readers.
 */
type Store = { max: number; maxBytes: number; bytes: number; entries: Map<string, Entry> };

// Per module instance (not globalThis): a test that points the app at another database resets the
// modules, and with them these maps. Together at most 48 MiB serialised, however many keys are asked
// for (issue 11: the server within 600 MiB resident).
/**
 * Small answers: a key per term for the catalogue, per reader's units and day for progress; a page
 * of a comparison (tens of kilobytes).
 */
const small: Store = { max: 1000, maxBytes: 16 * 1024 * 1024, bytes: 0, entries: new Map() };
/**
 * A page's whole data for one unit (lib/data/unit-page-cache.ts): 0,1–0,5 MiB each, so fewer of them,
 * the most recently read; the others are read again when asked.
 */
const pages: Store = { max: 100, maxBytes: 32 * 1024 * 1024, bytes: 0, entries: new Map() };

function forget(store: Store, key: string, entry: Entry) {
  if (store.entries.get(key) !== entry) return;
  store.entries.delete(key);
  store.bytes -= entry.bytes;
}

function trim(store: Store) {
  for (const [key, entry] of store.entries) {
    if (store.entries.size <= store.max && store.bytes <= store.maxBytes) return;
    forget(store, key, entry);
  }
}

/**
 * `load()`'s result for `key` at `version` (read by the caller before the rows: a change committed in
 * between is cached under the old version and read again at the next request): from this process's
 * memory when it was read at this version, else read now (concurrent requests share one read). Each
 * caller gets its own copy, so that a caller changing what it got cannot change what the next one gets.
 */
async function cachedAt<T>(store: Store, key: string, version: string, load: () => Promise<T>): Promise<T> {
  const { entries } = store;
  let entry = entries.get(key);
  if (entry && entry.version === version) {
    entries.delete(key);
    entries.set(key, entry);
  } else {
    if (entry) forget(store, key, entry);
    const fresh: Entry = { version, value: load(), bytes: 0 };
    entries.set(key, fresh);
    entry = fresh;
    trim(store);
    fresh.value.then(
      (value) => {
        if (entries.get(key) !== fresh) return;
        try {
          fresh.bytes = serialize(value).byteLength;
        } catch {
          // not copyable: every caller gets structuredClone's error; nothing to keep
          return forget(store, key, fresh);
        }
        store.bytes += fresh.bytes;
        trim(store);
      },
      // a failed read is not kept: the next request tries again
      () => forget(store, key, fresh),
    );
  }
  return structuredClone((await entry.value) as T);
}

/** `load()`'s result for `key` at the catalogue's current version (see `cachedAt`). */
export async function cachedCatalogue<T>(key: string, load: () => Promise<T>): Promise<T> {
  return cachedAt(small, `catalogue:${key}`, await catalogueVersion(), load);
}

/**
 * `load()`'s result for `key` at the current catalogue and progress versions: for what also follows
 * which wards have sent and the due dates ("owes": lib/data/deadlines.ts) or the figures (comparisons).
 * `{ page: true }`: a page's whole data for one unit, kept among fewer entries (`pages`).
 */
export async function cachedProgress<T>(
  key: string,
  load: () => Promise<T>,
  { page = false }: { page?: boolean } = {},
): Promise<T> {
  const [catalogue, progress] = await Promise.all([catalogueVersion(), progressVersion()]);
  return cachedAt(page ? pages : small, `progress:${key}`, `${catalogue}:${progress}`, load);
}

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
 * (the session's in lib/auth/session.ts, the API's in lib/auth/access.ts).
 */
export const catalogueVersionSql = Prisma.sql`(SELECT version::text FROM catalogue_version)`;

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

/** Entries kept at most: a key per term for the catalogue, per reader's units and day for progress. */
const MAX_ENTRIES = 1000;
/**
 * Bytes kept at most (answers measured serialised, as structuredClone copies them): a comparison is
 * tens of kilobytes, so that a thousand of them could not hold hundreds of megabytes of the server's
 * memory (issue 11: at most 600 MiB resident); the least recently used go first.
 */
const MAX_BYTES = 24 * 1024 * 1024;

// Per module instance (not globalThis): a test that points the app at another database resets the
// modules, and with them this map. In order of last use (a hit moves its key to the end).
const entries = new Map<string, Entry>();
let keptBytes = 0;

function forget(key: string, entry: Entry) {
  if (entries.get(key) !== entry) return;
  entries.delete(key);
  keptBytes -= entry.bytes;
}

/** The least recently used go first, until the map is within its bounds, whatever the number of readers. */
function trim() {
  for (const [key, entry] of entries) {
    if (entries.size <= MAX_ENTRIES && keptBytes <= MAX_BYTES) return;
    forget(key, entry);
  }
}

/**
 * `load()`'s result for `key` at `version` (read by the caller before the rows: a change committed in
 * between is cached under the old version and read again at the next request): from this process's
 * memory when it was read at this version, else read now (concurrent requests share one read). Each
 * caller gets its own copy, so that a caller changing what it got cannot change what the next one gets.
 */
async function cachedAt<T>(key: string, version: string, load: () => Promise<T>): Promise<T> {
  let entry = entries.get(key);
  if (entry && entry.version === version) {
    entries.delete(key);
    entries.set(key, entry);
  } else {
    if (entry) forget(key, entry);
    const fresh: Entry = { version, value: load(), bytes: 0 };
    entries.set(key, fresh);
    entry = fresh;
    trim();
    fresh.value.then(
      (value) => {
        if (entries.get(key) !== fresh) return;
        try {
          fresh.bytes = serialize(value).byteLength;
        } catch {
          // not copyable: every caller gets structuredClone's error; nothing to keep
          return forget(key, fresh);
        }
        keptBytes += fresh.bytes;
        trim();
      },
      // a failed read is not kept: the next request tries again
      () => forget(key, fresh),
    );
  }
  return structuredClone((await entry.value) as T);
}

/** `load()`'s result for `key` at the catalogue's current version (see `cachedAt`). */
export async function cachedCatalogue<T>(key: string, load: () => Promise<T>): Promise<T> {
  return cachedAt(`catalogue:${key}`, await catalogueVersion(), load);
}

/**
 * `load()`'s result for `key` at the current catalogue and progress versions: for what also follows
 * which wards have sent and the due dates ("owes": lib/data/deadlines.ts) or the figures (comparisons).
 */
export async function cachedProgress<T>(key: string, load: () => Promise<T>): Promise<T> {
  const [catalogue, progress] = await Promise.all([catalogueVersion(), progressVersion()]);
  return cachedAt(`progress:${key}`, `${catalogue}:${progress}`, load);
}

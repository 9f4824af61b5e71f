import "server-only";
// Once per request, in pages and in route handlers alike. React's cache() memoises only while React
// renders (pages, layouts, metadata); a route handler runs outside it, so the same read done by two
// helpers of one API request ran twice (the catalogue's version, for instance). Route handlers run
// through `handle()` (lib/api/http.ts), which gives each request its own memo here.
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";

const memoOfRequest = new AsyncLocalStorage<Map<unknown, unknown>>();

/** Runs `fn` with a fresh per-request memo (one per API request: `handle()`). */
export function withRequestMemo<T>(fn: () => Promise<T>): Promise<T> {
  return memoOfRequest.run(new Map(), fn);
}

/** A read memoised per request, which the request's preamble may answer in advance (`prime`). */
export type RequestRead<T> = (() => Promise<T>) & {
  /**
   * This request's read answers `value` (read elsewhere in the same statement; a promise: a statement
   * under way, read again if it fails): within `withRequestMemo`, or while rendering when it has not
   * been read yet.
   */
  prime(value: T | Promise<T>): void;
};

// While a page renders: the request's first statement (the session's, lib/auth/session.ts), which
// answers reads that would otherwise be statements of their own (`prime`). Registered by the module
// that makes it: lib/data reads wait for it without importing lib/auth.
let renderPreamble: (() => Promise<unknown>) | null = null;

/** Sets the statement a render's primeable reads wait for before reading themselves (see above). */
export function setRenderPreamble(preamble: () => Promise<unknown>): void {
  renderPreamble = preamble;
}

// the same object within one render; outside a render cache() memoises nothing
const renderProbe = cache(() => ({}));
const rendering = () => renderProbe() === renderProbe();

/**
 * `read` done once per request: React's cache() while rendering, the request's memo inside
 * `withRequestMemo`, else (scripts, tests) every call reads. A failed read is not retried within
 * the request, as with cache().
 */
export function oncePerRequest<T>(read: () => Promise<T>): RequestRead<T> {
  // while rendering, the value a statement of the request's preamble read (the session's): one slot
  // per render (cache() outside a render gives a fresh object each call, so priming there does nothing)
  const primedSlot = cache((): { value?: Promise<T> } => ({}));
  const rendered = cache(async () => {
    // a page that starts this read while its session is still being read (both at once) waits for
    // the session's statement, which reads this too, rather than sending a statement of its own
    if (!primedSlot().value && renderPreamble && rendering()) await renderPreamble().catch(() => null);
    return primedSlot().value ?? read();
  });
  const once = () => {
    const memo = memoOfRequest.getStore();
    if (!memo) return rendered();
    if (!memo.has(read)) memo.set(read, read());
    return memo.get(read) as Promise<T>;
  };
  return Object.assign(once, {
    prime(value: T | Promise<T>) {
      const answer = Promise.resolve(value).catch(() => read());
      // a primed answer the request never asks for (it failed first: the database is down) must not
      // end the process's patience as an unhandled rejection; those who await it still get the error
      answer.catch(() => undefined);
      const memo = memoOfRequest.getStore();
      if (memo) memo.set(read, answer);
      // a read already made in this render keeps its answer (rendered() is cached)
      else primedSlot().value ??= answer;
    },
  });
}

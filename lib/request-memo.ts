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
  /** This request's read answers `value` (read elsewhere in the same statement): within `withRequestMemo`, or
   * while rendering when it has not been read yet. */
  prime(value: T): void;
};

/**
 * `read` done once per request: React's cache() while rendering, the request's memo inside
 * `withRequestMemo`, else (scripts, tests) every call reads. A failed read is not retried within
 * the request, as with cache().
 */
export function oncePerRequest<T>(read: () => Promise<T>): RequestRead<T> {
  // while rendering, the value a statement of the request's preamble read (the session's): one slot
  // per render (cache() outside a render gives a fresh object each call, so priming there does nothing)
  const primedSlot = cache((): { value?: Promise<T> } => ({}));
  const rendered = cache(() => primedSlot().value ?? read());
  const once = () => {
    const memo = memoOfRequest.getStore();
    if (!memo) return rendered();
    if (!memo.has(read)) memo.set(read, read());
    return memo.get(read) as Promise<T>;
  };
  return Object.assign(once, {
    prime(value: T) {
      const memo = memoOfRequest.getStore();
      if (memo) memo.set(read, Promise.resolve(value));
      // a read already made in this render keeps its answer (rendered() is cached)
      else primedSlot().value ??= Promise.resolve(value);
    },
  });
}

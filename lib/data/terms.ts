import "server-only";
import { db } from "@/lib/db";
import { cachedCatalogue } from "./catalogue-cache";

export type TermSummary = { id: number; slug: string; name: string; startYear: number; endYear: number };

const termSelect = { id: true, slug: true, name: true, startYear: true, endYear: true } as const;

/**
 * Every term, the latest first: a few rows, kept in the process between requests while the
 * catalogue's version stays the same (catalogue-cache.ts).
 */
const allTerms = (): Promise<TermSummary[]> =>
  cachedCatalogue("terms", () =>
    db().term.findMany({ orderBy: [{ startYear: "desc" }, { id: "asc" }], select: termSelect }),
  );

export async function getTermBySlug(slug: string): Promise<TermSummary | null> {
  return (await allTerms()).find((t) => t.slug === slug) ?? null;
}

/** The most recent term, used when a request names none. */
export async function getLatestTerm(): Promise<TermSummary | null> {
  return (await allTerms())[0] ?? null;
}

/** The named term, or the latest one when `slug` is undefined. */
export async function resolveTerm(slug: string | undefined): Promise<TermSummary | null> {
  return slug === undefined ? getLatestTerm() : getTermBySlug(slug);
}

/** The term just before `term` (the latest that starts earlier), for a term's change against the previous one. */
export async function getPreviousTerm(term: { startYear: number }): Promise<TermSummary | null> {
  return (await allTerms()).find((t) => t.startYear < term.startYear) ?? null;
}

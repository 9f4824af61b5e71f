import "server-only";
import { db } from "@/lib/db";

export type TermSummary = { id: number; slug: string; name: string; startYear: number; endYear: number };

const termSelect = { id: true, slug: true, name: true, startYear: true, endYear: true } as const;

export async function getTermBySlug(slug: string): Promise<TermSummary | null> {
  return db().term.findUnique({ where: { slug }, select: termSelect });
}

/** The most recent term, used when a request names none. */
export async function getLatestTerm(): Promise<TermSummary | null> {
  return db().term.findFirst({ orderBy: { startYear: "desc" }, select: termSelect });
}

/** The named term, or the latest one when `slug` is undefined. */
export async function resolveTerm(slug: string | undefined): Promise<TermSummary | null> {
  return slug === undefined ? getLatestTerm() : getTermBySlug(slug);
}

/** The term just before `term` (the latest that starts earlier), for a term's change against the previous one. */
export async function getPreviousTerm(term: { startYear: number }): Promise<TermSummary | null> {
  return db().term.findFirst({
    where: { startYear: { lt: term.startYear } },
    orderBy: { startYear: "desc" },
    select: termSelect,
  });
}

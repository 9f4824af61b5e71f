import "server-only";
// "Where each of my units stands this year" on the home page: the person's grants, the current year
// of the latest term, and the same per-(ward, programme) progress /tien-do shows.
import { getYearStanding, type YearStanding } from "@/lib/data/review";
import type { ReadScope } from "@/lib/data/scope";
import { getLatestTerm } from "@/lib/data/terms";
import { todayInVietnam } from "@/lib/format/date-time";

/** This year while the latest term runs, else the term's nearest year (as /tien-do opens). */
export async function currentEntryYear(now: Date = new Date()): Promise<number> {
  const term = await getLatestTerm();
  const current = Number(todayInVietnam(now).slice(0, 4));
  return term ? Math.min(Math.max(current, term.startYear), term.endYear) : current;
}

/** Null for a reader without grants of their own (the public portal, an unrestricted reader). */
export async function loadYearStanding(scope: ReadScope): Promise<YearStanding | null> {
  if ("all" in scope || scope.rootIds.length === 0) return null;
  return getYearStanding({ rootIds: scope.rootIds, year: await currentEntryYear(), scope });
}

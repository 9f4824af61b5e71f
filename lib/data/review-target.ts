import "server-only";
// Which ward, YEAR period and programme a review screen or action is about, from the URL's slugs.
import { db } from "@/lib/db";
import { appliesToWhere, unitForRule, unitRuleSelect } from "./programmes";
import { type ReadScope, scopeWhere } from "./scope";

/**
 * The levels of a unit that is the parent of a group of wards: a district, or (since 1 July 2025,
 * when districts were abolished) a city with wards directly under it. Deadlines and the progress
 * page are keyed by this parent.
 */
export const WARD_GROUP_LEVELS = ["DISTRICT", "CITY"] as const;
export const isWardGroupLevel = (level: string): boolean => (WARD_GROUP_LEVELS as readonly string[]).includes(level);

export type ReviewTarget = {
  wardId: number;
  wardSlug: string;
  wardName: string;
  wardShortName: string;
  /** the ward's district, whose staff set the deadline */
  districtId: number | null;
  termId: number;
  periodId: number;
  year: number;
  programmeId: number;
  programmeSlug: string;
  programmeCode: string;
  programmeTitle: string;
};

/**
 * The ward (a WARD unit), the YEAR period of the term covering `year`, and the programme with that
 * slug in that term issued by one of the ward's parents; null when any is unknown or the ward is
 * outside `scope` (for an action: the units where the person holds that action).
 */
export async function resolveReviewTarget({
  wardSlug,
  year,
  programmeSlug,
  scope,
}: {
  wardSlug: string;
  year: number;
  programmeSlug: string;
  scope: ReadScope;
}): Promise<ReviewTarget | null> {
  const ward = await db().orgUnit.findFirst({
    where: { slug: wardSlug, ...scopeWhere(scope) },
    select: {
      slug: true,
      name: true,
      shortName: true,
      level: true,
      parentId: true,
      ...unitRuleSelect,
      parent: { select: { id: true, level: true, parentId: true } },
    },
  });
  if (!ward || ward.level !== "WARD") return null;
  const period = await db().period.findFirst({
    where: { kind: "YEAR", year, term: { startYear: { lte: year }, endYear: { gte: year } } },
    orderBy: { term: { startYear: "desc" } },
    select: { id: true, termId: true },
  });
  if (!period) return null;
  // programmes issued by the ward's own party committee or a unit above it (now or before a move)
  const programme = await db().programme.findFirst({
    where: { termId: period.termId, slug: programmeSlug, AND: [appliesToWhere(unitForRule(ward))] },
    select: { id: true, slug: true, code: true, title: true },
  });
  if (!programme) return null;
  return {
    wardId: ward.id,
    wardSlug: ward.slug,
    wardName: ward.name,
    wardShortName: ward.shortName,
    districtId: ward.parent && isWardGroupLevel(ward.parent.level) ? ward.parent.id : null,
    termId: period.termId,
    periodId: period.id,
    year,
    programmeId: programme.id,
    programmeSlug: programme.slug,
    programmeCode: programme.code,
    programmeTitle: programme.title,
  };
}

/** A DISTRICT unit inside `scope` and the YEAR period of the term covering `year`, for its deadline. */
export async function resolveDistrictYear(
  districtSlug: string,
  year: number,
  scope: ReadScope,
): Promise<{ districtId: number; periodId: number } | null> {
  const [district, period] = await Promise.all([
    db().orgUnit.findFirst({ where: { slug: districtSlug, ...scopeWhere(scope) }, select: { id: true, level: true } }),
    db().period.findFirst({
      where: { kind: "YEAR", year, term: { startYear: { lte: year }, endYear: { gte: year } } },
      orderBy: { term: { startYear: "desc" } },
      select: { id: true },
    }),
  ]);
  if (!district || !isWardGroupLevel(district.level) || !period) return null;
  return { districtId: district.id, periodId: period.id };
}

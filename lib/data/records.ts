import "server-only";
import { db } from "@/lib/db";
import type { AchievementKind, AchievementStatus, OrgLevel, ProjectStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { type ReadScope, scopePathSql } from "./scope";
import {
  type SourceColumns,
  decimalOrNull,
  decimalTextOrNull,
  sourceColumnsSql,
  sourceOfRow,
  sourceSelect,
  toSource,
} from "./serialize";
import type { SourceInfo } from "./values";

export type LandClearanceProjectInfo = {
  name: string;
  startYear: number | null;
  endYear: number | null;
  status: ProjectStatus;
  householdsAffected: number | null;
  areaM2: string | null;
  compensationDong: string | null;
  forcedEnforcements: number | null;
  note: string | null;
  source: SourceInfo;
  isDemo: boolean;
  /** Yearly progress entered by the ward, in year order. */
  progress: LandClearanceYear[];
};

export type LandClearanceYear = {
  year: number;
  householdsHandedOver: number | null;
  areaM2: string | null;
  compensationDong: string | null;
  note: string | null;
};

/**
 * Records the public may see: those of a report or the demonstration (no submission: published as
 * their source says) and those the ward entered once the committee approved them. Drafts are shown
 * only to the ward's own officials and committee, on /gpmb.
 */
export const publishedRecordWhere: { OR: [{ submissionId: null }, { approvalEventId: { not: null } }] } = {
  OR: [{ submissionId: null }, { approvalEventId: { not: null } }],
};
/** A year's progress is always entered by the ward: published once approved. */
export const publishedProgressWhere: { approvalEventId: { not: null } } = { approvalEventId: { not: null } };

/** Where a record stands in review: taken from its source, a draft of the ward, or approved (by whom, when). */
export type RecordReview = { state: "source" } | { state: "draft" } | { state: "approved"; by: string; at: string };

/** What `toReview` reads. */
export const reviewSelect = { submissionId: true, approvalEvent: { select: { actorName: true, at: true } } } as const;

export function toReview(r: {
  submissionId: number | null;
  approvalEvent: { actorName: string; at: Date } | null;
}): RecordReview {
  if (r.approvalEvent)
    return { state: "approved", by: r.approvalEvent.actorName, at: r.approvalEvent.at.toISOString() };
  return r.submissionId === null ? { state: "source" } : { state: "draft" };
}

/** A project's own fields, as the dashboards and the GPMB page read them (with `toProjectFields`). */
export const projectFieldsSelect = {
  name: true,
  startYear: true,
  endYear: true,
  status: true,
  householdsAffected: true,
  areaM2: true,
  compensationDong: true,
  forcedEnforcements: true,
  note: true,
  source: sourceSelect,
} as const;

/** Decimals as strings, the source as SourceInfo (Prisma's Decimal never reaches a component). */
export function toProjectFields<
  R extends {
    areaM2: { toFixed(): string } | null;
    compensationDong: { toFixed(): string } | null;
    source: Parameters<typeof toSource>[0] & { kind: string };
  },
>(r: R) {
  return {
    ...r,
    areaM2: decimalOrNull(r.areaM2),
    compensationDong: decimalOrNull(r.compensationDong),
    source: toSource(r.source),
    isDemo: r.source.kind === "DEMO",
  };
}

/** A year's progress with its decimals as strings. */
export function toProgressFields<
  Y extends { areaM2: { toFixed(): string } | null; compensationDong: { toFixed(): string } | null },
>(y: Y) {
  return { ...y, areaM2: decimalOrNull(y.areaM2), compensationDong: decimalOrNull(y.compensationDong) };
}

type ProjectRow = SourceColumns & {
  name: string;
  startYear: number | null;
  endYear: number | null;
  status: ProjectStatus;
  householdsAffected: number | null;
  areaM2: { toFixed(): string } | null;
  compensationDong: { toFixed(): string } | null;
  forcedEnforcements: number | null;
  note: string | null;
  progress: Array<{
    year: number;
    householdsHandedOver: number | null;
    areaM2: string | null;
    compensationDong: string | null;
    note: string | null;
  }>;
};

/** SQL: the record in `alias` is published (`publishedRecordWhere`). */
const publishedRecordSql = (alias: string) =>
  Prisma.raw(`(${alias}.submission_id IS NULL OR ${alias}.approval_event_id IS NOT NULL)`);

/**
 * The ward's published land-clearance projects in a term with their published progress; only those
 * of one programme when `programmeSlug` is given; none outside `scope`. One statement (the progress
 * as a JSON array per project; Prisma's nested selects sent three).
 */
export async function getLandClearanceProjects({
  wardSlug,
  termId,
  scope,
  programmeSlug,
}: {
  wardSlug: string;
  termId: number;
  scope: ReadScope;
  programmeSlug?: string;
}): Promise<LandClearanceProjectInfo[]> {
  const rows = await db().$queryRaw<ProjectRow[]>`
    SELECT lp.name, lp.start_year AS "startYear", lp.end_year AS "endYear", lp.status::text AS status,
           lp.households_affected AS "householdsAffected", lp.area_m2 AS "areaM2",
           lp.compensation_dong AS "compensationDong", lp.forced_enforcements AS "forcedEnforcements", lp.note,
           ${sourceColumnsSql("s")},
           coalesce((SELECT json_agg(json_build_object('year', g.year, 'householdsHandedOver', g.households_handed_over,
                                     'areaM2', g.area_m2::text, 'compensationDong', g.compensation_dong::text, 'note', g.note)
                                     ORDER BY g.year)
                       FROM land_clearance_progress g
                      WHERE g.project_id = lp.id AND g.approval_event_id IS NOT NULL), '[]'::json) AS progress
      FROM land_clearance_project lp
      JOIN org_unit o ON o.id = lp.org_unit_id
      JOIN source s ON s.id = lp.source_id
     WHERE o.slug = ${wardSlug} AND ${scopePathSql(scope, Prisma.sql`o.path`)} AND lp.term_id = ${termId}
       AND ${publishedRecordSql("lp")}
       ${programmeSlug ? Prisma.sql`AND lp.programme_id IN (SELECT pr.id FROM programme pr WHERE pr.slug = ${programmeSlug})` : Prisma.empty}
     ORDER BY lp.start_year, lp.id`;
  return rows.map(({ sourceKey, sourceTitle, sourceIssuedOn, sourceKind, progress, ...r }) => ({
    ...r,
    areaM2: decimalOrNull(r.areaM2),
    compensationDong: decimalOrNull(r.compensationDong),
    source: sourceOfRow({ sourceKey, sourceTitle, sourceIssuedOn, sourceKind }),
    isDemo: sourceKind === "DEMO",
    progress: progress.map((y) => ({
      ...y,
      areaM2: decimalTextOrNull(y.areaM2),
      compensationDong: decimalTextOrNull(y.compensationDong),
    })),
  }));
}

export type AchievementInfo = {
  kind: AchievementKind;
  status: AchievementStatus;
  year: number | null;
  title: string;
  subject: { slug: string; shortName: string } | null;
  recognitionLevel: OrgLevel | null;
  note: string | null;
  source: SourceInfo;
  isDemo: boolean;
};

/** A ward's achievements (optionally of one programme), or those whose subject is one residential group. */
export type AchievementFilter = { ward: string; programme?: string } | { subject: string };

/** An achievement's own fields, as the dashboards and the GPMB page read them. */
export const achievementFieldsSelect = {
  kind: true,
  status: true,
  year: true,
  title: true,
  recognitionLevel: true,
  note: true,
  subjectOrgUnit: { select: { slug: true, shortName: true } },
  source: sourceSelect,
} as const;

type AchievementRow = SourceColumns & {
  kind: AchievementKind;
  status: AchievementStatus;
  year: number | null;
  title: string;
  recognitionLevel: OrgLevel | null;
  note: string | null;
  subjectSlug: string | null;
  subjectShortName: string | null;
};

/**
 * Published named achievements of a term in year order, those without a year last (one statement).
 * Only those of units in `scope`: the achieving unit, and the subject group when asked by subject.
 */
export async function getAchievements(
  termId: number,
  filter: AchievementFilter,
  scope: ReadScope,
): Promise<AchievementInfo[]> {
  const which =
    "subject" in filter
      ? Prisma.sql`so.slug = ${filter.subject} AND ${scopePathSql(scope, Prisma.sql`so.path`)}`
      : Prisma.sql`a.org_unit_id = (SELECT o.id FROM org_unit o WHERE o.slug = ${filter.ward} AND ${scopePathSql(scope, Prisma.sql`o.path`)})
          ${filter.programme ? Prisma.sql`AND a.programme_id IN (SELECT pr.id FROM programme pr WHERE pr.slug = ${filter.programme})` : Prisma.empty}`;
  const rows = await db().$queryRaw<AchievementRow[]>`
    SELECT a.kind::text AS kind, a.status::text AS status, a.year, a.title,
           a.recognition_level::text AS "recognitionLevel", a.note,
           so.slug AS "subjectSlug", so.short_name AS "subjectShortName", ${sourceColumnsSql("s")}
      FROM achievement a
      JOIN source s ON s.id = a.source_id
      LEFT JOIN org_unit so ON so.id = a.subject_org_unit_id
     WHERE a.term_id = ${termId} AND ${publishedRecordSql("a")} AND ${which}
     ORDER BY a.year ASC NULLS LAST, a.id`;
  return rows.map(({ subjectSlug, subjectShortName, sourceKey, sourceTitle, sourceIssuedOn, sourceKind, ...a }) => ({
    ...a,
    subject: subjectSlug === null ? null : { slug: subjectSlug, shortName: subjectShortName! },
    source: sourceOfRow({ sourceKey, sourceTitle, sourceIssuedOn, sourceKind }),
    isDemo: sourceKind === "DEMO",
  }));
}

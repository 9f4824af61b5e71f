import "server-only";
import { db } from "@/lib/db";
import type { AchievementKind, AchievementStatus, OrgLevel, ProjectStatus } from "@/lib/generated/prisma/enums";
import { type ReadScope, orgUnitScopeWhere, scopeWhere } from "./scope";
import { decimalOrNull, sourceSelect, toSource } from "./serialize";
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

/**
 * The ward's published land-clearance projects in a term with their published progress; only those
 * of one programme when `programmeSlug` is given; none outside `scope`.
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
  const rows = await db().landClearanceProject.findMany({
    where: {
      orgUnit: { slug: wardSlug },
      ...orgUnitScopeWhere(scope),
      termId,
      ...(programmeSlug ? { programme: { slug: programmeSlug } } : {}),
      ...publishedRecordWhere,
    },
    orderBy: [{ startYear: "asc" }, { id: "asc" }],
    select: {
      ...projectFieldsSelect,
      progress: {
        where: publishedProgressWhere,
        select: { year: true, householdsHandedOver: true, areaM2: true, compensationDong: true, note: true },
        orderBy: { year: "asc" },
      },
    },
  });
  return rows.map((r) => ({ ...toProjectFields(r), progress: r.progress.map(toProgressFields) }));
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

/**
 * Published named achievements of a term in year order, those without a year last (one query). Only
 * those of units in `scope`: the achieving unit, and the subject group when asked by subject.
 */
export async function getAchievements(
  termId: number,
  filter: AchievementFilter,
  scope: ReadScope,
): Promise<AchievementInfo[]> {
  const rows = await db().achievement.findMany({
    where:
      "subject" in filter
        ? {
            termId,
            subjectOrgUnit: { slug: filter.subject, ...scopeWhere(scope) },
            ...publishedRecordWhere,
          }
        : {
            termId,
            orgUnit: { slug: filter.ward },
            ...orgUnitScopeWhere(scope),
            ...(filter.programme ? { programme: { slug: filter.programme } } : {}),
            ...publishedRecordWhere,
          },
    orderBy: [{ year: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    select: achievementFieldsSelect,
  });
  return rows.map(({ subjectOrgUnit, source, ...a }) => ({
    ...a,
    subject: subjectOrgUnit,
    source: toSource(source),
    isDemo: source.kind === "DEMO",
  }));
}

import "server-only";
// What /{ward}/gpmb shows and edits: the ward's land-clearance projects of a term with their yearly
// progress, its named achievements, and the choices of the forms (residential groups, programmes).
import { db } from "@/lib/db";
import type { AchievementKind, AchievementStatus, OrgLevel } from "@/lib/generated/prisma/enums";
import { LAND_CLEARANCE_INDICATOR } from "./land-clearance-save";
import { type ReadScope, orgUnitScopeWhere, scopeWhere } from "./scope";
import {
  achievementFieldsSelect,
  type LandClearanceProjectInfo,
  projectFieldsSelect,
  publishedProgressWhere,
  publishedRecordWhere,
  type RecordReview,
  reviewSelect,
  toProgressFields,
  toProjectFields,
  toReview,
} from "./records";
import { toSource } from "./serialize";
import type { TermSummary } from "./terms";
import type { SourceInfo } from "./values";

export type GpmbProgress = {
  id: number;
  version: number;
  year: number;
  householdsHandedOver: number | null;
  areaM2: string | null;
  compensationDong: string | null;
  note: string | null;
  review: RecordReview;
};

/** A project as the dashboards show it, with what its forms need to edit it and where it stands in review. */
export type GpmbProject = Omit<LandClearanceProjectInfo, "progress"> & {
  id: number;
  version: number;
  review: RecordReview;
  progress: GpmbProgress[];
};

export type GpmbAchievement = {
  id: number;
  version: number;
  kind: AchievementKind;
  status: AchievementStatus;
  year: number | null;
  title: string;
  subject: { slug: string; shortName: string } | null;
  recognitionLevel: OrgLevel | null;
  programme: { slug: string; code: string } | null;
  note: string | null;
  source: SourceInfo;
  review: RecordReview;
};

export type GpmbPage = {
  ward: { slug: string; name: string; shortName: string };
  term: TermSummary;
  projects: GpmbProject[];
  achievements: GpmbAchievement[];
  groups: { slug: string; shortName: string }[];
  programmes: { slug: string; code: string }[];
  /** slug of the programme land clearance belongs to (03-CTr/QU), for its dashboard link */
  landClearanceProgramme: string | null;
};

/**
 * The page's records; a ward outside `scope` reads as absent. Drafts (entered, not yet approved) only
 * with `drafts`: for the ward's own officials and committee; everyone else reads what is published.
 */
export async function getGpmbPage({
  wardSlug,
  term,
  scope,
  drafts,
}: {
  wardSlug: string;
  term: TermSummary;
  scope: ReadScope;
  drafts: boolean;
}): Promise<GpmbPage | null> {
  const ward = await db().orgUnit.findFirst({
    where: { slug: wardSlug, ...scopeWhere(scope) },
    select: { id: true, slug: true, name: true, shortName: true, level: true },
  });
  if (!ward || ward.level !== "WARD") return null;
  const [projects, achievements, groups, programmes] = await Promise.all([
    db().landClearanceProject.findMany({
      where: {
        orgUnitId: ward.id,
        ...orgUnitScopeWhere(scope),
        termId: term.id,
        ...(drafts ? {} : publishedRecordWhere),
      },
      orderBy: [{ startYear: { sort: "asc", nulls: "first" } }, { id: "asc" }],
      select: {
        id: true,
        version: true,
        ...projectFieldsSelect,
        ...reviewSelect,
        progress: {
          where: drafts ? {} : publishedProgressWhere,
          orderBy: { year: "asc" },
          select: {
            id: true,
            version: true,
            year: true,
            householdsHandedOver: true,
            areaM2: true,
            compensationDong: true,
            note: true,
            ...reviewSelect,
          },
        },
      },
    }),
    db().achievement.findMany({
      where: {
        orgUnitId: ward.id,
        ...orgUnitScopeWhere(scope),
        termId: term.id,
        ...(drafts ? {} : publishedRecordWhere),
      },
      orderBy: [{ year: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      select: {
        id: true,
        version: true,
        ...achievementFieldsSelect,
        ...reviewSelect,
        programme: { select: { slug: true, code: true } },
      },
    }),
    db().orgUnit.findMany({
      where: { parentId: ward.id, level: "RESIDENTIAL_GROUP", validTo: null },
      orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
      select: { slug: true, shortName: true },
    }),
    db().programme.findMany({
      where: { termId: term.id },
      orderBy: { number: "asc" },
      select: {
        slug: true,
        code: true,
        indicators: { where: { code: LAND_CLEARANCE_INDICATOR }, select: { id: true } },
      },
    }),
  ]);
  return {
    ward: { slug: ward.slug, name: ward.name, shortName: ward.shortName },
    term,
    projects: projects.map(({ submissionId, approvalEvent, ...p }) => ({
      ...toProjectFields(p),
      review: toReview({ submissionId, approvalEvent }),
      progress: p.progress.map(({ submissionId, approvalEvent, ...y }) => ({
        ...toProgressFields(y),
        review: toReview({ submissionId, approvalEvent }),
      })),
    })),
    achievements: achievements.map(({ subjectOrgUnit, source, submissionId, approvalEvent, ...a }) => ({
      ...a,
      subject: subjectOrgUnit,
      source: toSource(source),
      review: toReview({ submissionId, approvalEvent }),
    })),
    groups,
    programmes: programmes.map((p) => ({ slug: p.slug, code: p.code })),
    landClearanceProgramme: programmes.find((p) => p.indicators.length > 0)?.slug ?? null,
  };
}

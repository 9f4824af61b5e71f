import "server-only";
import { db } from "@/lib/db";
import type { Qualifier, SubmissionStatus } from "@/lib/generated/prisma/enums";
import { type ReadScope, orgUnitScopeWhere, scopeWhere } from "./scope";
import { publishedRecordWhere } from "./records";
import { decimalString, isoDay } from "./serialize";

export type UnapprovedValue = {
  programmeCode: string;
  indicatorCode: string;
  year: number;
  value: string;
  qualifier: Qualifier;
};

/**
 * The ward's own figures entered in a year of the term and not approved (draft, sent or returned
 * submissions; cleared values left out), for a draft report. One query; none outside `scope`.
 */
export async function getUnapprovedWardValues({
  wardSlug,
  termId,
  scope,
  programmeSlug,
}: {
  wardSlug: string;
  termId: number;
  scope: ReadScope;
  programmeSlug?: string;
}): Promise<UnapprovedValue[]> {
  const rows = await db().entryValue.findMany({
    where: {
      orgUnit: { slug: wardSlug },
      ...orgUnitScopeWhere(scope),
      value: { not: null },
      submission: {
        status: { not: "APPROVED" },
        period: { termId },
        ...(programmeSlug ? { programme: { slug: programmeSlug } } : {}),
      },
    },
    select: {
      value: true,
      qualifier: true,
      indicator: { select: { code: true, programme: { select: { code: true } } } },
      submission: { select: { period: { select: { year: true } } } },
    },
  });
  return rows.map((r) => ({
    programmeCode: r.indicator.programme.code,
    indicatorCode: r.indicator.code,
    year: r.submission.period.year!,
    value: decimalString(r.value!),
    qualifier: r.qualifier,
  }));
}

export type ReportRecord = {
  programmeCode: string | null;
  kind: "ACHIEVEMENT" | "PROJECT";
  year: number | null;
  title: string;
  achieved: boolean;
  isDemo: boolean;
};

/** The ward's published achievements and land-clearance projects of a term (two queries), for the report. */
export async function getReportRecords({
  wardSlug,
  termId,
  scope,
}: {
  wardSlug: string;
  termId: number;
  scope: ReadScope;
}): Promise<ReportRecord[]> {
  const where = { orgUnit: { slug: wardSlug }, ...orgUnitScopeWhere(scope), termId, ...publishedRecordWhere };
  const [achievements, projects] = await Promise.all([
    db().achievement.findMany({
      where,
      orderBy: [{ year: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      select: {
        year: true,
        title: true,
        status: true,
        programme: { select: { code: true } },
        source: { select: { kind: true } },
      },
    }),
    db().landClearanceProject.findMany({
      where,
      orderBy: [{ startYear: "asc" }, { id: "asc" }],
      select: {
        name: true,
        startYear: true,
        programme: { select: { code: true } },
        source: { select: { kind: true } },
      },
    }),
  ]);
  return [
    ...achievements.map((a) => ({
      programmeCode: a.programme?.code ?? null,
      kind: "ACHIEVEMENT" as const,
      year: a.year,
      title: a.title,
      achieved: a.status === "ACHIEVED",
      isDemo: a.source.kind === "DEMO",
    })),
    ...projects.map((p) => ({
      programmeCode: p.programme?.code ?? null,
      kind: "PROJECT" as const,
      year: p.startYear,
      title: p.name,
      achieved: false,
      isDemo: p.source.kind === "DEMO",
    })),
  ];
}

export type BriefState = {
  /** review state of each programme's figures of the year (absent: not started) */
  submissions: Array<{ programmeCode: string; status: SubmissionStatus }>;
  /** the district's due date of the year, yyyy-mm-dd */
  dueOn: string | null;
  /** figures of the ward its officials confirmed as far from earlier years, by year */
  confirmedOutliers: Array<{ programmeCode: string; indicatorCode: string; year: number }>;
};

/** Review state of a ward's year (or, without a year, its whole term's outlier confirmations): three queries. */
export async function getBriefState({
  wardSlug,
  termId,
  year,
  scope,
}: {
  wardSlug: string;
  termId: number;
  year: number | null;
  scope: ReadScope;
}): Promise<BriefState> {
  const ward = await db().orgUnit.findFirst({
    where: { slug: wardSlug, ...scopeWhere(scope) },
    select: { id: true, parentId: true },
  });
  if (!ward) return { submissions: [], dueOn: null, confirmedOutliers: [] };
  const period = year === null ? undefined : { termId, kind: "YEAR" as const, year };
  const [submissions, deadline, outliers] = await Promise.all([
    period
      ? db().submission.findMany({
          where: { orgUnitId: ward.id, period },
          select: { status: true, programme: { select: { code: true } } },
        })
      : Promise.resolve([]),
    period && ward.parentId !== null
      ? db().deadline.findFirst({ where: { districtId: ward.parentId, period }, select: { dueOn: true } })
      : Promise.resolve(null),
    db().entryValue.findMany({
      where: {
        orgUnitId: ward.id,
        outlierConfirmed: true,
        submission: { period: period ?? { termId } },
      },
      select: {
        indicator: { select: { code: true, programme: { select: { code: true } } } },
        submission: { select: { period: { select: { year: true } } } },
      },
    }),
  ]);
  return {
    submissions: submissions.map((s) => ({ programmeCode: s.programme.code, status: s.status })),
    dueOn: deadline ? isoDay(deadline.dueOn) : null,
    confirmedOutliers: outliers.map((o) => ({
      programmeCode: o.indicator.programme.code,
      indicatorCode: o.indicator.code,
      year: o.submission.period.year!,
    })),
  };
}

// The reads of the one-ward pages (overview, programme dashboard, residential groups) are few
// statements (issue 11: a page should cost little more than its SQL): the land-clearance projects
// with their progress, the achievements, a group indicator's matrix and a unit's values of some
// indicators are one statement each, and give what Prisma's nested selects gave (the reference
// below, as these functions read before); the dashboard reads its ward and programmes once, not
// again for the groups' ranking. Statements are counted at the pg driver. On the seeded data, with
// a published year of progress added.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/prisma/seed";
import type { ReadScope } from "@/lib/data/scope";
import { decimalString } from "@/lib/data/serialize";
import type { TermSummary } from "@/lib/data/terms";
import { type TestDatabase, createMigratedDatabase } from "../setup/db";
import { withSentStatements } from "../setup/sent-statements";

let database: TestDatabase;
let term: TermSummary;
let ngocThuy: ReadScope;
const ALL: ReadScope = { all: true };
const nobody: ReadScope = { rootIds: [] };

const data = async () => ({
  ...(await import("@/lib/data/records")),
  ...(await import("@/lib/data/residential-groups")),
  ...(await import("@/lib/data/programme-dashboard")),
  ...(await import("@/lib/data/ward-overview")),
});

beforeAll(async () => {
  database = await createMigratedDatabase();
  await seed(database.prisma, { demo: true });
  vi.stubEnv("DATABASE_URL", database.url);
  vi.resetModules();
  (globalThis as { prisma?: unknown }).prisma = undefined;
  const { prisma } = database;
  const ward = await prisma.orgUnit.findUniqueOrThrow({ where: { slug: "ngoc-thuy" }, select: { id: true } });
  ngocThuy = { rootIds: [ward.id] };
  const { getLatestTerm } = await import("@/lib/data/terms");
  term = (await getLatestTerm())!;
  // a published year of progress (and one not yet approved) on a project of the report: written past
  // the review triggers, which only the approval may pass in the app
  const project = await prisma.landClearanceProject.findFirstOrThrow({
    where: { orgUnitId: ward.id, termId: term.id },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const user = { id: "seed-user" }; // foreign keys are triggers too: not checked here
  await prisma.$transaction([
    prisma.$executeRaw`SET LOCAL session_replication_role = replica`,
    prisma.$executeRaw`INSERT INTO land_clearance_progress
        (project_id, year, households_handed_over, area_m2, compensation_dong, note, submission_id, approval_event_id, updated_by_id, updated_at)
      VALUES (${project.id}, 2019, 12, 1234.50, 305000000, 'Bàn giao đợt 2', 999999, 999999, ${user.id}, now()),
             (${project.id}, 2018, NULL, 80.00, NULL, NULL, 999999, 999998, ${user.id}, now()),
             (${project.id}, 2020, 3, NULL, NULL, 'chưa duyệt', 999999, NULL, ${user.id}, now())`,
  ]);
}, 180_000);

afterAll(async () => {
  const g = globalThis as { prisma?: { $disconnect(): Promise<void> } };
  await g.prisma?.$disconnect();
  g.prisma = undefined;
  vi.unstubAllEnvs();
  await database?.drop();
});

/** The SQL of every statement sent while `run` runs, and what it returned. */
async function counted<T>(run: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  const { value, sent } = await withSentStatements(run);
  return { result: value, sent: sent.map((s) => s.text) };
}

const source = (s: { key: string; title: string; issuedOn: Date | null; kind: string }) => ({
  key: s.key,
  title: s.title,
  issuedOn: s.issuedOn ? s.issuedOn.toISOString().slice(0, 10) : null,
  kind: s.kind,
});
const dec = (d: { toFixed(): string } | null) => (d === null ? null : decimalString(d));
const sourceSelect = { select: { key: true, title: true, issuedOn: true, kind: true } } as const;
const published = { OR: [{ submissionId: null }, { approvalEventId: { not: null } }] };

/** What getLandClearanceProjects read with Prisma's nested selects. */
async function projectsByPrisma(programmeSlug?: string) {
  const rows = await database.prisma.landClearanceProject.findMany({
    where: {
      orgUnit: { slug: "ngoc-thuy" },
      termId: term.id,
      ...(programmeSlug ? { programme: { slug: programmeSlug } } : {}),
      ...published,
    },
    orderBy: [{ startYear: "asc" }, { id: "asc" }],
    select: {
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
      progress: {
        where: { approvalEventId: { not: null } },
        select: { year: true, householdsHandedOver: true, areaM2: true, compensationDong: true, note: true },
        orderBy: { year: "asc" },
      },
    },
  });
  return rows.map((r) => ({
    ...r,
    areaM2: dec(r.areaM2),
    compensationDong: dec(r.compensationDong),
    source: source(r.source),
    isDemo: r.source.kind === "DEMO",
    progress: r.progress.map((y) => ({ ...y, areaM2: dec(y.areaM2), compensationDong: dec(y.compensationDong) })),
  }));
}

/** What getAchievements read with Prisma's nested selects. */
async function achievementsByPrisma(filter: { ward: string; programme?: string } | { subject: string }) {
  const rows = await database.prisma.achievement.findMany({
    where:
      "subject" in filter
        ? { termId: term.id, subjectOrgUnit: { slug: filter.subject }, ...published }
        : {
            termId: term.id,
            orgUnit: { slug: filter.ward },
            ...(filter.programme ? { programme: { slug: filter.programme } } : {}),
            ...published,
          },
    orderBy: [{ year: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    select: {
      kind: true,
      status: true,
      year: true,
      title: true,
      recognitionLevel: true,
      note: true,
      subjectOrgUnit: { select: { slug: true, shortName: true } },
      source: sourceSelect,
    },
  });
  return rows.map(({ subjectOrgUnit, source: s, ...a }) => ({
    ...a,
    subject: subjectOrgUnit,
    source: source(s),
    isDemo: s.kind === "DEMO",
  }));
}

describe("the records of a ward's pages", () => {
  it("reads the land-clearance projects with their published progress in one statement, as before", async () => {
    const { getLandClearanceProjects } = await data();
    for (const programmeSlug of [undefined, "03-CTr-QU", "01-CT-QU"]) {
      const { result, sent } = await counted(() =>
        getLandClearanceProjects({ wardSlug: "ngoc-thuy", termId: term.id, scope: ngocThuy, programmeSlug }),
      );
      expect(sent).toHaveLength(1);
      expect(result).toEqual(await projectsByPrisma(programmeSlug));
    }
    const all = await getLandClearanceProjects({ wardSlug: "ngoc-thuy", termId: term.id, scope: ALL });
    // the approved years in year order with their decimals as the interface writes them; the draft left out
    expect(all.flatMap((p) => p.progress)).toEqual([
      { year: 2018, householdsHandedOver: null, areaM2: "80", compensationDong: null, note: null },
      { year: 2019, householdsHandedOver: 12, areaM2: "1234.5", compensationDong: "305000000", note: "Bàn giao đợt 2" },
    ]);
    expect(await getLandClearanceProjects({ wardSlug: "ngoc-thuy", termId: term.id, scope: nobody })).toEqual([]);
  });

  it("reads the achievements in one statement, by ward, programme or subject group, as before", async () => {
    const { getAchievements } = await data();
    const filters = [
      { ward: "ngoc-thuy" },
      { ward: "ngoc-thuy", programme: "03-CTr-QU" },
      { ward: "ngoc-thuy", programme: "01-CT-QU" },
      { subject: "ngoc-thuy-to-22" },
    ];
    for (const filter of filters) {
      const { result, sent } = await counted(() => getAchievements(term.id, filter, ngocThuy));
      expect(sent).toHaveLength(1);
      expect(result).toEqual(await achievementsByPrisma(filter));
      expect(await getAchievements(term.id, filter, nobody)).toEqual([]);
    }
    expect((await getAchievements(term.id, { subject: "ngoc-thuy-to-22" }, ALL)).length).toBeGreaterThan(0);
  });

  it("reads a group indicator's matrix and the ward's own values in one statement each, as before", async () => {
    const { getGroupMatrix, getIndicatorValues } = await data();
    const groupIndicator = await database.prisma.indicator.findFirstOrThrow({
      where: { collectionLevel: "RESIDENTIAL_GROUP", programme: { termId: term.id } },
      orderBy: { id: "asc" },
      select: { code: true },
    });
    const matrix = await counted(() =>
      getGroupMatrix({ wardSlug: "ngoc-thuy", termId: term.id, indicatorCode: groupIndicator.code, scope: ngocThuy }),
    );
    expect(matrix.sent).toHaveLength(1);
    const cells = await database.prisma.result.findMany({
      where: {
        indicator: { code: groupIndicator.code, programme: { termId: term.id } },
        orgUnit: { parent: { slug: "ngoc-thuy" }, level: "RESIDENTIAL_GROUP" },
        period: { termId: term.id, kind: "YEAR" },
      },
      select: {
        value: true,
        qualifier: true,
        note: true,
        orgUnit: { select: { slug: true } },
        period: { select: { year: true } },
        source: sourceSelect,
      },
      orderBy: [{ orgUnit: { sortOrder: "asc" } }, { period: { year: "asc" } }],
    });
    expect(cells.length).toBeGreaterThan(0);
    expect(matrix.result).toEqual(
      cells.map((r) => ({
        groupSlug: r.orgUnit.slug,
        year: r.period.year,
        value: dec(r.value),
        qualifier: r.qualifier,
        note: r.note,
        source: source(r.source),
        isDemo: r.source.kind === "DEMO",
      })),
    );

    const codes = ["ty-le-gia-dinh-van-hoa", "ty-le-tdp-van-hoa", "khong-co"];
    const own = await counted(() =>
      getIndicatorValues({ orgUnitSlug: "ngoc-thuy", termId: term.id, indicatorCodes: codes, scope: ngocThuy }),
    );
    expect(own.sent).toHaveLength(1);
    const values = await database.prisma.result.findMany({
      where: {
        orgUnit: { slug: "ngoc-thuy" },
        indicator: { code: { in: codes }, programme: { termId: term.id } },
        period: { termId: term.id },
      },
      select: {
        value: true,
        qualifier: true,
        note: true,
        indicator: { select: { code: true } },
        period: { select: { kind: true, year: true } },
        source: sourceSelect,
      },
      orderBy: [{ period: { kind: "asc" } }, { period: { year: "asc" } }, { indicator: { code: "asc" } }],
    });
    const byKey = (v: { code: string; period: { kind: string; year: number | null } }) =>
      `${v.period.kind}:${v.period.year}:${v.code}`;
    expect(own.result.length).toBeGreaterThan(0);
    expect([...own.result].sort((a, b) => byKey(a).localeCompare(byKey(b)))).toEqual(
      values
        .map((r) => ({
          code: r.indicator.code,
          period: r.period,
          value: dec(r.value),
          qualifier: r.qualifier,
          note: r.note,
          source: source(r.source),
        }))
        .sort((a, b) => byKey(a).localeCompare(byKey(b))),
    );
    expect(
      await getIndicatorValues({ orgUnitSlug: "ngoc-thuy", termId: term.id, indicatorCodes: codes, scope: nobody }),
    ).toEqual([]);
  });
});

describe("the one-ward pages' data (the catalogue kept in the process, as between requests)", () => {
  beforeAll(async () => {
    const { getProgrammeDashboard, getWardOverview } = await data();
    await getProgrammeDashboard({ wardSlug: "ngoc-thuy", programmeSlug: "03-CTr-QU", term, scope: ngocThuy });
    await getWardOverview("ngoc-thuy", term, ngocThuy);
  });

  // the pages' data are kept under the progress version too (lib/data/unit-page-cache.ts): moved
  // here, so that they are read again, the catalogue still kept
  const figuresChanged = () => database.prisma.$executeRaw`UPDATE progress_version SET version = version + 1`;

  it("the dashboard reads its ward and the ward's programmes once, the groups' ranking included", async () => {
    const { getProgrammeDashboard } = await data();
    await figuresChanged();
    const { result, sent } = await counted(() =>
      getProgrammeDashboard({ wardSlug: "ngoc-thuy", programmeSlug: "03-CTr-QU", term, scope: ngocThuy }),
    );
    expect(result?.groupRanking?.ranking.length).toBeGreaterThan(0);
    expect(result?.groupRanking?.ward.slug).toBe("ngoc-thuy");
    // getOrgUnit (the unit with its parent and children) and the programme rule's unit, once each
    expect(sent.filter((s) => /AS parent,/.test(s))).toHaveLength(1);
    expect(sent.filter((s) => /AS "formerAbove"/.test(s))).toHaveLength(1);
    // no nested Prisma selects: every statement is one of the data layer's own
    expect(sent.filter((s) => s.includes('"public".'))).toEqual([]);
  });

  it("the overview reads nothing through nested selects", async () => {
    const { getWardOverview } = await data();
    await figuresChanged();
    const { result, sent } = await counted(() => getWardOverview("ngoc-thuy", term, ngocThuy));
    expect(sent.length).toBeGreaterThan(0);
    expect(result?.projects.length).toBeGreaterThan(0);
    expect(result?.achievements.length).toBeGreaterThan(0);
    expect(sent.filter((s) => s.includes('"public".'))).toEqual([]);
    expect(await getWardOverview("ngoc-thuy", term, nobody)).toBeNull();
  });
});

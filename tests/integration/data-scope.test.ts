// The data layer scopes its reads by the reader, whatever the page checks: each lib/data read of
// unit-specific rows, called with a scope that leaves Ngọc Thụy out, returns nothing of Ngọc Thụy;
// with Ngọc Thụy in the scope it returns its rows. On the seeded data (the report and the demo data).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { seed } from "@/prisma/seed";
import type { ReadScope } from "@/lib/data/scope";
import type { TermSummary } from "@/lib/data/terms";
import { type TestDatabase, createMigratedDatabase } from "../setup/db";

let database: TestDatabase;
let term: TermSummary;
let ids: Record<"district" | "ngocThuy" | "boDe", number>;
// the reader's scopes (as the page checks build them from grants): a ward and its groups, the district, nobody
let ngocThuy: ReadScope;
let boDe: ReadScope;
let district: ReadScope;
const nobody: ReadScope = { rootIds: [] };

// lib modules read DATABASE_URL on first use: import them once it points at this test's database
const data = async () => ({
  ...(await import("@/lib/data/org-units")),
  ...(await import("@/lib/data/values")),
  ...(await import("@/lib/data/records")),
  ...(await import("@/lib/data/targets")),
  ...(await import("@/lib/data/residential-groups")),
  ...(await import("@/lib/data/compare")),
  ...(await import("@/lib/data/ward-overview")),
  ...(await import("@/lib/data/programme-dashboard")),
  ...(await import("@/lib/data/programmes")),
  ...(await import("@/lib/data/scope")),
  ...(await import("@/lib/data/review")),
  ...(await import("@/lib/data/review-target")),
  ...(await import("@/lib/data/entry-grid")),
  ...(await import("@/lib/data/entry-file-grid")),
});

beforeAll(async () => {
  database = await createMigratedDatabase();
  await seed(database.prisma, { demo: true });
  vi.stubEnv("DATABASE_URL", database.url);
  vi.resetModules();
  (globalThis as { prisma?: unknown }).prisma = undefined;

  const { prisma } = database;
  const id = async (slug: string) =>
    (await prisma.orgUnit.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  ids = { district: await id("long-bien"), ngocThuy: await id("ngoc-thuy"), boDe: await id("bo-de") };
  ngocThuy = { rootIds: [ids.ngocThuy] };
  boDe = { rootIds: [ids.boDe] };
  district = { rootIds: [ids.district] };
  const { getLatestTerm } = await import("@/lib/data/terms");
  term = (await getLatestTerm())!;
}, 180_000);

afterAll(async () => {
  const g = globalThis as { prisma?: { $disconnect(): Promise<void> } };
  await g.prisma?.$disconnect();
  g.prisma = undefined;
  vi.unstubAllEnvs();
  await database?.drop();
});

describe("the page check's query", () => {
  it("gives the unit's path; a grant's scope holds the unit and every unit below it", async () => {
    const { getUnitScope, unitIdsWithin, inScope } = await data();
    const unit = await getUnitScope("ngoc-thuy");
    expect(unit?.id).toBe(ids.ngocThuy);
    expect(unit?.path.slice(-2)).toEqual([ids.district, ids.ngocThuy]);
    expect(await getUnitScope("khong-co")).toBeNull();
    // Ngọc Thụy and its 38 residential groups
    const within = await unitIdsWithin([ids.ngocThuy]);
    expect(within).toHaveLength(39);
    expect(within).toContain(ids.ngocThuy);
    expect(within).not.toContain(ids.boDe);
    expect(inScope(ngocThuy, unit!.path)).toBe(true);
    expect(inScope(district, unit!.path)).toBe(true);
    expect(inScope(boDe, unit!.path)).toBe(false);
    expect(inScope(nobody, unit!.path)).toBe(false);
  });
});

describe("queries of one kind of row", () => {
  it("org units", async () => {
    const { getOrgUnit, listWards, searchComparableParents } = await data();
    expect(await getOrgUnit("ngoc-thuy", boDe)).toBeNull();
    expect(await getOrgUnit("ngoc-thuy", nobody)).toBeNull();
    expect((await getOrgUnit("ngoc-thuy", ngocThuy))?.children).toHaveLength(38);
    expect((await getOrgUnit("ngoc-thuy", { all: true }))?.children).toHaveLength(38);

    expect((await listWards(boDe)).wards.map((w) => w.slug)).toEqual(["bo-de"]);
    const [nt] = (await listWards(ngocThuy)).wards;
    expect(nt).toMatchObject({ slug: "ngoc-thuy" });
    expect(nt.reportedCount).toBeGreaterThan(0);
    // the counts of its figures and of those from a report, as the rows say
    const figures = { orgUnitId: ids.ngocThuy };
    expect(nt.resultCount).toBe(await database.prisma.result.count({ where: figures }));
    expect(nt.reportedCount).toBe(
      await database.prisma.result.count({ where: { ...figures, source: { kind: "REPORT" } } }),
    );
    expect(nt.resultCount).toBeGreaterThan(nt.reportedCount);
    expect((await listWards(nobody)).wards).toEqual([]);
    expect((await listWards(nobody)).total).toBe(0);
    expect((await listWards(district)).wards.map((w) => w.slug)).toContain("ngoc-thuy");

    const parents = async (scope: ReadScope, q = "") =>
      (await searchComparableParents({ q, limit: 20, levels: ["WARD", "RESIDENTIAL_GROUP"], scope })).data.map(
        (p) => p.slug,
      );
    expect(await parents(ngocThuy)).toEqual(["ngoc-thuy"]);
    expect(await parents(boDe)).not.toContain("ngoc-thuy");
    expect(await parents(district)).toEqual(expect.arrayContaining(["long-bien", "ngoc-thuy"]));
    // the /so-sanh picker's search on the server: diacritics and case ignored, in scope only
    expect(await parents(district, "long bien")).toEqual(["long-bien"]);
    expect(await parents(district, "NGOC THUY")).toEqual(["ngoc-thuy"]);
    expect(await parents(boDe, "ngoc thuy")).toEqual([]);
    const found = await searchComparableParents({
      q: "",
      limit: 1,
      levels: ["WARD", "RESIDENTIAL_GROUP"],
      scope: district,
    });
    expect(found.data).toEqual([
      {
        slug: "long-bien",
        name: "Quận Long Biên",
        shortName: expect.any(String),
        level: "DISTRICT",
        childLevel: "WARD",
        childCount: 14,
      },
    ]);
    expect(found.total).toBeGreaterThan(1);
    // a ward's groups, counted whatever the reader's scope inside the ward; the city by its districts
    const ward = await searchComparableParents({ q: "", limit: 5, levels: ["RESIDENTIAL_GROUP"], scope: ngocThuy });
    expect(ward).toEqual({
      data: [expect.objectContaining({ slug: "ngoc-thuy", childLevel: "RESIDENTIAL_GROUP", childCount: 38 })],
      total: 1,
    });
    const city = await searchComparableParents({ q: "ha noi", limit: 5, levels: ["DISTRICT"], scope: { all: true } });
    expect(city.data).toEqual([expect.objectContaining({ slug: "ha-noi", level: "CITY", childLevel: "DISTRICT" })]);
    expect(await searchComparableParents({ q: "", limit: 5, levels: ["DISTRICT"], scope: district })).toEqual({
      data: [],
      total: 0,
    });
    // a level no indicator is collected at: nothing to compare
    expect(await searchComparableParents({ q: "", limit: 5, levels: [], scope: district })).toEqual({
      data: [],
      total: 0,
    });
  });

  it("wards of the home page: a page at a time, searched without diacritics, the person's own units apart", async () => {
    const { listWards, listScopeRoots } = await data();
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push(await listWards(district, { perPage: 5, page }));
    expect(pages.map((p) => p.total)).toEqual([14, 14, 14, 14]);
    expect(pages.map((p) => p.wards.length)).toEqual([5, 5, 4, 0]);
    expect(new Set(pages.flatMap((p) => p.wards.map((w) => w.slug))).size).toBe(14);
    expect(pages[0].wards[0]).toMatchObject({ district: "Quận Long Biên", level: "WARD" });

    for (const q of ["ngoc thuy", "NGỌC THỤY", "Ngoc Thuy", "phường ngọc thụy"]) {
      const found = await listWards(district, { q });
      expect(
        found.wards.map((w) => w.slug),
        q,
      ).toEqual(["ngoc-thuy"]);
      expect(found.total).toBe(1);
      expect(found.wards[0].resultCount).toBeGreaterThan(found.wards[0].reportedCount);
    }
    expect((await listWards(district, { q: "ngoc" })).wards.map((w) => w.slug)).toEqual(
      expect.arrayContaining(["ngoc-thuy", "ngoc-lam"]),
    );
    expect((await listWards(district, { q: "khong co phuong nay" })).total).toBe(0);
    expect((await listWards(boDe, { q: "ngoc thuy" })).total).toBe(0);
    const others = await listWards(district, { exclude: [ids.ngocThuy] });
    expect(others.total).toBe(13);
    expect(others.wards.map((w) => w.slug)).not.toContain("ngoc-thuy");

    expect((await listScopeRoots(district)).map((u) => [u.slug, u.level])).toEqual([["long-bien", "DISTRICT"]]);
    expect((await listScopeRoots({ rootIds: [ids.ngocThuy, ids.boDe] })).map((u) => u.slug).sort()).toEqual([
      "bo-de",
      "ngoc-thuy",
    ]);
    // with the parent's name, broadest level first
    expect(await listScopeRoots({ rootIds: [ids.ngocThuy, ids.district] })).toEqual([
      {
        id: ids.district,
        slug: "long-bien",
        name: "Quận Long Biên",
        shortName: expect.any(String),
        level: "DISTRICT",
        parentName: expect.any(String),
      },
      expect.objectContaining({ id: ids.ngocThuy, level: "WARD", parentName: "Quận Long Biên" }),
    ]);
    expect(await listScopeRoots({ all: true })).toEqual([]);
    expect(await listScopeRoots(nobody)).toEqual([]);
  });

  it("values read in one joined statement are those of the former nested reads, in the same order", async () => {
    // the former implementation (Prisma nested selects, six statements), with the id as the last key
    const { getUnitValues, getChildUnitValues } = await data();
    const { prisma } = database;
    const select = {
      value: true,
      qualifier: true,
      note: true,
      version: true,
      recordedAt: true,
      orgUnit: { select: { slug: true, shortName: true } },
      period: { select: { kind: true, year: true } },
      source: { select: { key: true, title: true, issuedOn: true, kind: true } },
      indicator: {
        select: { code: true, name: true, unit: true, valueType: true, programme: { select: { code: true } } },
      },
    } as const;
    const plain = (rows: Prisma.ResultGetPayload<{ select: typeof select }>[]) =>
      rows.map(({ indicator: { programme, ...indicator }, ...r }) => ({
        indicator: { ...indicator, programmeCode: programme.code },
        orgUnit: r.orgUnit,
        period: r.period,
        value: r.value.toFixed().includes(".") ? r.value.toFixed().replace(/\.?0+$/, "") : r.value.toFixed(),
        qualifier: r.qualifier,
        note: r.note,
        source: { ...r.source, issuedOn: r.source.issuedOn?.toISOString().slice(0, 10) ?? null },
        isDemo: r.source.kind === "DEMO",
        version: r.version,
        recordedAt: r.recordedAt.toISOString(),
      }));
    const period = [{ period: { kind: "asc" } }, { period: { year: "asc" } }] as const;
    const indicatorOrder = [
      { indicator: { programme: { number: "asc" } } },
      { indicator: { sectionId: "asc" } },
      { indicator: { sortOrder: "asc" } },
    ] as const;
    const own = plain(
      await prisma.result.findMany({
        where: { orgUnit: { slug: "ngoc-thuy" }, period: { termId: term.id } },
        select,
        orderBy: [...indicatorOrder, ...period, { id: "asc" }],
      }),
    );
    expect(own.length).toBeGreaterThan(20);
    expect(await getUnitValues({ orgUnitSlug: "ngoc-thuy", termId: term.id, scope: ngocThuy })).toEqual(own);
    const ofProgramme = plain(
      await prisma.result.findMany({
        where: {
          orgUnit: { slug: "ngoc-thuy" },
          period: { termId: term.id },
          indicator: { programme: { slug: "03-CTr-QU" } },
        },
        select,
        orderBy: [...indicatorOrder, ...period, { id: "asc" }],
      }),
    );
    expect(ofProgramme.length).toBeGreaterThan(0);
    expect(ofProgramme.length).toBeLessThan(own.length);
    expect(
      await getUnitValues({ orgUnitSlug: "ngoc-thuy", termId: term.id, scope: district, programmeSlug: "03-CTr-QU" }),
    ).toEqual(ofProgramme);
    const children = plain(
      await prisma.result.findMany({
        where: { orgUnit: { parent: { slug: "ngoc-thuy" } }, period: { termId: term.id } },
        select,
        orderBy: [{ orgUnit: { sortOrder: "asc" } }, ...period, ...indicatorOrder, { id: "asc" }],
      }),
    );
    expect(children.length).toBeGreaterThan(0);
    // the groups' values carry only what the overview's summary of them reads
    expect(await getChildUnitValues("ngoc-thuy", term.id, ngocThuy)).toEqual(
      children.map((v) => ({
        code: v.indicator.code,
        groupName: v.orgUnit.shortName,
        period: v.period,
        value: v.value,
        qualifier: v.qualifier,
        note: v.note,
        source: v.source,
        isDemo: v.isDemo,
      })),
    );
  });

  it("a unit with its parent and children in one statement, as the former nested read gave it", async () => {
    const { getOrgUnit } = await data();
    const ref = { slug: true, name: true, shortName: true, level: true } as const;
    const former = async (slug: string, scope: ReadScope) => {
      const where = "all" in scope ? {} : { path: { hasSome: [...scope.rootIds] } };
      const u = await database.prisma.orgUnit.findFirst({
        where: { slug, ...where },
        select: {
          ...ref,
          validFrom: true,
          validTo: true,
          population: true,
          households: true,
          parent: { select: ref },
          children: { where, select: ref, orderBy: [{ sortOrder: "asc" }, { slug: "asc" }] },
        },
      });
      return (
        u && {
          ...u,
          validFrom: u.validFrom.toISOString().slice(0, 10),
          validTo: u.validTo?.toISOString().slice(0, 10) ?? null,
        }
      );
    };
    for (const [slug, scope] of [
      ["ngoc-thuy", ngocThuy],
      ["ngoc-thuy", district],
      ["ngoc-thuy", { all: true }],
      ["long-bien", district],
      ["long-bien", ngocThuy],
      ["ha-noi", { all: true }],
      ["ngoc-thuy", boDe],
    ] as [string, ReadScope][]) {
      const expected = await former(slug, scope);
      expect(await getOrgUnit(slug, scope), `${slug} ${JSON.stringify(scope)}`).toEqual(expected);
    }
    expect((await getOrgUnit("ngoc-thuy", district))?.children.length).toBe(38);
    expect((await getOrgUnit("ngoc-thuy", district))?.parent?.slug).toBe("long-bien");
  });

  it("a unit's values carry their source's day as stored, whatever the server's time zone", async () => {
    const { getUnitValues, getIndicatorValues } = await data();
    const zone = process.env.TZ;
    // east of UTC: a date read as local midnight would be the day before in UTC
    process.env.TZ = "Asia/Ho_Chi_Minh";
    try {
      const own = await getUnitValues({ orgUnitSlug: "ngoc-thuy", termId: term.id, scope: ngocThuy });
      expect(own.some((v) => v.source.issuedOn !== null)).toBe(true);
      const codes = [...new Set(own.map((v) => v.indicator.code))];
      const got = await getIndicatorValues({
        orgUnitSlug: "ngoc-thuy",
        termId: term.id,
        indicatorCodes: codes,
        scope: ngocThuy,
      });
      const key = (code: string, p: { kind: string; year: number | null }) => `${code}|${p.kind}|${p.year}`;
      expect(new Map(got.map((v) => [key(v.code, v.period), v.source]))).toEqual(
        new Map(own.map((v) => [key(v.indicator.code, v.period), v.source])),
      );
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("values of a unit and of the units below it", async () => {
    const { getUnitValues, getChildUnitValues, getIndicatorValues, getGroupMatrix, getAcrossTerms, getProgrammes } =
      await data();
    const own = await getUnitValues({ orgUnitSlug: "ngoc-thuy", termId: term.id, scope: ngocThuy });
    expect(own.length).toBeGreaterThan(20);
    expect(own.every((v) => v.orgUnit.slug === "ngoc-thuy")).toBe(true);
    expect(await getUnitValues({ orgUnitSlug: "ngoc-thuy", termId: term.id, scope: boDe })).toEqual([]);
    expect(await getUnitValues({ orgUnitSlug: "ngoc-thuy", termId: term.id, scope: nobody })).toEqual([]);
    expect(await getUnitValues({ orgUnitSlug: "ngoc-thuy", termId: term.id, scope: { all: true } })).toEqual(own);
    expect(await getUnitValues({ orgUnitSlug: "ngoc-thuy", termId: term.id, scope: district })).toEqual(own);

    expect((await getChildUnitValues("ngoc-thuy", term.id, ngocThuy)).length).toBeGreaterThan(0);
    expect(await getChildUnitValues("ngoc-thuy", term.id, boDe)).toEqual([]);

    const codes = own.map((v) => v.indicator.code);
    expect(
      (await getIndicatorValues({ orgUnitSlug: "ngoc-thuy", termId: term.id, indicatorCodes: codes, scope: ngocThuy }))
        .length,
    ).toBe(own.length);
    expect(
      await getIndicatorValues({ orgUnitSlug: "ngoc-thuy", termId: term.id, indicatorCodes: codes, scope: boDe }),
    ).toEqual([]);

    const groupIndicator = (await getProgrammes(term.id))
      .flatMap((p) => p.sections.flatMap((s) => s.indicators))
      .find((i) => i.collectionLevel === "RESIDENTIAL_GROUP")!;
    expect(
      (
        await getGroupMatrix({
          wardSlug: "ngoc-thuy",
          termId: term.id,
          indicatorCode: groupIndicator.code,
          scope: ngocThuy,
        })
      ).length,
    ).toBeGreaterThan(0);
    expect(
      await getGroupMatrix({ wardSlug: "ngoc-thuy", termId: term.id, indicatorCode: groupIndicator.code, scope: boDe }),
    ).toEqual([]);

    const programme = (await getProgrammes(term.id)).find((p) => p.slug === "03-CTr-QU")!;
    const across = (s: ReadScope) =>
      getAcrossTerms({
        unitSlug: "ngoc-thuy",
        issuerSlug: programme.issuer.slug,
        programmeSlug: programme.slug,
        codes,
        scope: s,
      });
    expect((await across(ngocThuy)).values.length).toBeGreaterThan(0);
    expect((await across(boDe)).values).toEqual([]);
  });

  it("values of the children of a unit: only the children inside the scope", async () => {
    const { getChildrenValues, getProgrammes } = await data();
    const programme = (await getProgrammes(term.id)).find((p) => p.slug === "03-CTr-QU")!;
    const codes = programme.sections
      .flatMap((s) => s.indicators)
      .filter((i) => i.collectionLevel === "WARD")
      .map((i) => i.code);
    const units = async (s: ReadScope) =>
      new Set(
        (
          await getChildrenValues({
            parentSlug: "long-bien",
            termId: term.id,
            programmeSlug: programme.slug,
            codes,
            scope: s,
          })
        ).map((v) => v.unitSlug),
      );
    expect(await units(ngocThuy)).toEqual(new Set(["ngoc-thuy"]));
    expect(await units(boDe)).toEqual(new Set(["bo-de"]));
    expect(await units(nobody)).toEqual(new Set());
    const all = await units(district);
    expect(all.size).toBeGreaterThan(2);
    expect(await units({ all: true })).toEqual(all);
  });

  it("land-clearance projects and achievements", async () => {
    const { getLandClearanceProjects, getAchievements } = await data();
    expect(
      (await getLandClearanceProjects({ wardSlug: "ngoc-thuy", termId: term.id, scope: ngocThuy })).length,
    ).toBeGreaterThan(0);
    expect(await getLandClearanceProjects({ wardSlug: "ngoc-thuy", termId: term.id, scope: boDe })).toEqual([]);

    expect((await getAchievements(term.id, { ward: "ngoc-thuy" }, ngocThuy)).length).toBeGreaterThan(0);
    expect(await getAchievements(term.id, { ward: "ngoc-thuy" }, boDe)).toEqual([]);
    expect(
      (await getAchievements(term.id, { subject: "ngoc-thuy-to-22" }, ngocThuy)).map((a) => a.subject?.slug),
    ).toEqual(["ngoc-thuy-to-22"]);
    expect(await getAchievements(term.id, { subject: "ngoc-thuy-to-22" }, boDe)).toEqual([]);
  });

  it("targets: one set for the unit is read only inside the scope; the targets for every unit always", async () => {
    const { getTargets } = await data();
    const { prisma } = database;
    const general = await prisma.target.findFirstOrThrow({
      where: { orgUnitId: null, period: { termId: term.id, kind: "TERM" } },
      include: { indicator: true },
    });
    await prisma.target.create({
      data: {
        indicatorId: general.indicatorId,
        periodId: general.periodId,
        orgUnitId: ids.ngocThuy,
        comparison: general.comparison,
        value: "4242",
        sourceId: general.sourceId,
      },
    });
    const code = general.indicator.code;
    expect(
      (await getTargets({ termId: term.id, indicatorCodes: [code], orgUnitSlug: "ngoc-thuy", scope: ngocThuy })).get(
        code,
      )?.term?.value,
    ).toBe("4242");
    const outside = (
      await getTargets({ termId: term.id, indicatorCodes: [code], orgUnitSlug: "ngoc-thuy", scope: boDe })
    ).get(code)?.term?.value;
    expect(outside).toBeDefined();
    expect(outside).not.toBe("4242");
  });
});

describe("what the pages read", () => {
  it("a ward's overview, programme dashboard and residential groups: nothing outside the scope", async () => {
    const { getWardOverview, getProgrammeDashboard, getResidentialGroupsView, getResidentialGroupView } = await data();
    expect(await getWardOverview("ngoc-thuy", term, boDe)).toBeNull();
    expect((await getWardOverview("ngoc-thuy", term, ngocThuy))?.projects.length).toBeGreaterThan(0);

    expect(
      await getProgrammeDashboard({ wardSlug: "ngoc-thuy", programmeSlug: "03-CTr-QU", term, scope: boDe }),
    ).toBeNull();
    expect(
      (await getProgrammeDashboard({ wardSlug: "ngoc-thuy", programmeSlug: "03-CTr-QU", term, scope: ngocThuy }))
        ?.groupRanking?.ranking.length,
    ).toBeGreaterThan(0);

    expect(await getResidentialGroupsView({ wardSlug: "ngoc-thuy", term, query: {}, scope: boDe })).toBeNull();
    expect(
      (await getResidentialGroupsView({ wardSlug: "ngoc-thuy", term, query: {}, scope: ngocThuy }))?.groups,
    ).toHaveLength(38);

    expect(
      await getResidentialGroupView({ wardSlug: "ngoc-thuy", slug: "ngoc-thuy-to-22", term, scope: boDe }),
    ).toBeNull();
    expect(
      (await getResidentialGroupView({ wardSlug: "ngoc-thuy", slug: "ngoc-thuy-to-22", term, scope: ngocThuy }))
        ?.achievements.length,
    ).toBeGreaterThan(0);
  });

  it("comparisons need the parent inside the scope", async () => {
    const { getIndicatorComparison, getWardComparison } = await data();
    const q = { parent: "long-bien", period: { kind: "TERM" } as const, sort: "desc" as const, per: "none" as const };
    expect(await getIndicatorComparison(term, q, ngocThuy)).toBeNull();
    const rows = (await getIndicatorComparison(term, q, district))?.table.rows ?? [];
    expect(rows.map((r) => r.unit.slug)).toContain("ngoc-thuy");

    const w = { ward: "ngoc-thuy", period: { kind: "TERM" } as const };
    expect(await getWardComparison(term, w, ngocThuy)).toBeNull();
    expect(await getWardComparison(term, w, boDe)).toBeNull();
    expect((await getWardComparison(term, w, district))?.siblingCount).toBeGreaterThan(1);
  });
});

describe("what the entry and review pages read", () => {
  const YEAR = 2019;
  const PROGRAMME = "03-CTr-QU";

  it("the submission panel and its target", async () => {
    const { resolveReviewTarget, getSubmissionPanel } = await data();
    expect(
      await resolveReviewTarget({ wardSlug: "ngoc-thuy", year: YEAR, programmeSlug: PROGRAMME, scope: boDe }),
    ).toBeNull();
    expect(
      await resolveReviewTarget({ wardSlug: "ngoc-thuy", year: YEAR, programmeSlug: PROGRAMME, scope: nobody }),
    ).toBeNull();
    const target = (await resolveReviewTarget({
      wardSlug: "ngoc-thuy",
      year: YEAR,
      programmeSlug: PROGRAMME,
      scope: ngocThuy,
    }))!;
    expect(target.wardId).toBe(ids.ngocThuy);
    expect(
      await resolveReviewTarget({ wardSlug: "ngoc-thuy", year: YEAR, programmeSlug: PROGRAMME, scope: district }),
    ).toEqual(target);
    // a target found elsewhere still reads nothing outside the scope
    expect(await getSubmissionPanel(target, boDe)).toBeNull();
    expect(await getSubmissionPanel(target, nobody)).toBeNull();
    const panel = (await getSubmissionPanel(target, ngocThuy))!;
    expect(panel.state).toBe("NOT_STARTED");
    expect(panel.completeness.expected).toBeGreaterThan(0);
    expect(await getSubmissionPanel(target, district)).toEqual(panel);
  });

  it("a ward's entry hub and a district's progress", async () => {
    const { getEntryHub, getDistrictProgress } = await data();
    expect(await getEntryHub("ngoc-thuy", term, boDe)).toBeNull();
    expect(await getEntryHub("ngoc-thuy", term, nobody)).toBeNull();
    const hub = (await getEntryHub("ngoc-thuy", term, ngocThuy))!;
    expect(hub.years.length).toBeGreaterThan(0);
    expect(hub.years[0].cells.length).toBeGreaterThan(0);

    expect(await getDistrictProgress("long-bien", YEAR, ngocThuy)).toBeNull();
    expect(await getDistrictProgress("long-bien", YEAR, nobody)).toBeNull();
    const all = (await getDistrictProgress("long-bien", YEAR, district))!;
    expect(all.wards.map((w) => w.slug)).toEqual(expect.arrayContaining(["ngoc-thuy", "bo-de"]));
    // the district's other wards without the district: no district progress, and the other wards only
    const others = await database.prisma.orgUnit.findMany({
      where: { parentId: ids.district, level: "WARD", id: { not: ids.ngocThuy } },
      select: { id: true },
    });
    const withoutNgocThuy: ReadScope = { rootIds: others.map((w) => w.id) };
    expect(await getDistrictProgress("long-bien", YEAR, withoutNgocThuy)).toBeNull();
    const { listWards } = await data();
    const some = (await listWards(withoutNgocThuy)).wards;
    expect(some.map((w) => w.slug)).not.toContain("ngoc-thuy");
    expect(some).toHaveLength((await listWards(district)).total - 1);
  });

  it("the entry grid of the form and of the Excel/CSV file", async () => {
    const { getEntryGrid, getEntryFileGrid } = await data();
    for (const page of ["ward", "groups"] as const) {
      expect(
        await getEntryGrid({
          wardSlug: "ngoc-thuy",
          year: YEAR,
          programmeSlug: PROGRAMME,
          scope: page,
          readable: boDe,
        }),
      ).toBeNull();
      expect(
        await getEntryGrid({
          wardSlug: "ngoc-thuy",
          year: YEAR,
          programmeSlug: PROGRAMME,
          scope: page,
          readable: nobody,
        }),
      ).toBeNull();
      expect(
        Object.keys(
          (await getEntryGrid({
            wardSlug: "ngoc-thuy",
            year: YEAR,
            programmeSlug: PROGRAMME,
            scope: page,
            readable: ngocThuy,
          }))!.grid.cells,
        ).length,
      ).toBeGreaterThan(0);
    }
    expect(
      await getEntryFileGrid({ wardSlug: "ngoc-thuy", year: YEAR, programmeSlug: PROGRAMME, scope: boDe }),
    ).toBeNull();
    expect(
      await getEntryFileGrid({ wardSlug: "ngoc-thuy", year: YEAR, programmeSlug: PROGRAMME, scope: nobody }),
    ).toBeNull();
    const file = (await getEntryFileGrid({
      wardSlug: "ngoc-thuy",
      year: YEAR,
      programmeSlug: PROGRAMME,
      scope: ngocThuy,
    }))!;
    expect(file.groups).toHaveLength(38);
    expect(Object.keys(file.cells).length).toBeGreaterThan(0);
    expect(
      await getEntryFileGrid({ wardSlug: "ngoc-thuy", year: YEAR, programmeSlug: PROGRAMME, scope: district }),
    ).toEqual(file);
  });
});

// Last: these add and move units. A grant covers the subtree as it is when read, not a list taken
// when the grant was made.
describe("a grant's subtree", () => {
  it("reads units added below it later, and nothing outside it", async () => {
    const { getOrgUnit, listWards, getUnitValues, scopeSql } = await data();
    const { prisma } = database;
    const base = { validFrom: new Date(Date.UTC(2015, 0, 1)) };
    const ward = await prisma.orgUnit.create({
      data: {
        ...base,
        slug: "phuong-moi",
        name: "Phường Mới",
        shortName: "Mới",
        level: "WARD",
        parentId: ids.district,
      },
    });
    const group = await prisma.orgUnit.create({
      data: {
        ...base,
        slug: "phuong-moi-to-1",
        name: "Tổ 1",
        shortName: "Tổ 1",
        level: "RESIDENTIAL_GROUP",
        parentId: ward.id,
      },
    });
    const copied = await prisma.result.findFirstOrThrow({
      where: { orgUnitId: ids.boDe, period: { termId: term.id } },
      select: { indicatorId: true, periodId: true, value: true, sourceId: true },
    });
    await prisma.result.create({ data: { ...copied, orgUnitId: ward.id, recordedBy: "test" } });

    // the district's grant, made before: the new ward, its group and its figure
    expect((await getOrgUnit("long-bien", district))?.children.map((c) => c.slug)).toContain("phuong-moi");
    expect((await getOrgUnit("phuong-moi", district))?.children.map((c) => c.slug)).toEqual(["phuong-moi-to-1"]);
    expect((await listWards(district)).wards.map((w) => w.slug)).toContain("phuong-moi");
    expect(await getUnitValues({ orgUnitSlug: "phuong-moi", termId: term.id, scope: district })).toHaveLength(1);
    // other wards' grants: nothing of it
    for (const other of [ngocThuy, boDe, nobody]) {
      expect(await getOrgUnit("phuong-moi", other)).toBeNull();
      expect(await getOrgUnit("phuong-moi-to-1", other)).toBeNull();
      expect((await listWards(other)).wards.map((w) => w.slug)).not.toContain("phuong-moi");
      expect(await getUnitValues({ orgUnitSlug: "phuong-moi", termId: term.id, scope: other })).toEqual([]);
    }

    // the same condition in raw SQL
    const readable = async (scope: ReadScope) =>
      (
        await prisma.$queryRaw<{ id: number }[]>(
          Prisma.sql`SELECT o.id FROM org_unit o WHERE ${scopeSql(scope, Prisma.sql`o.id`)} ORDER BY o.id`,
        )
      ).map((r) => r.id);
    expect(await readable({ rootIds: [ward.id] })).toEqual([ward.id, group.id].sort((a, b) => a - b));
    expect(await readable(ngocThuy)).toHaveLength(39);
    expect(await readable(nobody)).toEqual([]);
    expect(await readable({ all: true })).toHaveLength(await prisma.orgUnit.count());
    expect(await readable(district)).toEqual(expect.arrayContaining([ids.ngocThuy, ids.boDe, ward.id, group.id]));

    // a group moved to another ward: read with that ward, no longer with its old one
    await prisma.orgUnit.update({ where: { id: group.id }, data: { parentId: ids.boDe } });
    expect(await getOrgUnit("phuong-moi-to-1", boDe)).not.toBeNull();
    expect(await getOrgUnit("phuong-moi-to-1", { rootIds: [ward.id] })).toBeNull();
    // a ward moved out of the district takes its groups with it
    const city = (await prisma.orgUnit.findUniqueOrThrow({ where: { slug: "ha-noi" }, select: { id: true } })).id;
    await prisma.orgUnit.update({ where: { id: ids.boDe }, data: { parentId: city } });
    expect(await getOrgUnit("phuong-moi-to-1", district)).toBeNull();
    expect(await getOrgUnit("phuong-moi-to-1", { rootIds: [city] })).not.toBeNull();
  });
});

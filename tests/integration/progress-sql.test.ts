// The progress of wards (state, cells entered / expected, published figures not confirmed, what is
// owed) is counted in SQL (lib/data/review.ts); the reference is the domain's own counting
// (lib/domain/completeness.ts: completeness + presentCells) and the programme rule's in-memory form
// (appliesFromRow), applied here to plainly loaded rows, cell by cell. On the seed (the report's and
// the demo's published figures) with, added: submissions approved, sent, returned and in draft with
// entered and cleared values; a programme listed for one ward only and one issued by a ward's own
// party committee; a residential group dissolved and one founded during the term. Every ward × year ×
// programme of Long Biên must come out the same on /tien-do, the ward hub, the entry panel and the
// home page's year standing; and /tien-do lists its wards a page at a time, searched without diacritics.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { completeness, presentCells } from "@/lib/domain/completeness";
import type { ProgressState } from "@/lib/domain/submission-workflow";
import type { ReadScope } from "@/lib/data/scope";
import { seed } from "@/prisma/seed";
import { type TestDatabase, createMigratedDatabase } from "../setup/db";

let database: TestDatabase;
const ALL: ReadScope = { all: true };
const DISTRICT = "long-bien";
let termId = 0;
let years: { id: number; year: number }[] = [];

const review = () => import("@/lib/data/review");

beforeAll(async () => {
  database = await createMigratedDatabase();
  const { prisma } = database;
  await seed(prisma, { demo: true });
  const term = await prisma.term.findFirstOrThrow({ orderBy: { startYear: "desc" } });
  termId = term.id;
  years = (await prisma.period.findMany({ where: { termId, kind: "YEAR" }, orderBy: { year: "asc" } })).map((p) => ({
    id: p.id,
    year: p.year!,
  }));
  const period = (year: number) => years.find((p) => p.year === year)!.id;
  const unit = (slug: string) => prisma.orgUnit.findUniqueOrThrow({ where: { slug } });
  const district = await unit(DISTRICT);
  const wards = await prisma.orgUnit.findMany({
    where: { parentId: district.id, level: "WARD" },
    orderBy: { sortOrder: "asc" },
  });
  const ngocThuy = await unit("ngoc-thuy");
  const [a, b] = wards.filter((w) => w.id !== ngocThuy.id);
  const programmes = await prisma.programme.findMany({ where: { termId }, orderBy: { number: "asc" } });
  const [p1, p2, p3] = programmes;

  // a residential group dissolved in mid-2017, and one founded in 2018
  const groups = await prisma.orgUnit.findMany({ where: { parentId: ngocThuy.id, level: "RESIDENTIAL_GROUP" } });
  await prisma.orgUnit.update({ where: { id: groups[0].id }, data: { validTo: new Date("2017-06-30") } });
  await prisma.orgUnit.create({
    data: {
      slug: "ngoc-thuy-to-moi",
      name: "Tổ dân phố mới",
      shortName: "Tổ mới",
      level: "RESIDENTIAL_GROUP",
      parentId: ngocThuy.id,
      validFrom: new Date("2018-03-01"),
    },
  });
  // some published figures gone: owed where nothing was entered
  await prisma.$executeRaw`DELETE FROM result WHERE id % 5 = 0`;
  // programme 02 listed for Ngọc Thụy only; a programme of ward a's own party committee
  await prisma.programmeUnit.create({ data: { programmeId: p2.id, orgUnitId: ngocThuy.id } });
  const own = await prisma.programme.create({
    data: {
      termId,
      issuerId: a.id,
      code: "05-CTr/ĐU",
      slug: "05-CTr-DU",
      number: 5,
      title: "Chương trình của Đảng ủy phường",
      summary: "Chỉ áp dụng cho phường ban hành.",
    },
  });
  const ownSection = await prisma.indicatorSection.create({
    data: { programmeId: own.id, code: "I", name: "Mục I", sortOrder: 1 },
  });
  await prisma.indicator.create({
    data: {
      programmeId: own.id,
      sectionId: ownSection.id,
      code: "05.1",
      name: "Chỉ tiêu riêng của phường",
      unit: "việc",
      valueType: "COUNT",
      aggregation: "SUM",
      direction: "HIGHER_IS_BETTER",
    },
  });

  // submissions: values entered while in draft (a cleared value where a figure was published too),
  // then moved on to their state
  const indicatorsOf = (programmeId: number) =>
    prisma.indicator.findMany({ where: { programmeId }, orderBy: { id: "asc" } });
  const submit = async (
    ward: { id: number },
    year: number,
    programmeId: number,
    status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED",
    fill: (i: number) => number | null | undefined,
  ) => {
    const s = await prisma.submission.create({
      data: { orgUnitId: ward.id, periodId: period(year), programmeId, status: "DRAFT" },
    });
    const inds = (await indicatorsOf(programmeId)).filter((i) => i.collectionLevel !== "RESIDENTIAL_GROUP");
    for (const [k, ind] of inds.entries()) {
      const v = fill(k);
      if (v === undefined) continue;
      await prisma.entryValue.create({
        data: { submissionId: s.id, indicatorId: ind.id, orgUnitId: ward.id, value: v, updatedById: "test" },
      });
    }
    if (status !== "DRAFT") await prisma.submission.update({ where: { id: s.id }, data: { status, version: 3 } });
  };
  await submit(ngocThuy, 2019, p1.id, "APPROVED", (k) => k);
  await submit(ngocThuy, 2020, p1.id, "SUBMITTED", (k) => (k % 3 === 0 ? null : k));
  await submit(ngocThuy, 2020, p3.id, "DRAFT", (k) => (k % 2 === 0 ? k : undefined));
  await submit(a, 2020, p1.id, "RETURNED", (k) => (k < 3 ? null : undefined));
  await submit(a, 2020, own.id, "DRAFT", () => 1);
  await submit(b, 2020, p3.id, "APPROVED", (k) => k + 1);
  // a group value entered for Ngọc Thụy's 2020 programme 03 (group indicators)
  const groupIndicator = (await indicatorsOf(p3.id)).find((i) => i.collectionLevel === "RESIDENTIAL_GROUP");
  const draft = await prisma.submission.findFirstOrThrow({
    where: { orgUnitId: ngocThuy.id, periodId: period(2020), programmeId: p3.id },
  });
  if (groupIndicator)
    await prisma.entryValue.create({
      data: {
        submissionId: draft.id,
        indicatorId: groupIndicator.id,
        orgUnitId: groups[1].id,
        value: 4,
        updatedById: "t",
      },
    });

  vi.stubEnv("DATABASE_URL", database.url);
  vi.resetModules();
  (globalThis as { prisma?: unknown }).prisma = undefined;
}, 180_000);

afterAll(async () => {
  const g = globalThis as { prisma?: { $disconnect(): Promise<void> } };
  await g.prisma?.$disconnect();
  g.prisma = undefined;
  vi.unstubAllEnvs();
  await database?.drop();
});

type Expected = {
  state: ProgressState;
  version: number;
  completeness: ReturnType<typeof completeness>;
};

/**
 * The reference: for every ward of the district and year of the term, each programme of the term
 * that applies to the ward (by the rule's in-memory form), counted cell by cell by the domain.
 */
async function reference(): Promise<Map<string, Map<number, Map<string, Expected>>>> {
  const { prisma } = database;
  const { appliesFromRow, appliesToSelect, unitForRule, unitRuleSelect } = await import("@/lib/data/programmes");
  const { existedDuring } = await import("@/lib/data/org-units");
  const district = await prisma.orgUnit.findUniqueOrThrow({ where: { slug: DISTRICT } });
  const wards = await prisma.orgUnit.findMany({
    where: { parentId: district.id, level: "WARD" },
    select: { slug: true, validFrom: true, validTo: true, ...unitRuleSelect },
  });
  const programmes = await prisma.programme.findMany({
    where: { termId },
    orderBy: [{ number: "asc" }, { code: "asc" }],
    select: { id: true, slug: true, ...appliesToSelect },
  });
  const indicators = await prisma.indicator.findMany({
    orderBy: [{ section: { sortOrder: "asc" } }, { sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, code: true, name: true, collectionLevel: true, programmeId: true },
  });
  const groups = await prisma.orgUnit.findMany({
    where: { level: "RESIDENTIAL_GROUP" },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
  const submissions = await prisma.submission.findMany({ include: { values: true } });
  const results = await prisma.result.findMany({
    select: { indicatorId: true, orgUnitId: true, periodId: true },
  });
  const programmeOf = new Map(indicators.map((i) => [i.id, i.programmeId]));
  const resultsOf = new Map<string, typeof results>();
  for (const r of results) {
    const key = `${r.periodId}:${r.orgUnitId}`;
    resultsOf.set(key, [...(resultsOf.get(key) ?? []), r]);
  }
  const out = new Map<string, Map<number, Map<string, Expected>>>();
  for (const w of wards) {
    const unit = unitForRule(w);
    const byYear = new Map<number, Map<string, Expected>>();
    for (const { id: periodId, year } of years) {
      // a ward is listed only for the years it existed
      if (!existedDuring(w, year)) continue;
      const cells = new Map<string, Expected>();
      {
        const groupIds = groups.filter((g) => g.parentId === w.id && existedDuring(g, year)).map((g) => g.id);
        for (const p of programmes.filter((p) => appliesFromRow(p, unit))) {
          const sub = submissions.find(
            (s) => s.orgUnitId === w.id && s.periodId === periodId && s.programmeId === p.id,
          );
          const mine = new Set([w.id, ...groupIds]);
          cells.set(p.slug, {
            state: sub?.status ?? "NOT_STARTED",
            version: sub?.version ?? 1,
            completeness: completeness(
              indicators.filter((i) => i.programmeId === p.id),
              w.id,
              groupIds,
              presentCells({
                entries: (sub?.values ?? []).map((e) => ({ ...e, hasValue: e.value !== null })),
                published: [...mine].flatMap((u) =>
                  (resultsOf.get(`${periodId}:${u}`) ?? []).filter((r) => programmeOf.get(r.indicatorId) === p.id),
                ),
              }),
            ),
          });
        }
      }
      byYear.set(year, cells);
    }
    out.set(w.slug, byYear);
  }
  return out;
}

const plain = (c: { state: ProgressState; version: number; completeness: Expected["completeness"] }): Expected => ({
  state: c.state,
  version: c.version,
  completeness: c.completeness,
});

/** Cells counted by programme and state, as the SQL counts them. */
function tally(cells: Iterable<[string, Expected]>) {
  const counts = new Map<string, number>();
  for (const [slug, c] of cells) counts.set(`${slug} ${c.state}`, (counts.get(`${slug} ${c.state}`) ?? 0) + 1);
  return Object.fromEntries([...counts].sort());
}

describe("progress counted in SQL", () => {
  it("the fixture covers what the counting must handle", async () => {
    const ref = await reference();
    const all = [...ref.values()].flatMap((y) => [...y.values()].flatMap((c) => [...c.values()]));
    const states = new Set(all.map((c) => c.state));
    expect([...states].sort()).toEqual(["APPROVED", "DRAFT", "NOT_STARTED", "RETURNED", "SUBMITTED"]);
    expect(all.some((c) => c.completeness.unconfirmed > 0)).toBe(true);
    expect(all.some((c) => c.completeness.owed.some((o) => o.perGroup))).toBe(true);
    expect(all.some((c) => c.completeness.entered > c.completeness.unconfirmed)).toBe(true);
    // programme 02 and the ward's own programme apply to one ward each
    const with02 = [...ref.values()].filter((y) => y.get(2020)!.has("02-CTr-QU"));
    expect(with02).toHaveLength(1);
    expect([...ref.values()].filter((y) => y.get(2020)!.has("05-CTr-DU"))).toHaveLength(1);
  });

  it("/tien-do: every ward × programme of every year as the domain counts it, and the totals by state", async () => {
    const { getDistrictProgress } = await review();
    const ref = await reference();
    for (const { year } of years) {
      const progress = (await getDistrictProgress(DISTRICT, year, ALL, { perPage: 100 }))!;
      const expected = [...ref].filter(([, y]) => y.has(year));
      expect(progress.wardCount).toBe(expected.length);
      expect(progress.list.matched).toBe(expected.length);
      const got = Object.fromEntries(
        progress.wards.map((w) => [w.slug, Object.fromEntries(w.cells.map((c) => [c.programmeSlug, plain(c)]))]),
      );
      const want = Object.fromEntries(expected.map(([slug, y]) => [slug, Object.fromEntries(y.get(year)!)]));
      expect(got, String(year)).toEqual(want);
      expect(
        Object.fromEntries(progress.counts.map((c) => [`${c.programmeSlug} ${c.state}`, c.count]).sort()),
        String(year),
      ).toEqual(tally(expected.flatMap(([, y]) => [...y.get(year)!])));
      // the columns: every programme that applies to one of the wards, in the programmes' order
      expect(progress.programmes.map((p) => p.slug)).toEqual(["01-CT-QU", "02-CTr-QU", "03-CTr-QU", "05-CTr-DU"]);
    }
  });

  it("the ward hub and the entry panel: the same cells", async () => {
    const { getEntryHub, getSubmissionPanel } = await review();
    const { resolveReviewTarget } = await import("@/lib/data/review-target");
    const ref = await reference();
    const term = { id: termId, slug: "2015-2020", name: "Nhiệm kỳ 2015–2020" };
    for (const [slug, byYear] of ref) {
      const hub = (await getEntryHub(slug, term, ALL))!;
      for (const y of hub.years)
        if (byYear.has(y.year))
          expect(Object.fromEntries(y.cells.map((c) => [c.programmeSlug, plain(c)])), `${slug} ${y.year}`).toEqual(
            Object.fromEntries(byYear.get(y.year)!),
          );
    }
    for (const [slug, programmeSlug] of [
      ["ngoc-thuy", "01-CT-QU"],
      ["ngoc-thuy", "03-CTr-QU"],
    ]) {
      const target = (await resolveReviewTarget({ wardSlug: slug, year: 2020, programmeSlug, scope: ALL }))!;
      const panel = (await getSubmissionPanel(target, ALL))!;
      expect(plain(panel)).toEqual(ref.get(slug)!.get(2020)!.get(programmeSlug));
    }
  });

  it("the home page's year standing: own wards cell by cell, the district counted by programme and state", async () => {
    const { getYearStanding } = await review();
    const { prisma } = database;
    const ref = await reference();
    const district = await prisma.orgUnit.findUniqueOrThrow({ where: { slug: DISTRICT } });
    const standing = (await getYearStanding({ rootIds: [district.id], year: 2020, scope: ALL }))!;
    expect(standing.districts).toHaveLength(1);
    expect(standing.districts[0].wards).toBe(ref.size);
    expect(
      Object.fromEntries(standing.districts[0].cells.map((c) => [`${c.programmeSlug} ${c.state}`, c.count]).sort()),
    ).toEqual(tally([...ref.values()].flatMap((y) => [...y.get(2020)!])));

    const wardIds = await prisma.orgUnit.findMany({
      where: { slug: { in: ["ngoc-thuy", "bo-de", ...[...ref.keys()].slice(0, 3)] } },
      select: { id: true },
    });
    const own = (await getYearStanding({ rootIds: wardIds.map((w) => w.id), year: 2020, scope: ALL }))!;
    expect(own.wards.length).toBeGreaterThan(1);
    for (const w of own.wards)
      expect(Object.fromEntries(w.cells.map((c) => [c.programmeSlug, plain(c)])), w.slug).toEqual(
        Object.fromEntries(ref.get(w.slug)!.get(2020)!),
      );
  });

  it("/tien-do lists the wards a page at a time and finds them by name without diacritics", async () => {
    const { getDistrictProgress } = await review();
    const all = (await getDistrictProgress(DISTRICT, 2020, ALL, { perPage: 100 }))!;
    const first = (await getDistrictProgress(DISTRICT, 2020, ALL, { perPage: 5 }))!;
    const second = (await getDistrictProgress(DISTRICT, 2020, ALL, { perPage: 5, page: 2 }))!;
    expect(first.wards.map((w) => w.slug)).toEqual(all.wards.slice(0, 5).map((w) => w.slug));
    expect(second.wards.map((w) => w.slug)).toEqual(all.wards.slice(5, 10).map((w) => w.slug));
    // the totals stay those of every ward, whatever the page
    expect(second.counts).toEqual(all.counts);
    expect(second.wardCount).toBe(all.wardCount);
    const found = (await getDistrictProgress(DISTRICT, 2020, ALL, { q: "ngoc thuy" }))!;
    expect(found.wards.map((w) => w.slug)).toEqual(["ngoc-thuy"]);
    expect(found.list).toMatchObject({ q: "ngoc thuy", matched: 1 });
    expect(found.wards[0].cells).toEqual(all.wards.find((w) => w.slug === "ngoc-thuy")!.cells);
    const none = (await getDistrictProgress(DISTRICT, 2020, ALL, { q: "không có phường này" }))!;
    expect(none.wards).toEqual([]);
    expect(none.list.matched).toBe(0);
    expect(none.counts).toEqual(all.counts);
    // a page past the last shows the last
    const past = (await getDistrictProgress(DISTRICT, 2020, ALL, { perPage: 5, page: 99 }))!;
    expect(past.list.page).toBe(Math.ceil(all.wardCount / 5));
    expect(past.wards.map((w) => w.slug)).toEqual(all.wards.slice((past.list.page - 1) * 5).map((w) => w.slug));
  });
});

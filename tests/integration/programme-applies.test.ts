// A programme's "Áp dụng cho" (`programme_unit`) is honoured everywhere a ward's programmes are read:
// on the seed, a programme of Long Biên applied to Ngọc Thụy only is offered to Ngọc Thụy for entry,
// counted on /tien-do, shown on its dashboards, comparisons and in the API — and none of that for
// Bồ Đề. A programme with no unit listed still applies to every ward (as before the list existed).
// A programme issued by Ngọc Thụy's own party committee (no unit listed) is Ngọc Thụy's only: entered,
// counted, reminded of and shown there, never for Bồ Đề. A ward moved out of its district keeps the
// district's programmes of the term it sat there.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ReadScope } from "@/lib/data/scope";
import type { TermSummary } from "@/lib/data/terms";
import { seed } from "@/prisma/seed";
import { type TestDatabase, createMigratedDatabase } from "../setup/db";

let database: TestDatabase;
let term: TermSummary;
const ALL: ReadScope = { all: true };
const ONLY = "09-CTr-QU";
const OWN = "12-CTr-DU";
const MOVED = "phuong-da-chuyen";
const YEAR = 2019;

beforeAll(async () => {
  database = await createMigratedDatabase();
  const { prisma } = database;
  await seed(prisma, { demo: false });
  const district = await prisma.orgUnit.findUniqueOrThrow({ where: { slug: "long-bien" } });
  const ngocThuy = await prisma.orgUnit.findUniqueOrThrow({ where: { slug: "ngoc-thuy" } });
  const t = await prisma.term.findUniqueOrThrow({ where: { slug: "2015-2020" } });
  const programme = await prisma.programme.create({
    data: {
      termId: t.id,
      issuerId: district.id,
      number: 9,
      code: "09-CTr/QU",
      slug: ONLY,
      title: "Chương trình thử áp dụng cho một phường",
      summary: "thử",
      appliesTo: { create: [{ orgUnitId: ngocThuy.id }] },
      sections: { create: [{ code: "I", name: "Mục thử" }] },
    },
    include: { sections: true },
  });
  const indicator = await prisma.indicator.create({
    data: {
      programmeId: programme.id,
      sectionId: programme.sections[0].id,
      code: "chi-mot-phuong",
      name: "Chỉ tiêu chỉ của một phường",
      unit: "lượt",
      valueType: "COUNT",
      aggregation: "SUM",
      direction: "HIGHER_IS_BETTER",
      headline: true,
    },
  });
  const source = await prisma.source.create({ data: { key: "thu-ap-dung", kind: "REPORT", title: "Nghị quyết thử" } });
  const period = await prisma.period.findFirstOrThrow({ where: { termId: t.id, kind: "YEAR", year: YEAR } });
  await prisma.target.create({
    data: { indicatorId: indicator.id, periodId: period.id, comparison: "GTE", value: 3, sourceId: source.id },
  });
  // a programme of Ngọc Thụy's own party committee (Đảng ủy phường), no unit listed
  const own = await prisma.programme.create({
    data: {
      termId: t.id,
      issuerId: ngocThuy.id,
      number: 12,
      code: "12-CTr/ĐU",
      slug: OWN,
      title: "Chương trình thử của Đảng ủy phường",
      summary: "thử",
      sections: { create: [{ code: "I", name: "Mục thử" }] },
    },
    include: { sections: true },
  });
  await prisma.indicator.create({
    data: {
      programmeId: own.id,
      sectionId: own.sections[0].id,
      code: "chi-tieu-cua-phuong",
      name: "Chỉ tiêu của Đảng ủy phường",
      unit: "lượt",
      valueType: "COUNT",
      aggregation: "SUM",
      direction: "HIGHER_IS_BETTER",
      headline: true,
    },
  });
  // a ward of Long Biên since 2015, moved directly under the city (its former parent kept)
  const moved = await prisma.orgUnit.create({
    data: {
      slug: MOVED,
      name: "Phường đã chuyển",
      shortName: "Đã chuyển",
      level: "WARD",
      parentId: district.id,
      validFrom: new Date("2015-01-01T00:00:00Z"),
    },
  });
  await prisma.orgUnit.update({ where: { id: moved.id }, data: { parentId: district.parentId } });
  const staff = await prisma.user.create({ data: { id: "staff-applies", name: "Cán bộ quận", email: "q@quan.test" } });
  await prisma.orgUnitFormerParent.create({
    data: {
      orgUnitId: moved.id,
      parentId: district.id,
      validTo: new Date("2025-06-30T00:00:00Z"),
      changedById: staff.id,
    },
  });
  // ward officials of both wards, with addresses (deadline reminders), and a deadline for the year
  for (const [id, unit] of [
    ["official-nt", ngocThuy.id],
    ["official-bd", (await prisma.orgUnit.findUniqueOrThrow({ where: { slug: "bo-de" } })).id],
  ] as const) {
    await prisma.user.create({
      data: {
        id,
        name: id,
        email: `${id}@phuong.test`,
        roles: { create: [{ role: "WARD_OFFICIAL", orgUnitId: unit }] },
      },
    });
  }
  await prisma.deadline.create({
    data: { districtId: district.id, periodId: period.id, dueOn: new Date(Date.now() - 86_400_000), setById: staff.id },
  });
  vi.stubEnv("DATABASE_URL", database.url);
  vi.stubEnv("PUBLIC_PORTAL", "1");
  // e-mail on (reminders are queued; nothing is sent here)
  vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:1");
  vi.stubEnv("MAIL_FROM", "ctk@quan.test");
  vi.resetModules();
  (globalThis as { prisma?: unknown }).prisma = undefined;
  const { resolveTerm } = await import("@/lib/data/terms");
  term = (await resolveTerm("2015-2020"))!;
}, 180_000);

afterAll(async () => {
  const g = globalThis as { prisma?: { $disconnect(): Promise<void> } };
  await g.prisma?.$disconnect();
  g.prisma = undefined;
  vi.unstubAllEnvs();
  await database?.drop();
});

const programmesApi = async (unit: string) => {
  const { GET } = await import("@/app/api/v1/programmes/route");
  const res = await GET(new Request(`http://ctk.test/api/v1/programmes?term=2015-2020&unit=${unit}`));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: { slug: string; appliesTo: string[] }[] };
  return body.data;
};

describe("a programme applied to one ward only", () => {
  it("is offered for entry to that ward and not to another", async () => {
    const { getEntryGrid } = await import("@/lib/data/entry-grid");
    const { getEntryHub } = await import("@/lib/data/review");
    const grid = (ward: string) =>
      getEntryGrid({ wardSlug: ward, year: YEAR, programmeSlug: ONLY, scope: "ward", readable: ALL });
    expect(await grid("ngoc-thuy")).not.toBeNull();
    expect(await grid("bo-de")).toBeNull();
    const hub = async (ward: string) => (await getEntryHub(ward, term, ALL))!.programmes.map((p) => p.slug);
    expect(await hub("ngoc-thuy")).toContain(ONLY);
    const other = await hub("bo-de");
    expect(other).not.toContain(ONLY);
    expect(other).toContain("03-CTr-QU");
  });

  it("is not counted as missing on /tien-do for another ward", async () => {
    const { getDistrictProgress } = await import("@/lib/data/review");
    const progress = (await getDistrictProgress("long-bien", YEAR, ALL))!;
    expect(progress.programmes.map((p) => p.slug)).toContain(ONLY);
    const cellsOf = (ward: string) => progress.wards.find((w) => w.slug === ward)!.cells.map((c) => c.programmeSlug);
    expect(cellsOf("ngoc-thuy")).toContain(ONLY);
    expect(cellsOf("bo-de")).not.toContain(ONLY);
    expect(cellsOf("bo-de")).toContain("03-CTr-QU");
    expect(progress.wards.every((w) => w.cells.length === (w.slug === "ngoc-thuy" ? 5 : 3))).toBe(true);
  });

  it("is listed by the API, the dashboards and the comparison of that ward only", async () => {
    expect((await programmesApi("ngoc-thuy")).map((p) => p.slug)).toContain(ONLY);
    expect((await programmesApi("bo-de")).map((p) => p.slug)).not.toContain(ONLY);
    // without a unit: the whole term, each saying where it applies
    const { GET } = await import("@/app/api/v1/programmes/route");
    const all = (await (await GET(new Request("http://ctk.test/api/v1/programmes?term=2015-2020"))).json()) as {
      data: { slug: string; appliesTo: string[] }[];
    };
    expect(all.data.find((p) => p.slug === ONLY)?.appliesTo).toEqual(["ngoc-thuy"]);
    expect(all.data.find((p) => p.slug === "03-CTr-QU")?.appliesTo).toEqual([]);

    const { getWardOverview } = await import("@/lib/data/ward-overview");
    const overview = async (ward: string) => (await getWardOverview(ward, term, ALL))!.programmes.map((p) => p.slug);
    expect(await overview("ngoc-thuy")).toContain(ONLY);
    expect(await overview("bo-de")).not.toContain(ONLY);

    const { getProgrammeDashboard } = await import("@/lib/data/programme-dashboard");
    const dashboard = (ward: string) =>
      getProgrammeDashboard({ wardSlug: ward, programmeSlug: ONLY, term, scope: ALL });
    expect(await dashboard("ngoc-thuy")).not.toBeNull();
    expect(await dashboard("bo-de")).toBeNull();

    const { getWardComparison } = await import("@/lib/data/compare");
    const compare = async (ward: string) =>
      (await getWardComparison(term, { ward, period: { kind: "TERM" } }, ALL))!.programmes.map((p) => p.slug);
    expect(await compare("ngoc-thuy")).toContain(ONLY);
    expect(await compare("bo-de")).not.toContain(ONLY);
    // the district's ranking on its indicator counts only the wards it applies to
    const { getIndicatorComparison } = await import("@/lib/data/compare");
    const ranking = (await getIndicatorComparison(
      term,
      { parent: "long-bien", indicator: "chi-mot-phuong", period: { kind: "TERM" }, sort: "desc", per: "none" },
      ALL,
    ))!;
    expect(ranking.table.rows.map((r) => r.unit.slug)).toEqual(["ngoc-thuy"]);
    expect(ranking.table.matchCount).toBe(1);
  });

  it("gives its targets to that ward only", async () => {
    const { getUnitTargetList } = await import("@/lib/data/targets");
    const targets = async (ward: string) =>
      (await getUnitTargetList({ orgUnitSlug: ward, termId: term.id, scope: ALL })).map((t) => t.indicator);
    expect(await targets("ngoc-thuy")).toContain("chi-mot-phuong");
    expect(await targets("bo-de")).not.toContain("chi-mot-phuong");
  });
});

describe("a programme issued by a ward's own party committee", () => {
  it("is entered and counted by that ward only (entry, review, /tien-do, the year's standing)", async () => {
    const { getEntryGrid } = await import("@/lib/data/entry-grid");
    const { getEntryHub, getDistrictProgress, getYearStanding } = await import("@/lib/data/review");
    const grid = (ward: string) =>
      getEntryGrid({ wardSlug: ward, year: YEAR, programmeSlug: OWN, scope: "ward", readable: ALL });
    expect(await grid("ngoc-thuy")).not.toBeNull();
    expect(await grid("bo-de")).toBeNull();
    const hub = async (ward: string) => (await getEntryHub(ward, term, ALL))!.programmes.map((p) => p.slug);
    expect(await hub("ngoc-thuy")).toContain(OWN);
    expect(await hub("bo-de")).not.toContain(OWN);
    const { resolveReviewTarget } = await import("@/lib/data/review-target");
    expect(
      await resolveReviewTarget({ wardSlug: "ngoc-thuy", year: YEAR, programmeSlug: OWN, scope: ALL }),
    ).not.toBeNull();
    expect(await resolveReviewTarget({ wardSlug: "bo-de", year: YEAR, programmeSlug: OWN, scope: ALL })).toBeNull();

    const progress = (await getDistrictProgress("long-bien", YEAR, ALL))!;
    expect(progress.programmes.map((p) => p.slug)).toContain(OWN);
    const cellsOf = (ward: string) => progress.wards.find((w) => w.slug === ward)!.cells.map((c) => c.programmeSlug);
    expect(cellsOf("ngoc-thuy")).toContain(OWN);
    expect(cellsOf("bo-de")).not.toContain(OWN);

    const { prisma } = database;
    const district = await prisma.orgUnit.findUniqueOrThrow({ where: { slug: "long-bien" } });
    const standing = (await getYearStanding({ rootIds: [district.id], year: YEAR, scope: ALL }))!;
    // the district counts it once: for Ngọc Thụy
    expect(
      standing.districts[0].cells.filter((c) => c.programmeSlug === OWN).reduce((sum, c) => sum + c.count, 0),
    ).toBe(1);
    const ngocThuy = await prisma.orgUnit.findUniqueOrThrow({ where: { slug: "ngoc-thuy" } });
    const bode = await prisma.orgUnit.findUniqueOrThrow({ where: { slug: "bo-de" } });
    const wardStanding = async (id: number, slug: string) =>
      (await getYearStanding({ rootIds: [id], year: YEAR, scope: ALL }))!.wards
        .find((w) => w.slug === slug)!
        .cells.map((c) => c.programmeSlug);
    expect(await wardStanding(ngocThuy.id, "ngoc-thuy")).toContain(OWN);
    expect(await wardStanding(bode.id, "bo-de")).not.toContain(OWN);
  });

  it("is owed in that ward's inbox and reminders only", async () => {
    const { prisma } = database;
    const ids = async (slug: string) => [(await prisma.orgUnit.findUniqueOrThrow({ where: { slug } })).id];
    const { getInbox } = await import("@/lib/data/inbox");
    const today = new Date().toISOString().slice(0, 10);
    const open = async (ward: string) =>
      (
        await getInbox({
          roots: { approve: [], edit: await ids(ward), deadlines: [], accounts: false },
          today,
          soonDays: 14,
          burstFailures: 10,
        })
      ).deadlines.find((d) => d.year === YEAR)!.openProgrammes;
    // Long Biên's three, the one applied to Ngọc Thụy, and Ngọc Thụy's own
    expect(await open("ngoc-thuy")).toBe(5);
    expect(await open("bo-de")).toBe(3);

    const { prepareMailQueue } = await import("@/lib/mail/queue");
    await prepareMailQueue({ url: database.url });
    const { queueDeadlineReminders } = await import("@/lib/data/mail-notices");
    expect(await queueDeadlineReminders(today)).toBeGreaterThanOrEqual(2);
    const body = async (userId: string) => (await prisma.mailNotice.findFirstOrThrow({ where: { userId } })).body;
    expect(await body("official-nt")).toContain("12-CTr/ĐU");
    expect(await body("official-bd")).not.toContain("12-CTr/ĐU");
    expect(await body("official-bd")).toContain("03-CTr/QU");
  });

  it("is shown on that ward's dashboard, overview, comparison and API only", async () => {
    expect((await programmesApi("ngoc-thuy")).map((p) => p.slug)).toContain(OWN);
    expect((await programmesApi("bo-de")).map((p) => p.slug)).not.toContain(OWN);
    const { getWardOverview } = await import("@/lib/data/ward-overview");
    const overview = async (ward: string) => (await getWardOverview(ward, term, ALL))!.programmes.map((p) => p.slug);
    expect(await overview("ngoc-thuy")).toContain(OWN);
    expect(await overview("bo-de")).not.toContain(OWN);
    const { getProgrammeDashboard } = await import("@/lib/data/programme-dashboard");
    const dashboard = (ward: string) => getProgrammeDashboard({ wardSlug: ward, programmeSlug: OWN, term, scope: ALL });
    expect(await dashboard("ngoc-thuy")).not.toBeNull();
    expect(await dashboard("bo-de")).toBeNull();
    const { getWardComparison, getIndicatorComparison } = await import("@/lib/data/compare");
    const compare = async (ward: string) =>
      (await getWardComparison(term, { ward, period: { kind: "TERM" } }, ALL))!.programmes.map((p) => p.slug);
    expect(await compare("ngoc-thuy")).toContain(OWN);
    expect(await compare("bo-de")).not.toContain(OWN);
    const ranking = (await getIndicatorComparison(
      term,
      { parent: "long-bien", indicator: "chi-tieu-cua-phuong", period: { kind: "TERM" }, sort: "desc", per: "none" },
      ALL,
    ))!;
    expect(ranking.table.rows.map((r) => r.unit.slug)).toEqual(["ngoc-thuy"]);
  });
});

describe("a ward moved out of its district", () => {
  it("keeps the district's programmes of the term it sat there, and no other ward's own", async () => {
    const { getEntryGrid } = await import("@/lib/data/entry-grid");
    expect(
      await getEntryGrid({ wardSlug: MOVED, year: YEAR, programmeSlug: "03-CTr-QU", scope: "ward", readable: ALL }),
    ).not.toBeNull();
    const { getEntryHub } = await import("@/lib/data/review");
    const hub = (await getEntryHub(MOVED, term, ALL))!.programmes.map((p) => p.slug);
    expect(hub).toContain("03-CTr-QU");
    expect(hub).not.toContain(OWN);
    const api = (await programmesApi(MOVED)).map((p) => p.slug);
    expect(api).toContain("03-CTr-QU");
    expect(api).not.toContain(OWN);
  });
});

describe("a ward formed by merging wards of an abolished district", () => {
  it("keeps the district's programmes for its former wards' years: dashboards and comparison SQL", async () => {
    const { prisma } = database;
    const district = await prisma.orgUnit.findUniqueOrThrow({ where: { slug: "long-bien" } });
    const ngocThuy = await prisma.orgUnit.findUniqueOrThrow({ where: { slug: "ngoc-thuy" } });
    // a new ward directly under the city, never under the district; Ngọc Thụy is one of its former units
    const merged = await prisma.orgUnit.create({
      data: {
        slug: "phuong-gop-thu",
        name: "Phường gộp thử",
        shortName: "Gộp thử",
        level: "WARD",
        parentId: district.parentId,
        validFrom: new Date("2025-07-01T00:00:00Z"),
      },
    });
    await prisma.orgUnitSuccession.create({
      data: { predecessorId: ngocThuy.id, successorId: merged.id, effectiveOn: new Date("2025-07-01T00:00:00Z") },
    });
    const { getProgrammes } = await import("@/lib/data/programmes");
    const slugs = (await getProgrammes(term.id, { unitSlug: "phuong-gop-thu" })).map((p) => p.slug);
    expect(slugs).toContain("03-CTr-QU");
    // and its former ward's own party committee's programme, as the former ward's history
    expect(slugs).toContain(OWN);
    // the same rule in SQL (comparisons, targets, reminders)
    const { Prisma } = await import("@/lib/generated/prisma/client");
    const { appliesToSql } = await import("@/lib/data/programmes");
    const rows = await prisma.$queryRaw<{ slug: string }[]>(
      Prisma.sql`SELECT p.slug FROM programme p WHERE p.term_id = ${term.id}
        AND ${appliesToSql(Prisma.sql`p.id`, Prisma.sql`${merged.id}::int`)} ORDER BY p.slug`,
    );
    expect(rows.map((r) => r.slug)).toEqual(expect.arrayContaining(["03-CTr-QU", OWN]));
    // another ward of the city, formed from nothing, reads none of them
    const fresh = await prisma.orgUnit.create({
      data: {
        slug: "phuong-moi-thu",
        name: "Phường mới thử",
        shortName: "Mới thử",
        level: "WARD",
        parentId: district.parentId,
        validFrom: new Date("2025-07-01T00:00:00Z"),
      },
    });
    expect((await getProgrammes(term.id, { unitSlug: "phuong-moi-thu" })).map((p) => p.slug)).not.toContain(
      "03-CTr-QU",
    );
    const none = await prisma.$queryRaw<{ slug: string }[]>(
      Prisma.sql`SELECT p.slug FROM programme p WHERE p.term_id = ${term.id}
        AND ${appliesToSql(Prisma.sql`p.id`, Prisma.sql`${fresh.id}::int`)}`,
    );
    expect(none.map((r) => r.slug)).not.toContain("03-CTr-QU");
  });
});

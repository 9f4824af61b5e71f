// Org units set up by administrators through the server actions: a city and its wards added, a
// rename that keeps the former name, population per year, retirement, a merge whose successor's
// dashboard shows the former units' sums (labelled) and their rates per unit, and a split with
// shares. Every refusal answers in Vietnamese and writes nothing. Test units only: no real
// reorganisation is recorded here or in the seed.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  PASSWORD,
  type ReviewFixtures,
  type World,
  browserHeaders,
  createReviewFixtures,
  createWorld,
  dropWorld,
  signInCookie,
} from "./auth-fixtures";
import { request } from "./next-request";

// the page guards answer with Next's navigation errors: here they throw what they would answer
vi.mock("next/navigation", () => ({
  forbidden: () => {
    throw new Error("403");
  },
  notFound: () => {
    throw new Error("404");
  },
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
}));

let world: World;
let review: ReviewFixtures;
let actions: typeof import("@/lib/actions/org-units");
const cookies = new Map<string, string>();
const prisma = () => world.database.prisma;
let percentIndicator = 0;

beforeAll(async () => {
  world = await createWorld();
  review = await createReviewFixtures(world);
  const { createAccount } = await import("@/lib/auth/accounts");
  // an administrator at the top (on the city), who may add another city
  await createAccount(prisma(), {
    username: "quan.tri.tp",
    name: "Quản trị thành phố",
    password: PASSWORD,
    roles: [{ role: "ADMINISTRATOR", orgUnitId: world.units.city }],
  });
  const section = await prisma().indicatorSection.findFirstOrThrow({ where: { programmeId: review.programmeId } });
  percentIndicator = (
    await prisma().indicator.create({
      data: {
        programmeId: review.programmeId,
        sectionId: section.id,
        code: "ty-le-thu",
        name: "Tỉ lệ thử",
        unit: "%",
        valueType: "PERCENT",
        aggregation: "AVERAGE",
        direction: "HIGHER_IS_BETTER",
        sortOrder: 904,
      },
    })
  ).id;
  actions = await import("@/lib/actions/org-units");
}, 120_000);
afterAll(() => dropWorld(world));

async function as(username: string) {
  if (!cookies.has(username)) cookies.set(username, await signInCookie(username));
  request.headers = browserHeaders(cookies.get(username));
}
const form = (o: Record<string, string | number>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, String(v));
  return f;
};
const unit = (slug: string) => prisma().orgUnit.findUniqueOrThrow({ where: { slug } });
const snapshot = async () => ({
  units: await prisma().orgUnit.count(),
  successions: await prisma().orgUnitSuccession.count(),
  roles: await prisma().roleAssignment.count(),
  audit: await prisma().auditLog.count(),
  names: await prisma().orgUnitFormerName.count(),
  years: await prisma().orgUnitYearFigure.count(),
});

const city = {
  parent: "",
  level: "CITY",
  slug: "tp-thu",
  name: "Thành phố Thử",
  shortName: "Thử",
  validFrom: "2015-01-01",
};
const ward = (slug: string, name: string) => ({
  parent: "tp-thu",
  level: "WARD",
  slug,
  name: `Phường ${name}`,
  shortName: name,
  validFrom: "2015-01-01",
});

describe("adding units", () => {
  it("an administrator at the top adds a city, becomes its administrator, and adds two wards under it", async () => {
    await as("quan.tri.tp");
    expect(await actions.createOrgUnitAction(null, form(city))).toMatchObject({
      ok: true,
      message: "Đã thêm Thành phố Thử.",
    });
    const created = await unit("tp-thu");
    expect(created).toMatchObject({ level: "CITY", parentId: null, validTo: null, version: 1 });
    const admin = await prisma().user.findUniqueOrThrow({ where: { username: "quan.tri.tp" } });
    expect(
      await prisma().roleAssignment.count({
        where: { userId: admin.id, role: "ADMINISTRATOR", orgUnitId: created.id },
      }),
    ).toBe(1);
    for (const [slug, name] of [
      ["thu-a", "Thử A"],
      ["thu-b", "Thử B"],
    ])
      expect(await actions.createOrgUnitAction(null, form(ward(slug, name)))).toMatchObject({ ok: true });
    expect((await unit("thu-a")).parentId).toBe(created.id);
    const audit = await prisma().auditLog.findMany({
      where: { entity: "org_unit", entityId: String(created.id) },
      select: { field: true, newValue: true, actor: true },
    });
    expect(audit).toContainEqual({ field: "name", newValue: "Thành phố Thử", actor: admin.id });
  });

  it("refuses, writing nothing: a city by a district's administrator, a ward of a unit not theirs, a taken slug or name, a ward under a ward", async () => {
    const before = await snapshot();
    await as(world.users.admin.username);
    expect(
      await actions.createOrgUnitAction(null, form({ ...city, slug: "tp-khac", name: "Thành phố Khác" })),
    ).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await actions.createOrgUnitAction(null, form(ward("thu-c", "Thử C")))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    await as(world.users.staff.username);
    expect(await actions.createOrgUnitAction(null, form({ ...ward("moi", "Mới"), parent: "long-bien" }))).toMatchObject(
      { ok: false, code: "forbidden" },
    );
    await as("quan.tri.tp");
    expect(await actions.createOrgUnitAction(null, form(ward("thu-a", "Thử Khác")))).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Mã “thu-a” đã được dùng cho một đơn vị khác: hãy chọn mã khác.",
    });
    expect(await actions.createOrgUnitAction(null, form({ ...ward("thu-a2", "Thu A") }))).toMatchObject({
      ok: false,
      message: "Đã có đơn vị tên “Phường Thu A” thuộc Thành phố Thử: hãy chọn tên khác.",
    });
    expect(await actions.createOrgUnitAction(null, form({ ...ward("thu-d", "Thử D"), parent: "thu-a" }))).toMatchObject(
      { ok: false, message: "Phường, xã không có đơn vị cấp dưới là phường, xã." },
    );
    expect(await actions.createOrgUnitAction(null, form({ ...ward("Sai Ma", "Thử E") }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { slug: ["Mã đơn vị chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang."] },
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("renaming, population, retiring", () => {
  it("renames from a date, keeping the former name; a stale form is refused", async () => {
    await as("quan.tri.tp");
    const rename = { unit: "thu-b", version: 1, name: "Phường Thử Bê", shortName: "Thử Bê", effectiveOn: "2017-01-01" };
    expect(await actions.renameOrgUnitAction(null, form(rename))).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await unit("thu-b")).toMatchObject({ name: "Phường Thử Bê", shortName: "Thử Bê", version: 2 });
    const former = await prisma().orgUnitFormerName.findMany({ where: { orgUnit: { slug: "thu-b" } } });
    expect(former.map((f) => [f.name, f.validTo.toISOString().slice(0, 10)])).toEqual([["Phường Thử B", "2016-12-31"]]);
    const before = await snapshot();
    expect(await actions.renameOrgUnitAction(null, form({ ...rename, name: "Phường Khác" }))).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("records population and households per year, versioned", async () => {
    await as("quan.tri.tp");
    const year = { unit: "thu-a", year: 2018, version: 0, population: "12.345", households: "3.210" };
    expect(await actions.saveOrgUnitYearAction(null, form(year))).toMatchObject({ ok: true, data: { version: 1 } });
    expect(await unit("thu-a")).toMatchObject({ population: 12345, households: 3210 });
    expect(await actions.saveOrgUnitYearAction(null, form({ ...year, population: "1" }))).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await actions.saveOrgUnitYearAction(null, form({ ...year, version: 1, population: "12,5" }))).toMatchObject({
      ok: false,
      code: "invalid",
    });
  });

  it("refuses to retire a unit with figures not yet approved, or with active units below it", async () => {
    await as("quan.tri.tp");
    const city2 = await unit("tp-thu");
    expect(
      await actions.retireOrgUnitAction(null, form({ unit: "tp-thu", version: city2.version, lastDay: "2020-12-31" })),
    ).toMatchObject({
      ok: false,
      message:
        "Thành phố Thử còn đơn vị trực thuộc đang hoạt động: Thử A, Thử Bê. Hãy cho các đơn vị đó thôi hoạt động trước.",
    });
    await as(world.users.admin.username);
    await prisma().submission.create({
      data: { orgUnitId: world.units.boDe, periodId: review.periods[2016], programmeId: review.programmeId },
    });
    const boDe = await unit("bo-de");
    expect(
      await actions.retireOrgUnitAction(null, form({ unit: "bo-de", version: boDe.version, lastDay: "2020-12-31" })),
    ).toMatchObject({
      ok: false,
      message:
        "bo-de còn 1 kỳ số liệu chưa duyệt (đang nhập, chờ duyệt hoặc bị trả lại): hãy duyệt xong trước khi thôi hoạt động.",
    });
    expect((await unit("bo-de")).validTo).toBeNull();
  });
});

describe("a merge", () => {
  // a programme applies only at or below its issuer: here the review programme is the test city's, so
  // its wards (and their successor) follow it; Long Biên's again afterwards
  beforeAll(async () => {
    await prisma().programme.update({
      where: { id: review.programmeId },
      data: { issuerId: (await unit("tp-thu")).id },
    });
  });
  afterAll(async () => {
    await prisma().programme.update({ where: { id: review.programmeId }, data: { issuerId: world.units.district } });
  });

  async function figures(slug: string, indicatorId: number, byYear: Record<number, string>) {
    const source = await prisma().source.upsert({
      where: { key: "thu:nguon" },
      create: { key: "thu:nguon", kind: "REPORT", title: "Báo cáo thử" },
      update: {},
    });
    const { id } = await unit(slug);
    for (const [year, value] of Object.entries(byYear))
      await prisma().result.create({
        data: {
          indicatorId,
          orgUnitId: id,
          periodId: review.periods[Number(year)],
          value,
          sourceId: source.id,
          recordedBy: "test",
        },
      });
  }

  it("shows the successor's earlier years as the sum of its predecessors, labelled, and rates per predecessor", async () => {
    await figures("thu-a", review.indicators.a, { 2016: "10", 2017: "20", 2018: "5" });
    await figures("thu-b", review.indicators.a, { 2016: "1", 2017: "2" });
    await figures("thu-a", percentIndicator, { 2017: "80" });
    await figures("thu-b", percentIndicator, { 2017: "60" });
    const official = await prisma().user.findUniqueOrThrow({ where: { username: world.users.official.username } });
    await prisma().roleAssignment.create({
      data: { userId: official.id, role: "WARD_OFFICIAL", orgUnitId: (await unit("thu-a")).id },
    });

    await as("quan.tri.tp");
    const merge = {
      parent: "tp-thu",
      predecessors: "thu-a,thu-b",
      slug: "thu-ab",
      name: "Phường Thử Gộp",
      shortName: "Thử Gộp",
      effectiveOn: "2019-01-01",
      carryRoles: "on",
      note: "",
    };
    expect(await actions.mergeOrgUnitsAction(null, form(merge))).toMatchObject({
      ok: true,
      message: "Đã sáp nhập thành Phường Thử Gộp từ ngày 01/01/2019.",
    });
    const successor = await unit("thu-ab");
    expect(successor).toMatchObject({ level: "WARD", validFrom: new Date("2019-01-01") });
    expect((await unit("thu-a")).validTo).toEqual(new Date("2018-12-31"));
    expect((await unit("thu-b")).validTo).toEqual(new Date("2018-12-31"));
    expect(await prisma().orgUnitSuccession.count({ where: { successorId: successor.id } })).toBe(2);
    expect(
      await prisma().roleAssignment.count({
        where: { userId: official.id, role: "WARD_OFFICIAL", orgUnitId: successor.id },
      }),
    ).toBe(1);

    const { getProgrammeDashboard } = await import("@/lib/data/programme-dashboard");
    const { resolveTerm } = await import("@/lib/data/terms");
    const { ALL_UNITS } = await import("@/lib/data/scope");
    const term = (await resolveTerm("2015-2020"))!;
    const d = (await getProgrammeDashboard({
      wardSlug: "thu-ab",
      programmeSlug: review.programmeSlug,
      term,
      scope: ALL_UNITS,
    }))!;
    const a = d.sections.flatMap((s) => s.indicators).find((i) => i.code === "review-a")!;
    // 2018: only Thử A reported, so no sum is made up for it
    expect(a.summary.years.map((y) => [y.year, y.value, y.source.title])).toEqual([
      [2016, "11", "Tính từ các đơn vị cũ: Thử A, Thử Bê"],
      [2017, "22", "Tính từ các đơn vị cũ: Thử A, Thử Bê"],
    ]);
    expect(d.formedFrom).toMatchObject({ effectiveOn: "2019-01-01", label: "tính từ các đơn vị cũ: Thử A, Thử Bê" });
    const rate = d.formedFrom!.perPredecessor.find((i) => i.code === "ty-le-thu")!;
    expect(rate.rows).toEqual([
      { unit: "Thử A", year: 2017, value: "80", qualifier: "EXACT" },
      { unit: "Thử Bê", year: 2017, value: "60", qualifier: "EXACT" },
    ]);
    expect(d.sections.flatMap((s) => s.indicators).find((i) => i.code === "ty-le-thu")!.summary.years).toEqual([]);
    // the former units stay readable for their years
    const former = (await getProgrammeDashboard({
      wardSlug: "thu-a",
      programmeSlug: review.programmeSlug,
      term,
      scope: ALL_UNITS,
    }))!;
    expect(former.sections.flatMap((s) => s.indicators).find((i) => i.code === "review-a")!.summary.years).toHaveLength(
      3,
    );
  });

  it("the ward overview and the values API read the successor's earlier years as the same labelled sums", async () => {
    const { getWardOverview } = await import("@/lib/data/ward-overview");
    const { resolveTerm } = await import("@/lib/data/terms");
    const { ALL_UNITS } = await import("@/lib/data/scope");
    const term = (await resolveTerm("2015-2020"))!;
    const overview = (await getWardOverview("thu-ab", term, ALL_UNITS))!;
    expect(overview.formedFrom).toMatchObject({ label: "tính từ các đơn vị cũ: Thử A, Thử Bê" });
    const row = overview.programmes
      .flatMap((p) => p.sections.flatMap((s) => s.rows))
      .find((r) => r.indicator.code === "review-a")!;
    expect(row.summary.years.map((y) => [y.year, y.value, y.source.title])).toEqual([
      [2016, "11", "Tính từ các đơn vị cũ: Thử A, Thử Bê"],
      [2017, "22", "Tính từ các đơn vị cũ: Thử A, Thử Bê"],
    ]);

    // the official's role on Thử A was carried over to the new ward: the API answers them
    const { GET } = await import("@/app/api/v1/org-units/[slug]/values/route");
    const headers = browserHeaders(await signInCookie(world.users.official.username));
    const res = await GET(new Request("http://ctk.test/api/v1/org-units/thu-ab/values?term=2015-2020", { headers }), {
      params: Promise.resolve({ slug: "thu-ab" }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      data: {
        indicator: { code: string };
        period: { year: number };
        value: string;
        source: { key: string; title: string };
      }[];
    };
    expect(
      body.data.filter((v) => v.indicator.code === "review-a").map((v) => [v.period.year, v.value, v.source]),
    ).toEqual([
      [
        2016,
        "11",
        expect.objectContaining({ key: "predecessors:thu-a+thu-b", title: "Tính từ các đơn vị cũ: Thử A, Thử Bê" }),
      ],
      [
        2017,
        "22",
        expect.objectContaining({ key: "predecessors:thu-a+thu-b", title: "Tính từ các đơn vị cũ: Thử A, Thử Bê" }),
      ],
    ]);
    // a rate is never added up: the API gives none for the new ward
    expect(body.data.filter((v) => v.indicator.code === "ty-le-thu")).toEqual([]);
  });

  it("the comparisons (SQL) read the successor's earlier years as the same sums as org-unit-history", async () => {
    const { getIndicatorComparison, getWardComparison } = await import("@/lib/data/compare");
    const { getUnitValuesWithHistory, historyIndicators } = await import("@/lib/data/org-unit-history");
    const { getProgrammes } = await import("@/lib/data/programmes");
    const { resolveTerm } = await import("@/lib/data/terms");
    const { ALL_UNITS } = await import("@/lib/data/scope");
    const term = (await resolveTerm("2015-2020"))!;
    const label = "Tính từ các đơn vị cũ: Thử A, Thử Bê";
    const history = await getUnitValuesWithHistory({
      orgUnitSlug: "thu-ab",
      termId: term.id,
      scope: ALL_UNITS,
      programmeSlug: review.programmeSlug,
      indicators: historyIndicators(await getProgrammes(term.id)),
    });
    const summed = history.values.filter((v) => v.indicator.code === "review-a" && v.period.kind === "YEAR");
    expect(summed.map((v) => [v.period.year, v.value])).toEqual([
      [2016, "11"],
      [2017, "22"],
    ]);

    const ward = async (period: { kind: "TERM" } | { kind: "YEAR"; year: number }) => {
      const c = (await getWardComparison(
        term,
        { ward: "thu-ab", programme: review.programmeSlug, period },
        ALL_UNITS,
      ))!;
      const rows = c.sections.flatMap((s) => s.rows);
      return (code: string) => rows.find((r) => r.indicator.code === code)!.own;
    };
    // each year: the same figure as the history, named after the former units
    for (const year of [2016, 2017, 2018]) {
      const own = (await ward({ kind: "YEAR", year }))("review-a");
      expect(own.value).toBe(summed.find((v) => v.period.year === year)?.value ?? null);
      if (own.value !== null) expect(own.sources.map((x) => x.title)).toEqual([label]);
    }
    // a rate is never added up
    expect((await ward({ kind: "YEAR", year: 2017 }))("ty-le-thu").value).toBeNull();
    // the term: the years summed from the former units, by the indicator's rule
    const termFigure = (await ward({ kind: "TERM" }))("review-a");
    expect(termFigure).toMatchObject({ basis: "computed", value: "33", years: [2016, 2017] });
    expect(termFigure.sources[0]).toMatchObject({ key: "predecessors:thu-a+thu-b", title: label });

    // the ranking shows the successor's sum, but the parent's total counts the former units once
    const ranking = (await getIndicatorComparison(
      term,
      { parent: "tp-thu", indicator: "review-a", period: { kind: "YEAR", year: 2017 }, sort: "desc", per: "none" },
      ALL_UNITS,
    ))!;
    const value = (slug: string) => ranking.table.rows.find((r) => r.unit.slug === slug)?.figure.value;
    expect([value("thu-ab"), value("thu-a"), value("thu-b")]).toEqual(["22", "20", "2"]);
    const own = ranking.table.rows
      .filter((r) => r.unit.slug !== "thu-ab")
      .reduce((sum, r) => sum + Number(r.figure.value ?? 0), 0);
    expect(ranking.parentFigure).toMatchObject({ kind: "total", value: String(own) });
  });

  it("refuses a merge of units already retired, or outside the person's units, writing nothing", async () => {
    const before = await snapshot();
    await as("quan.tri.tp");
    const merge = {
      parent: "tp-thu",
      predecessors: "thu-a,thu-b",
      slug: "thu-ab2",
      name: "Phường Thử Gộp Hai",
      shortName: "Gộp Hai",
      effectiveOn: "2020-01-01",
      carryRoles: "",
      note: "",
    };
    expect(await actions.mergeOrgUnitsAction(null, form(merge))).toMatchObject({
      ok: false,
      message: "Phường Thử A không hoạt động vào ngày 31/12/2019.",
    });
    await as(world.users.admin.username);
    expect(
      await actions.mergeOrgUnitsAction(
        null,
        form({ ...merge, parent: "long-bien", predecessors: "ngoc-thuy,thu-ab" }),
      ),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("a split", () => {
  it("records one succession per part with its share; shares over 1 are refused", async () => {
    await as("quan.tri.tp");
    const split = {
      unit: "thu-ab",
      effectiveOn: "2020-01-01",
      carryRoles: "",
      note: "",
      slug1: "thu-x",
      name1: "Phường Thử X",
      shortName1: "Thử X",
      share1: "0,6",
      slug2: "thu-y",
      name2: "Phường Thử Y",
      shortName2: "Thử Y",
      share2: "0,5",
    };
    const before = await snapshot();
    expect(await actions.splitOrgUnitAction(null, form(split))).toMatchObject({
      ok: false,
      message: "Tổng tỉ lệ các phần tách ra là 1,1, vượt quá 1.",
    });
    expect(await snapshot()).toEqual(before);
    expect(await actions.splitOrgUnitAction(null, form({ ...split, share2: "0,4" }))).toMatchObject({ ok: true });
    const links = await prisma().orgUnitSuccession.findMany({
      where: { predecessor: { slug: "thu-ab" } },
      select: { share: true, successor: { select: { slug: true } } },
      orderBy: { successor: { slug: "asc" } },
    });
    expect(links.map((l) => [l.successor.slug, l.share.toFixed()])).toEqual([
      ["thu-x", "0.6"],
      ["thu-y", "0.4"],
    ]);
    // roles are carried over only when asked: the official's role on Thử Gộp stays there alone
    expect(await prisma().roleAssignment.count({ where: { orgUnitId: (await unit("thu-ab")).id } })).toBe(1);
    expect(await prisma().roleAssignment.count({ where: { orgUnit: { slug: { in: ["thu-x", "thu-y"] } } } })).toBe(0);
  });
});

describe("moving a unit, and changing its slug", () => {
  it("moves a ward from its district to directly under the city from a date: path, history and read scopes follow", async () => {
    await as("quan.tri.tp");
    expect(
      await actions.createOrgUnitAction(
        null,
        form({ ...city, parent: "tp-thu", level: "DISTRICT", slug: "quan-thu", name: "Quận Thử", shortName: "Q. Thử" }),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await actions.createOrgUnitAction(null, form({ ...ward("thu-c", "Thử Xê"), parent: "quan-thu" })),
    ).toMatchObject({ ok: true });
    await actions.createOrgUnitAction(
      null,
      form({
        ...city,
        parent: "thu-c",
        level: "RESIDENTIAL_GROUP",
        slug: "thu-c-to-1",
        name: "Tổ 1 Thử Xê",
        shortName: "Tổ 1",
      }),
    );
    const { getOrgUnit } = await import("@/lib/data/org-units");
    const { subtreeScope } = await import("@/lib/data/scope");
    const districtScope = subtreeScope([(await unit("quan-thu")).id]);
    const cityScope = subtreeScope([(await unit("tp-thu")).id]);
    expect(await getOrgUnit("thu-c", districtScope)).not.toBeNull();

    const before = await snapshot();
    const move = { unit: "thu-c", version: "1", parent: "tp-thu", effectiveOn: "2025-07-01" };
    // refusals first, each writing nothing: the parent it has, a level that cannot sit there, a stale form
    expect(await actions.moveOrgUnitAction(null, form({ ...move, parent: "quan-thu" }))).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Đơn vị đang thuộc Quận Thử: hãy chọn đơn vị cấp trên khác.",
    });
    expect(
      await actions.moveOrgUnitAction(null, form({ ...move, unit: "thu-c-to-1", parent: "quan-thu" })),
    ).toMatchObject({
      ok: false,
      message: "Quận, huyện không có đơn vị cấp dưới là tổ dân phố.",
    });
    expect(await actions.moveOrgUnitAction(null, form({ ...move, version: "0" }))).toMatchObject({
      ok: false,
      code: "conflict",
    });
    // a ward merged away (retired) takes no unit, and says why
    expect(
      await actions.moveOrgUnitAction(
        null,
        form({ ...move, unit: "thu-c-to-1", version: String((await unit("thu-c-to-1")).version), parent: "thu-a" }),
      ),
    ).toMatchObject({
      ok: false,
      code: "invalid",
      message:
        "Phường Thử A đã thôi hoạt động (ngày cuối 31/12/2018): không thể chuyển đơn vị vào đó. Hãy chọn một đơn vị cấp trên đang hoạt động.",
    });
    // a parent outside the person's units: Long Biên's administrator moving one of its wards to the new city
    await as(world.users.admin.username);
    expect(
      await actions.moveOrgUnitAction(
        null,
        form({ ...move, unit: "bo-de", version: String((await unit("bo-de")).version) }),
      ),
    ).toMatchObject({
      ok: false,
      code: "forbidden",
      message: "Bạn không có quyền quản trị đơn vị “tp-thu”, hoặc đơn vị không tồn tại.",
    });
    await as("quan.tri.tp");
    expect(await snapshot()).toEqual(before);

    expect(await actions.moveOrgUnitAction(null, form(move))).toMatchObject({
      ok: true,
      message: "Đã chuyển sang đơn vị cấp trên mới từ ngày 01/07/2025; đơn vị cấp trên cũ được giữ trong lịch sử.",
    });
    const moved = await unit("thu-c");
    const tp = await unit("tp-thu");
    expect(moved).toMatchObject({ parentId: tp.id, path: [tp.id, moved.id], version: 2 });
    // the residential group below it follows (database triggers)
    expect((await unit("thu-c-to-1")).path).toEqual([tp.id, moved.id, (await unit("thu-c-to-1")).id]);
    expect(
      await prisma().orgUnitFormerParent.findMany({
        where: { orgUnitId: moved.id },
        select: { parentId: true, validTo: true },
      }),
    ).toEqual([{ parentId: (await unit("quan-thu")).id, validTo: new Date("2025-06-30") }]);
    expect(
      await prisma().auditLog.findFirst({
        where: { entity: "org_unit", entityId: String(moved.id), field: "parent", action: "UPDATE" },
      }),
    ).toMatchObject({ oldValue: "quan-thu", newValue: "tp-thu" });
    // the district's people no longer reach it; the city's still do
    expect(await getOrgUnit("thu-c", districtScope)).toBeNull();
    expect(await getOrgUnit("thu-c", cityScope)).not.toBeNull();
  });

  it("changes a slug: the former one is kept, refused to others, and old addresses redirect (308) to the new one", async () => {
    await as("quan.tri.tp");
    const current = await unit("thu-c");
    const rename = {
      unit: "thu-c",
      version: String(current.version),
      name: current.name,
      shortName: current.shortName,
      slug: "thu-ce",
      effectiveOn: "2026-01-01",
    };
    expect(await actions.renameOrgUnitAction(null, form(rename))).toMatchObject({
      ok: true,
      message:
        "Đã đổi thành Phường Thử Xê, mã thu-ce; tên và mã cũ được giữ trong lịch sử, địa chỉ cũ tự chuyển sang mã mới.",
      data: { slug: "thu-ce" },
    });
    expect(await prisma().orgUnit.findUnique({ where: { slug: "thu-c" } })).toBeNull();
    expect(await prisma().orgUnitFormerSlug.findUniqueOrThrow({ where: { slug: "thu-c" } })).toMatchObject({
      orgUnitId: current.id,
      validTo: new Date("2025-12-31"),
    });
    // the name did not change: no former name is written for it
    expect(await prisma().orgUnitFormerName.count({ where: { orgUnitId: current.id } })).toBe(0);
    // nobody else may take the former slug (its addresses lead to this unit)
    const before = await snapshot();
    expect(
      await actions.createOrgUnitAction(null, form({ ...ward("thu-c", "Thử Xê Mới"), parent: "tp-thu" })),
    ).toMatchObject({ ok: false, message: "Mã “thu-c” đã được dùng cho một đơn vị khác: hãy chọn mã khác." });
    expect(await snapshot()).toEqual(before);

    // old addresses: pages and the API answer a permanent redirect, query string kept
    const { proxy } = await import("@/proxy");
    const { NextRequest } = await import("next/server");
    const { db } = await import("@/lib/db");
    await db().$queryRawUnsafe("SELECT 1"); // the app's pool exists once the app has served a request
    for (const [from, to] of [
      ["/thu-c/chuong-trinh/03-CTr-QU?nhiem-ky=2025-2030", "/thu-ce/chuong-trinh/03-CTr-QU?nhiem-ky=2025-2030"],
      ["/thu-c", "/thu-ce"],
    ]) {
      const res = await proxy(new NextRequest(`http://ctk.test${from}`, { headers: { accept: "text/html" } }));
      expect(res.status, from).toBe(308);
      expect(res.headers.get("location"), from).toBe(`http://ctk.test${to}`);
    }
    // the API's addresses are redirected by their handler (with the statement that reads the caller),
    // before any question of access
    const api = {
      values: (await import("@/app/api/v1/org-units/[slug]/values/route")).GET,
      unit: (await import("@/app/api/v1/org-units/[slug]/route")).GET,
      children: (await import("@/app/api/v1/org-units/[slug]/children/route")).GET,
    };
    for (const [route, from, to] of [
      ["values", "/api/v1/org-units/thu-c/values?term=2015-2020", "/api/v1/org-units/thu-ce/values?term=2015-2020"],
      ["unit", "/api/v1/org-units/thu-c", "/api/v1/org-units/thu-ce"],
      ["children", "/api/v1/org-units/thu-c/children?q=a", "/api/v1/org-units/thu-ce/children?q=a"],
    ] as const) {
      expect((await proxy(new NextRequest(`http://ctk.test${from}`))).status, from).toBe(200);
      const res = await api[route](new Request(`http://ctk.test${from}`), {
        params: Promise.resolve({ slug: "thu-c" }),
      });
      expect(res.status, from).toBe(308);
      expect(res.headers.get("location"), from).toBe(`http://ctk.test${to}`);
    }
    // the current slug and other units are served as before
    expect((await proxy(new NextRequest("http://ctk.test/thu-ce"))).status).toBe(200);
    expect((await proxy(new NextRequest("http://ctk.test/ngoc-thuy"))).status).toBe(200);

    // the unit may take its former slug back
    const renamed = await unit("thu-ce");
    expect(
      await actions.renameOrgUnitAction(
        null,
        form({ ...rename, unit: "thu-ce", version: String(renamed.version), slug: "thu-c" }),
      ),
    ).toMatchObject({ ok: true, data: { slug: "thu-c" } });
    expect(
      await prisma().orgUnitFormerSlug.findMany({ where: { orgUnitId: current.id }, select: { slug: true } }),
    ).toEqual([{ slug: "thu-ce" }]);
  });
});

describe("the pages /quan-tri/don-vi", () => {
  it("open only for administrators, each reading only the units they manage", async () => {
    const access = await import("@/lib/auth/access");
    const { getManagedUnit, listManagedUnits } = await import("@/lib/data/org-unit-list");
    request.headers = browserHeaders();
    await expect(access.requireOrgUnitManagerPage()).rejects.toThrow(/^redirect \/dang-nhap/);
    for (const who of ["official", "committee", "staff"] as const) {
      await as(world.users[who].username);
      await expect(access.requireOrgUnitManagerPage(), who).rejects.toThrow("403");
    }
    await as(world.users.admin.username);
    const district = await access.requireOrgUnitManagerPage();
    expect(district.mayAddCity).toBe(false);
    const slugs = (await listManagedUnits(district.scope)).map((u) => u.slug);
    expect(slugs).toContain("bo-de");
    expect(slugs).not.toContain("tp-thu");
    expect(await getManagedUnit("thu-ab", district.scope)).toBeNull();
    await as("quan.tri.tp");
    const top = await access.requireOrgUnitManagerPage();
    expect(top.mayAddCity).toBe(true);
    expect(await getManagedUnit("thu-ab", top.scope)).toMatchObject({
      name: "Phường Thử Gộp",
      predecessors: [
        { slug: "thu-a", shortName: "Thử A", effectiveOn: "2019-01-01", share: "1" },
        { slug: "thu-b", shortName: "Thử Bê", effectiveOn: "2019-01-01", share: "1" },
      ],
      successors: [
        { slug: "thu-x", share: "0.6" },
        { slug: "thu-y", share: "0.4" },
      ],
    });
  });
});

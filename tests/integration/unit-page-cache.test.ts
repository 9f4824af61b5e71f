// What a one-ward page shows (overview, programme dashboard, residential groups, the values API) is
// kept per server process under the catalogue and progress versions (lib/data/unit-page-cache.ts):
// read once while nothing changes, read again after a write that changes it — through the app or
// through another connection (another instance, an operator) — and never handed to a reader outside
// the ward. On the seeded data; statements counted at the pg driver.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/prisma/seed";
import type { ReadScope } from "@/lib/data/scope";
import type { TermSummary } from "@/lib/data/terms";
import { type TestDatabase, createMigratedDatabase } from "../setup/db";
import { withSentStatements } from "../setup/sent-statements";

const NT = "ngoc-thuy";
const PROGRAMME = "03-CTr-QU";
const ALL: ReadScope = { all: true };
const nobody: ReadScope = { rootIds: [] };

let database: TestDatabase;
/** Another connection, as another instance of the app or an operator would write. */
let other: pg.Client;
let term: TermSummary;
let ngocThuy: ReadScope;
let boDe: ReadScope;
let ids: { ward: number; group: string };
let lib: Awaited<ReturnType<typeof load>>;

const load = async () => ({
  ...(await import("@/lib/data/ward-overview")),
  ...(await import("@/lib/data/programme-dashboard")),
  ...(await import("@/lib/data/residential-groups")),
  ...(await import("@/lib/data/values")),
  ...(await import("@/lib/data/target-save")),
  ...(await import("@/lib/data/achievement-save")),
});

beforeAll(async () => {
  database = await createMigratedDatabase();
  await seed(database.prisma, { demo: true });
  vi.stubEnv("DATABASE_URL", database.url);
  vi.resetModules();
  (globalThis as { prisma?: unknown }).prisma = undefined;
  other = new pg.Client({ connectionString: database.url });
  await other.connect();
  const unit = (slug: string) =>
    database.prisma.orgUnit.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true } });
  const [ward, bode] = await Promise.all([unit(NT), unit("bo-de")]);
  const group = await database.prisma.orgUnit.findFirstOrThrow({
    where: { parentId: ward.id, level: "RESIDENTIAL_GROUP", results: { some: {} } },
    orderBy: { sortOrder: "asc" },
    select: { slug: true },
  });
  ids = { ward: ward.id, group: group.slug };
  ngocThuy = { rootIds: [ward.id] };
  boDe = { rootIds: [bode.id] };
  term = (await (await import("@/lib/data/terms")).getLatestTerm())!;
  lib = await load();
}, 180_000);

afterAll(async () => {
  await other?.end();
  const g = globalThis as { prisma?: { $disconnect(): Promise<void> } };
  await g.prisma?.$disconnect();
  g.prisma = undefined;
  vi.unstubAllEnvs();
  await database?.drop();
});

/**
 * What `run` returned, and the statements it sent other than the two versions' (outside a request
 * nothing primes them, so each read of the versions is a statement here; a page reads them with its
 * session's).
 */
async function counted<T>(run: () => Promise<T>): Promise<{ value: T; sent: string[] }> {
  const { value, sent } = await withSentStatements(run);
  return { value, sent: sent.map((q) => q.text).filter((text) => !/FROM (catalogue|progress)_version\)/.test(text)) };
}

const reads = {
  overview: (scope: ReadScope) => lib.getWardOverview(NT, term, scope),
  dashboard: (scope: ReadScope) => lib.getProgrammeDashboard({ wardSlug: NT, programmeSlug: PROGRAMME, term, scope }),
  groups: (scope: ReadScope) => lib.getResidentialGroupsView({ wardSlug: NT, term, query: {}, scope }),
  values: (scope: ReadScope) => lib.getUnitValuesJson({ orgUnitSlug: NT, termId: term.id, scope }),
};
type ReadName = keyof typeof reads;
const names = Object.keys(reads) as ReadName[];

type Read<N extends ReadName> = Awaited<ReturnType<(typeof reads)[N]>>;

/** Each read twice: the second sends no statement and gives the same. */
async function readTwice<N extends ReadName>(name: N, scope: ReadScope = ngocThuy) {
  const read = reads[name] as (scope: ReadScope) => Promise<Read<N>>;
  const first = await counted(() => read(scope));
  const second = await counted(() => read(scope));
  expect(second).toEqual({ value: first.value, sent: [] });
  return first;
}

const progressVersion = async () =>
  (await other.query<{ v: string }>("SELECT version::text AS v FROM progress_version")).rows[0].v;

/** The ward's term figure row of an indicator that the overview, the dashboard and the API show. */
async function wardResult(): Promise<{ id: number; code: string; value: string }> {
  const { rows } = await other.query<{ id: number; code: string; value: string }>(
    `SELECT r.id, i.code, r.value::text AS value
       FROM result r JOIN indicator i ON i.id = r.indicator_id JOIN programme pr ON pr.id = i.programme_id
       JOIN period p ON p.id = r.period_id
      WHERE r.org_unit_id = $1 AND pr.slug = $2 AND pr.term_id = $3 AND p.kind = 'YEAR'
        AND i.value_type <> 'BOOLEAN' AND i.collection_level = 'WARD'
      ORDER BY r.id LIMIT 1`,
    [ids.ward, PROGRAMME, term.id],
  );
  return rows[0];
}

describe("one ward's pages kept per process", () => {
  it("are read once while nothing changes, and a caller changing what it got changes nothing", async () => {
    for (const name of names) {
      const first = await readTwice(name);
      expect(first.sent.length).toBeGreaterThan(0);
    }
    const overview = (await reads.overview(ngocThuy))!;
    overview.programmes.length = 0;
    overview.ward.name = "đổi";
    expect((await reads.overview(ngocThuy))!.programmes.length).toBeGreaterThan(0);
    expect((await reads.overview(ngocThuy))!.ward.name).not.toBe("đổi");
  });

  it("are never handed to a reader outside the ward, whoever read them first", async () => {
    for (const name of names) {
      await readTwice(name, ALL);
      const outside = name === "values" ? "[]" : null;
      expect(await reads[name](boDe)).toEqual(outside);
      expect(await reads[name](nobody)).toEqual(outside);
      // the reader of the ward, and the whole city's staff, get what the public portal gets
      expect(await reads[name](ngocThuy)).toEqual(await reads[name](ALL));
    }
    expect(await lib.getWardOverview("khong-co", term, ALL)).toBeNull();
  });

  it("keep each programme, indicator and year apart", async () => {
    const programmes = (await reads.overview(ngocThuy))!.programmes.map((p) => p.slug);
    expect(programmes.length).toBeGreaterThan(1);
    for (const slug of programmes) {
      const d = await lib.getProgrammeDashboard({ wardSlug: NT, programmeSlug: slug, term, scope: ngocThuy });
      expect(d!.programme.slug).toBe(slug);
    }
    const { indicators } = (await reads.groups(ngocThuy))!;
    expect(indicators.length).toBeGreaterThan(1);
    const view = (query: { indicator?: string; year?: number }) =>
      lib.getResidentialGroupsView({ wardSlug: NT, term, query, scope: ngocThuy });
    for (const { code } of indicators) expect((await view({ indicator: code }))!.indicator.code).toBe(code);
    const { code } = indicators.find((i) => i.valueType !== "BOOLEAN")!;
    for (const year of [term.startYear, term.endYear])
      expect((await view({ indicator: code, year }))!.rankMode).toEqual({ kind: "year", year });
  });

  it("follow a figure written through another connection", async () => {
    const row = await wardResult();
    const before = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await reads[n](ngocThuy)])));
    await other.query("UPDATE result SET value = value + 1000 WHERE id = $1", [row.id]);
    const values = JSON.parse((await readTwice("values")).value as string) as {
      indicator: { code: string };
      value: string;
    }[];
    expect(values.map((v) => v.value)).toContain(String(Number(row.value) + 1000));
    for (const name of ["overview", "dashboard"] as const) {
      const after = await readTwice(name);
      expect(after.sent.length).toBeGreaterThan(0);
      expect(after.value).not.toEqual(before[name]);
    }
    await other.query("UPDATE result SET value = value - 1000 WHERE id = $1", [row.id]);
    for (const name of names) expect(await reads[name](ngocThuy)).toEqual(before[name]);
  });

  it("follow a residential group's figure written through another connection", async () => {
    const view = (await reads.groups(ngocThuy))!;
    const { rows } = await other.query<{ id: number }>(
      `SELECT r.id FROM result r JOIN org_unit o ON o.id = r.org_unit_id JOIN indicator i ON i.id = r.indicator_id
        JOIN period p ON p.id = r.period_id
        WHERE o.slug = $1 AND i.code = $2 AND p.year = $3 ORDER BY r.id LIMIT 1`,
      [ids.group, view.indicator.code, view.year],
    );
    await other.query("UPDATE result SET note = 'ghi chú mới' WHERE id = $1", [rows[0].id]);
    const after = (await readTwice("groups")).value!;
    const cells = after.groups.flatMap((g) => g.cells);
    expect(cells.some((c) => c.note === "ghi chú mới")).toBe(true);
  });

  it("follow a target saved through the app", async () => {
    const dashboard = (await readTwice("dashboard")).value!;
    const indicator = dashboard.sections.flatMap((s) => s.indicators).find((i) => i.valueType !== "BOOLEAN")!;
    const [{ indicatorId, periodId }] = (
      await other.query<{ indicatorId: number; periodId: number }>(
        `SELECT i.id AS "indicatorId", p.id AS "periodId" FROM indicator i JOIN programme pr ON pr.id = i.programme_id
           JOIN period p ON p.term_id = pr.term_id AND p.kind = 'TERM'
          WHERE i.code = $1 AND pr.term_id = $2`,
        [indicator.code, term.id],
      )
    ).rows;
    const saved = await lib.saveTargets({
      actor: { userId: "test-user", name: "Cán bộ quận thử" },
      changes: [
        {
          indicatorId,
          periodId,
          orgUnitId: ids.ward,
          target: { comparison: "GTE", value: "12345", qualifier: "EXACT" },
          baseVersion: 0,
          label: indicator.code,
        },
      ],
      document: { title: "Nghị quyết thử", issuedOn: null },
    });
    expect(saved).toMatchObject({ ok: true });
    const after = (await readTwice("dashboard")).value!;
    const shown = after.sections.flatMap((s) => s.indicators).find((i) => i.code === indicator.code)!;
    expect(shown.targets.term).toMatchObject({ comparison: "GTE", value: "12345" });
  });

  it("follow an achievement published or withdrawn through another connection", async () => {
    const [{ sourceId, programmeId }] = (
      await other.query<{ sourceId: number; programmeId: number }>(
        `SELECT (SELECT id FROM source ORDER BY id LIMIT 1) AS "sourceId",
                (SELECT id FROM programme WHERE slug = $1) AS "programmeId"`,
        [PROGRAMME],
      )
    ).rows;
    await readTwice("overview");
    await readTwice("dashboard");
    const { rows } = await other.query<{ id: number }>(
      `INSERT INTO achievement (org_unit_id, term_id, programme_id, kind, title, year, source_id, updated_at)
       VALUES ($1, $2, $3, 'OTHER', 'Mô hình theo báo cáo mới', 2019, $4, now()) RETURNING id`,
      [ids.ward, term.id, programmeId, sourceId],
    );
    const titles = async (name: "overview" | "dashboard") =>
      (await readTwice(name)).value!.achievements.map((a) => a.title);
    expect(await titles("overview")).toContain("Mô hình theo báo cáo mới");
    expect(await titles("dashboard")).toContain("Mô hình theo báo cáo mới");
    await other.query("DELETE FROM achievement WHERE id = $1", [rows[0].id]);
    expect(await titles("overview")).not.toContain("Mô hình theo báo cáo mới");
    expect(await titles("dashboard")).not.toContain("Mô hình theo báo cáo mới");
  });

  it("follow a published land-clearance project changed through another connection", async () => {
    const { value } = await readTwice("overview");
    const project = value!.projects[0];
    expect(project).toBeDefined();
    await other.query(
      `UPDATE land_clearance_project SET note = 'ghi chú của quận'
        WHERE org_unit_id = $1 AND term_id = $2 AND name = $3`,
      [ids.ward, term.id, project.name],
    );
    const after = (await readTwice("overview")).value!;
    expect(after.projects.find((p) => p.name === project.name)?.note).toBe("ghi chú của quận");
  });

  it("are not read again after a ward's draft record, which the pages do not show", async () => {
    const { achievementFormSchema } = await import("@/lib/validation/land-clearance");
    const draft = (title: string) =>
      lib.createAchievement(
        { userId: "test-user", name: "Cán bộ phường thử" },
        ids.ward,
        achievementFormSchema.parse({
          ward: NT,
          term: term.slug,
          version: "0",
          kind: "OTHER",
          status: "ACHIEVED",
          year: "2020",
          title,
          programme: PROGRAMME,
        }),
      );
    // the ward's first entry creates its source of entered figures (a source: the version moves once)
    expect(await draft("Danh hiệu đang soạn")).toMatchObject({ ok: true });
    const before = await progressVersion();
    const kept = await readTwice("overview");
    expect(await draft("Mô hình đang soạn")).toMatchObject({ ok: true });
    expect(await progressVersion()).toBe(before);
    expect(await counted(() => reads.overview(ngocThuy))).toEqual({ value: kept.value, sent: [] });
    expect(kept.value!.achievements.map((a) => a.title)).not.toContain("Mô hình đang soạn");
  });
});

describe("the home page's lists kept per process", () => {
  const units = () => import("@/lib/data/org-units");

  it("the wards' page: once per reader's units and query, again after a figure or a unit changes", async () => {
    const { listWards } = await units();
    const district = (await database.prisma.orgUnit.findUniqueOrThrow({ where: { slug: "long-bien" } })).id;
    const scope: ReadScope = { rootIds: [district] };
    const read = () => counted(() => listWards(scope, { q: "ngoc thuy" }));
    const first = await read();
    expect(first.sent.length).toBeGreaterThan(0);
    expect(await read()).toEqual({ value: first.value, sent: [] });
    // another reader, another query: their own lists
    expect((await listWards(boDe)).wards.map((w) => w.slug)).toEqual(["bo-de"]);
    expect((await listWards(scope, { q: "bo de" })).wards.map((w) => w.slug)).toEqual(["bo-de"]);
    expect((await listWards(scope, { q: "ngoc thuy", exclude: [ids.ward] })).wards).toEqual([]);

    const count = (await read()).value.wards.find((w) => w.slug === NT)!.resultCount;
    const { rows } = await other.query<{ id: number }>(
      "SELECT id FROM result WHERE org_unit_id = $1 ORDER BY id DESC LIMIT 1",
      [ids.ward],
    );
    await other.query("DELETE FROM result WHERE id = $1", [rows[0].id]);
    expect((await read()).value.wards.find((w) => w.slug === NT)!.resultCount).toBe(count - 1);
    await other.query("UPDATE org_unit SET name = 'Phường Ngọc Thụy mới' WHERE id = $1", [ids.ward]);
    expect((await read()).value.wards.map((w) => w.name)).toEqual(["Phường Ngọc Thụy mới"]);
  });

  it("the reader's own units: once per reader, again after a unit changes", async () => {
    const { listScopeRoots } = await units();
    const first = await counted(() => listScopeRoots(boDe));
    expect(first.value.map((u) => u.slug)).toEqual(["bo-de"]);
    expect(await counted(() => listScopeRoots(boDe))).toEqual({ value: first.value, sent: [] });
    expect((await listScopeRoots(ngocThuy)).map((u) => u.slug)).toEqual([NT]);
    await other.query("UPDATE org_unit SET short_name = 'Bồ Đề mới' WHERE slug = 'bo-de'");
    expect((await listScopeRoots(boDe)).map((u) => u.shortName)).toEqual(["Bồ Đề mới"]);
  });
});

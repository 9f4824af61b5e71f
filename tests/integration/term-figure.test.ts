// Stored term figures (table term_figure, issue 11) against the domain's definition: after the seed and
// after every kind of write of a result — insert, change of value or "trên", a row moved to another
// year, unit or indicator, delete, truncate — and after a change of an indicator's rule, a source's
// kind or a unit's parent, every unit × indicator × term holding a value has exactly the figure
// summariseIndicator() gives (basis, value, qualifier, years, sources, demo, note), and no other row
// exists. The writes go through plain SQL, as a script or an import would: the triggers, not the app,
// keep the table exact. Then comparisons over wards with yearly figures only (every term figure
// computed from the years) equal the domain functions: figures, ranks, averages, "trên", every rule.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { comparisonRows, compareWithSiblings, parentFigure, unitFigures } from "@/lib/domain/compare";
import type { ReadScope } from "@/lib/data/scope";
import type { TermSummary } from "@/lib/data/terms";
import { seed } from "@/prisma/seed";
import { type TestDatabase, createMigratedDatabase } from "../setup/db";
import { expectStoredTermFigures, plainFigure as plain } from "./term-figure-fixtures";

let database: TestDatabase;
let term: TermSummary;
const ALL: ReadScope = { all: true };

beforeAll(async () => {
  database = await createMigratedDatabase();
  await seed(database.prisma, { demo: true });
  vi.stubEnv("DATABASE_URL", database.url);
  vi.resetModules();
  (globalThis as { prisma?: unknown }).prisma = undefined;
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

const expectExact = (label: string) => expectStoredTermFigures(database.prisma, label);

const sql = (q: TemplateStringsArray, ...v: unknown[]) => database.prisma.$executeRaw(q, ...v);

describe("term_figure is the domain's term figure, whoever writes the results", () => {
  it("after the seed: both bases, demo and reported sources, every unit with values", async () => {
    await expectExact("seed");
    const bases = await database.prisma.termFigure.groupBy({ by: ["basis"], _count: true });
    expect(bases.map((b) => b.basis).sort()).toEqual(["computed", "reported"]);
  });

  it("after inserts, changes, moves and deletes of results in plain SQL", async () => {
    // "trên", ties, zeros and gaps, as the comparison test makes them
    await sql`UPDATE result SET qualifier = 'MORE_THAN' WHERE id % 7 = 0`;
    await expectExact("more than");
    await sql`UPDATE result SET value = 5 WHERE id % 13 = 0`;
    await sql`UPDATE result SET value = 0 WHERE id % 17 = 0`;
    await expectExact("values");
    await sql`DELETE FROM result WHERE id % 11 = 0`;
    await expectExact("deleted years");
    // a stored term value deleted: the figure is computed from the years again
    await sql`DELETE FROM result WHERE id IN (
      SELECT r.id FROM result r JOIN period p ON p.id = r.period_id WHERE p.kind = 'TERM' ORDER BY r.id LIMIT 5)`;
    await expectExact("term values deleted");
    // rows moved to another year, another unit and another indicator in one statement each
    await sql`UPDATE result r SET period_id = (SELECT id FROM period WHERE kind = 'YEAR' AND year = 2016 AND term_id = p.term_id)
      FROM period p WHERE p.id = r.period_id AND p.kind = 'YEAR' AND p.year = 2015 AND r.id % 3 = 0
        AND NOT EXISTS (SELECT 1 FROM result o JOIN period op ON op.id = o.period_id
          WHERE o.indicator_id = r.indicator_id AND o.org_unit_id = r.org_unit_id AND op.year = 2016 AND op.term_id = p.term_id)`;
    await sql`UPDATE result r SET org_unit_id = (SELECT id FROM org_unit WHERE slug = 'bo-de')
      WHERE r.org_unit_id = (SELECT id FROM org_unit WHERE slug = 'thach-ban') AND NOT EXISTS (
        SELECT 1 FROM result o WHERE o.org_unit_id = (SELECT id FROM org_unit WHERE slug = 'bo-de')
          AND o.indicator_id = r.indicator_id AND o.period_id = r.period_id)`;
    await expectExact("moved");
    // a new unit's years, and a term value added over years
    await sql`
      INSERT INTO result (indicator_id, org_unit_id, period_id, value, qualifier, source_id, recorded_by)
      SELECT r.indicator_id, r.org_unit_id, p.id, 42, 'EXACT', r.source_id, 'test'
      FROM (SELECT DISTINCT ON (indicator_id) * FROM result r
            WHERE NOT EXISTS (SELECT 1 FROM result t JOIN period tp ON tp.id = t.period_id
              WHERE tp.kind = 'TERM' AND t.indicator_id = r.indicator_id AND t.org_unit_id = r.org_unit_id)
            ORDER BY indicator_id, id LIMIT 6) r
      JOIN period p ON p.term_id = ${term.id} AND p.kind = 'TERM'`;
    await expectExact("term values added");
  });

  it("after a change of an indicator's rule, a source's kind and a unit's parent", async () => {
    await sql`
      UPDATE indicator SET aggregation = 'MAX' WHERE id = (
        SELECT min(r.indicator_id) FROM result r JOIN indicator i ON i.id = r.indicator_id
        WHERE i.aggregation = 'SUM' AND i.collection_level = 'WARD')`;
    await sql`UPDATE indicator SET aggregation = 'LATEST' WHERE id = (
        SELECT max(r.indicator_id) FROM result r JOIN indicator i ON i.id = r.indicator_id
        WHERE i.aggregation = 'SUM' AND i.collection_level = 'WARD')`;
    await expectExact("rules");
    const demo = await database.prisma.source.findFirst({ where: { kind: "DEMO", results: { some: {} } } });
    await sql`UPDATE source SET kind = 'REPORT' WHERE key = ${demo!.key}`;
    await expectExact("source kind");
    await sql`UPDATE source SET kind = 'DEMO' WHERE key = ${demo!.key}`;
    await expectExact("source kind back");
    await sql`UPDATE org_unit SET parent_id = (SELECT parent_id FROM org_unit WHERE slug = 'long-bien')
      WHERE slug = 'ngoc-thuy'`;
    await expectExact("unit moved");
    await sql`UPDATE org_unit SET parent_id = (SELECT id FROM org_unit WHERE slug = 'long-bien') WHERE slug = 'ngoc-thuy'`;
    await expectExact("unit moved back");
  });
});

describe("two writers of the same figure at once", () => {
  it("the second recomputes after the first commits: both years counted, no collision", async () => {
    const { prisma } = database;
    await sql`
      INSERT INTO org_unit (slug, name, short_name, level, parent_id, sort_order, valid_from, updated_at)
      SELECT 'dong-thoi', 'Phường Đồng Thời', 'Đồng Thời', 'WARD', id, 97, valid_from, now()
      FROM org_unit WHERE slug = 'long-bien'`;
    const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { slug: "dong-thoi" } });
    const indicator = await prisma.indicator.findFirstOrThrow({
      where: { aggregation: "SUM", collectionLevel: "WARD", programme: { termId: term.id } },
    });
    const insertYear = (tx: typeof prisma | Parameters<Parameters<typeof prisma.$transaction>[0]>[0], year: number) =>
      tx.$executeRaw`
        INSERT INTO result (indicator_id, org_unit_id, period_id, value, source_id, recorded_by)
        SELECT ${indicator.id}, ${unit.id}, p.id, ${year - 2000}, (SELECT id FROM source ORDER BY id LIMIT 1), 'test'
        FROM period p WHERE p.term_id = ${term.id} AND p.kind = 'YEAR' AND p.year = ${year}`;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = prisma.$transaction(async (tx) => {
      await insertYear(tx, 2016);
      await gate; // holds its uncommitted year while the second writes
    });
    await new Promise((r) => setTimeout(r, 300));
    const second = prisma.$transaction(async (tx) => insertYear(tx, 2017));
    await new Promise((r) => setTimeout(r, 300));
    release();
    await Promise.all([first, second]);
    const stored = await prisma.termFigure.findUniqueOrThrow({
      where: { indicatorId_termId_orgUnitId: { indicatorId: indicator.id, termId: term.id, orgUnitId: unit.id } },
    });
    expect({ value: stored.value.toFixed(), years: stored.years }).toEqual({ value: "33", years: [2016, 2017] });
    await expectExact("concurrent writers");
  });
});

describe("comparisons over wards with yearly figures only equal the domain functions", () => {
  it("every rule with 'trên', ties and gaps: own figures, sibling averages, ranks and totals", async () => {
    const { prisma } = database;
    // a district of 30 wards, yearly values only (no TERM row), every ward-level indicator of the term
    await sql`
      INSERT INTO org_unit (slug, name, short_name, level, parent_id, sort_order, valid_from, updated_at)
      SELECT 'chi-nam', 'Quận Chỉ số liệu năm', 'Chỉ năm', 'DISTRICT', parent_id, 98, valid_from, now()
      FROM org_unit WHERE slug = 'long-bien'`;
    await sql`
      INSERT INTO org_unit (slug, name, short_name, level, parent_id, sort_order, valid_from, updated_at)
      SELECT 'nam-' || g, 'Phường Năm ' || g, 'Năm ' || g, 'WARD', d.id, g, d.valid_from, now()
      FROM generate_series(1, 30) g, org_unit d WHERE d.slug = 'chi-nam'`;
    // the programmes apply below their issuer: issued by the city here, so the new district follows them
    await sql`UPDATE programme SET issuer_id = (SELECT parent_id FROM org_unit WHERE slug = 'long-bien')
      WHERE term_id = ${term.id}`;
    await sql`
      INSERT INTO result (indicator_id, org_unit_id, period_id, value, qualifier, source_id, recorded_by)
      SELECT i.id, u.id, p.id,
        CASE WHEN i.value_type = 'BOOLEAN' THEN (u.sort_order + p.year) % 2 ELSE (u.sort_order * 7 + p.year + i.id) % 23 END,
        CASE WHEN (u.sort_order + p.year + i.id) % 9 = 0 THEN 'MORE_THAN'::qualifier ELSE 'EXACT'::qualifier END,
        (SELECT id FROM source WHERE kind = 'DEMO' ORDER BY id LIMIT 1), 'test'
      FROM org_unit u
      JOIN org_unit d ON d.id = u.parent_id AND d.slug = 'chi-nam'
      CROSS JOIN indicator i
      JOIN programme pr ON pr.id = i.programme_id AND pr.term_id = ${term.id}
      JOIN period p ON p.term_id = ${term.id} AND p.kind = 'YEAR'
      WHERE i.collection_level = 'WARD' AND (u.sort_order + p.year * 3 + i.id) % 8 <> 0`;
    await expectExact("years only");
    const stored = await prisma.termFigure.count({ where: { orgUnit: { parent: { slug: "chi-nam" } } } });
    const reported = await prisma.termFigure.count({
      where: { orgUnit: { parent: { slug: "chi-nam" } }, basis: "reported" },
    });
    expect(stored).toBeGreaterThan(30 * 20);
    expect(reported).toBe(0);

    const { getWardComparison, getIndicatorComparison, getChildrenValues } = await import("@/lib/data/compare");
    const { getProgrammes } = await import("@/lib/data/programmes");
    const wards = await prisma.orgUnit.findMany({
      where: { parent: { slug: "chi-nam" } },
      select: { slug: true, name: true, shortName: true },
      orderBy: { sortOrder: "asc" },
    });
    const rules = new Set<string>();
    let moreThan = 0;
    for (const programme of await getProgrammes(term.id)) {
      for (const ward of [wards[0], wards[17]]) {
        const got = await getWardComparison(
          term,
          { ward: ward.slug, programme: programme.slug, period: { kind: "TERM" } },
          ALL,
        );
        expect(got, programme.slug).not.toBeNull();
        const rows = got!.sections.flatMap((s) => s.rows);
        const values = await getChildrenValues({
          parentSlug: "chi-nam",
          termId: term.id,
          programmeSlug: programme.slug,
          codes: rows.map((r) => r.indicator.code),
          scope: ALL,
        });
        expect(got!.siblingCount).toBe(29);
        for (const r of rows) {
          const mine = values.filter((v) => v.code === r.indicator.code);
          const own = unitFigures([ward], mine, r.indicator.aggregation, { kind: "TERM" })[0].figure;
          const theirs = unitFigures(
            wards.filter((w) => w.slug !== ward.slug),
            mine,
            r.indicator.aggregation,
            { kind: "TERM" },
          ).map((f) => f.figure);
          expect(plain(r.own), r.indicator.code).toEqual(plain(own));
          expect(r.own.basis === "none" || r.own.basis === "computed", r.indicator.code).toBe(true);
          expect(r.siblings, r.indicator.code).toEqual(compareWithSiblings(r.indicator, own, theirs));
          rules.add(r.indicator.aggregation);
          if (r.own.qualifier === "MORE_THAN") moreThan++;
        }
        // the ranking of each indicator: figures, ranks, the table's order and the district's figure
        for (const r of rows.slice(0, 6)) {
          const mine = values.filter((v) => v.code === r.indicator.code);
          const figures = unitFigures(wards, mine, r.indicator.aggregation, { kind: "TERM" });
          const expected = comparisonRows({
            indicator: r.indicator,
            figures,
            normalisation: { state: "off" },
            target: null,
            sort: "desc",
          });
          const ranking = (await getIndicatorComparison(
            term,
            { parent: "chi-nam", indicator: r.indicator.code, period: { kind: "TERM" }, sort: "desc", per: "none" },
            ALL,
          ))!;
          expect(
            ranking.table.rows.map((x) => [x.unit.slug, plain(x.figure), x.shown, x.rank]),
            r.indicator.code,
          ).toEqual(expected.map((x) => [x.unit.slug, plain(x.figure), x.shown, x.rank]));
          expect(ranking.parentFigure, r.indicator.code).toEqual(
            parentFigure(
              r.indicator,
              figures.map((f) => f.figure),
            ),
          );
        }
      }
    }
    expect(rules).toEqual(new Set(["SUM", "AVERAGE", "LATEST", "MAX", "YEARS_ACHIEVED"]));
    expect(moreThan).toBeGreaterThan(5);
  }, 240_000);

  it("refuses every direct write of term_figure, also by the tables' owner or a superuser", async () => {
    // (the embedded database's app is its superuser; on a server the app's role has no write right at
    // all: app-role.test.ts, term-figure-approval.test.ts)
    const one = (
      await database.prisma.$queryRaw<Array<{ k: string }>>`
        SELECT format('org_unit_id = %s AND indicator_id = %s AND term_id = %s', org_unit_id, indicator_id, term_id) AS k
        FROM term_figure LIMIT 1`
    )[0].k;
    const attempts = [
      `UPDATE term_figure SET value = value + 1 WHERE ${one}`,
      `DELETE FROM term_figure WHERE ${one}`,
      `INSERT INTO term_figure (indicator_id, term_id, org_unit_id, basis, value, qualifier, demo)
         SELECT indicator_id, term_id, org_unit_id + 0, basis, 1, qualifier, demo FROM term_figure WHERE ${one}
         ON CONFLICT DO NOTHING`,
      "TRUNCATE term_figure",
    ];
    for (const statement of attempts) {
      const error = await database.prisma.$executeRawUnsafe(statement).catch((e: unknown) => e);
      expect(String(error), statement).toContain("term_figure is written only by the triggers on result");
    }
    await expectExact("after refused writes");
    // the owner may still recompute keys by hand
    await sql`SELECT term_figure_refresh(array_agg(org_unit_id), array_agg(indicator_id), array_agg(term_id))
      FROM (SELECT org_unit_id, indicator_id, term_id FROM term_figure LIMIT 50) k`;
    await expectExact("refreshed by hand");
  });

  it("a truncate of the results empties the stored figures", async () => {
    await database.prisma.$executeRawUnsafe("TRUNCATE result");
    expect(await database.prisma.termFigure.count()).toBe(0);
  });
});

// The comparisons aggregate in SQL (lib/data/compare.ts); the domain functions (lib/domain/compare.ts,
// term-figure.ts) are the reference. On the seed (the report and the demo years), with some figures
// made "trên" (more than), ties, gaps and a MAX rule added so that every rule meets them: the same term figures,
// qualifiers, bases, ranks, totals and averages, for the term and for each year, per 1 000 inhabitants
// as well; and a comparison never reads a unit outside the reader's scope.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  comparisonRows,
  compareWithSiblings,
  normalisation,
  parentFigure,
  unitFigures,
  type PeriodChoice,
  type PeriodFigure,
} from "@/lib/domain/compare";
import type { ReadScope } from "@/lib/data/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TermSummary } from "@/lib/data/terms";
import { seed } from "@/prisma/seed";
import { type TestDatabase, createMigratedDatabase } from "../setup/db";
import { withSentStatements } from "../setup/sent-statements";

let database: TestDatabase;
let term: TermSummary;
const ALL: ReadScope = { all: true };

const data = async () => ({
  ...(await import("@/lib/data/compare")),
  ...(await import("@/lib/data/programmes")),
  ...(await import("@/lib/data/org-units")),
});

beforeAll(async () => {
  database = await createMigratedDatabase();
  const { prisma } = database;
  await seed(prisma, { demo: true });
  // "trên" on some yearly and term figures, equal values (ties), and missing years and units
  await prisma.$executeRaw`UPDATE result SET qualifier = 'MORE_THAN' WHERE id % 7 = 0`;
  await prisma.$executeRaw`UPDATE result SET value = 5 WHERE id % 13 = 0`;
  await prisma.$executeRaw`UPDATE result SET value = 0 WHERE id % 17 = 0`;
  await prisma.$executeRaw`DELETE FROM result WHERE id % 11 = 0`;
  // the seed has no MAX indicator: one of a rule held by several becomes one
  await prisma.$executeRaw`
    UPDATE indicator SET aggregation = 'MAX' WHERE id = (
      SELECT min(id) FROM indicator WHERE collection_level = 'WARD' AND aggregation = (
        SELECT aggregation FROM indicator WHERE collection_level = 'WARD' AND aggregation IN ('AVERAGE', 'LATEST')
        GROUP BY aggregation HAVING count(*) > 1 ORDER BY count(*) DESC LIMIT 1))`;
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

const periods = (): PeriodChoice[] => [
  { kind: "TERM" },
  ...Array.from({ length: term.endYear - term.startYear + 1 }, (_, i) => ({
    kind: "YEAR" as const,
    year: term.startYear + i,
  })),
];

const plain = (f: PeriodFigure) => ({
  basis: f.basis,
  value: f.value,
  qualifier: f.qualifier,
  years: f.years,
  sources: f.sources.map((s) => s.key),
  isDemo: f.isDemo,
  note: f.note,
});

async function wardIndicators() {
  const { getProgrammes } = await data();
  return (await getProgrammes(term.id)).flatMap((p) =>
    p.sections
      .flatMap((s) => s.indicators)
      .filter((i) => i.collectionLevel === "WARD")
      .map((i) => ({ ...i, programmeSlug: p.slug })),
  );
}

async function districtWards() {
  return database.prisma.orgUnit.findMany({
    where: { parent: { slug: "long-bien" } },
    select: { slug: true, name: true, shortName: true, population: true, households: true },
  });
}

describe("/so-sanh in SQL equals the domain functions", () => {
  it("covers every aggregation rule, with 'trên' figures among them", async () => {
    const rules = new Set((await wardIndicators()).map((i) => i.aggregation));
    expect(rules).toEqual(new Set(["SUM", "AVERAGE", "LATEST", "MAX", "YEARS_ACHIEVED"]));
    const moreThan = await database.prisma.result.count({
      where: { qualifier: "MORE_THAN", orgUnit: { parent: { slug: "long-bien" } } },
    });
    expect(moreThan).toBeGreaterThan(20);
  });

  it("same figures, ranks and district total/average for every indicator, the term and each year", async () => {
    const { getIndicatorComparison, getChildrenValues } = await data();
    const wards = await districtWards();
    let compared = 0;
    const termBases = new Set<string>();
    for (const ind of await wardIndicators()) {
      const values = await getChildrenValues({
        parentSlug: "long-bien",
        termId: term.id,
        programmeSlug: ind.programmeSlug,
        codes: [ind.code],
        scope: ALL,
      });
      for (const period of periods()) {
        const figures = unitFigures(wards, values, ind.aggregation, period);
        const expected = comparisonRows({
          indicator: ind,
          figures,
          normalisation: { state: "off" },
          target: null,
          sort: "desc",
        });
        const got = await getIndicatorComparison(
          term,
          { parent: "long-bien", indicator: ind.code, period, sort: "desc", per: "none" },
          ALL,
        );
        const label = `${ind.code} ${period.kind === "TERM" ? "term" : period.year}`;
        expect(got, label).not.toBeNull();
        const bySlug = (rows: typeof expected) =>
          Object.fromEntries(rows.map((r) => [r.unit.slug, { figure: plain(r.figure), shown: r.shown, rank: r.rank }]));
        expect(got!.table.rows).toHaveLength(wards.length);
        if (period.kind === "TERM") for (const r of got!.table.rows) termBases.add(r.figure.basis);
        expect(bySlug(got!.table.rows), label).toEqual(bySlug(expected));
        // the table's order: value descending, units without a figure last
        expect(
          got!.table.rows.map((r) => r.shown?.value ?? null),
          label,
        ).toEqual(expected.map((r) => r.shown?.value ?? null));
        expect(got!.parentFigure, label).toEqual(
          parentFigure(
            ind,
            figures.map((f) => f.figure),
          ),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
    // both ways to a term figure were met: a stored term value, and the years by the rule where none is
    expect(termBases).toContain("reported");
    expect(termBases).toContain("computed");
  }, 240_000);

  it("per 1 000 inhabitants: the same shown values and ranks as perThousand", async () => {
    const { getIndicatorComparison, getChildrenValues } = await data();
    await database.prisma.$executeRaw`
      UPDATE org_unit SET population = 9000 + (id * 37) % 5000
      WHERE parent_id = (SELECT id FROM org_unit WHERE slug = 'long-bien')`;
    const wards = await districtWards();
    const sums = (await wardIndicators()).filter((i) => i.aggregation === "SUM" && i.valueType === "COUNT");
    expect(sums.length).toBeGreaterThan(3);
    for (const ind of sums) {
      const values = await getChildrenValues({
        parentSlug: "long-bien",
        termId: term.id,
        programmeSlug: ind.programmeSlug,
        codes: [ind.code],
        scope: ALL,
      });
      const figures = unitFigures(wards, values, ind.aggregation, { kind: "TERM" });
      const norm = normalisation("capita", ind, wards);
      const expected = comparisonRows({ indicator: ind, figures, normalisation: norm, target: null, sort: "asc" });
      const got = (await getIndicatorComparison(
        term,
        { parent: "long-bien", indicator: ind.code, period: { kind: "TERM" }, sort: "asc", per: "capita" },
        ALL,
      ))!;
      expect(got.normalisation.state).toBe("on");
      expect(
        got.table.rows.map((r) => [r.unit.slug, r.shown, r.rank]),
        ind.code,
      ).toEqual(expected.map((r) => [r.unit.slug, r.shown, r.rank]));
    }
  }, 120_000);

  it("one ward against the others: the same own figures and sibling averages", async () => {
    const { getWardComparison, getChildrenValues, getProgrammes } = await data();
    const wards = await districtWards();
    const others = wards.filter((w) => w.slug !== "ngoc-thuy");
    const ngocThuy = wards.find((w) => w.slug === "ngoc-thuy")!;
    for (const programme of await getProgrammes(term.id)) {
      for (const period of [{ kind: "TERM" } as const, { kind: "YEAR", year: 2019 } as const]) {
        const got = await getWardComparison(term, { ward: "ngoc-thuy", programme: programme.slug, period }, ALL);
        if (!got) continue;
        const rows = got.sections.flatMap((s) => s.rows);
        const values = await getChildrenValues({
          parentSlug: "long-bien",
          termId: term.id,
          programmeSlug: programme.slug,
          codes: rows.map((r) => r.indicator.code),
          scope: ALL,
        });
        expect(got.siblingCount).toBe(others.length);
        for (const r of rows) {
          const mine = values.filter((v) => v.code === r.indicator.code);
          const own = unitFigures([ngocThuy], mine, r.indicator.aggregation, period)[0].figure;
          const theirs = unitFigures(others, mine, r.indicator.aggregation, period).map((f) => f.figure);
          expect(plain(r.own), r.indicator.code).toEqual(plain(own));
          expect(r.siblings, r.indicator.code).toEqual(compareWithSiblings(r.indicator, own, theirs));
        }
      }
    }
  }, 120_000);

  it("across terms: the ward's values of the programme's indicators, as the children's values give them", async () => {
    const { getAcrossTerms, getChildrenValues, getProgrammes } = await data();
    for (const programme of await getProgrammes(term.id)) {
      const codes = programme.sections.flatMap((s) => s.indicators).map((i) => i.code);
      const across = await getAcrossTerms({
        unitSlug: "ngoc-thuy",
        issuerSlug: programme.issuer.slug,
        programmeSlug: programme.slug,
        codes,
        scope: ALL,
      });
      const children = await getChildrenValues({
        parentSlug: "long-bien",
        termId: term.id,
        programmeSlug: programme.slug,
        codes,
        scope: ALL,
      });
      const key = (v: { code: string; period: { kind: string; year: number | null } }) =>
        `${v.code} ${v.period.kind} ${v.period.year}`;
      const sorted = <T extends { code: string; period: { kind: string; year: number | null } }>(vs: T[]) =>
        [...vs].sort((a, b) => key(a).localeCompare(key(b)));
      const own = children.filter((v) => v.unitSlug === "ngoc-thuy");
      expect(own.length, programme.slug).toBeGreaterThan(0);
      // one term in the seed: the same values, sources, qualifiers and notes
      expect(sorted(across.values)).toEqual(sorted(own));
      expect(new Set(across.indicators.map((i) => i.code))).toEqual(new Set(codes));
      expect(across.indicators.every((i) => i.term.slug === term.slug)).toBe(true);
    }
  }, 60_000);
});

describe("the comparisons' statements", () => {
  it("are planned for their parameters at every request, never as a cached generic plan", async () => {
    // a named statement switches to a generic plan after five executions: for the ranking at 3.321 wards
    // that plan took 3,5 s instead of 20 ms (lib/db.ts, rows() with replan)
    const { getIndicatorComparison, getWardComparison } = await data();
    const { sent } = await withSentStatements(async () => {
      // seven different pages (a page already read is kept, and sends nothing: below)
      for (const [i, period] of periods().slice(0, 7).entries()) {
        await getIndicatorComparison(
          term,
          { parent: "long-bien", period: { kind: "TERM" }, sort: "desc", per: "none", page: i + 1 },
          ALL,
        );
        await getWardComparison(term, { ward: "ngoc-thuy", period }, ALL);
      }
    });
    const figures = sent.filter((q) => q.text.includes("kids AS ("));
    // the ranking, the siblings' statistics and the ward's own figures, each time
    expect(periods().length).toBeGreaterThanOrEqual(7);
    expect(figures.length).toBe(21);
    expect(figures.filter((q) => q.name !== undefined)).toEqual([]);
  });
});

describe("a large ranking: top and bottom in the chart, a page in the table, search without diacritics", () => {
  it("pages, searches with vi_fold and keeps the selected ward's rank", async () => {
    const { getIndicatorComparison } = await data();
    const all = (await getIndicatorComparison(
      term,
      { parent: "long-bien", indicator: "xu-phat-vi-pham", period: { kind: "TERM" }, sort: "desc", per: "none" },
      ALL,
    ))!;
    const found = (await getIndicatorComparison(
      term,
      {
        parent: "long-bien",
        indicator: "xu-phat-vi-pham",
        period: { kind: "TERM" },
        sort: "desc",
        per: "none",
        q: "ngoc thuy",
        ward: "ngoc-thuy",
      },
      ALL,
    ))!;
    expect(found.table.rows.map((r) => r.unit.name)).toEqual(["Phường Ngọc Thụy"]);
    expect(found.table.matchCount).toBe(1);
    const rank = all.table.rows.find((r) => r.unit.slug === "ngoc-thuy")!.rank;
    expect(found.table.rows[0].rank).toBe(rank);
    expect(found.selected?.rank).toBe(rank);
    // 14 wards: all of them in the chart, each once
    expect([...all.chart.top, ...all.chart.bottom].map((r) => r.unit.slug)).toEqual(
      all.table.rows.filter((r) => r.shown).map((r) => r.unit.slug),
    );
  });
});

describe("60 wards: the chart holds the top and bottom 20 and the selected ward, the table pages", () => {
  it("ranks as the domain does and sends only the rows shown", async () => {
    const { prisma } = database;
    // a demo district of 60 wards with yearly values (ties included), made in SQL
    await prisma.$executeRaw`
      INSERT INTO org_unit (slug, name, short_name, level, parent_id, sort_order, valid_from, updated_at)
      SELECT 'thu-nghiem', 'Quận Thử nghiệm', 'Thử nghiệm', 'DISTRICT', parent_id, 99, valid_from, now()
      FROM org_unit WHERE slug = 'long-bien'`;
    await prisma.$executeRaw`
      INSERT INTO org_unit (slug, name, short_name, level, parent_id, sort_order, valid_from, updated_at)
      SELECT 'thu-' || g, 'Phường Thử ' || g, 'Thử ' || g, 'WARD', d.id, g, d.valid_from, now()
      FROM generate_series(1, 60) g, org_unit d WHERE d.slug = 'thu-nghiem'`;
    // a programme applies only below its issuer: the indicator's programme is the city's here, so the
    // demo district's wards follow it too
    await prisma.$executeRaw`
      UPDATE programme SET issuer_id = (SELECT parent_id FROM org_unit WHERE slug = 'long-bien')
      WHERE id = (SELECT programme_id FROM indicator i JOIN programme p ON p.id = i.programme_id
                  WHERE i.code = 'xu-phat-vi-pham' AND p.term_id = ${term.id})`;
    await prisma.$executeRaw`
      INSERT INTO result (indicator_id, org_unit_id, period_id, value, qualifier, source_id, recorded_by)
      SELECT i.id, u.id, p.id, (u.sort_order * 7 + p.year) % 40, 'EXACT',
        (SELECT id FROM source WHERE kind = 'DEMO' ORDER BY id LIMIT 1), 'test'
      FROM org_unit u, indicator i, period p
      WHERE u.slug LIKE 'thu-%' AND u.level = 'WARD' AND i.code = 'xu-phat-vi-pham'
        AND p.term_id = ${term.id} AND p.kind = 'YEAR'
        AND i.programme_id IN (SELECT id FROM programme WHERE term_id = ${term.id})`;
    const { getIndicatorComparison, getChildrenValues } = await data();
    const q = {
      parent: "thu-nghiem",
      indicator: "xu-phat-vi-pham",
      period: { kind: "TERM" } as const,
      sort: "desc" as const,
      per: "none" as const,
      ward: "thu-30",
    };
    const got = (await getIndicatorComparison(term, q, ALL))!;
    const wards = await database.prisma.orgUnit.findMany({
      where: { parent: { slug: "thu-nghiem" } },
      select: { slug: true, name: true, shortName: true },
    });
    const values = await getChildrenValues({
      parentSlug: "thu-nghiem",
      termId: term.id,
      programmeSlug: "03-CTr-QU",
      codes: ["xu-phat-vi-pham"],
      scope: ALL,
    });
    const ind = (await wardIndicators()).find((i) => i.code === "xu-phat-vi-pham")!;
    const expected = comparisonRows({
      indicator: ind,
      figures: unitFigures(wards, values, ind.aggregation, { kind: "TERM" }),
      normalisation: { state: "off" },
      target: null,
      sort: "desc",
    });
    const rankOf = new Map(expected.map((r) => [r.unit.slug, r.rank]));
    expect(got.chart.withValue).toBe(60);
    expect(got.chart.top.map((r) => r.shown!.value)).toEqual(expected.slice(0, 20).map((r) => r.shown!.value));
    expect(got.chart.bottom.map((r) => r.shown!.value)).toEqual(expected.slice(40).map((r) => r.shown!.value));
    for (const r of [...got.chart.top, ...got.chart.bottom, ...got.table.rows])
      expect(r.rank).toBe(rankOf.get(r.unit.slug));
    expect(got.selected?.rank).toBe(rankOf.get("thu-30"));
    expect(got.table).toMatchObject({ page: 1, pageCount: 2, matchCount: 60 });
    expect(got.table.rows).toHaveLength(50);
    const page2 = (await getIndicatorComparison(term, { ...q, page: 2 }, ALL))!;
    expect(page2.table.rows.map((r) => r.shown!.value)).toEqual(expected.slice(50).map((r) => r.shown!.value));
    // search: "thu 1" (no diacritics) finds Thử 1 and Thử 10–19, by name
    const found = (await getIndicatorComparison(term, { ...q, q: "thu 1", sort: "name" }, ALL))!;
    expect(found.table.matchCount).toBe(11);
    expect(found.table.rows.every((r) => r.unit.name.startsWith("Phường Thử 1"))).toBe(true);
  });
});

describe("a comparison never reads outside the reader's scope", () => {
  it("a reader of one ward gets nothing of the district's comparison", async () => {
    const { getIndicatorComparison, getWardComparison, searchChildren } = await data();
    const { prisma } = database;
    const id = async (slug: string) => (await prisma.orgUnit.findUniqueOrThrow({ where: { slug } })).id;
    const ward: ReadScope = { rootIds: [await id("ngoc-thuy")] };
    const q = {
      parent: "long-bien",
      indicator: "xu-phat-vi-pham",
      period: { kind: "TERM" } as const,
      sort: "desc" as const,
      per: "none" as const,
    };
    // kept for the district's readers, still nothing for the ward's
    expect(await getIndicatorComparison(term, q, ALL)).not.toBeNull();
    expect(await getWardComparison(term, { ward: "ngoc-thuy", period: { kind: "TERM" } }, ALL)).not.toBeNull();
    expect(await getIndicatorComparison(term, q, ward)).toBeNull();
    expect(await getWardComparison(term, { ward: "ngoc-thuy", period: { kind: "TERM" } }, ward)).toBeNull();
    expect(await searchChildren({ parentSlug: "long-bien", q: "", limit: 20, scope: ward })).toBeNull();

    // two wards' readers (no grant on the district) compare nothing of it either
    const two: ReadScope = { rootIds: [await id("ngoc-thuy"), await id("bo-de")] };
    expect(await getIndicatorComparison(term, q, two)).toBeNull();
    expect(await searchChildren({ parentSlug: "long-bien", q: "", limit: 20, scope: two })).toBeNull();
  });
});

describe("a comparison is kept until the catalogue or the figures change", () => {
  /** The comparisons' figure statements sent while `run` runs, and its value. */
  async function figureStatementsOf<T>(run: () => Promise<T>): Promise<{ value: T; sent: number }> {
    const { value, sent } = await withSentStatements(run);
    return { value, sent: sent.filter((q) => q.text.includes("kids AS (")).length };
  }

  it("reads again after a result, a source or a target is written, also through another connection", async () => {
    const { getIndicatorComparison, getWardComparison } = await data();
    const { prisma } = database;
    const year = term.startYear + 1;
    const q = {
      parent: "long-bien",
      indicator: "xu-phat-vi-pham",
      period: { kind: "YEAR", year } as const,
      sort: "desc" as const,
      per: "none" as const,
      ward: "ngoc-thuy",
    };
    const ranking = () => figureStatementsOf(async () => (await getIndicatorComparison(term, q, ALL))!);
    const ward = () =>
      figureStatementsOf(
        async () =>
          (await getWardComparison(term, { ward: "ngoc-thuy", programme: "03-CTr-QU", period: q.period }, ALL))!,
      );
    const own = (w: Awaited<ReturnType<typeof ward>>["value"]) =>
      w.sections.flatMap((s) => s.rows).find((r) => r.indicator.code === "xu-phat-vi-pham")!.own;

    // read once, then kept: the same page again sends no statement of figures
    const first = await ranking();
    expect(first.sent).toBe(1);
    const again = await ranking();
    expect(again.sent).toBe(0);
    expect(again.value).toEqual(first.value);
    expect((await ward()).sent).toBe(2);
    expect((await ward()).sent).toBe(0);

    // another instance of the app (another connection) changes Ngọc Thụy's figure of the year
    const resultKey = Prisma.sql`
      indicator_id = (SELECT i.id FROM indicator i JOIN programme p ON p.id = i.programme_id
                      WHERE i.code = 'xu-phat-vi-pham' AND p.term_id = ${term.id})
      AND org_unit_id = (SELECT id FROM org_unit WHERE slug = 'ngoc-thuy')
      AND period_id = (SELECT id FROM period WHERE term_id = ${term.id} AND kind = 'YEAR' AND year = ${year})`;
    const [row] = await prisma.$queryRaw<Array<{ id: number; source_id: number }>>`
      SELECT id, source_id FROM result WHERE ${resultKey}`;
    expect(row).toBeDefined();
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query("UPDATE result SET value = 123456 WHERE id = $1", [row.id]);
      const changed = await ranking();
      expect(changed.sent).toBe(1);
      expect(changed.value.selected?.figure.value).toBe("123456");
      expect(changed.value.chart.top[0].unit.slug).toBe("ngoc-thuy");
      expect(own((await ward()).value).value).toBe("123456");

      // the source it stands on is renamed
      await other.query("UPDATE source SET title = 'Báo cáo đã sửa tên' WHERE id = $1", [row.source_id]);
      expect((await ranking()).value.selected?.figure.sources.map((s) => s.title)).toEqual(["Báo cáo đã sửa tên"]);
      expect(own((await ward()).value).sources.map((s) => s.title)).toEqual(["Báo cáo đã sửa tên"]);

      // a target is set for the year
      expect((await ranking()).value.target).toBeNull();
      await other.query(
        `INSERT INTO target (indicator_id, period_id, org_unit_id, comparison, value, source_id)
         SELECT r.indicator_id, r.period_id, NULL, 'GTE', 7, r.source_id FROM result r WHERE r.id = $1`,
        [row.id],
      );
      const targeted = await ranking();
      expect(targeted.sent).toBe(1);
      expect(targeted.value.target?.value).toBe("7");
      expect(targeted.value.selected?.status).not.toBe(changed.value.selected?.status);
    } finally {
      await other.end();
    }
  });
});

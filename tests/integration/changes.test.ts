// The reviewer's changes-only view against PostgreSQL: only rows whose entered value differs from the
// published figure, each with the published figure and last year's, new rows and then the largest
// relative change first; nothing for a reader outside the ward.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ReviewFixtures, type World, createReviewFixtures, createWorld, dropWorld } from "./auth-fixtures";

let world: World;
let fx: ReviewFixtures;

beforeAll(async () => {
  world = await createWorld();
  fx = await createReviewFixtures(world);
}, 120_000);
afterAll(() => dropWorld(world));

describe("changes since the published figures", () => {
  it("lists changed rows only, new first, then by relative change, beside the published and last year's", async () => {
    const { prisma } = world.database;
    const { ngocThuy, group } = world.units;
    const source = await prisma.source.create({ data: { key: "bc-doi-chieu", kind: "REPORT", title: "Báo cáo" } });
    const publish = (indicatorId: number, year: number, value: string, orgUnitId = ngocThuy) =>
      prisma.result.create({
        data: { indicatorId, orgUnitId, periodId: fx.periods[year], value, sourceId: source.id, recordedBy: "seed" },
      });
    await publish(fx.indicators.a, 2018, "10");
    await publish(fx.indicators.a, 2017, "8");
    await publish(fx.indicators.b, 2018, "305000000");
    await publish(fx.indicators.b, 2017, "300000000");
    const target = { wardId: ngocThuy, periodId: fx.periods[2018], programmeId: fx.programmeId };
    const save = await import("@/lib/data/entry-save");
    const row = (indicatorId: number, orgUnitId: number, value: string) => ({
      indicatorId,
      orgUnitId,
      value,
      qualifier: "EXACT" as const,
      note: null,
      outlierConfirmed: true,
      baseVersion: 0,
    });
    const saved = await save.saveEntryValues({ userId: world.users.official.id, name: "Cán bộ" }, target, [
      row(fx.indicators.a, ngocThuy, "15"),
      row(fx.indicators.b, ngocThuy, "305000000"),
      row(fx.indicators.group, group, "1"),
    ]);
    expect(saved.ok).toBe(true);

    const { getChangedRows } = await import("@/lib/data/changes");
    const rows = await getChangedRows(target, { all: true });
    expect(
      rows.map((r) => [r.indicator.code, r.unit.slug, r.value, r.published, r.lastYear, r.relativeChange]),
    ).toEqual([
      ["review-to", "ngoc-thuy-to-1", "1", null, null, null],
      ["review-a", "ngoc-thuy", "15", "10", "8", 0.5],
    ]);
    // a larger change comes before a smaller one
    await prisma.result.updateMany({
      where: { indicatorId: fx.indicators.b, periodId: fx.periods[2018] },
      data: { value: "100000000" },
    });
    expect((await getChangedRows(target, { all: true })).map((r) => [r.indicator.code, r.relativeChange])).toEqual([
      ["review-to", null],
      ["review-b", 2.05],
      ["review-a", 0.5],
    ]);
    expect(await getChangedRows(target, { rootIds: [world.units.boDe] })).toEqual([]);
  });

  it("lists a figure whose only change is “trên” added or dropped", async () => {
    const { prisma } = world.database;
    const { ngocThuy } = world.units;
    const source = await prisma.source.create({ data: { key: "bc-tren", kind: "REPORT", title: "Báo cáo" } });
    await prisma.result.create({
      data: {
        indicatorId: fx.indicators.a,
        orgUnitId: ngocThuy,
        periodId: fx.periods[2019],
        value: "40",
        qualifier: "MORE_THAN",
        sourceId: source.id,
        recordedBy: "seed",
      },
    });
    const target = { wardId: ngocThuy, periodId: fx.periods[2019], programmeId: fx.programmeId };
    const save = await import("@/lib/data/entry-save");
    const { getChangedRows } = await import("@/lib/data/changes");
    const entry = (qualifier: "EXACT" | "MORE_THAN", baseVersion: number) =>
      save.saveEntryValues({ userId: world.users.official.id, name: "Cán bộ" }, target, [
        {
          indicatorId: fx.indicators.a,
          orgUnitId: ngocThuy,
          value: "40",
          qualifier,
          note: null,
          outlierConfirmed: true,
          baseVersion,
        },
      ]);
    // "trên 40" published, "40" entered: the ward dropped "trên"
    expect((await entry("EXACT", 0)).ok).toBe(true);
    expect(
      (await getChangedRows(target, { all: true })).map((r) => [
        r.indicator.code,
        r.value,
        r.qualifier,
        r.published,
        r.publishedQualifier,
        r.relativeChange,
      ]),
    ).toEqual([["review-a", "40", "EXACT", "40", "MORE_THAN", 0]]);
    // "trên 40" entered again: nothing changed
    expect((await entry("MORE_THAN", 1)).ok).toBe(true);
    expect(await getChangedRows(target, { all: true })).toEqual([]);
  });
});

// Optimistic concurrency of entry values, against the test database server (real PostgreSQL when one
// is reachable): N officials save the same figure from the same stale version at the same moment.
// Exactly one save wins, every other one is told of the conflict, the stored value is the winner's,
// and the audit log holds exactly one row per successful save.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type TestDatabase, createMigratedDatabase } from "../setup/db";

type Save = typeof import("@/lib/data/entry-save");

let database: TestDatabase;
let save: Save["saveEntryValues"];
let valueKey: Save["valueKey"];
const ids = { ward: 0, group: 0, period: 0, programme: 0, indicator: 0 };

beforeAll(async () => {
  database = await createMigratedDatabase();
  // lib/db reads DATABASE_URL once; a pool as large as the largest crowd of writers
  vi.stubEnv("DATABASE_URL", database.url);
  vi.stubEnv("DB_POOL_MAX", "20");
  vi.resetModules();
  (globalThis as { prisma?: unknown }).prisma = undefined;
  ({ saveEntryValues: save, valueKey } = await import("@/lib/data/entry-save"));

  const p = database.prisma;
  const unit = (slug: string, level: "DISTRICT" | "WARD" | "RESIDENTIAL_GROUP", parentId: number | null) =>
    p.orgUnit.create({
      data: { slug, name: slug, shortName: slug, level, parentId, validFrom: new Date("2015-01-01") },
    });
  const district = await unit("long-bien", "DISTRICT", null);
  ids.ward = (await unit("ngoc-thuy", "WARD", district.id)).id;
  ids.group = (await unit("ngoc-thuy-to-1", "RESIDENTIAL_GROUP", ids.ward)).id;
  const term = await p.term.create({
    data: { slug: "2015-2020", name: "Nhiệm kỳ 2015–2020", startYear: 2015, endYear: 2020 },
  });
  ids.period = (await p.period.create({ data: { termId: term.id, kind: "YEAR", year: 2019 } })).id;
  const programme = await p.programme.create({
    data: {
      termId: term.id,
      issuerId: district.id,
      number: 3,
      code: "03-CTr/QU",
      slug: "03-CTr-QU",
      title: "Chương trình 03",
      summary: "",
    },
  });
  ids.programme = programme.id;
  const section = await p.indicatorSection.create({
    data: { programmeId: programme.id, code: "trat-tu-do-thi", name: "Trật tự đô thị" },
  });
  ids.indicator = (
    await p.indicator.create({
      data: {
        programmeId: programme.id,
        sectionId: section.id,
        code: "ra-quan-xu-ly",
        name: "Đợt ra quân xử lý vi phạm trật tự đô thị",
        unit: "đợt",
        valueType: "COUNT",
        aggregation: "SUM",
        direction: "HIGHER_IS_BETTER",
      },
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await (globalThis as { prisma?: { $disconnect(): Promise<void> } }).prisma?.$disconnect();
  (globalThis as { prisma?: unknown }).prisma = undefined;
  vi.unstubAllEnvs();
  await database?.drop();
});

const target = () => ({ wardId: ids.ward, periodId: ids.period, programmeId: ids.programme });
const change = (value: string, baseVersion: number, orgUnitId = ids.ward) => ({
  indicatorId: ids.indicator,
  orgUnitId,
  value,
  qualifier: "EXACT" as const,
  note: null,
  outlierConfirmed: false,
  baseVersion,
});

async function stored(orgUnitId: number) {
  return database.prisma.entryValue.findFirst({
    where: { indicatorId: ids.indicator, orgUnitId },
    select: { value: true, version: true, updatedById: true },
  });
}
const auditRows = (orgUnitId: number) =>
  database.prisma.auditLog.count({
    where: { entity: "entry_value", entityId: valueKey(ids.indicator, orgUnitId, ids.period) },
  });

// every value typed in this file is new (a save of the value already stored changes nothing)
let typed = 1000;

/** N writers at once from `baseVersion`, each typing a value of their own. */
async function race(n: number, orgUnitId: number, baseVersion: number) {
  const values = Array.from({ length: n }, () => String(typed++));
  const outcomes = await Promise.all(
    values.map((v, i) =>
      save({ userId: `writer-${i}`, name: `Cán bộ ${i}` }, target(), [change(v, baseVersion, orgUnitId)]),
    ),
  );
  return outcomes.map((o, i) => ({ i, value: values[i], o }));
}

describe("N officials save the same figure from the same version at once", () => {
  const crowds = [2, 3, 5, 8, 12, 20];
  const rounds = 5;

  it.each(crowds)(
    "%i writers — exactly one wins, the others see the conflict, one audit row per success",
    async (n) => {
      for (let round = 0; round < rounds; round++) {
        const before = await stored(ids.ward);
        const auditBefore = await auditRows(ids.ward);
        const results = await race(n, ids.ward, before?.version ?? 0);

        const winners = results.filter((r) => r.o.ok);
        const losers = results.filter((r) => !r.o.ok);
        expect(winners).toHaveLength(1);
        for (const { o } of losers) {
          expect(o).toMatchObject({ ok: false, code: "conflict" });
          if (!o.ok && o.code === "conflict") {
            // the loser sees both values: what it typed, and what is stored now (the winner's)
            expect(o.conflicts).toHaveLength(1);
            expect(o.conflicts[0].mine.value).not.toBe(o.conflicts[0].theirs?.value);
          }
        }
        const after = await stored(ids.ward);
        expect(after?.value?.toFixed()).toBe(winners[0].value);
        expect(after?.updatedById).toBe(`writer-${winners[0].i}`);
        expect(after?.version).toBe((before?.version ?? 0) + 1);
        expect(await auditRows(ids.ward)).toBe(auditBefore + 1);
      }
    },
  );

  it("the very first value of a cell: concurrent first saves also let exactly one in", async () => {
    for (let round = 0; round < rounds; round++) {
      const orgUnitId = (
        await database.prisma.orgUnit.create({
          data: {
            slug: `ngoc-thuy-to-moi-${round}`,
            name: "Tổ mới",
            shortName: "Tổ mới",
            level: "RESIDENTIAL_GROUP",
            parentId: ids.ward,
            validFrom: new Date("2015-01-01"),
          },
        })
      ).id;
      const results = await race(10, orgUnitId, 0);
      const winners = results.filter((r) => r.o.ok);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => !r.o.ok).every((r) => !r.o.ok && r.o.code === "conflict")).toBe(true);
      expect((await stored(orgUnitId))?.value?.toFixed()).toBe(winners[0].value);
      expect(await auditRows(orgUnitId)).toBe(1);
    }
  });

  it("a conflicting save writes nothing at all, not even its other, non-conflicting values", async () => {
    const current = await stored(ids.ward);
    const fresh = await stored(ids.group);
    const auditBefore = await database.prisma.auditLog.count();
    const outcome = await save({ userId: "late", name: "Người đến sau" }, target(), [
      change("1", (current?.version ?? 0) - 1),
      change("77", fresh?.version ?? 0, ids.group),
    ]);
    expect(outcome).toMatchObject({ ok: false, code: "conflict" });
    expect((await stored(ids.group))?.value?.toFixed()).toBe(fresh?.value?.toFixed());
    expect(await database.prisma.auditLog.count()).toBe(auditBefore);
  });

  it("a submitted (or approved) entry is locked: saves are refused and write nothing", async () => {
    const current = await stored(ids.ward);
    await database.prisma.submission.updateMany({ where: { orgUnitId: ids.ward }, data: { status: "SUBMITTED" } });
    const outcome = await save({ userId: "x", name: "X" }, target(), [change("5", current?.version ?? 0)]);
    expect(outcome).toEqual({ ok: false, code: "locked", status: "SUBMITTED" });
    expect((await stored(ids.ward))?.version).toBe(current?.version);
    await database.prisma.submission.updateMany({ where: { orgUnitId: ids.ward }, data: { status: "DRAFT" } });
  });
});

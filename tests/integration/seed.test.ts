import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seed } from "@/prisma/seed";
import { createMigratedDatabase, type TestDatabase } from "../setup/db";

/** Everything the seed writes, as comparable text: a second run must leave it byte for byte equal. */
async function snapshot(prisma: PrismaClient) {
  const [units, indicators, rules, results, targets, projects, achievements, audit] = await Promise.all([
    prisma.orgUnit.findMany({ orderBy: { id: "asc" } }),
    prisma.indicator.findMany({ orderBy: { id: "asc" } }),
    prisma.indicatorRule.findMany({ orderBy: { id: "asc" } }),
    prisma.result.findMany({ orderBy: { id: "asc" } }),
    prisma.target.findMany({ orderBy: { id: "asc" } }),
    prisma.landClearanceProject.findMany({ orderBy: { id: "asc" } }),
    prisma.achievement.findMany({ orderBy: { id: "asc" } }),
    prisma.auditLog.count(),
  ]);
  return JSON.stringify({ units, indicators, rules, results, targets, projects, achievements, audit }, (_k, v) =>
    typeof v === "bigint" ? v.toString() : v,
  );
}

describe("seeding with demonstration data", () => {
  let database: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    prisma = database.prisma;
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  });

  it("loads Long Biên's 14 wards and Ngọc Thụy's 38 residential groups", async () => {
    await seed(prisma, { demo: true });
    const wards = await prisma.orgUnit.findMany({
      where: { parent: { slug: "long-bien" } },
      select: { shortName: true, level: true },
    });
    expect(wards.map((w) => w.shortName).sort((a, b) => a.localeCompare(b, "vi"))).toEqual(
      [
        "Bồ Đề",
        "Cự Khối",
        "Đức Giang",
        "Gia Thụy",
        "Giang Biên",
        "Long Biên",
        "Ngọc Lâm",
        "Ngọc Thụy",
        "Phúc Đồng",
        "Phúc Lợi",
        "Sài Đồng",
        "Thạch Bàn",
        "Thượng Thanh",
        "Việt Hưng",
      ].sort((a, b) => a.localeCompare(b, "vi")),
    );
    expect(wards.every((w) => w.level === "WARD")).toBe(true);
    const groups = await prisma.orgUnit.findMany({
      where: { parent: { slug: "ngoc-thuy" } },
      select: { slug: true, level: true },
    });
    expect(groups).toHaveLength(38);
    expect(groups.map((g) => g.slug)).toContain("ngoc-thuy-to-22");
    expect(groups.every((g) => g.level === "RESIDENTIAL_GROUP")).toBe(true);
  });

  it("changes nothing when run a second time", async () => {
    const before = await snapshot(prisma);
    const report = await seed(prisma, { demo: true });
    for (const [entity, c] of Object.entries(report)) {
      expect({ entity, created: c.created, updated: c.updated, deleted: c.deleted }).toEqual({
        entity,
        created: 0,
        updated: 0,
        deleted: 0,
      });
    }
    expect(await snapshot(prisma)).toBe(before);
  });

  it("loads the cross-field rules declared with the catalogue, each audited", async () => {
    const rules = await prisma.indicatorRule.findMany({
      where: { programme: { code: "03-CTr/QU" } },
      select: { id: true, code: true, kind: true, left: true, right: true, description: true },
      orderBy: { code: "asc" },
    });
    expect(rules.map(({ code, kind, left, right }) => ({ code, kind, left, right }))).toEqual([
      {
        code: "ctkp-xu-ly-khong-vuot-tong",
        kind: "SUM_AT_MOST",
        left: ["ctkp-yeu-cau-cap-phep", "ctkp-dinh-chi"],
        right: "cong-trinh-khong-phep",
      },
      {
        code: "vp-theo-loai-khong-vuot-tong",
        kind: "SUM_AT_MOST",
        left: ["vp-bien-quang-cao", "vp-mai-che", "vp-buc-be", "vp-khac"],
        right: "vi-pham-da-xu-ly",
      },
    ]);
    expect(rules.every((r) => r.description.length > 20)).toBe(true);
    const audited = await prisma.auditLog.findMany({
      where: { entity: "indicator_rule", action: "CREATE" },
      select: { entityId: true, newValue: true },
    });
    expect(audited.map((a) => a.entityId).sort()).toEqual(rules.map((r) => String(r.id)).sort());
    expect(audited.find((a) => a.entityId === String(rules[0].id))?.newValue).toContain(
      '"left":"[\\"ctkp-yeu-cau-cap-phep\\",\\"ctkp-dinh-chi\\"]"',
    );
  });

  it("puts back a rule changed in the database, auditing the change", async () => {
    const rule = await prisma.indicatorRule.findFirstOrThrow({ where: { code: "ctkp-xu-ly-khong-vuot-tong" } });
    await prisma.indicatorRule.update({ where: { id: rule.id }, data: { left: ["ctkp-dinh-chi"] } });
    const report = await seed(prisma, { demo: true });
    expect(report.indicator_rule).toMatchObject({ created: 0, updated: 1 });
    expect((await prisma.indicatorRule.findUniqueOrThrow({ where: { id: rule.id } })).left).toEqual(rule.left);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entity: "indicator_rule", entityId: String(rule.id), action: "UPDATE" },
    });
    expect(audit).toMatchObject({
      field: "left",
      oldValue: '["ctkp-dinh-chi"]',
      newValue: '["ctkp-yeu-cau-cap-phep","ctkp-dinh-chi"]',
    });
  });

  it("gives every ward yearly demo values, marked as demo, and Ngọc Thụy's groups theirs", async () => {
    const wardsWithDemo = await prisma.result.groupBy({
      by: ["orgUnitId"],
      where: { source: { kind: "DEMO" }, orgUnit: { level: "WARD" }, period: { kind: "YEAR" } },
    });
    expect(wardsWithDemo).toHaveLength(14);
    const groupsWithDemo = await prisma.result.groupBy({
      by: ["orgUnitId"],
      where: { source: { kind: "DEMO" }, orgUnit: { parent: { slug: "ngoc-thuy" } } },
    });
    expect(groupsWithDemo).toHaveLength(38);
    const demoTermValues = await prisma.result.count({ where: { source: { kind: "DEMO" }, period: { kind: "TERM" } } });
    expect(demoTermValues).toBe(0);
  });

  it("makes Ngọc Thụy's demo years add up to the reported five-year totals", async () => {
    for (const code of [
      "ktgs-chuyen-de-chi-bo",
      "xu-phat-vi-pham",
      "cong-trinh-co-phep",
      "thue-xay-dung",
      "ctkp-yeu-cau-cap-phep",
      "ctkp-dinh-chi",
    ]) {
      const [years, term] = await Promise.all([
        prisma.result.aggregate({
          _sum: { value: true },
          where: { indicator: { code }, orgUnit: { slug: "ngoc-thuy" }, period: { kind: "YEAR" } },
        }),
        prisma.result.findFirstOrThrow({
          where: { indicator: { code }, orgUnit: { slug: "ngoc-thuy" }, period: { kind: "TERM" } },
          select: { value: true },
        }),
      ]);
      expect(years._sum.value?.toFixed(), code).toBe(term.value.toFixed());
    }
  });

  it("never overwrites a figure a person entered", async () => {
    const entry = await prisma.source.create({ data: { key: "nhap-lieu-test", kind: "ENTRY", title: "Nhập liệu" } });
    const target = await prisma.result.findFirstOrThrow({
      where: {
        source: { kind: "DEMO" },
        orgUnit: { slug: "bo-de" },
        indicator: { code: "ra-quan-xu-ly" },
        period: { year: 2019 },
      },
    });
    await prisma.result.update({
      where: { id: target.id },
      data: { value: "42", sourceId: entry.id, version: { increment: 1 } },
    });
    await seed(prisma, { demo: true });
    const after = await prisma.result.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.value.toFixed()).toBe("42");
    expect(after.sourceId).toBe(entry.id);
  });

  it("removes the demo data, with an audit row each, when switched to reported data alone", async () => {
    const demoCount = await prisma.result.count({ where: { source: { kind: "DEMO" } } });
    const auditBefore = await prisma.auditLog.count({ where: { action: "DELETE", entity: "result" } });
    const report = await seed(prisma, { demo: false });
    expect(report.result.deleted).toBe(demoCount);
    expect(await prisma.result.count({ where: { source: { kind: "DEMO" } } })).toBe(0);
    expect(await prisma.target.count({ where: { source: { kind: "DEMO" } } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "DELETE", entity: "result" } })).toBe(
      auditBefore + demoCount,
    );
    expect(await prisma.result.count({ where: { source: { kind: "REPORT" } } })).toBeGreaterThan(40);
  });
});

describe("seeding the reported data alone", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createMigratedDatabase();
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  });

  it("loads no demo value, no demo target and no demo source", async () => {
    await seed(database.prisma, { demo: false });
    const p = database.prisma;
    expect(await p.source.count({ where: { kind: "DEMO" } })).toBe(0);
    expect(await p.result.count({ where: { source: { kind: { not: "REPORT" } } } })).toBe(0);
    expect(await p.target.count()).toBe(0);
    expect(await p.result.count()).toBeGreaterThan(40);
  });

  it("writes one audit row per value it created, and the audit log refuses to be rewritten", async () => {
    const p = database.prisma;
    const results = await p.result.count();
    expect(await p.auditLog.count({ where: { entity: "result", action: "CREATE" } })).toBe(results);
    await expect(p.$executeRaw`UPDATE audit_log SET actor = 'someone else'`).rejects.toThrow(/append-only/);
    await expect(p.$executeRaw`DELETE FROM audit_log`).rejects.toThrow(/append-only/);
  });
});

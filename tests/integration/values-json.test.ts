// The values API sends a unit's values as JSON written by PostgreSQL (getUnitValuesJson): the same
// values, fields, order and formats as the typed read the pages use (getUnitValues), on the seeded
// data (the report's figures with their sources and notes, the demo data, decimals), and scoped alike.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/prisma/seed";
import type { ReadScope } from "@/lib/data/scope";
import { type TestDatabase, createMigratedDatabase } from "../setup/db";

let database: TestDatabase;
let termId: number;
let ids: Record<"district" | "ngocThuy" | "boDe", number>;

beforeAll(async () => {
  database = await createMigratedDatabase();
  await seed(database.prisma, { demo: true });
  vi.stubEnv("DATABASE_URL", database.url);
  vi.resetModules();
  (globalThis as { prisma?: unknown }).prisma = undefined;
  const id = async (slug: string) =>
    (await database.prisma.orgUnit.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  ids = { district: await id("long-bien"), ngocThuy: await id("ngoc-thuy"), boDe: await id("bo-de") };
  termId = (await database.prisma.term.findUniqueOrThrow({ where: { slug: "2015-2020" } })).id;
}, 180_000);

afterAll(async () => {
  const g = globalThis as { prisma?: { $disconnect(): Promise<void> } };
  await g.prisma?.$disconnect();
  g.prisma = undefined;
  vi.unstubAllEnvs();
  await database?.drop();
});

describe("getUnitValuesJson", () => {
  it("gives the values of getUnitValues, without their unit, in the same order and formats", async () => {
    const { getUnitValues, getUnitValuesJson } = await import("@/lib/data/values");
    const scopes: ReadScope[] = [{ all: true }, { rootIds: [ids.district] }, { rootIds: [ids.ngocThuy] }];
    for (const scope of scopes) {
      const typed = (await getUnitValues({ orgUnitSlug: "ngoc-thuy", termId, scope })).map(
        ({ orgUnit: _unit, ...v }) => v,
      );
      const text = await getUnitValuesJson({ orgUnitSlug: "ngoc-thuy", termId, scope });
      expect(JSON.parse(text)).toEqual(typed);
      // what the data holds is all there: report and demo sources, notes, dates, decimals, "trên"
      expect(typed.length).toBeGreaterThan(100);
      expect(new Set(typed.map((v) => v.source.kind)).size).toBeGreaterThan(1);
      expect(typed.some((v) => v.source.issuedOn !== null)).toBe(true);
      expect(typed.some((v) => v.value.includes("."))).toBe(true);
      expect(typed.some((v) => v.qualifier !== "EXACT")).toBe(true);
    }
  });

  it("reads nothing outside the reader's scope, and nothing of an unknown unit", async () => {
    const { getUnitValuesJson } = await import("@/lib/data/values");
    expect(await getUnitValuesJson({ orgUnitSlug: "ngoc-thuy", termId, scope: { rootIds: [ids.boDe] } })).toBe("[]");
    expect(await getUnitValuesJson({ orgUnitSlug: "ngoc-thuy", termId, scope: { rootIds: [] } })).toBe("[]");
    expect(await getUnitValuesJson({ orgUnitSlug: "khong-co", termId, scope: { all: true } })).toBe("[]");
  });

  it("is what the values API answers, with the unit and the term", async () => {
    const { issueApiToken } = await import("@/lib/auth/api-token");
    const { getUnitValues } = await import("@/lib/data/values");
    const { createAccount } = await import("@/lib/auth/accounts");
    const admin = await createAccount(database.prisma, {
      username: "quan.tri.thu",
      name: "Quản trị thử",
      password: "mật-khẩu-thử-nghiệm-2026",
      roles: [{ role: "ADMINISTRATOR", orgUnitId: ids.district }],
    });
    const { token } = await issueApiToken({ name: "thử", orgUnitId: ids.district, createdById: admin.id });
    const { GET } = await import("@/app/api/v1/org-units/[slug]/values/route");
    const res = await GET(
      new Request("http://ctk.test/api/v1/org-units/ngoc-thuy/values?term=2015-2020", {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ slug: "ngoc-thuy" }) },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const typed = await getUnitValues({ orgUnitSlug: "ngoc-thuy", termId, scope: { rootIds: [ids.district] } });
    expect(await res.json()).toEqual({
      orgUnit: { slug: "ngoc-thuy", name: "Phường Ngọc Thụy", level: "WARD" },
      term: { slug: "2015-2020", name: "Nhiệm kỳ 2015–2020", startYear: 2015, endYear: 2020 },
      data: typed.map(({ orgUnit: _unit, ...v }) => v),
    });
  });
});

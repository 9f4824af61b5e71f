// A small world for the access tests, in a database of its own: Long Biên with two wards (Ngọc Thụy
// with one residential group, Bồ Đề) and one account per role. Modules that read the environment on
// import (lib/env, lib/db, lib/auth) are imported after DATABASE_URL points at that database.
import { vi } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { CLIENT_ADDRESS_HEADER } from "../../scripts/lib/client-address.mjs";
import { type TestDatabase, createMigratedDatabase } from "../setup/db";

export const PASSWORD = "mật-khẩu-thử-nghiệm-2026";
export const ORIGIN = "http://ctk.test";

export type World = {
  database: TestDatabase;
  units: Record<"city" | "district" | "ngocThuy" | "boDe" | "group", number>;
  users: Record<"official" | "committee" | "staff" | "admin" | "otherOfficial", { id: string; username: string }>;
};

export async function createWorld(): Promise<World> {
  const database = await createMigratedDatabase();
  vi.stubEnv("DATABASE_URL", database.url);
  vi.resetModules();
  const g = globalThis as { prisma?: unknown; auth?: unknown };
  g.prisma = undefined;
  g.auth = undefined;

  const { prisma } = database;
  const unit = (slug: string, level: "CITY" | "DISTRICT" | "WARD" | "RESIDENTIAL_GROUP", parentId: number | null) =>
    prisma.orgUnit
      .create({ data: { slug, name: slug, shortName: slug, level, parentId, validFrom: new Date("2015-01-01") } })
      .then((u) => u.id);
  const city = await unit("ha-noi", "CITY", null);
  const district = await unit("long-bien", "DISTRICT", city);
  const ngocThuy = await unit("ngoc-thuy", "WARD", district);
  const boDe = await unit("bo-de", "WARD", district);
  const group = await unit("ngoc-thuy-to-1", "RESIDENTIAL_GROUP", ngocThuy);

  const { createAccount } = await import("@/lib/auth/accounts");
  const make = async (username: string, role: Role, orgUnitId: number) => ({
    username,
    id: (await createAccount(prisma, { username, name: username, password: PASSWORD, roles: [{ role, orgUnitId }] }))
      .id,
  });
  const users = {
    official: await make("can.bo.nt", "WARD_OFFICIAL", ngocThuy),
    committee: await make("dang.uy.nt", "WARD_PARTY_COMMITTEE", ngocThuy),
    staff: await make("can.bo.quan", "DISTRICT_STAFF", district),
    admin: await make("quan.tri", "ADMINISTRATOR", district),
    otherOfficial: await make("can.bo.bd", "WARD_OFFICIAL", boDe),
  };
  return { database, units: { city, district, ngocThuy, boDe, group }, users };
}

export async function dropWorld(world: World | undefined): Promise<void> {
  const g = globalThis as { prisma?: { $disconnect(): Promise<void> }; auth?: unknown };
  await g.prisma?.$disconnect();
  g.prisma = undefined;
  g.auth = undefined;
  vi.unstubAllEnvs();
  await world?.database.drop();
}

/**
 * Request headers of a browser on this site, from `address` (as scripts/server.mjs hands it to the
 * app), with `cookie` when given.
 */
export function browserHeaders(cookie?: string, address = "198.51.100.7"): Headers {
  const h = new Headers({ origin: ORIGIN, host: "ctk.test", [CLIENT_ADDRESS_HEADER]: address, "user-agent": "vitest" });
  if (cookie) h.set("cookie", cookie);
  return h;
}

/** Signs in through the app's sign-in function; returns the session cookie ("name=value"). */
export async function signInCookie(username: string, password = PASSWORD, address?: string): Promise<string> {
  const { signIn } = await import("@/lib/auth/sign-in");
  const result = await signIn({ identifier: username, password }, browserHeaders(undefined, address));
  if (!result.ok) throw new Error(`sign-in of ${username} failed: ${result.code}`);
  const cookie = result.setCookies.find((c) => c.startsWith("ctk.session_token="));
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0];
}

// ---------------------------------------------------------------------------------------------
// Review fixtures (term 2015–2020, one programme of Long Biên with two ward indicators and one
// per-group indicator). Idempotent: reuses rows of the same keys when another block made them.
// ---------------------------------------------------------------------------------------------

export type ReviewFixtures = {
  termId: number;
  /** YEAR period id by year */
  periods: Record<number, number>;
  programmeId: number;
  programmeSlug: string;
  indicators: { a: number; b: number; group: number };
};

export async function createReviewFixtures(world: World): Promise<ReviewFixtures> {
  const { prisma } = world.database;
  const term = await prisma.term.upsert({
    where: { slug: "2015-2020" },
    create: { slug: "2015-2020", name: "Nhiệm kỳ 2015–2020", startYear: 2015, endYear: 2020 },
    update: {},
  });
  const periods: Record<number, number> = {};
  for (let year = 2015; year <= 2020; year++) {
    const p = await prisma.period.upsert({
      where: { termId_kind_year: { termId: term.id, kind: "YEAR", year } },
      create: { termId: term.id, kind: "YEAR", year },
      update: {},
    });
    periods[year] = p.id;
  }
  const programme = await prisma.programme.upsert({
    where: { issuerId_termId_slug: { issuerId: world.units.district, termId: term.id, slug: "01-CT-QU" } },
    create: {
      termId: term.id,
      issuerId: world.units.district,
      number: 1,
      code: "01-CT/QU",
      slug: "01-CT-QU",
      title: "Chương trình thử",
      summary: "Thử",
    },
    update: {},
  });
  const section = await prisma.indicatorSection.upsert({
    where: { programmeId_code: { programmeId: programme.id, code: "thu" } },
    create: { programmeId: programme.id, code: "thu", name: "Mục thử" },
    update: {},
  });
  const indicator = (
    code: string,
    sortOrder: number,
    collectionLevel: "WARD" | "RESIDENTIAL_GROUP",
    valueType: "COUNT" | "MONEY" | "BOOLEAN",
  ) =>
    prisma.indicator
      .upsert({
        where: { programmeId_code: { programmeId: programme.id, code } },
        create: {
          programmeId: programme.id,
          sectionId: section.id,
          code,
          name: `Chỉ tiêu ${code}`,
          unit: "lượt",
          valueType,
          aggregation: "SUM",
          direction: "HIGHER_IS_BETTER",
          collectionLevel,
          sortOrder,
        },
        update: {},
      })
      .then((i) => i.id);
  return {
    termId: term.id,
    periods,
    programmeId: programme.id,
    programmeSlug: programme.slug,
    indicators: {
      a: await indicator("review-a", 901, "WARD", "COUNT"),
      b: await indicator("review-b", 902, "WARD", "MONEY"),
      group: await indicator("review-to", 903, "RESIDENTIAL_GROUP", "BOOLEAN"),
    },
  };
}

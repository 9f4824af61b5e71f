// The fixed cost of a request (issue 11): what every page and API request reads before its own data
// — the session, the catalogue's version, the unit's programme rule, the proxy's questions — is read
// in as few statements as it can be, and still gives the answers people rely on (a revoked session
// is refused at the next request, a change of the catalogue is seen at the next request, a former
// slug still redirects). Statements are counted at the pg driver (every statement the app sends).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type World, browserHeaders, createWorld, dropWorld, signInCookie } from "./auth-fixtures";
import { withSentStatements } from "../setup/sent-statements";

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(() => dropWorld(world));
afterEach(() => vi.restoreAllMocks());

/** The SQL of every statement sent while `run` runs. */
async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  const { sent } = await withSentStatements(run);
  return sent.map((s) => s.text);
}

const viewerOf = async (cookie: string) =>
  (await import("@/lib/auth/session")).viewerFromHeaders(browserHeaders(cookie));

describe("the session of a request", () => {
  it("reads the person, their roles and the session in one statement", async () => {
    const cookie = await signInCookie("can.bo.quan");
    let viewer: Awaited<ReturnType<typeof viewerOf>> = null;
    const sent = await statementsOf(async () => {
      viewer = await viewerOf(cookie);
    });
    expect(viewer).toMatchObject({
      userId: world.users.staff.id,
      username: "can.bo.quan",
      mustChangePassword: false,
      grants: [{ role: "DISTRICT_STAFF", orgUnitId: world.units.district }],
    });
    expect(sent).toHaveLength(1);
  });

  it("refuses a cookie whose signature is not ours, without asking the database", async () => {
    const cookie = await signInCookie("can.bo.nt");
    const [name, value] = [
      cookie.slice(0, cookie.indexOf("=")),
      decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1)),
    ];
    const token = value.slice(0, value.lastIndexOf("."));
    const forged = `${name}=${encodeURIComponent(`${token}.${"A".repeat(43)}=`)}`;
    let viewer: unknown = "unset";
    const sent = await statementsOf(async () => {
      viewer = await viewerOf(forged);
    });
    expect(viewer).toBeNull();
    expect(sent).toHaveLength(0);
    expect(await viewerOf(cookie)).not.toBeNull();
  });

  it("refuses at the next request a session ended elsewhere (signed out, revoked)", async () => {
    const cookie = await signInCookie("dang.uy.nt");
    const v = await viewerOf(cookie);
    expect(v).not.toBeNull();
    await world.database.prisma.session.delete({ where: { id: v!.sessionId } });
    expect(await viewerOf(cookie)).toBeNull();
  });

  it("refuses a session past better-auth's expiry and deletes it", async () => {
    const cookie = await signInCookie("can.bo.bd");
    const v = await viewerOf(cookie);
    await world.database.prisma.session.update({
      where: { id: v!.sessionId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await viewerOf(cookie)).toBeNull();
    expect(await world.database.prisma.session.count({ where: { id: v!.sessionId } })).toBe(0);
  });
});

describe("a page's preamble", () => {
  // a request as a route handler runs it (lib/api/http.ts gives each its memo; a page's render has
  // React's cache() instead, with the same priming)
  const request = async <T>(run: () => Promise<T>) => (await import("@/lib/request-memo")).withRequestMemo(run);

  it("reads the catalogue's version with the session, and the unit checks of a known unit need no statement", async () => {
    const cookie = await signInCookie("can.bo.quan");
    const { catalogueVersion } = await import("@/lib/data/catalogue-cache");
    const { getUnitScope } = await import("@/lib/data/org-units");
    const { mayRead } = await import("@/lib/auth/access");
    const page = () =>
      request(async () => {
        const viewer = await viewerOf(cookie);
        const version = await catalogueVersion();
        // the header's links and the page's own check
        const links = await Promise.all([mayRead(viewer, "ngoc-thuy"), mayRead(viewer, "bo-de")]);
        return { version, links, unit: await getUnitScope("ngoc-thuy") };
      });
    await page(); // the first request of a version reads the units
    let answer: Awaited<ReturnType<typeof page>> | null = null;
    const sent = await statementsOf(async () => {
      answer = await page();
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("catalogue_version");
    expect(answer).toEqual({
      version: expect.any(String),
      links: [true, true],
      unit: { id: world.units.ngocThuy, path: [world.units.city, world.units.district, world.units.ngocThuy] },
    });
  });

  it("reads the progress version (the header's late wards) with the session too", async () => {
    const cookie = await signInCookie("can.bo.quan");
    const { progressVersion } = await import("@/lib/data/catalogue-cache");
    const page = () =>
      request(async () => {
        await viewerOf(cookie);
        return progressVersion();
      });
    let version: string | null = null;
    const sent = await statementsOf(async () => {
      version = await page();
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("progress_version");
    expect(version).toMatch(/^\d+:\d+$/);
  });

  it("sees a unit moved, renamed or removed at the next request", async () => {
    const { prisma } = world.database;
    const { getUnitScope } = await import("@/lib/data/org-units");
    const cookie = await signInCookie("can.bo.quan");
    const scopeOf = (slug: string) =>
      request(async () => {
        await viewerOf(cookie);
        return getUnitScope(slug);
      });
    const other = await prisma.orgUnit.create({
      data: {
        slug: "quan-khac-2",
        name: "Quận khác",
        shortName: "Quận khác",
        level: "DISTRICT",
        parentId: world.units.city,
        validFrom: new Date("2015-01-01"),
      },
    });
    const ward = await prisma.orgUnit.create({
      data: {
        slug: "phuong-chuyen",
        name: "Phường chuyển",
        shortName: "Phường chuyển",
        level: "WARD",
        parentId: world.units.district,
        validFrom: new Date("2015-01-01"),
      },
    });
    expect(await scopeOf("phuong-chuyen")).toEqual({
      id: ward.id,
      path: [world.units.city, world.units.district, ward.id],
    });
    // a caller changing what it got does not change what the next request gets
    (await scopeOf("phuong-chuyen"))!.path.length = 0;
    expect((await scopeOf("phuong-chuyen"))!.path).toHaveLength(3);

    await prisma.orgUnit.update({ where: { id: ward.id }, data: { parentId: other.id } });
    expect(await scopeOf("phuong-chuyen")).toEqual({ id: ward.id, path: [world.units.city, other.id, ward.id] });
    await prisma.orgUnit.update({ where: { id: ward.id }, data: { slug: "phuong-da-chuyen" } });
    expect(await scopeOf("phuong-chuyen")).toBeNull();
    expect((await scopeOf("phuong-da-chuyen"))?.id).toBe(ward.id);
    await prisma.orgUnit.delete({ where: { id: ward.id } });
    expect(await scopeOf("phuong-da-chuyen")).toBeNull();
  });
});

describe("the catalogue's version in an API request", () => {
  it("is read once per request, and again by the next request", async () => {
    const { handle } = await import("@/lib/api/http");
    const { catalogueVersion } = await import("@/lib/data/catalogue-cache");
    const versions: string[] = [];
    const request = () =>
      handle(async () => {
        versions.push(await catalogueVersion(), await catalogueVersion());
        return new Response(null);
      });
    const sent = await statementsOf(request);
    expect(sent.filter((s) => s.includes("catalogue_version"))).toHaveLength(1);
    // a catalogue change between two requests is seen by the second
    await world.database.prisma
      .$executeRaw`UPDATE org_unit SET short_name = short_name || '' WHERE id = ${world.units.boDe}`;
    await request();
    expect(versions[0]).toBe(versions[1]);
    expect(versions[2]).toBe(versions[3]);
    expect(versions[2]).not.toBe(versions[0]);
  });
});

describe("the versions after a restore", () => {
  it("never come back to a version answers were kept under, with other rows", async () => {
    const { handle } = await import("@/lib/api/http");
    const { catalogueVersion, progressVersion } = await import("@/lib/data/catalogue-cache");
    const { prisma } = world.database;
    const read = async () => {
      let versions: string[] = [];
      await handle(async () => {
        versions = [await catalogueVersion(), await progressVersion()];
        return new Response(null);
      });
      return versions;
    };
    // a change to the catalogue and a new source of figures, each bumping its version
    let changes = 0;
    const change = async () => {
      changes += 1;
      await prisma.$executeRaw`UPDATE org_unit SET short_name = short_name || '' WHERE id = ${world.units.boDe}`;
      await prisma.$executeRaw`INSERT INTO source (key, kind, title) VALUES (${`restore-${changes}`}, 'DEMO', 'Nguồn thử')`;
    };
    type Row = { version: bigint; txid: bigint | null };
    const [catalogue] = await prisma.$queryRaw<Row[]>`SELECT version, txid FROM catalogue_version`;
    const [progress] = await prisma.$queryRaw<Row[]>`SELECT version, txid FROM progress_version`;
    await change();
    const kept = await read(); // what a running instance keeps its answers under
    // the database restored from a backup made before the change: its version rows as they were then
    await prisma.$executeRaw`UPDATE catalogue_version SET version = ${catalogue.version}, txid = ${catalogue.txid}`;
    await prisma.$executeRaw`UPDATE progress_version SET version = ${progress.version}, txid = ${progress.txid}`;
    await change(); // the same number of changes again, on the restored rows
    const after = await read();
    expect(after[0]).not.toBe(kept[0]);
    expect(after[1]).not.toBe(kept[1]);
  });
});

describe("the programme rule's unit", () => {
  it("is read in one statement and equals the nested read it replaces, for moved and merged units", async () => {
    const { prisma } = world.database;
    const { unitForRule, unitForRuleBySlug, unitRuleSelect } = await import("@/lib/data/programmes");
    const unit = (slug: string, level: "DISTRICT" | "WARD", parentId: number) =>
      prisma.orgUnit.create({
        data: { slug, name: slug, shortName: slug, level, parentId, validFrom: new Date("2015-01-01") },
      });
    // a ward moved from a former district to directly under the city, formed by merging a ward of
    // another district (itself moved once before)
    const formerDistrict = await unit("quan-cu", "DISTRICT", world.units.city);
    const otherDistrict = await unit("quan-khac", "DISTRICT", world.units.city);
    const merged = await unit("phuong-hop-nhat", "WARD", formerDistrict.id);
    const before = await unit("phuong-truoc", "WARD", otherDistrict.id);
    const changedById = world.users.admin.id;
    await prisma.orgUnitFormerParent.create({
      data: { orgUnitId: merged.id, parentId: formerDistrict.id, validTo: new Date("2025-06-30"), changedById },
    });
    await prisma.orgUnit.update({ where: { id: merged.id }, data: { parentId: world.units.city } });
    await prisma.orgUnitFormerParent.create({
      data: { orgUnitId: before.id, parentId: world.units.district, validTo: new Date("2020-12-31"), changedById },
    });
    await prisma.orgUnitSuccession.create({
      data: { predecessorId: before.id, successorId: merged.id, effectiveOn: new Date("2025-07-01") },
    });

    const slugs = ["phuong-hop-nhat", "phuong-truoc", "ngoc-thuy", "ha-noi"];
    for (const slug of slugs) {
      const nested = await prisma.orgUnit.findUniqueOrThrow({ where: { slug }, select: unitRuleSelect });
      const expected = unitForRule(nested);
      let got: Awaited<ReturnType<typeof unitForRuleBySlug>> = null;
      const sent = await statementsOf(async () => {
        got = await unitForRuleBySlug(slug);
      });
      expect(sent).toHaveLength(1);
      expect(got!.id).toBe(expected.id);
      expect(got!.path).toEqual(expected.path);
      expect([...got!.formerAbove!].sort()).toEqual([...expected.formerAbove!].sort());
    }
    // the merged ward sees above it its former district, the other district of its former ward, the city
    const ruleUnit = await unitForRuleBySlug("phuong-hop-nhat");
    expect(new Set(ruleUnit!.formerAbove)).toEqual(
      new Set([world.units.city, formerDistrict.id, otherDistrict.id, world.units.district, before.id]),
    );
    expect(await unitForRuleBySlug("khong-co")).toBeNull();
  });
});

describe("the proxy", () => {
  it("asks the database one question per page load, and still redirects a former slug", async () => {
    const { NextRequest } = await import("next/server");
    const { proxy } = await import("@/proxy");
    const { db } = await import("@/lib/db");
    db(); // the proxy asks through the app's pool once it exists
    const page = (path: string) =>
      proxy(
        new NextRequest(`http://ctk.test${path}`, { headers: { accept: "text/html", "sec-fetch-dest": "document" } }),
      );
    let status = 0;
    const sent = await statementsOf(async () => {
      status = (await page("/ngoc-thuy")).status;
    });
    expect(status).toBe(200);
    expect(sent).toHaveLength(1);
    await world.database.prisma.orgUnitFormerSlug.create({
      data: {
        slug: "ngoc-thuy-cu",
        orgUnitId: world.units.ngocThuy,
        validTo: new Date("2025-06-30"),
        changedById: world.users.admin.id,
      },
    });
    const moved = await page("/ngoc-thuy-cu/to-dan-pho?year=2019");
    expect(moved.status).toBe(308);
    expect(new URL(moved.headers.get("location")!).pathname + new URL(moved.headers.get("location")!).search).toBe(
      "/ngoc-thuy/to-dan-pho?year=2019",
    );
  });
});

describe("a values API request", () => {
  const values = async (slug: string, init: { cookie?: string; token?: string } = {}) => {
    const { GET } = await import("@/app/api/v1/org-units/[slug]/values/route");
    const headers = browserHeaders(init.cookie);
    if (init.token) headers.set("authorization", `Bearer ${init.token}`);
    return GET(new Request(`http://ctk.test/api/v1/org-units/${slug}/values?term=2015-2020`, { headers }), {
      params: Promise.resolve({ slug }),
    });
  };

  beforeAll(async () => {
    await world.database.prisma.term.upsert({
      where: { slug: "2015-2020" },
      create: { slug: "2015-2020", name: "Nhiệm kỳ 2015–2020", startYear: 2015, endYear: 2020 },
      update: {},
    });
  });

  it("sends one statement: the caller, the unit and both versions; the values are kept under them", async () => {
    const cookie = await signInCookie("can.bo.quan");
    // the terms and the unit's values are read into the process once (lib/data/unit-page-cache.ts)
    const first = await values("ngoc-thuy", { cookie });
    let status = 0;
    const sent = await statementsOf(async () => {
      status = (await values("ngoc-thuy", { cookie })).status;
    });
    expect(status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("FROM session s");
    expect(sent[0]).toContain("catalogue_version");
    expect(sent[0]).toContain("progress_version");
    // after a figure changes, the values are read again: one more statement
    await world.database.prisma.$executeRaw`UPDATE progress_version SET version = version + 1`;
    const again = await statementsOf(async () => {
      expect(await (await values("ngoc-thuy", { cookie })).text()).toBe(await first.text());
    });
    expect(again).toHaveLength(2);
    // the proxy asks nothing for an API address (the handler redirects a former slug itself)
    const { NextRequest } = await import("next/server");
    const { proxy } = await import("@/proxy");
    const proxied = await statementsOf(() =>
      proxy(new NextRequest("http://ctk.test/api/v1/org-units/ngoc-thuy/values?term=2015-2020")),
    );
    expect(proxied).toHaveLength(0);
  });

  it("refuses at the next request a session ended elsewhere, a grant removed, a token revoked", async () => {
    const { prisma } = world.database;
    // a session ended (signed out elsewhere, revoked by an administrator)
    const cookie = await signInCookie("can.bo.nt");
    expect((await values("ngoc-thuy", { cookie })).status).toBe(200);
    await prisma.session.deleteMany({ where: { userId: world.users.official.id } });
    expect((await values("ngoc-thuy", { cookie })).status).toBe(401);

    // a grant removed: the person's next request reads without it
    const staff = await signInCookie("can.bo.quan");
    expect((await values("bo-de", { cookie: staff })).status).toBe(200);
    const grant = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: world.users.staff.id } });
    await prisma.roleAssignment.update({ where: { id: grant.id }, data: { orgUnitId: world.units.ngocThuy } });
    try {
      expect((await values("bo-de", { cookie: staff })).status).toBe(403);
      expect((await values("ngoc-thuy", { cookie: staff })).status).toBe(200);
    } finally {
      await prisma.roleAssignment.update({ where: { id: grant.id }, data: { orgUnitId: world.units.district } });
    }

    // an API token revoked
    const { issueApiToken, revokeApiToken } = await import("@/lib/auth/api-token");
    const { id, token } = await issueApiToken({
      name: "thử",
      orgUnitId: world.units.ngocThuy,
      createdById: world.users.admin.id,
    });
    expect((await values("ngoc-thuy", { token })).status).toBe(200);
    expect((await values("bo-de", { token })).status).toBe(403);
    await revokeApiToken(id);
    expect((await values("ngoc-thuy", { token })).status).toBe(401);
  });
});

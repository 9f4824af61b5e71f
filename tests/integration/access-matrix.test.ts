// Every entry point, discovered from the source tree (a new route handler or server action fails
// this test until it is listed below with its expected answers): no session → refused; wrong ward →
// refused; right role on the right unit → allowed; read-only role writing → refused; cross-site → refused.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ORIGIN, type ReviewFixtures, type World, createReviewFixtures, createWorld, dropWorld, signInCookie } from "./auth-fixtures";
import { ENTRY_PROGRAMME, createEntryCatalogue } from "./entry-fixtures";
import { type LandClearanceFixtures, createLandClearanceFixtures, formOf } from "./land-clearance-fixtures";
import { entryImportFile, entryImportForm } from "./entry-import-fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "generated" ? [] : walk(p);
    return [p];
  });
}

const routeFiles = walk(path.join(ROOT, "app")).filter((f) => f.endsWith(`${path.sep}route.ts`));
const serverActionFiles = ["app", "lib", "components"]
  .flatMap((d) => walk(path.join(ROOT, d)))
  .filter((f) => /\.tsx?$/.test(f) && /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(fs.readFileSync(f, "utf8")));

type Who = "anonymous" | "official" | "committee" | "staff" | "admin" | "otherOfficial";
type Case = {
  /** the URL path, with the dynamic segments filled in */
  url: string;
  params: Record<string, string>;
  body?: () => BodyInit;
  contentType?: string;
  /** expected status by caller (same-origin requests) */
  expect: Partial<Record<Who, number>>;
  /** for state-changing methods: a cross-site request is refused with 403 */
  crossSite?: boolean;
};

// keyed by "METHOD /app/path"; `userId` stands for the target account of the admin routes
const form = (o: Record<string, string>) => () => new URLSearchParams(o);
const json = (o: unknown) => () => JSON.stringify(o);
let target = "";
let tokenId = 0;
let created = 0;
function cases(): Record<string, Case> {
  return {
    "GET /api/health": { url: "/api/health", params: {}, expect: { anonymous: 200 } },
    // the entry, review and land-clearance fixtures give this world a term: the programmes and values are found
    "GET /api/v1/programmes": { url: "/api/v1/programmes", params: {}, expect: { anonymous: 401, official: 200, staff: 200 } },
    "GET /api/v1/org-units/[slug]": {
      url: "/api/v1/org-units/ngoc-thuy",
      params: { slug: "ngoc-thuy" },
      expect: { anonymous: 401, otherOfficial: 403, official: 200, committee: 200, staff: 200 },
    },
    "GET /api/v1/org-units/[slug]/values": {
      url: "/api/v1/org-units/ngoc-thuy/values",
      params: { slug: "ngoc-thuy" },
      expect: { anonymous: 401, otherOfficial: 403, official: 200, staff: 200 },
    },
    "POST /api/auth/sign-in": {
      url: "/api/auth/sign-in",
      params: {},
      body: form({ identifier: "khong.ai", password: "khong-dung-dau-nhe" }),
      contentType: "application/x-www-form-urlencoded",
      expect: { anonymous: 303 },
      crossSite: true,
    },
    "POST /api/auth/sign-out": { url: "/api/auth/sign-out", params: {}, expect: { anonymous: 303, official: 303 }, crossSite: true },
    "POST /api/auth/password": {
      url: "/api/auth/password",
      params: {},
      body: form({ currentPassword: "sai-mat-khau-roi", newPassword: "mot-mat-khau-moi-dai", confirmPassword: "mot-mat-khau-moi-dai" }),
      contentType: "application/x-www-form-urlencoded",
      expect: { anonymous: 303, official: 303 },
      crossSite: true,
    },
    "POST /api/admin/accounts/[id]/password": {
      url: `/api/admin/accounts/${target}/password`,
      params: { id: target },
      body: json({ password: "dat-lai-mat-khau-2026" }),
      contentType: "application/json",
      expect: { anonymous: 401, official: 403, committee: 403, staff: 403, otherOfficial: 403, admin: 200 },
      crossSite: true,
    },
    "POST /api/admin/accounts": {
      url: "/api/admin/accounts",
      params: {},
      // a new name each call, so that the allowed call really creates an account
      body: () => JSON.stringify({ username: `moi.${++created}`, name: "Mới", password: "mat-khau-tam-thoi-9", role: "WARD_OFFICIAL", unit: "bo-de" }),
      contentType: "application/json",
      expect: { anonymous: 401, official: 403, committee: 403, staff: 403, admin: 200 },
      crossSite: true,
    },
    "POST /api/admin/accounts/[id]/roles": {
      url: `/api/admin/accounts/${target}/roles`,
      params: { id: target },
      body: json({ op: "grant", role: "WARD_PARTY_COMMITTEE", unit: "bo-de" }),
      contentType: "application/json",
      expect: { anonymous: 401, official: 403, committee: 403, staff: 403, admin: 200 },
      crossSite: true,
    },
    "POST /api/admin/api-tokens": {
      url: "/api/admin/api-tokens",
      params: {},
      body: json({ name: "thử", unit: "ngoc-thuy" }),
      contentType: "application/json",
      expect: { anonymous: 401, official: 403, committee: 403, staff: 403, admin: 201 },
      crossSite: true,
    },
    "POST /api/admin/api-tokens/[id]/revoke": {
      url: `/api/admin/api-tokens/${tokenId}/revoke`,
      params: { id: String(tokenId) },
      expect: { anonymous: 401, official: 403, staff: 403, admin: 200 },
      crossSite: true,
    },
    // entry import (Excel/CSV): export of the grid
    "GET /api/entry/[ward]/[year]/[programme]/export": {
      url: "/api/entry/ngoc-thuy/2020/03-CTr-QU/export?format=xlsx",
      params: { ward: "ngoc-thuy", year: "2020", programme: "03-CTr-QU" },
      expect: { anonymous: 401, otherOfficial: 403, official: 200, committee: 200, staff: 200, admin: 200 },
    },
    "POST /api/admin/accounts/[id]/disabled": {
      url: `/api/admin/accounts/${target}/disabled`,
      params: { id: target },
      body: json({ disabled: false }),
      contentType: "application/json",
      expect: { anonymous: 401, official: 403, committee: 403, staff: 403, admin: 200 },
      crossSite: true,
    },
  };
}

// Server actions read the request through next/headers; here each call gets the headers of the
// caller under test. Cache revalidation needs Next's request store, which a test does not have.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers, cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

type ActionOutcome = "ok" | "unauthenticated" | "forbidden" | "invalid" | "conflict" | "locked" | "not-found";
type ActionCase = {
  /** the action's arguments (a fresh FormData each call: actions may consume it) */
  args: () => unknown[];
  /** expected outcome by caller: `ok` or the failure code */
  expect: Partial<Record<Who, ActionOutcome>>;
};

// Exported server actions ("use server" files), keyed "file#export" (file relative to the repo root).
// Every one must be listed; each is called as every caller listed and cross-site.
const SERVER_ACTIONS: Record<string, ActionCase> = {
  // --- yearly entry form (lib/actions/entry.ts); the programme comes from entry-fixtures.ts ---
  "lib/actions/entry.ts#saveEntry": {
    args: () => {
      const form = new FormData();
      const rows = [{ indicator: "tien-xu-phat", unit: "ngoc-thuy", raw: "1.000.000", qualifier: "EXACT", baseVersion: 0 }];
      form.set("payload", JSON.stringify({ ward: "ngoc-thuy", year: 2016, programme: ENTRY_PROGRAMME, rows }));
      return [null, form];
    },
    expect: { anonymous: "unauthenticated", otherOfficial: "forbidden", committee: "forbidden", staff: "forbidden", admin: "forbidden", official: "ok" },
  },
  "lib/actions/entry.ts#loadValueHistory": {
    args: () => ["ngoc-thuy", 2016, ENTRY_PROGRAMME, "ngoc-thuy", "tien-xu-phat"],
    expect: { anonymous: "unauthenticated", otherOfficial: "forbidden", official: "ok", committee: "ok", staff: "ok", admin: "ok" },
  },
  ...reviewActions(),
  ...landClearanceActions(),
  // entry import (Excel/CSV): an unedited export, so the allowed apply finds nothing to change
  "lib/actions/entry-import.ts#previewEntryImport": {
    args: () => [undefined, entryImportForm(entryFile)],
    expect: { anonymous: "unauthenticated", otherOfficial: "forbidden", official: "ok", committee: "forbidden", staff: "forbidden" },
  },
  "lib/actions/entry-import.ts#applyEntryImport": {
    args: () => [undefined, entryImportForm(entryFile, EMPTY_FINGERPRINT)],
    expect: { anonymous: "unauthenticated", otherOfficial: "forbidden", official: "ok", committee: "forbidden", staff: "forbidden" },
  },
};
let entryFile = new Uint8Array();
// sha-256 of "[]" (no changes), as the preview of an unedited export answers
const EMPTY_FINGERPRINT = "4f53cda18c2baa0c0354bb5f9a3ecbe5";

let world: World;
beforeAll(async () => {
  world = await createWorld();
  await prepareReview(world);
  // the account the administrator routes act on (reset, disable): nobody else
  const { createAccount } = await import("@/lib/auth/accounts");
  target = (await createAccount(world.database.prisma, { username: "muc.tieu", name: "Mục tiêu", password: "mat-khau-muc-tieu-1" })).id;
  const { issueApiToken } = await import("@/lib/auth/api-token");
  tokenId = (await issueApiToken({ name: "thu hồi", orgUnitId: world.units.boDe, createdById: world.users.admin.id })).id;
  // the yearly entry actions need a programme with indicators
  await createEntryCatalogue(world);
  gpmb = await createLandClearanceFixtures(world);
  // the entry import uploads an unedited export of that programme's 2020 grid
  entryFile = await entryImportFile();
}, 120_000);
afterAll(() => dropWorld(world));

// --- review actions (lib/actions/review.ts) ---------------------------------------------------
// Each transition acts on its own year of Ngọc Thụy, prepared in the state it needs; the allowed
// caller (listed last) moves it on, so every later call is refused before any state is read.
let review: ReviewFixtures;
const reviewForm = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};
function reviewActions(): Record<string, ActionCase> {
  const transition = (year: number, comment = "") => () => [null, reviewForm({ ward: "ngoc-thuy", year: String(year), programme: review.programmeSlug, version: "1", comment })];
  const refused = { anonymous: "unauthenticated", otherOfficial: "forbidden" } as const;
  return {
    "lib/actions/review.ts#submitForReview": { args: transition(2016), expect: { ...refused, committee: "forbidden", staff: "forbidden", official: "ok" } },
    "lib/actions/review.ts#returnSubmission": { args: transition(2017, "Cần sửa"), expect: { ...refused, official: "forbidden", staff: "forbidden", committee: "ok" } },
    "lib/actions/review.ts#approveSubmission": { args: transition(2018), expect: { ...refused, official: "forbidden", staff: "forbidden", committee: "ok" } },
    "lib/actions/review.ts#unlockSubmission": { args: transition(2019, "Sửa lại"), expect: { ...refused, official: "forbidden", committee: "forbidden", staff: "ok" } },
    "lib/actions/review.ts#saveDeadline": {
      args: () => [null, reviewForm({ district: "long-bien", year: "2016", dueOn: "2017-03-31", version: "0" })],
      expect: { ...refused, official: "forbidden", committee: "forbidden", admin: "forbidden", staff: "ok" },
    },
  };
}
async function prepareReview(w: World) {
  review = await createReviewFixtures(w);
  const at = (year: number, status: "SUBMITTED" | "APPROVED") =>
    w.database.prisma.submission.create({ data: { orgUnitId: w.units.ngocThuy, periodId: review.periods[year], programmeId: review.programmeId, status } });
  await at(2017, "SUBMITTED");
  await at(2018, "SUBMITTED");
  await at(2019, "APPROVED");
}

function entryPoints(): { key: string; file: string; method: string }[] {
  return routeFiles.flatMap((file) => {
    const source = fs.readFileSync(file, "utf8");
    const route = "/" + path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/");
    return METHODS.filter((m) => new RegExp(`export (async )?function ${m}\\b|export const ${m}\\b`).test(source)).map((method) => ({
      key: `${method} ${route}`,
      file,
      method,
    }));
  });
}

describe("access matrix", () => {
  it("knows every route handler and every server action", () => {
    const found = entryPoints().map((e) => e.key).sort();
    expect(found.length).toBeGreaterThan(5);
    expect(found).toEqual(Object.keys(cases()).sort());
    const actions = serverActionFiles.map((f) => path.relative(ROOT, f));
    expect(actions.filter((f) => !Object.keys(SERVER_ACTIONS).some((k) => k.startsWith(f + "#")))).toEqual([]);
  });

  it("knows every exported server action and answers each caller as listed", async () => {
    const failures: string[] = [];
    const listed = new Set(Object.keys(SERVER_ACTIONS));
    for (const file of serverActionFiles) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn !== "function") continue;
        const key = `${path.relative(ROOT, file)}#${name}`;
        const c = SERVER_ACTIONS[key];
        if (!c) {
          failures.push(`${key} is not listed`);
          continue;
        }
        listed.delete(key);
        const call = async (who: Who, origin: string | null): Promise<string> => {
          request.headers = new Headers({ host: "ctk.test", "x-forwarded-for": "198.51.100.7" });
          if (origin !== null) request.headers.set("origin", origin);
          if (who !== "anonymous") request.headers.set("cookie", await signInCookie(world.users[who].username));
          const result = (await (fn as (...a: unknown[]) => Promise<{ ok: boolean; code?: string }>)(...c.args())) ?? { ok: false };
          return result.ok ? "ok" : (result.code ?? "error");
        };
        for (const [who, outcome] of Object.entries(c.expect) as [Who, ActionOutcome][]) {
          const got = await call(who, ORIGIN);
          if (got !== outcome) failures.push(`${key} as ${who}: ${got}, expected ${outcome}`);
        }
        expect(c.expect.anonymous, `${key}: list the anonymous caller`).toBe("unauthenticated");
        const allowed = (Object.keys(c.expect) as Who[]).find((w) => c.expect[w] !== "unauthenticated" && c.expect[w] !== "forbidden") ?? "official";
        for (const origin of ["https://evil.example", "null", ""]) {
          const got = await call(allowed, origin || null);
          if (got !== "forbidden") failures.push(`${key} as ${allowed} with Origin "${origin || "(none)"}": ${got}, expected forbidden`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect([...listed], "listed actions that no longer exist").toEqual([]);
  }, 120_000);

  it("answers each caller as listed", async () => {
    const table = cases();
    const failures: string[] = [];
    for (const { key, file, method } of entryPoints()) {
      const c = table[key];
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, (r: Request, ctx: unknown) => Promise<Response>>;
      const send = async (who: Who, origin: string | null) => {
        const headers = new Headers({ host: "ctk.test", "x-forwarded-for": "198.51.100.7" });
        if (origin !== null) headers.set("origin", origin);
        if (c.contentType) headers.set("content-type", c.contentType);
        // a fresh session each time: sign-out and password routes end the sessions they are given
        if (who !== "anonymous") headers.set("cookie", await signInCookie(world.users[who].username));
        const request = new Request(`${ORIGIN}${c.url}`, { method, headers, body: method === "GET" ? undefined : (c.body?.() ?? null) });
        return (await mod[method](request, { params: Promise.resolve(c.params) })).status;
      };
      for (const [who, status] of Object.entries(c.expect) as [Who, number][]) {
        const got = await send(who, method === "GET" ? null : ORIGIN);
        if (got !== status) failures.push(`${key} as ${who}: ${got}, expected ${status}`);
      }
      if (method !== "GET") {
        expect(c.crossSite, `${key} changes state: it must refuse cross-site requests`).toBe(true);
        for (const origin of ["https://evil.example", "null", ""]) {
          const got = await send(c.expect.admin ? "admin" : c.expect.official ? "official" : "anonymous", origin || null);
          if (got !== 403) failures.push(`${key} with Origin "${origin || "(none)"}": ${got}, expected 403`);
        }
      }
    }
    expect(failures).toEqual([]);
    // the allowed calls did their work, the refused ones none
    const { prisma } = world.database;
    expect(await prisma.user.count({ where: { username: { startsWith: "moi." } } })).toBe(1);
    expect(await prisma.roleAssignment.count({ where: { userId: target, role: "WARD_PARTY_COMMITTEE" } })).toBe(1);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).revokedAt).not.toBeNull();
    expect(await prisma.apiToken.count({ where: { name: "thử" } })).toBe(1);
  }, 120_000);
});

// --- Land-clearance projects, their progress and achievements (lib/actions/land-clearance.ts, achievements.ts) ---
// Only the ward's official may write; each allowed call really writes (checked in land-clearance.test.ts).
let gpmb: LandClearanceFixtures;
function landClearanceActions(): Record<string, ActionCase> {
  const wardOfficialOnly = { anonymous: "unauthenticated", otherOfficial: "forbidden", official: "ok", committee: "forbidden", staff: "forbidden", admin: "forbidden" } as const;
  const ward = "ngoc-thuy";
  return {
    "lib/actions/land-clearance.ts#saveLandClearanceProject": {
      args: () => [null, formOf({ ward, term: "2015-2020", version: 0, name: "Dự án mới (ma trận)", status: "PLANNED" })],
      expect: wardOfficialOnly,
    },
    "lib/actions/land-clearance.ts#deleteLandClearanceProject": {
      args: () => [null, formOf({ ward, id: gpmb.projectToDelete, version: 1 })],
      expect: wardOfficialOnly,
    },
    "lib/actions/land-clearance.ts#saveLandClearanceProgress": {
      args: () => [null, formOf({ ward, projectId: gpmb.project, year: 2018, version: 0, householdsHandedOver: "3" })],
      expect: wardOfficialOnly,
    },
    "lib/actions/land-clearance.ts#deleteLandClearanceProgress": {
      args: () => [null, formOf({ ward, id: gpmb.progressToDelete, version: 1 })],
      expect: wardOfficialOnly,
    },
    "lib/actions/achievements.ts#saveAchievement": {
      args: () => [null, formOf({ ward, term: "2015-2020", version: 0, kind: "OTHER", status: "ACHIEVED", title: "Danh hiệu mới (ma trận)" })],
      expect: wardOfficialOnly,
    },
    "lib/actions/achievements.ts#deleteAchievement": {
      args: () => [null, formOf({ ward, id: gpmb.achievementToDelete, version: 1 })],
      expect: wardOfficialOnly,
    },
  };
}

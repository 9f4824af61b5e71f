// The approval publishes a ward's figures into `result` (lib/data/submission-workflow.ts): the stored
// term figures (term_figure) change in the same transaction, so /so-sanh/phuong shows the approved
// figures at once — created, updated and, when a value is cleared and approved again, deleted.
// On a PostgreSQL server the app runs here as its own role, as `npm start` serves it
// (scripts/lib/app-role.mjs): that role may not write term_figure, only the triggers (running as the
// owner) do, and a temporary table of its own named term_figure does not divert them.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { appDatabaseUrl } from "../../scripts/lib/app-role.mjs";
import { quoteIdent, withClient } from "../../scripts/lib/db-tools.mjs";
import {
  ORIGIN,
  type ReviewFixtures,
  type World,
  createReviewFixtures,
  createWorld,
  dropWorld,
  signInCookie,
} from "./auth-fixtures";
import { request } from "./next-request";
import { expectStoredTermFigures } from "./term-figure-fixtures";

type Who = "official" | "committee" | "staff";
type Outcome = { ok: boolean; data?: { status?: string } };

let world: World;
let fx: ReviewFixtures;
let actions: typeof import("@/lib/actions/review");
let save: typeof import("@/lib/data/entry-save");
const ctx = inject("testDb");
const appRole = `ctk_test_app_${crypto.randomBytes(4).toString("hex")}`;
const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "ctk-term-figure-"));
/** The app's connection: its own role on a server, the superuser on PGlite. */
let appUrl: string;
const cookies = new Map<Who, string>();
const YEAR = 2018;

async function as(who: Who, fn: (prev: null, form: FormData) => Promise<unknown>, extra: Record<string, string> = {}) {
  if (!cookies.has(who)) cookies.set(who, await signInCookie(world.users[who].username));
  request.headers = new Headers({ host: "ctk.test", origin: ORIGIN, cookie: cookies.get(who)! });
  const sub = await world.database.prisma.submission.findUniqueOrThrow({
    where: {
      orgUnitId_periodId_programmeId: {
        orgUnitId: world.units.ngocThuy,
        periodId: fx.periods[YEAR],
        programmeId: fx.programmeId,
      },
    },
  });
  const form = new FormData();
  for (const [k, v] of Object.entries({
    ward: "ngoc-thuy",
    year: String(YEAR),
    programme: fx.programmeSlug,
    version: String(sub.version),
    ...extra,
  }))
    form.set(k, v);
  return (await fn(null, form)) as Outcome;
}

const official = () => ({ userId: world.users.official.id, name: "Cán bộ phường thử" });
const target = () => ({ wardId: world.units.ngocThuy, periodId: fx.periods[YEAR], programmeId: fx.programmeId });
const change = (indicatorId: number, orgUnitId: number, value: string | null, baseVersion: number) => ({
  indicatorId,
  orgUnitId,
  value,
  qualifier: "EXACT" as const,
  note: null,
  outlierConfirmed: false,
  baseVersion,
});

/** The ward's stored term figure of an indicator (null: none). */
const termValue = async (indicatorId: number) =>
  (
    await world.database.prisma.termFigure.findUnique({
      where: { indicatorId_termId_orgUnitId: { indicatorId, termId: fx.termId, orgUnitId: world.units.ngocThuy } },
      select: { value: true },
    })
  )?.value.toFixed() ?? null;

beforeAll(async () => {
  world = await createWorld();
  fx = await createReviewFixtures(world);
  appUrl = world.database.url;
  if (ctx.mode === "server") {
    ({ url: appUrl } = await appDatabaseUrl({ adminUrl: appUrl, env: { APP_DB_ROLE: appRole }, dataRoot }));
    vi.stubEnv("DATABASE_URL", appUrl);
    vi.resetModules();
    const g = globalThis as { prisma?: { $disconnect(): Promise<void> }; auth?: unknown };
    await g.prisma?.$disconnect();
    g.prisma = undefined;
    g.auth = undefined;
  }
  actions = await import("@/lib/actions/review");
  save = await import("@/lib/data/entry-save");
}, 120_000);
afterAll(async () => {
  await dropWorld(world);
  if (ctx.mode === "server")
    await withClient(ctx.adminUrl, (c) => c.query(`DROP ROLE IF EXISTS ${quoteIdent(appRole)}`));
  fs.rmSync(dataRoot, { recursive: true, force: true });
});

describe("approval keeps the stored term figures exact", () => {
  it("created on approval, updated and deleted on the next approval", async () => {
    const { prisma } = world.database;
    const { ngocThuy, group } = world.units;
    // an earlier year already published: the term figure is the sum of both years after approval
    const report = await prisma.source.create({ data: { key: "bc-tf", kind: "REPORT", title: "Báo cáo thử" } });
    await prisma.result.create({
      data: {
        indicatorId: fx.indicators.a,
        orgUnitId: ngocThuy,
        periodId: fx.periods[2016],
        value: "30",
        sourceId: report.id,
        recordedBy: "seed",
      },
    });
    expect(await termValue(fx.indicators.a)).toBe("30");

    expect(
      (
        await save.saveEntryValues(official(), target(), [
          change(fx.indicators.a, ngocThuy, "12", 0),
          change(fx.indicators.b, ngocThuy, "305000000", 0),
          change(fx.indicators.group, group, "1", 0),
        ])
      ).ok,
    ).toBe(true);
    // entered, not approved: nothing published, the stored figures unchanged
    expect(await termValue(fx.indicators.a)).toBe("30");
    expect(await termValue(fx.indicators.b)).toBeNull();
    expect(await as("official", actions.submitForReview)).toMatchObject({ ok: true });
    expect(await as("committee", actions.approveSubmission, { comment: "" })).toMatchObject({
      ok: true,
      data: { status: "APPROVED" },
    });
    expect(await termValue(fx.indicators.a)).toBe("42");
    expect(await termValue(fx.indicators.b)).toBe("305000000");
    await expectStoredTermFigures(prisma, "approved");

    // unlocked, a changed and a cleared value approved again
    expect(await as("staff", actions.unlockSubmission, { comment: "Phường sửa số liệu." })).toMatchObject({ ok: true });
    const sub = await prisma.submission.findFirstOrThrow({
      where: { orgUnitId: ngocThuy, periodId: fx.periods[YEAR] },
    });
    const versionOf = async (indicatorId: number) =>
      (await prisma.entryValue.findFirstOrThrow({ where: { submissionId: sub.id, indicatorId } })).version;
    expect(
      (
        await save.saveEntryValues(official(), target(), [
          change(fx.indicators.a, ngocThuy, "20", await versionOf(fx.indicators.a)),
          change(fx.indicators.b, ngocThuy, null, await versionOf(fx.indicators.b)),
        ])
      ).ok,
    ).toBe(true);
    expect(await as("official", actions.submitForReview)).toMatchObject({ ok: true });
    expect(await as("committee", actions.approveSubmission, { comment: "" })).toMatchObject({ ok: true });
    expect(await termValue(fx.indicators.a)).toBe("50");
    expect(await termValue(fx.indicators.b)).toBeNull();
    await expectStoredTermFigures(prisma, "approved again");
  });

  it("the app's connection cannot write them, and its own table named term_figure changes nothing", async () => {
    const { prisma } = world.database;
    const code = (sql: string) =>
      withClient(appUrl, (c) => c.query(sql)).then(
        () => "ok",
        (e: { code?: string }) => e.code,
      );
    expect(await code("UPDATE term_figure SET value = 0")).toBe("42501");
    expect(await code("DELETE FROM term_figure")).toBe("42501");
    // a temporary table is searched before the schema unless the trigger functions' search_path
    // puts pg_temp last
    await withClient(appUrl, async (c) => {
      await c.query("CREATE TEMP TABLE term_figure (LIKE public.term_figure)");
      await c.query(
        `INSERT INTO result (indicator_id, org_unit_id, period_id, value, source_id, recorded_by)
         SELECT $1, $2, $3, 7, id, 'script' FROM source WHERE key = 'bc-tf'`,
        [fx.indicators.a, world.units.ngocThuy, fx.periods[2017]],
      );
      expect((await c.query("SELECT count(*)::int AS n FROM pg_temp.term_figure")).rows[0].n).toBe(0);
    });
    expect(await termValue(fx.indicators.a)).toBe("57");
    await expectStoredTermFigures(prisma, "written by the app's connection");
  });
});

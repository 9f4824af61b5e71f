// The approval publishes a ward's figures into `result` (lib/data/submission-workflow.ts): the stored
// term figures (term_figure) change in the same transaction, so /so-sanh/phuong shows the approved
// figures at once — created, updated and, when a value is cleared and approved again, deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  actions = await import("@/lib/actions/review");
  save = await import("@/lib/data/entry-save");
}, 120_000);
afterAll(() => dropWorld(world));

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
});

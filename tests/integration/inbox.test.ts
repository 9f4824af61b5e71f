// "Việc cần làm" against PostgreSQL: what waits for whom follows the review cycle (sent → the
// committee; returned, with its comment → the ward's officials; approved → nobody), due dates within
// 14 days or passed (ward officials) and wards late after one (district staff), accounts that must
// change their password and failed sign-in bursts (administrators). Nobody sees another ward's items.
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ReviewFixtures, World } from "./auth-fixtures";
import { type Who, reviewWorld } from "./review-world";

const YEAR = 2019;
const rw = reviewWorld(YEAR);
let world: World;
let fx: ReviewFixtures;
let actions: typeof import("@/lib/actions/review");
let inbox: typeof import("@/lib/services/inbox");
const ROLE: Record<Who, Role> = {
  official: "WARD_OFFICIAL",
  committee: "WARD_PARTY_COMMITTEE",
  staff: "DISTRICT_STAFF",
  admin: "ADMINISTRATOR",
  otherOfficial: "WARD_OFFICIAL",
};

/** `fn` as `who`, from the screen of the submission as it is now; it must succeed. */
async function as(who: Who, fn: (prev: null, form: FormData) => Promise<unknown>, extra: Record<string, string> = {}) {
  expect(await rw.as(who, fn, await rw.submissionFields(extra))).toMatchObject({ ok: true });
}

/** The inbox of `who`, by their one grant. */
async function inboxOf(who: Who) {
  const unit =
    who === "staff" || who === "admin"
      ? world.units.district
      : who === "otherOfficial"
        ? world.units.boDe
        : world.units.ngocThuy;
  const viewer = { grants: [{ role: ROLE[who], orgUnitId: unit }] } as Parameters<typeof inbox.loadInbox>[0];
  const result = await inbox.loadInbox(viewer);
  return result!;
}

const dayFromToday = (days: number) => {
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  return new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`);
};

beforeAll(async () => {
  ({ world, fx } = rw);
  actions = await import("@/lib/actions/review");
  inbox = await import("@/lib/services/inbox");
});

describe("inbox", () => {
  it("follows the review cycle: sent → committee, returned with comment → officials, approved → nobody", async () => {
    const save = await import("@/lib/data/entry-save");
    const saved = await save.saveEntryValues(
      { userId: world.users.official.id, name: "Cán bộ phường thử" },
      { wardId: world.units.ngocThuy, periodId: fx.periods[YEAR], programmeId: fx.programmeId },
      [
        {
          indicatorId: fx.indicators.a,
          orgUnitId: world.units.ngocThuy,
          value: "12",
          qualifier: "EXACT",
          note: null,
          outlierConfirmed: false,
          baseVersion: 0,
        },
      ],
    );
    expect(saved.ok).toBe(true);
    expect((await inboxOf("committee")).awaitingApproval).toEqual([]);

    await as("official", actions.submitForReview);
    const waiting = (await inboxOf("committee")).awaitingApproval;
    expect(waiting).toEqual([
      expect.objectContaining({
        ward: { slug: "ngoc-thuy", name: "ngoc-thuy" },
        year: YEAR,
        programme: { slug: fx.programmeSlug, code: "01-CT/QU" },
        actorName: world.users.official.username,
      }),
    ]);
    expect(inbox.inboxCount(await inboxOf("committee"))).toBe(1);
    // not the official's, nor another ward's, nor the district's (who do not approve)
    for (const who of ["official", "otherOfficial", "staff", "admin"] as const)
      expect((await inboxOf(who)).awaitingApproval).toEqual([]);

    await as("committee", actions.returnSubmission, { comment: "Chỉ tiêu a cần kiểm tra lại" });
    expect((await inboxOf("committee")).awaitingApproval).toEqual([]);
    expect((await inboxOf("official")).returned).toEqual([
      expect.objectContaining({
        ward: { slug: "ngoc-thuy", name: "ngoc-thuy" },
        year: YEAR,
        comment: "Chỉ tiêu a cần kiểm tra lại",
        actorName: world.users.committee.username,
      }),
    ]);
    expect((await inboxOf("otherOfficial")).returned).toEqual([]);

    await as("official", actions.submitForReview);
    expect((await inboxOf("official")).returned).toEqual([]);
    expect((await inboxOf("committee")).awaitingApproval).toHaveLength(1);
    await as("committee", actions.approveSubmission);
    for (const who of ["official", "committee"] as const) expect(inbox.inboxCount(await inboxOf(who))).toBe(0);
  });

  it("reminds officials of a due date within 14 days or passed, and tells the district which wards are late", async () => {
    const { prisma } = world.database;
    // 2019 is approved for Ngọc Thụy (above); 2018 is sent by nobody
    const deadline = await prisma.deadline.create({
      data: {
        districtId: world.units.district,
        periodId: fx.periods[2018],
        dueOn: dayFromToday(15),
        setById: world.users.staff.id,
      },
    });
    await prisma.deadline.create({
      data: {
        districtId: world.units.district,
        periodId: fx.periods[YEAR],
        dueOn: dayFromToday(-1),
        setById: world.users.staff.id,
      },
    });
    // 15 days away: not yet; 2019 is passed but approved for Ngọc Thụy, so only Bồ Đề hears of it
    expect((await inboxOf("official")).deadlines).toEqual([]);
    expect((await inboxOf("otherOfficial")).deadlines).toEqual([
      {
        ward: { slug: "bo-de", name: "bo-de" },
        year: YEAR,
        dueOn: dayFromToday(-1).toISOString().slice(0, 10),
        openProgrammes: 1,
      },
    ]);
    expect((await inboxOf("staff")).lateWards).toEqual([
      {
        district: { slug: "long-bien", name: "long-bien" },
        year: YEAR,
        dueOn: dayFromToday(-1).toISOString().slice(0, 10),
      },
    ]);
    // how many, as the home page's list says: Bồ Đề only (Ngọc Thụy has sent)
    const staff = { grants: [{ role: ROLE.staff, orgUnitId: world.units.district }] } as Parameters<
      typeof inbox.loadLateWardCounts
    >[0];
    expect(await inbox.loadLateWardCounts(staff)).toEqual(new Map([[`long-bien:${YEAR}`, 1]]));
    // the district's due date reaches whoever holds a late ward below their units: from the city down,
    // or from Bồ Đề itself; not from Ngọc Thụy (sent) nor from its group (not a ward)
    const { getInbox } = await import("@/lib/data/inbox");
    const lateFrom = async (unit: number) =>
      (
        await getInbox({
          roots: { approve: [], edit: [], deadlines: [unit], accounts: false },
          today: dayFromToday(0).toISOString().slice(0, 10),
          soonDays: 14,
          burstFailures: 10,
        })
      ).lateWards.map((l) => `${l.district.slug}:${l.year}`);
    expect(await lateFrom(world.units.city)).toEqual([`long-bien:${YEAR}`]);
    expect(await lateFrom(world.units.boDe)).toEqual([`long-bien:${YEAR}`]);
    expect(await lateFrom(world.units.ngocThuy)).toEqual([]);
    expect(await lateFrom(world.units.group)).toEqual([]);

    await prisma.deadline.update({ where: { id: deadline.id }, data: { dueOn: dayFromToday(14) } });
    expect((await inboxOf("official")).deadlines).toEqual([
      {
        ward: { slug: "ngoc-thuy", name: "ngoc-thuy" },
        year: 2018,
        dueOn: dayFromToday(14).toISOString().slice(0, 10),
        openProgrammes: 1,
      },
    ]);
    // not yet passed: the district is not told of 2018
    expect((await inboxOf("staff")).lateWards.map((l) => l.year)).toEqual([YEAR]);
    // committees and administrators are not reminded of due dates
    expect((await inboxOf("committee")).deadlines).toEqual([]);
    expect((await inboxOf("admin")).lateWards).toEqual([]);
  });

  it("tells administrators of accounts that must change their password and of failed sign-in bursts", async () => {
    const { prisma } = world.database;
    expect(await inboxOf("admin")).toMatchObject({ mustChangePassword: 0, signInBursts: [] });
    await prisma.user.update({ where: { id: world.users.otherOfficial.id }, data: { mustChangePassword: true } });
    await prisma.signInAttempt.createMany({
      data: Array.from({ length: 10 }, () => ({ identifier: "ai.do", address: "203.0.113.9", success: false })),
    });
    // nine failures on another account are not a burst
    await prisma.signInAttempt.createMany({
      data: Array.from({ length: 9 }, () => ({
        identifier: "nham.mat.khau",
        address: "198.51.100.20",
        success: false,
      })),
    });
    const admin = await inboxOf("admin");
    expect(admin.mustChangePassword).toBe(1);
    expect(admin.signInBursts.map((b) => [b.kind, b.key, b.failures]).sort()).toEqual([
      ["account", "ai.do", 10],
      ["address", "203.0.113.9", 10],
    ]);
    expect(inbox.inboxCount(admin)).toBe(3);
    // nobody else is told
    for (const who of ["official", "committee", "staff"] as const) {
      const other = await inboxOf(who);
      expect([other.mustChangePassword, other.signInBursts]).toEqual([0, []]);
    }
    // done: the password changed
    await prisma.user.update({ where: { id: world.users.otherOfficial.id }, data: { mustChangePassword: false } });
    expect((await inboxOf("admin")).mustChangePassword).toBe(0);
  });
});

// The districts with late wards (the header of every page for district and city staff, the home
// page's counts) are kept per server process under the catalogue and progress versions: read again
// only after something that can change them — a ward sends, is returned or unlocked, a due date is
// written, a ward is added or removed — also when that is done through another connection (another
// instance of the app), and not after a draft save. Statements counted at the pg driver.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReviewFixtures, World } from "./auth-fixtures";
import { withSentStatements } from "../setup/sent-statements";
import { type Who, reviewWorld } from "./review-world";

const YEAR = 2019;
const rw = reviewWorld(YEAR);
let world: World;
let fx: ReviewFixtures;
let actions: typeof import("@/lib/actions/review");
let inboxData: typeof import("@/lib/data/inbox");
/** Another connection, as another instance of the app or an operator would write. */
let other: pg.Client;

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const dayFromToday = (days: number) => new Date(`${today()}T00:00:00Z`).getTime() + days * 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

beforeAll(async () => {
  ({ world, fx } = rw);
  actions = await import("@/lib/actions/review");
  inboxData = await import("@/lib/data/inbox");
  other = new pg.Client({ connectionString: world.database.url });
  await other.connect();
  // 2019's due date passed yesterday; neither ward has sent
  await world.database.prisma.deadline.create({
    data: {
      districtId: world.units.district,
      periodId: fx.periods[YEAR],
      dueOn: new Date(dayFromToday(-1)),
      setById: world.users.staff.id,
    },
  });
});
afterAll(() => other?.end());

/** The SQL of every statement sent while `run` runs. */
async function statementsOf<T>(run: () => Promise<T>): Promise<{ value: T; sent: string[] }> {
  const { value, sent } = await withSentStatements(run);
  return { value, sent: sent.map((q) => q.text) };
}

/** Statements that look at the wards against the due dates (the late wards or their counts). */
const lateStatements = (sent: string[]) => sent.filter((s) => /\bdeadline d\b/.test(s));

/** The header's late items for someone setting due dates at `unit`, and the statements it sent. */
async function header(unit: number) {
  const { value, sent } = await statementsOf(() =>
    inboxData.getInbox({
      roots: { approve: [], edit: [], deadlines: [unit], accounts: false },
      today: today(),
      soonDays: 14,
      burstFailures: 10,
    }),
  );
  return { late: value.lateWards.map((l) => `${l.district.slug}:${l.year}`), sent: lateStatements(sent) };
}

/** The home page's counts for the district, and the statements they sent. */
async function counts() {
  const { value, sent } = await statementsOf(() => inboxData.countLateWards([world.units.district], today()));
  return { counts: Object.fromEntries(value), sent: lateStatements(sent) };
}

/** The late items as Ngọc Thụy's header shows them, read twice: the second read sends nothing. */
async function ngocThuyLate(): Promise<string[]> {
  const first = await header(world.units.ngocThuy);
  expect(first.sent).toHaveLength(1);
  const second = await header(world.units.ngocThuy);
  expect(second).toEqual({ late: first.late, sent: [] });
  return first.late;
}

const progressVersion = async () =>
  (await other.query<{ v: string }>("SELECT version::text AS v FROM progress_version")).rows[0].v;

async function as(who: Who, fn: (prev: null, form: FormData) => Promise<unknown>, extra: Record<string, string> = {}) {
  expect(await rw.as(who, fn, await rw.submissionFields(extra))).toMatchObject({ ok: true });
}

const LATE = [`long-bien:${YEAR}`];

describe("the late wards kept per process", () => {
  it("are read once while nothing changes, the header's and the home page's", async () => {
    expect(await header(world.units.district)).toEqual({ late: LATE, sent: [expect.any(String)] });
    expect(await header(world.units.district)).toEqual({ late: LATE, sent: [] });
    expect(await counts()).toEqual({ counts: { [`long-bien:${YEAR}`]: 2 }, sent: [expect.any(String)] });
    expect(await counts()).toEqual({ counts: { [`long-bien:${YEAR}`]: 2 }, sent: [] });
    // a caller changing what it got does not change what the next one gets
    (await inboxData.countLateWards([world.units.district], today())).clear();
    expect((await counts()).counts).toEqual({ [`long-bien:${YEAR}`]: 2 });
  });

  it("are not read again after a draft save, which does not bump the progress version", async () => {
    expect(await ngocThuyLate()).toEqual(LATE);
    const before = await progressVersion();
    const save = await import("@/lib/data/entry-save");
    const saved = await save.saveEntryValues(
      { userId: world.users.official.id, name: "Cán bộ phường thử" },
      rw.target(),
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
    expect((await rw.submission()).status).toBe("DRAFT");
    expect(await progressVersion()).toBe(before);
    expect(await header(world.units.ngocThuy)).toEqual({ late: LATE, sent: [] });
  });

  it("follow a ward sending, being returned, approved and unlocked", async () => {
    await as("official", actions.submitForReview);
    expect(await ngocThuyLate()).toEqual([]);
    expect((await counts()).counts).toEqual({ [`long-bien:${YEAR}`]: 1 });

    await as("committee", actions.returnSubmission, { comment: "Kiểm tra lại chỉ tiêu a" });
    expect(await ngocThuyLate()).toEqual(LATE);
    expect((await counts()).counts).toEqual({ [`long-bien:${YEAR}`]: 2 });

    await as("official", actions.submitForReview);
    await as("committee", actions.approveSubmission);
    expect(await ngocThuyLate()).toEqual([]);

    await as("staff", actions.unlockSubmission, { comment: "Phường đề nghị sửa chỉ tiêu a." });
    expect((await rw.submission()).status).toBe("DRAFT");
    expect(await ngocThuyLate()).toEqual(LATE);
  });

  it("follow changes made through another connection: a sent row, a due date, a ward added or removed", async () => {
    const sub = await rw.submission();
    await other.query("UPDATE submission SET status = 'SUBMITTED' WHERE id = $1", [sub.id]);
    expect(await ngocThuyLate()).toEqual([]);
    await other.query("UPDATE submission SET status = 'DRAFT' WHERE id = $1", [sub.id]);
    expect(await ngocThuyLate()).toEqual(LATE);

    // the due date moved to tomorrow: not late; back: late again
    await other.query("UPDATE deadline SET due_on = $1::date WHERE district_id = $2", [
      isoDay(dayFromToday(1)),
      world.units.district,
    ]);
    expect(await ngocThuyLate()).toEqual([]);
    expect((await counts()).counts).toEqual({});
    await other.query("UPDATE deadline SET due_on = $1::date WHERE district_id = $2", [
      isoDay(dayFromToday(-1)),
      world.units.district,
    ]);
    expect(await ngocThuyLate()).toEqual(LATE);
    expect((await counts()).counts).toEqual({ [`long-bien:${YEAR}`]: 2 });

    // a ward added to the district, then Bồ Đề gone before that year
    const added = await world.database.prisma.orgUnit.create({
      data: {
        slug: "phuc-loi",
        name: "phuc-loi",
        shortName: "phuc-loi",
        level: "WARD",
        parentId: world.units.district,
        validFrom: new Date("2015-01-01"),
      },
    });
    expect((await counts()).counts).toEqual({ [`long-bien:${YEAR}`]: 3 });
    await other.query("UPDATE org_unit SET valid_to = '2017-12-31' WHERE id = $1", [world.units.boDe]);
    expect((await counts()).counts).toEqual({ [`long-bien:${YEAR}`]: 2 });
    await world.database.prisma.orgUnit.delete({ where: { id: added.id } });
    expect((await counts()).counts).toEqual({ [`long-bien:${YEAR}`]: 1 });
  });

  it("move with what owes reads outside the catalogue, and only with that; unit history moves the catalogue's", async () => {
    const bumps = async (sql: string, params: unknown[] = []) => {
      const before = await progressVersion();
      await other.query(sql, params);
      return (await progressVersion()) !== before;
    };
    const ward = world.units.boDe;
    const [period, programme] = [fx.periods[2016], fx.programmeId];
    // a draft, and its edits, are not sent: no bump
    expect(
      await bumps(
        "INSERT INTO submission (org_unit_id, period_id, programme_id, status, updated_at) VALUES ($1, $2, $3, 'DRAFT', now())",
        [ward, period, programme],
      ),
    ).toBe(false);
    expect(
      await bumps("UPDATE submission SET version = version + 1 WHERE org_unit_id = $1 AND period_id = $2", [
        ward,
        period,
      ]),
    ).toBe(false);
    expect(
      await bumps("UPDATE submission SET status = 'RETURNED' WHERE org_unit_id = $1 AND period_id = $2", [
        ward,
        period,
      ]),
    ).toBe(false);
    // sent, moved to another year while sent, deleted while sent: each a bump
    expect(
      await bumps("UPDATE submission SET status = 'SUBMITTED' WHERE org_unit_id = $1 AND period_id = $2", [
        ward,
        period,
      ]),
    ).toBe(true);
    expect(
      await bumps("UPDATE submission SET period_id = $3 WHERE org_unit_id = $1 AND period_id = $2", [
        ward,
        period,
        fx.periods[2017],
      ]),
    ).toBe(true);
    expect(
      await bumps("DELETE FROM submission WHERE org_unit_id = $1 AND period_id = $2", [ward, fx.periods[2017]]),
    ).toBe(true);
    // two changes in one transaction: one bump
    const before = Number((await progressVersion()).split(":")[0]);
    await other.query(`BEGIN; INSERT INTO deadline (district_id, period_id, due_on, set_by_id, updated_at)
      VALUES (${world.units.district}, ${fx.periods[2016]}, '2017-03-31', '${world.users.staff.id}', now());
      UPDATE deadline SET due_on = '2017-04-30' WHERE period_id = ${fx.periods[2016]}; COMMIT;`);
    expect(Number((await progressVersion()).split(":")[0])).toBe(before + 1);
    // the units' history that decides which programmes apply to a ward: part of the catalogue
    const catalogueMoves = async (sql: string, params: unknown[]) => {
      const read = async () =>
        (await other.query<{ v: string }>("SELECT version::text AS v FROM catalogue_version")).rows[0].v;
      const before = await read();
      await other.query(sql, params);
      return (await read()) !== before;
    };
    expect(
      await catalogueMoves(
        "INSERT INTO org_unit_former_parent (org_unit_id, parent_id, valid_to, changed_by_id) VALUES ($1, $2, '2016-12-31', $3)",
        [ward, world.units.city, world.users.staff.id],
      ),
    ).toBe(true);
    expect(
      await catalogueMoves(
        "INSERT INTO org_unit_succession (predecessor_id, successor_id, effective_on) VALUES ($1, $2, '2018-01-01')",
        [world.units.group, ward],
      ),
    ).toBe(true);
  });
});

describe("the process cache", () => {
  it("keeps a bounded number of answers, the least recently used dropped first, and no failed read", async () => {
    const { cachedProgress } = await import("@/lib/data/catalogue-cache");
    const reads: string[] = [];
    const read = (key: string) => cachedProgress(`test:${key}`, async () => (reads.push(key), key));
    await read("kept");
    await read("dropped");
    // 1.000 other readers (each their own units) while "kept" is still in use
    for (let i = 0; i < 1000; i++) {
      await read(String(i));
      if (i % 100 === 0) await read("kept");
    }
    reads.length = 0;
    await read("kept");
    await read("dropped");
    expect(reads).toEqual(["dropped"]);

    let fail = true;
    const flaky = () =>
      cachedProgress("test:flaky", async () => {
        if (fail) throw new Error("connection lost");
        return "read";
      });
    await expect(flaky()).rejects.toThrow("connection lost");
    fail = false;
    expect(await flaky()).toBe("read");
  });
});

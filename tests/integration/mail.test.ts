// E-mail notices end to end against PostgreSQL and a local SMTP server (./local-smtp.ts) started here:
// review transitions mail the right people once each, with the link and without figures; a mail that
// fails while the SMTP server is down is delivered once it is back; two workers (two app instances)
// never send one notice twice; deadline reminders are sent once per stage; turning a kind off stops it;
// a mail the queue gave up on is listed for administrators.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ORIGIN,
  type ReviewFixtures,
  type World,
  createReviewFixtures,
  createWorld,
  dropWorld,
  signInCookie,
} from "./auth-fixtures";
import { type LocalSmtp, type ReceivedMail, startLocalSmtp } from "./local-smtp";
import { request } from "./next-request";

type Who = "official" | "committee" | "staff" | "admin" | "otherOfficial";

const YEAR = 2019;
const ADDRESS: Record<Who, string> = {
  official: "can.bo.nt@phuong.test",
  committee: "dang.uy.nt@phuong.test",
  staff: "can.bo.quan@quan.test",
  admin: "quan.tri@quan.test",
  otherOfficial: "can.bo.bd@phuong.test",
};

let world: World;
let fx: ReviewFixtures;
let actions: typeof import("@/lib/actions/review");
let notices: typeof import("@/lib/data/mail-notices");
let save: typeof import("@/lib/data/entry-save");
const workers: { stop(): Promise<void> }[] = [];
const cookies = new Map<Who, string>();

// --- the SMTP server (stopped and started again on its port by the tests of a failed delivery) ----
const received: ReceivedMail[] = [];
let smtp: LocalSmtp | null = null;
let smtpPort = 0;

async function startSmtp(port = 0): Promise<void> {
  smtp = await startLocalSmtp(port, received);
  smtpPort = smtp.port;
}

async function stopSmtp(): Promise<void> {
  const server = smtp;
  smtp = null;
  await server?.stop();
}

const mailsTo = (who: Who) => received.filter((m) => m.to.includes(ADDRESS[who]));
/** Waits until no notice is waiting (each one sent, skipped or given up). */
async function drained(): Promise<void> {
  await vi.waitFor(
    async () =>
      expect(
        await world.database.prisma.mailNotice.count({ where: { sentAt: null, skippedAt: null, gaveUpAt: null } }),
      ).toBe(0),
    { timeout: 60_000, interval: 200 },
  );
}

// --- the app ---------------------------------------------------------------------------------------
async function as(who: Who, fn: (prev: null, form: FormData) => Promise<unknown>, extra: Record<string, string> = {}) {
  if (!cookies.has(who)) cookies.set(who, await signInCookie(world.users[who].username));
  request.headers = new Headers({
    host: "ctk.test",
    origin: ORIGIN,
    "x-forwarded-for": "198.51.100.7",
    cookie: cookies.get(who)!,
  });
  const sub = await world.database.prisma.submission.findFirst({
    where: { orgUnitId: world.units.ngocThuy, periodId: fx.periods[YEAR], programmeId: fx.programmeId },
  });
  const form = new FormData();
  const fields = {
    ward: "ngoc-thuy",
    year: String(YEAR),
    programme: fx.programmeSlug,
    version: String(sub?.version ?? 1),
  };
  for (const [k, v] of Object.entries({ ...fields, ...extra })) form.set(k, v);
  return (await fn(null, form)) as { ok: boolean; data?: { status: string } };
}

const ENTRY_LINK = `${ORIGIN}/ngoc-thuy/nhap-lieu/${YEAR}/`;

beforeAll(async () => {
  await startSmtp();
  vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${smtpPort}`);
  vi.stubEnv("MAIL_FROM", "Theo dõi CTr toàn khóa <ctk@quan.test>");
  vi.stubEnv("AUTH_URL", ORIGIN);
  world = await createWorld();
  fx = await createReviewFixtures(world);
  for (const who of Object.keys(ADDRESS) as Who[])
    await world.database.prisma.user.update({ where: { id: world.users[who].id }, data: { email: ADDRESS[who] } });

  const queue = await import("@/lib/mail/queue");
  // short retries for the test: 1 s, 2 s, 4 s, … (the app's are minutes)
  await queue.prepareMailQueue({
    url: world.database.url,
    retry: { retryLimit: 4, retryDelay: 1, retryBackoff: true },
  });
  const { startMailWorker } = await import("@/lib/mail/worker");
  // two workers on one database: two app instances
  for (let i = 0; i < 2; i++)
    workers.push(
      await startMailWorker({
        url: world.database.url,
        smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
        from: "ctk@quan.test",
        pollingIntervalSeconds: 0.5,
        log: () => {},
      }),
    );
  actions = await import("@/lib/actions/review");
  notices = await import("@/lib/data/mail-notices");
  save = await import("@/lib/data/entry-save");
  const saved = await save.saveEntryValues(
    { userId: world.users.official.id, name: "Cán bộ phường thử" },
    { wardId: world.units.ngocThuy, periodId: fx.periods[YEAR], programmeId: fx.programmeId },
    [
      {
        indicatorId: fx.indicators.b,
        orgUnitId: world.units.ngocThuy,
        value: "305000000",
        qualifier: "EXACT",
        note: null,
        outlierConfirmed: false,
        baseVersion: 0,
      },
    ],
  );
  expect(saved.ok).toBe(true);
}, 120_000);

afterAll(async () => {
  for (const w of workers) await w.stop();
  await stopSmtp();
  await dropWorld(world);
});

describe("e-mail notices", () => {
  it("sent: the ward's committee gets one mail with the link and no figures; the sender none", async () => {
    expect(await as("official", actions.submitForReview)).toMatchObject({ ok: true, data: { status: "SUBMITTED" } });
    await drained();
    expect(mailsTo("committee")).toHaveLength(1);
    expect(received).toHaveLength(1);
    const [mail] = mailsTo("committee");
    expect(mail.subject).toBe(`[Chờ duyệt] ngoc-thuy – 01-CT/QU – năm ${YEAR}`);
    expect(mail.body).toContain(`${ENTRY_LINK}${fx.programmeSlug}`);
    expect(mail.body).toContain("Chương trình thử");
    expect(mail.body).not.toMatch(/305[.]?000[.]?000/);
  });

  it("returned: the ward's officials get the committee's comment; the other ward's official nothing", async () => {
    received.length = 0;
    const comment = "Chỉ tiêu b chưa khớp với báo cáo, đề nghị kiểm tra lại.";
    expect(await as("committee", actions.returnSubmission, { comment })).toMatchObject({ ok: true });
    await drained();
    expect(mailsTo("official")).toHaveLength(1);
    expect(received).toHaveLength(1);
    expect(mailsTo("official")[0].subject).toContain("[Bị trả lại]");
    expect(mailsTo("official")[0].body).toContain(`Ý kiến: ${comment}`);
  });

  it("a mail that fails while the SMTP server is down is delivered, once, when it is back", async () => {
    expect(await as("official", actions.submitForReview)).toMatchObject({ ok: true });
    await drained();
    received.length = 0;
    const port = smtpPort;
    await stopSmtp();
    expect(await as("committee", actions.approveSubmission, { comment: "" })).toMatchObject({
      ok: true,
      data: { status: "APPROVED" },
    });
    const { prisma } = world.database;
    const approved = { userId: world.users.official.id, kind: "SUBMISSION_APPROVED" as const };
    await vi.waitFor(
      async () => expect((await prisma.mailNotice.findFirstOrThrow({ where: approved })).attempts).toBeGreaterThan(0),
      { timeout: 30_000, interval: 200 },
    );
    const failed = await prisma.mailNotice.findFirstOrThrow({ where: approved });
    expect(failed.sentAt).toBeNull();
    expect(failed.lastError).toBeTruthy();
    expect(received).toHaveLength(0);

    await startSmtp(port);
    await drained();
    const delivered = await prisma.mailNotice.findFirstOrThrow({ where: approved });
    expect(delivered.sentAt).not.toBeNull();
    expect(delivered.gaveUpAt).toBeNull();
    expect(mailsTo("official")).toHaveLength(1);
    expect(mailsTo("official")[0].subject).toContain("[Đã duyệt]");
  });

  it("two workers, one event with two recipients, a burst of jobs: each notice is sent exactly once", async () => {
    received.length = 0;
    const { prisma } = world.database;
    expect(await as("staff", actions.unlockSubmission, { comment: "Phường đề nghị sửa." })).toMatchObject({
      ok: true,
    });
    await drained();
    expect(mailsTo("official")).toHaveLength(1);
    expect(mailsTo("committee")).toHaveLength(1);
    expect(mailsTo("staff")).toHaveLength(0);
    expect(mailsTo("official")[0].body).toContain("Lý do: Phường đề nghị sửa.");
    // over the whole run: as many mails as notices sent, no address twice for one notice
    const sent = await prisma.mailNotice.count({ where: { sentAt: { not: null } } });
    expect(sent).toBe(6);
    const jobs = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail' AND state = 'completed'`;
    expect(jobs[0].n).toBe(6);

    // a burst of 30 jobs at once, both workers polling: 30 mails, none twice
    received.length = 0;
    const { enqueueMailJobs } = await import("@/lib/mail/queue");
    await prisma.$transaction(async (tx) => {
      const burst = await tx.mailNotice.createManyAndReturn({
        data: Array.from({ length: 30 }, (_, i) => ({
          dedupeKey: `burst:${i}`,
          userId: world.users.staff.id,
          kind: "SUBMISSION_SENT" as const,
          toAddress: ADDRESS.staff,
          subject: `Thư ${i}`,
          body: "Thử",
        })),
        select: { id: true },
      });
      await enqueueMailJobs(
        tx,
        burst.map((b) => b.id),
      );
    });
    await drained();
    expect(received).toHaveLength(30);
    expect(new Set(received.map((m) => m.subject)).size).toBe(30);
  });

  it("deadline reminders: 7 days before, once per person however often the job runs; opting out stops them", async () => {
    received.length = 0;
    const { prisma } = world.database;
    const { todayInVietnam } = await import("@/lib/format/date-time");
    const today = todayInVietnam();
    const plus = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000);
    // 2020: nothing sent by either ward
    const deadline = await prisma.deadline.create({
      data: {
        districtId: world.units.district,
        periodId: fx.periods[2020],
        dueOn: plus(7),
        setById: world.users.staff.id,
      },
    });
    expect(await notices.queueDeadlineReminders(today)).toBe(2);
    expect(await notices.queueDeadlineReminders(today)).toBe(0);
    await drained();
    expect(mailsTo("official")).toHaveLength(1);
    expect(mailsTo("otherOfficial")).toHaveLength(1);
    expect(mailsTo("committee")).toHaveLength(0);
    expect(mailsTo("official")[0].subject).toBe("[Còn 7 ngày] Hạn nộp số liệu năm 2020 – ngoc-thuy");
    expect(mailsTo("official")[0].body).toContain(`${ORIGIN}/ngoc-thuy/nhap-lieu`);

    // the ward official turns reminders off: the 1-day reminder reaches only the other ward
    await notices.setMailChoices({
      userId: world.users.official.id,
      receive: ["SUBMISSION_SENT", "SUBMISSION_RETURNED", "SUBMISSION_APPROVED", "SUBMISSION_UNLOCKED"],
    });
    expect((await notices.optedOutKinds(world.users.official.id)).sort()).toEqual([
      "DEADLINE_REMINDER",
      "UNLOCK_REFUSED",
      "UNLOCK_REQUESTED",
    ]);
    received.length = 0;
    await prisma.deadline.update({ where: { id: deadline.id }, data: { dueOn: plus(1) } });
    expect(await notices.queueDeadlineReminders(today)).toBe(1);
    await drained();
    expect(mailsTo("official")).toHaveLength(0);
    expect(mailsTo("otherOfficial")).toHaveLength(1);
    expect(mailsTo("otherOfficial")[0].subject).toContain("[Còn 1 ngày]");

    // Bồ Đề sends its 2020 figures: once the date has passed, no ward owes anything (Ngọc Thụy's
    // official has opted out); returned to the ward, Bồ Đề owes them again and is reminded
    received.length = 0;
    const sent = await prisma.submission.create({
      data: {
        orgUnitId: world.units.boDe,
        periodId: fx.periods[2020],
        programmeId: fx.programmeId,
        status: "SUBMITTED",
      },
    });
    await prisma.deadline.update({ where: { id: deadline.id }, data: { dueOn: plus(-1) } });
    expect(await notices.queueDeadlineReminders(today)).toBe(0);
    await prisma.submission.update({ where: { id: sent.id }, data: { status: "APPROVED" } });
    expect(await notices.queueDeadlineReminders(today)).toBe(0);
    await prisma.submission.update({ where: { id: sent.id }, data: { status: "RETURNED" } });
    expect(await notices.queueDeadlineReminders(today)).toBe(1);
    await drained();
    expect(mailsTo("otherOfficial")).toHaveLength(1);
    expect(mailsTo("otherOfficial")[0].subject).toContain("bo-de");
  });

  it("a kind turned off after the mail was queued is not sent", async () => {
    received.length = 0;
    const { prisma } = world.database;
    for (const w of workers) await w.stop();
    workers.length = 0;
    expect(await as("official", actions.submitForReview)).toMatchObject({ ok: true });
    await notices.setMailChoices({ userId: world.users.committee.id, receive: [] });
    const { startMailWorker } = await import("@/lib/mail/worker");
    workers.push(
      await startMailWorker({
        url: world.database.url,
        smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
        from: "ctk@quan.test",
        pollingIntervalSeconds: 0.5,
        log: () => {},
      }),
    );
    await drained();
    expect(received).toHaveLength(0);
    const skipped = await prisma.mailNotice.findFirstOrThrow({
      where: { userId: world.users.committee.id, kind: "SUBMISSION_SENT" },
      orderBy: { id: "desc" },
    });
    expect(skipped.skippedAt).not.toBeNull();
    // and no new notice is made for a kind that is off
    expect(await as("committee", actions.returnSubmission, { comment: "x" })).toMatchObject({ ok: true });
    expect(await as("official", actions.submitForReview)).toMatchObject({ ok: true });
    expect(
      await prisma.mailNotice.count({ where: { userId: world.users.committee.id, kind: "SUBMISSION_SENT" } }),
    ).toBe(3);
    await drained();
  });

  it("a mail the queue gave up on is listed for administrators", async () => {
    received.length = 0;
    await notices.setMailChoices({
      userId: world.users.committee.id,
      receive: ["SUBMISSION_SENT", "SUBMISSION_RETURNED", "SUBMISSION_APPROVED", "SUBMISSION_UNLOCKED"],
    });
    await stopSmtp();
    expect(await as("committee", actions.returnSubmission, { comment: "Thiếu số liệu." })).toMatchObject({ ok: true });
    await drained(); // 5 attempts: 1 + 2 + 4 + 8 s of backoff
    const overview = await notices.mailOverview();
    expect(overview.gaveUp).toHaveLength(1);
    expect(overview.gaveUp[0]).toMatchObject({ to: ADDRESS.official, attempts: 5 });
    expect(overview.gaveUp[0].subject).toContain("[Bị trả lại]");
    expect(received).toHaveLength(0);

    // once the SMTP server is back, the administrator sends it again: delivered, and off the list
    await startSmtp();
    // the workers keep the transport they were started with: point new ones at the new port
    for (const w of workers) await w.stop();
    workers.length = 0;
    const { startMailWorker } = await import("@/lib/mail/worker");
    workers.push(
      await startMailWorker({
        url: world.database.url,
        smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
        from: "ctk@quan.test",
        pollingIntervalSeconds: 0.5,
        log: () => {},
      }),
    );
    expect(await notices.retryGivenUp({ id: overview.gaveUp[0].id, actorId: world.users.admin.id })).toEqual({
      ok: true,
    });
    expect(await notices.retryGivenUp({ id: overview.gaveUp[0].id, actorId: world.users.admin.id })).toEqual({
      ok: false,
      code: "not-found",
    });
    await drained();
    expect(mailsTo("official")).toHaveLength(1);
    expect((await notices.mailOverview()).gaveUp).toHaveLength(0);
  }, 90_000);
});

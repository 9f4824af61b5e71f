// The deadline reminders fire by themselves: preparing the queue registers the reminder schedule
// (every 15 minutes, Hà Nội time) in pg-boss, and a running worker's clock turns the schedule into a
// job whose handler queues the reminders due, which the same worker then mails. Nobody calls the
// reminder code here: only the schedule (shortened to every minute) and the worker run.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ORIGIN, type ReviewFixtures, type World, createReviewFixtures, createWorld, dropWorld } from "./auth-fixtures";
import { type LocalSmtp, startLocalSmtp } from "./local-smtp";

let world: World;
let fx: ReviewFixtures;
let smtp: LocalSmtp;
let worker: { stop(): Promise<void> } | null = null;
let queue: typeof import("@/lib/mail/queue");

const schedules = () =>
  world.database.prisma.$queryRaw<{ name: string; cron: string; timezone: string }[]>`
    SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name`;

beforeAll(async () => {
  smtp = await startLocalSmtp();
  vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${smtp.port}`);
  vi.stubEnv("MAIL_FROM", "Theo dõi CTr toàn khóa <ctk@quan.test>");
  vi.stubEnv("AUTH_URL", ORIGIN);
  world = await createWorld();
  fx = await createReviewFixtures(world);
  await world.database.prisma.user.update({
    where: { id: world.users.official.id },
    data: { email: "can.bo.nt@phuong.test" },
  });
  queue = await import("@/lib/mail/queue");
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await smtp?.stop();
  await dropWorld(world);
});

describe("the reminder schedule", () => {
  it("is registered by preparing the queue (as `npm start` does): every 15 minutes, Hà Nội time, once", async () => {
    await queue.prepareMailQueue({ url: world.database.url });
    await queue.prepareMailQueue({ url: world.database.url }); // a second start changes nothing
    expect(await schedules()).toEqual([
      { name: queue.REMINDER_QUEUE, cron: "*/15 * * * *", timezone: "Asia/Ho_Chi_Minh" },
    ]);
  });

  it("fires by itself in a running worker: a reminder due is mailed once, with no call from the test", async () => {
    const { todayInVietnam } = await import("@/lib/format/date-time");
    const today = todayInVietnam();
    await world.database.prisma.deadline.create({
      data: {
        districtId: world.units.district,
        periodId: fx.periods[2020],
        dueOn: new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000),
        setById: world.users.staff.id,
      },
    });
    // every minute: pg-boss sends a schedule's job when its last tick is under a minute old
    await queue.prepareMailQueue({ url: world.database.url, reminderCron: "* * * * *" });
    expect(await schedules()).toMatchObject([{ name: queue.REMINDER_QUEUE, cron: "* * * * *" }]);
    expect(await world.database.prisma.mailNotice.count()).toBe(0);

    const { startMailWorker } = await import("@/lib/mail/worker");
    worker = await startMailWorker({
      url: world.database.url,
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      from: "ctk@quan.test",
      pollingIntervalSeconds: 0.5,
      cronMonitorIntervalSeconds: 1,
      log: () => {},
    });
    await vi.waitFor(() => expect(smtp.received).toHaveLength(1), { timeout: 60_000, interval: 250 });
    const [mail] = smtp.received;
    expect(mail.to).toEqual(["can.bo.nt@phuong.test"]);
    expect(mail.subject).toBe("[Còn 7 ngày] Hạn nộp số liệu năm 2020 – ngoc-thuy");
    expect(mail.body).toContain(`${ORIGIN}/ngoc-thuy/nhap-lieu`);
    // the schedule's job ran through the reminder queue (not a timer of the test)
    const ran = await world.database.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${queue.REMINDER_QUEUE} AND state = 'completed'`;
    expect(ran[0].n).toBeGreaterThanOrEqual(1);
    expect(
      await world.database.prisma.mailNotice.count({ where: { kind: "DEADLINE_REMINDER", sentAt: { not: null } } }),
    ).toBe(1);
  }, 90_000);
});

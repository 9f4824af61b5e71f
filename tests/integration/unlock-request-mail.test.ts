// Unlock requests and their notices, against PostgreSQL, the mail queue and a local SMTP server: a
// request mails those who may unlock the ward, a refusal mails the official who asked (with the
// comment) and stays in their inbox until read or asked again; a grant is told by the unlock's own
// mail. Two staff deciding one request at the same moment: exactly one decision, the other is told
// in Vietnamese, nothing half-written.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ORIGIN,
  PASSWORD,
  type ReviewFixtures,
  type World,
  createReviewFixtures,
  createWorld,
  dropWorld,
  signInCookie,
} from "./auth-fixtures";
import { type LocalSmtp, startLocalSmtp } from "./local-smtp";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
}));

type Who = "official" | "committee" | "staff" | "admin" | "otherOfficial" | "staff2";
type Result = { ok: boolean; code?: string; message?: string; data?: { id: number } };

const YEAR = 2016;
const ADDRESS: Record<Who, string> = {
  official: "can.bo.nt@phuong.test",
  committee: "dang.uy.nt@phuong.test",
  staff: "can.bo.quan@quan.test",
  admin: "quan.tri@quan.test",
  otherOfficial: "can.bo.bd@phuong.test",
  staff2: "can.bo.quan.2@quan.test",
};

let world: World;
let fx: ReviewFixtures;
let smtp: LocalSmtp;
let worker: { stop(): Promise<void> } | null = null;
let review: typeof import("@/lib/actions/review");
let unlock: typeof import("@/lib/actions/unlock-requests");
let inbox: typeof import("@/lib/services/inbox");
let notices: typeof import("@/lib/data/mail-notices");
const ids = {} as Record<Who, string>;
const cookies = new Map<Who, string>();

function headersOf(cookie: string) {
  return new Headers({ host: "ctk.test", origin: ORIGIN, "x-forwarded-for": "198.51.100.9", cookie });
}
async function signIn(who: Who) {
  if (!cookies.has(who))
    cookies.set(who, await signInCookie(who === "staff2" ? "can.bo.quan.2" : world.users[who].username));
  request.headers = headersOf(cookies.get(who)!);
}
const submission = () =>
  world.database.prisma.submission.findFirstOrThrow({
    where: { orgUnitId: world.units.ngocThuy, periodId: fx.periods[YEAR], programmeId: fx.programmeId },
  });
async function formOf(fields: Record<string, string>) {
  const sub = await world.database.prisma.submission.findFirst({
    where: { orgUnitId: world.units.ngocThuy, periodId: fx.periods[YEAR], programmeId: fx.programmeId },
  });
  const form = new FormData();
  const base = {
    ward: "ngoc-thuy",
    year: String(YEAR),
    programme: fx.programmeSlug,
    version: String(sub?.version ?? 1),
  };
  for (const [k, v] of Object.entries({ ...base, ...fields })) form.set(k, v);
  return form;
}
async function as(who: Who, fn: (prev: null, form: FormData) => Promise<unknown>, fields: Record<string, string> = {}) {
  await signIn(who);
  return (await fn(null, await formOf(fields))) as Result;
}

const mailsTo = (who: Who) => smtp.received.filter((m) => m.to.includes(ADDRESS[who]));
async function drained(): Promise<void> {
  await vi.waitFor(
    async () =>
      expect(
        await world.database.prisma.mailNotice.count({ where: { sentAt: null, skippedAt: null, gaveUpAt: null } }),
      ).toBe(0),
    { timeout: 60_000, interval: 200 },
  );
}
/** The ward official's inbox (their one grant, on the ward). */
async function officialInbox() {
  const viewer = {
    userId: ids.official,
    grants: [{ role: "WARD_OFFICIAL", orgUnitId: world.units.ngocThuy }],
  } as Parameters<typeof inbox.loadInbox>[0];
  return (await inbox.loadInbox(viewer))!;
}
/** Approved figures for YEAR (sent by the official, approved by the committee), mails delivered and forgotten. */
async function approve() {
  expect(await as("official", review.submitForReview)).toMatchObject({ ok: true });
  expect(await as("committee", review.approveSubmission)).toMatchObject({ ok: true });
  await drained();
  smtp.received.length = 0;
}
const ENTRY_LINK = () => `${ORIGIN}/ngoc-thuy/nhap-lieu/${YEAR}/${fx.programmeSlug}#mo-khoa`;

beforeAll(async () => {
  smtp = await startLocalSmtp();
  vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${smtp.port}`);
  vi.stubEnv("MAIL_FROM", "Theo dõi CTr toàn khóa <ctk@quan.test>");
  vi.stubEnv("AUTH_URL", ORIGIN);
  world = await createWorld();
  fx = await createReviewFixtures(world);
  const { createAccount } = await import("@/lib/auth/accounts");
  const second = await createAccount(world.database.prisma, {
    username: "can.bo.quan.2",
    name: "Cán bộ quận thứ hai",
    password: PASSWORD,
    roles: [{ role: "DISTRICT_STAFF", orgUnitId: world.units.district }],
  });
  for (const who of Object.keys(ADDRESS) as Who[]) {
    ids[who] = who === "staff2" ? second.id : world.users[who].id;
    await world.database.prisma.user.update({ where: { id: ids[who] }, data: { email: ADDRESS[who] } });
  }
  const { prepareMailQueue } = await import("@/lib/mail/queue");
  await prepareMailQueue({ url: world.database.url, retry: { retryLimit: 2, retryDelay: 1, retryBackoff: false } });
  const { startMailWorker } = await import("@/lib/mail/worker");
  worker = await startMailWorker({
    url: world.database.url,
    smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
    from: "ctk@quan.test",
    pollingIntervalSeconds: 0.5,
    log: () => {},
  });
  review = await import("@/lib/actions/review");
  unlock = await import("@/lib/actions/unlock-requests");
  inbox = await import("@/lib/services/inbox");
  notices = await import("@/lib/data/mail-notices");
  await approve();
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await smtp?.stop();
  await dropWorld(world);
});

describe("unlock requests: e-mail and the inbox", () => {
  let first = 0;
  it("a request mails each person who may unlock the ward once, with the reason and the link, no one else", async () => {
    const asked = await as("official", unlock.requestUnlockAction, { reason: "Nhập nhầm số hộ gia đình văn hóa" });
    expect(asked).toMatchObject({ ok: true });
    first = asked.data!.id;
    await drained();
    expect(mailsTo("staff")).toHaveLength(1);
    expect(mailsTo("staff2")).toHaveLength(1);
    expect(smtp.received).toHaveLength(2);
    const [mail] = mailsTo("staff");
    expect(mail.subject).toBe(`[Xin mở khóa] ngoc-thuy – 01-CT/QU – năm ${YEAR}`);
    expect(mail.body).toContain("Lý do: Nhập nhầm số hộ gia đình văn hóa");
    expect(mail.body).toContain("can.bo.nt (cán bộ phường) xin mở khóa số liệu năm 2016 của ngoc-thuy");
    expect(mail.body).toContain(`\n${ENTRY_LINK()}\n`);
  });

  it("a refusal mails the official who asked, with the comment; it waits in their inbox until they mark it read", async () => {
    smtp.received.length = 0;
    const comment = "Số liệu đã khớp báo cáo của quận, không cần sửa.";
    expect(await as("staff", unlock.refuseUnlockAction, { request: String(first), comment })).toMatchObject({
      ok: true,
    });
    await drained();
    expect(smtp.received).toHaveLength(1);
    expect(mailsTo("official")).toHaveLength(1);
    const [mail] = mailsTo("official");
    expect(mail.subject).toBe(`[Từ chối mở khóa] ngoc-thuy – 01-CT/QU – năm ${YEAR}`);
    expect(mail.body).toContain(`Ý kiến: ${comment}`);
    expect(mail.body).toContain(ENTRY_LINK());

    const waiting = await officialInbox();
    expect(waiting.refusedUnlocks).toMatchObject([
      { requestId: first, ward: { slug: "ngoc-thuy" }, year: YEAR, comment, decidedByName: "can.bo.quan" },
    ]);
    expect(inbox.inboxCount(waiting)).toBe(1);
    // only the official who asked may mark it read
    for (const who of ["otherOfficial", "committee", "staff"] as const)
      expect(await as(who, unlock.markRefusalSeenAction, { request: String(first) })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    expect((await officialInbox()).refusedUnlocks).toHaveLength(1);
    expect(await as("official", unlock.markRefusalSeenAction, { request: String(first) })).toMatchObject({
      ok: true,
    });
    expect((await officialInbox()).refusedUnlocks).toEqual([]);
    expect(await as("official", unlock.markRefusalSeenAction, { request: String(first) })).toMatchObject({
      ok: true,
    });
    const audit = await world.database.prisma.auditLog.findMany({
      where: { entity: "unlock_refusal_seen" },
      select: { actor: true, entityId: true },
    });
    expect(audit).toEqual([{ actor: ids.official, entityId: String(first) }]);
  });

  it("an unread refusal leaves the inbox when the official asks again; a grant is told by the unlock's mail only", async () => {
    const again = await as("official", unlock.requestUnlockAction, { reason: "Sai chỉ tiêu b" });
    expect(
      await as("staff", unlock.refuseUnlockAction, { request: String(again.data!.id), comment: "Chưa đủ căn cứ" }),
    ).toMatchObject({ ok: true });
    expect((await officialInbox()).refusedUnlocks).toMatchObject([{ requestId: again.data!.id }]);
    const third = await as("official", unlock.requestUnlockAction, { reason: "Sai chỉ tiêu b, có biên bản kèm theo" });
    expect(third).toMatchObject({ ok: true });
    expect((await officialInbox()).refusedUnlocks).toEqual([]);
    await drained();
    smtp.received.length = 0;

    expect(await as("staff2", review.unlockSubmission, { comment: "Đồng ý theo biên bản" })).toMatchObject({
      ok: true,
    });
    await drained();
    expect(mailsTo("official")).toHaveLength(1);
    expect(mailsTo("official")[0].subject).toBe(`[Mở khóa] ngoc-thuy – 01-CT/QU – năm ${YEAR}`);
    expect(
      await world.database.prisma.mailNotice.count({ where: { userId: ids.official, kind: "UNLOCK_REFUSED" } }),
    ).toBe(2);
  });

  it("turning a kind off stops it: staff who turned requests off get no mail", async () => {
    await approve();
    await notices.setMailChoices({ userId: ids.staff2, receive: ["SUBMISSION_SENT"] });
    expect(await as("official", unlock.requestUnlockAction, { reason: "Lần thứ tư" })).toMatchObject({ ok: true });
    await drained();
    expect(mailsTo("staff")).toHaveLength(1);
    expect(mailsTo("staff2")).toHaveLength(0);
  });
});

describe("two staff decide one request at the same moment", () => {
  /**
   * Holds the submission's row lock (as a save or a decision in progress would), starts `first`, waits
   * until it is queued behind the lock, then starts `second` and lets both go: the row lock makes them
   * run one after the other, in that order.
   */
  async function atOnce(first: () => Promise<Result>, second: () => Promise<Result>) {
    const { prisma } = world.database;
    const waiting = async () =>
      (
        await prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`
      )[0].n;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM submission WHERE id = ${(await submission()).id} FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 60_000 },
    );
    await isLocked;
    const a = first();
    await vi.waitFor(async () => expect(await waiting()).toBe(1), { timeout: 20_000, interval: 50 });
    const b = second();
    await vi.waitFor(async () => expect(await waiting()).toBe(2), { timeout: 20_000, interval: 50 });
    release();
    await holder;
    return Promise.all([a, b]);
  }
  /** Calls `fn` as `who` with the form built now (the screen each person had open). */
  async function prepared(
    who: Who,
    fn: (prev: null, form: FormData) => Promise<unknown>,
    fields: Record<string, string>,
  ) {
    await signIn(who);
    const form = await formOf(fields);
    const headers = request.headers;
    return () => {
      request.headers = headers;
      return fn(null, form) as Promise<Result>;
    };
  }
  const decisions = async (requestId: number) =>
    world.database.prisma.auditLog.count({
      where: { entity: "unlock_request", entityId: String(requestId), field: "status" },
    });

  it("two refusals: one is recorded, the other is told it was just decided; one mail to the official", async () => {
    const open = await world.database.prisma.unlockRequest.findFirstOrThrow({ where: { status: "OPEN" } });
    await drained();
    smtp.received.length = 0;
    const [a, b] = await atOnce(
      await prepared("staff", unlock.refuseUnlockAction, { request: String(open.id), comment: "Không cần sửa (1)" }),
      await prepared("staff2", unlock.refuseUnlockAction, { request: String(open.id), comment: "Không cần sửa (2)" }),
    );
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual({
      ok: false,
      code: "conflict",
      message: "Yêu cầu này vừa được xử lý (mở khóa hoặc từ chối). Hãy tải lại trang.",
    });
    const decided = await world.database.prisma.unlockRequest.findUniqueOrThrow({ where: { id: open.id } });
    expect(decided).toMatchObject({ status: "REFUSED", decidedById: ids.staff, decisionComment: "Không cần sửa (1)" });
    expect(await decisions(open.id)).toBe(1);
    await drained();
    expect(mailsTo("official")).toHaveLength(1);
    expect(mailsTo("official")[0].body).toContain("Không cần sửa (1)");
    expect((await submission()).status).toBe("APPROVED");
  });

  it("a refusal and an unlock from two screens: the first wins, the unlock is refused as a conflict", async () => {
    const asked = await as("official", unlock.requestUnlockAction, { reason: "Lần thứ năm" });
    const id = asked.data!.id;
    const before = await submission();
    const unlocks = () =>
      world.database.prisma.submissionEvent.count({ where: { submissionId: before.id, action: "UNLOCK" } });
    const unlocksBefore = await unlocks();
    const [refused, unlocked] = await atOnce(
      await prepared("staff", unlock.refuseUnlockAction, { request: String(id), comment: "Không đồng ý" }),
      // the screen showed the request open: "Mở khóa" answers it
      await prepared("staff2", review.unlockSubmission, { comment: "Đồng ý", request: String(id) }),
    );
    expect(refused).toMatchObject({ ok: true });
    expect(unlocked).toEqual({
      ok: false,
      code: "conflict",
      message: "Yêu cầu mở khóa này vừa được người khác trả lời. Hãy tải lại trang để xem rồi thao tác lại.",
    });
    const after = await submission();
    expect(after.status).toBe("APPROVED");
    expect(after.version).toBe(before.version);
    expect(await unlocks()).toBe(unlocksBefore);
    expect(await world.database.prisma.unlockRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "REFUSED",
      unlockEventId: null,
    });
    expect(await decisions(id)).toBe(1);
  });

  it("an unlock and a refusal: the unlock grants the request, the refusal is told it was just decided", async () => {
    const asked = await as("official", unlock.requestUnlockAction, { reason: "Lần thứ sáu" });
    const id = asked.data!.id;
    const [unlocked, refused] = await atOnce(
      await prepared("staff2", review.unlockSubmission, { comment: "Đồng ý", request: String(id) }),
      await prepared("staff", unlock.refuseUnlockAction, { request: String(id), comment: "Không đồng ý" }),
    );
    expect(unlocked).toMatchObject({ ok: true });
    expect(refused).toMatchObject({
      ok: false,
      code: "conflict",
      message: "Yêu cầu này vừa được xử lý (mở khóa hoặc từ chối). Hãy tải lại trang.",
    });
    expect((await submission()).status).toBe("DRAFT");
    expect(await world.database.prisma.unlockRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "GRANTED",
      decidedById: ids.staff2,
    });
    expect(await decisions(id)).toBe(1);
    expect(
      await world.database.prisma.mailNotice.count({
        where: { kind: "UNLOCK_REFUSED", dedupeKey: { startsWith: `unlock-request:${id}:` } },
      }),
    ).toBe(0);
  });
});

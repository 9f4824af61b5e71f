// Requests to unlock approved figures, against PostgreSQL: a ward official asks (with a reason) on
// approved figures only, one open request at a time; those who may unlock see it in their inbox and
// refuse it with a comment or grant it by unlocking (the unlock's event is recorded on the request);
// the ward reads the request's state; only the right role on the right ward may act; every step is
// audited, and a trigger keeps requests append-only.
import { beforeAll, describe, expect, it } from "vitest";
import { type Who, reviewWorld } from "./review-world";

type Result = { ok: boolean; code?: string; message?: string; data?: { id: number } };

const YEAR = 2018;
const rw = reviewWorld(YEAR);
let review: typeof import("@/lib/actions/review");
let unlock: typeof import("@/lib/actions/unlock-requests");
let data: typeof import("@/lib/data/unlock-requests");
let inbox: typeof import("@/lib/services/inbox");

/** `fn` as `who`, from the screen of the submission as it is now, with `fields`. */
const as = async (who: Who, fn: (prev: null, form: FormData) => Promise<unknown>, fields: Record<string, string>) =>
  rw.as<Result>(who, fn, await rw.submissionFields(fields));
const submission = rw.submission;
const version = async () => String((await submission()).version);
const requests = () => data.getUnlockRequests(rw.target(), { all: true });

/** The unlock requests in the inbox of district staff (their one grant, on the district). */
async function staffInbox() {
  const viewer = { grants: [{ role: "DISTRICT_STAFF", orgUnitId: rw.world.units.district }] } as Parameters<
    typeof inbox.loadInbox
  >[0];
  return (await inbox.loadInbox(viewer))!;
}

beforeAll(async () => {
  review = await import("@/lib/actions/review");
  unlock = await import("@/lib/actions/unlock-requests");
  data = await import("@/lib/data/unlock-requests");
  inbox = await import("@/lib/services/inbox");
});

describe("requests to unlock approved figures", () => {
  it("are refused while the figures are not approved, and from anyone but the ward's officials", async () => {
    const ask = { reason: "Sai số hộ gia đình văn hóa" };
    expect(await as("official", unlock.requestUnlockAction, ask)).toMatchObject({ ok: false, code: "locked" });
    expect(await as("official", review.submitForReview, { version: await version() })).toMatchObject({ ok: true });
    expect(await as("committee", review.approveSubmission, { version: await version() })).toMatchObject({ ok: true });
    for (const who of ["committee", "staff", "admin", "otherOfficial"] as const)
      expect(await as(who, unlock.requestUnlockAction, ask)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await as("official", unlock.requestUnlockAction, { reason: "   " })).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Hãy ghi lý do xin mở khóa, để quận, thành phố biết cần sửa gì.",
    });
    expect(await rw.world.database.prisma.unlockRequest.count()).toBe(0);
  });

  let first = 0;
  it("a ward official asks once; staff see it in their inbox; the ward sees it waiting", async () => {
    const asked = await as("official", unlock.requestUnlockAction, { reason: "Sai số hộ gia đình văn hóa" });
    expect(asked).toMatchObject({
      ok: true,
      message: "Đã gửi yêu cầu mở khóa. Quận sẽ xem xét và mở khóa hoặc trả lời.",
    });
    first = asked.data!.id;
    // a second request while one is open is refused
    expect(await as("official", unlock.requestUnlockAction, { reason: "Lần nữa" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await requests()).toMatchObject([
      { id: first, status: "OPEN", reason: "Sai số hộ gia đình văn hóa", decidedAt: null },
    ]);
    expect((await staffInbox()).unlockRequests).toMatchObject([
      {
        ward: { slug: "ngoc-thuy" },
        year: YEAR,
        programme: { slug: rw.fx.programmeSlug },
        reason: "Sai số hộ gia đình văn hóa",
      },
    ]);
    expect(inbox.inboxCount(await staffInbox())).toBeGreaterThanOrEqual(1);
  });

  it("staff refuse it with a comment (required); others may not; the ward sees the refusal", async () => {
    const refuse = { request: String(first), comment: "Số liệu đã khớp báo cáo quận" };
    for (const who of ["official", "committee", "otherOfficial"] as const)
      expect(await as(who, unlock.refuseUnlockAction, refuse)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await as("staff", unlock.refuseUnlockAction, { ...refuse, comment: "" })).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Hãy ghi lý do từ chối, để phường biết.",
    });
    expect(await as("staff", unlock.refuseUnlockAction, refuse)).toMatchObject({ ok: true });
    // decided: a second decision is refused, and the figures stay approved
    expect(await as("staff", unlock.refuseUnlockAction, refuse)).toMatchObject({ ok: false, code: "conflict" });
    expect((await submission()).status).toBe("APPROVED");
    expect(await requests()).toMatchObject([
      {
        id: first,
        status: "REFUSED",
        decidedByName: rw.world.users.staff.username,
        decisionComment: "Số liệu đã khớp báo cáo quận",
      },
    ]);
    expect((await staffInbox()).unlockRequests).toEqual([]);
  });

  it("a new request is granted by the unlock itself, which records it; the item leaves the inbox", async () => {
    const asked = await as("official", unlock.requestUnlockAction, { reason: "Phát hiện nhập nhầm chỉ tiêu A" });
    expect(asked.ok).toBe(true);
    expect(
      await as("staff", review.unlockSubmission, { version: await version(), comment: "Đồng ý, sửa chỉ tiêu A" }),
    ).toMatchObject({ ok: true });
    expect((await submission()).status).toBe("DRAFT");
    const [granted, refused] = await requests();
    expect(granted).toMatchObject({
      id: asked.data!.id,
      status: "GRANTED",
      decisionComment: "Đồng ý, sửa chỉ tiêu A",
      decidedByName: rw.world.users.staff.username,
    });
    expect(refused.status).toBe("REFUSED");
    const row = await rw.world.database.prisma.unlockRequest.findUniqueOrThrow({
      where: { id: asked.data!.id },
      select: { unlockEvent: { select: { action: true, comment: true } } },
    });
    expect(row.unlockEvent).toEqual({ action: "UNLOCK", comment: "Đồng ý, sửa chỉ tiêu A" });
    expect((await staffInbox()).unlockRequests).toEqual([]);
  });

  it("every step is audited, and a request cannot be rewritten or deleted", async () => {
    const audit = await rw.world.database.prisma.auditLog.findMany({
      where: { entity: "unlock_request" },
      orderBy: { id: "asc" },
      select: { action: true, field: true, oldValue: true, newValue: true, actor: true },
    });
    expect(audit).toEqual([
      {
        action: "CREATE",
        field: "reason",
        oldValue: null,
        newValue: "Sai số hộ gia đình văn hóa",
        actor: rw.world.users.official.id,
      },
      { action: "UPDATE", field: "status", oldValue: "OPEN", newValue: "REFUSED", actor: rw.world.users.staff.id },
      {
        action: "CREATE",
        field: "reason",
        oldValue: null,
        newValue: "Phát hiện nhập nhầm chỉ tiêu A",
        actor: rw.world.users.official.id,
      },
      { action: "UPDATE", field: "status", oldValue: "OPEN", newValue: "GRANTED", actor: rw.world.users.staff.id },
    ]);
    await expect(
      rw.world.database.prisma.unlockRequest.update({ where: { id: first }, data: { reason: "đổi lý do" } }),
    ).rejects.toThrow(/append-only/);
    await expect(rw.world.database.prisma.unlockRequest.delete({ where: { id: first } })).rejects.toThrow(
      /append-only/,
    );
  });
});

describe("the submission's version protects figures and status, not requests", () => {
  it("a screen loaded before a request (or its refusal) still unlocks; the unlock grants the request", async () => {
    expect(await as("official", review.submitForReview, { version: await version() })).toMatchObject({ ok: true });
    expect(await as("committee", review.approveSubmission, { version: await version() })).toMatchObject({ ok: true });
    // the district's page is loaded now; meanwhile the ward asks, is refused, and asks again
    const loaded = await version();
    const refusedOne = await as("official", unlock.requestUnlockAction, { reason: "Nhầm đơn vị tính" });
    expect(
      await as("staff", unlock.refuseUnlockAction, { request: String(refusedOne.data!.id), comment: "Không cần" }),
    ).toMatchObject({ ok: true });
    const asked = await as("official", unlock.requestUnlockAction, { reason: "Nhầm đơn vị tính, chỉ tiêu B" });
    expect(await as("staff", review.unlockSubmission, { version: loaded, comment: "Đồng ý" })).toMatchObject({
      ok: true,
      message: "Đã mở khóa: phường có thể sửa và gửi duyệt lại. Số liệu đã công bố giữ nguyên đến lần duyệt sau.",
    });
    expect((await submission()).status).toBe("DRAFT");
    expect((await requests())[0]).toMatchObject({ id: asked.data!.id, status: "GRANTED", decisionComment: "Đồng ý" });
  });

  it("a screen that did not see a status change is still refused, though the status came back", async () => {
    expect(await as("official", review.submitForReview, { version: await version() })).toMatchObject({ ok: true });
    const loaded = await version(); // the committee's page, figures sent
    expect(
      await as("committee", review.returnSubmission, { version: loaded, comment: "Sửa chỉ tiêu B" }),
    ).toMatchObject({ ok: true });
    expect(await as("official", review.submitForReview, { version: await version() })).toMatchObject({ ok: true });
    expect((await submission()).status).toBe("SUBMITTED");
    expect(await as("committee", review.approveSubmission, { version: loaded })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect((await submission()).status).toBe("SUBMITTED");
  });
});

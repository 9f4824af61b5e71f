// Review of a ward's yearly figures against PostgreSQL: send → return (comment required) → resend →
// approve (published into `result` with audit rows and the ward's ENTRY source) → locked → unlock
// (reason required) → reopened; wrong roles, stale screens and the append-only history; deadlines;
// completeness counts.
import { beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, type ReviewFixtures, type World, signInCookie } from "./auth-fixtures";
import { request } from "./next-request";
import { type Who, reviewWorld } from "./review-world";

type Result = {
  ok: boolean;
  code?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  data?: { status?: string; version: number };
};

const YEAR = 2019;
const rw = reviewWorld(YEAR);
let world: World;
let fx: ReviewFixtures;
let actions: typeof import("@/lib/actions/review");
let save: typeof import("@/lib/data/entry-save");

const as = (who: Who, fn: (prev: null, form: FormData) => Promise<unknown>, fields: Record<string, string | number>) =>
  rw.as<Result>(who, fn, fields);
const target = rw.target;
const submission = rw.submission;
/** The submission's fields as a screen loaded now sends them, then `extra`. */
const fields = rw.submissionFields;
const change = (indicatorId: number, orgUnitId: number, value: string | null, baseVersion: number) => ({
  indicatorId,
  orgUnitId,
  value,
  qualifier: "EXACT" as const,
  note: null,
  outlierConfirmed: false,
  baseVersion,
});
const official = () => ({ userId: world.users.official.id, name: "Cán bộ phường thử" });

beforeAll(async () => {
  ({ world, fx } = rw);
  actions = await import("@/lib/actions/review");
  save = await import("@/lib/data/entry-save");
});

describe("review workflow", () => {
  let reportResultId = 0;

  it("full cycle: send, return with comment, resend, approve publishes, locked, unlock with reason", async () => {
    const { prisma } = world.database;
    const { ngocThuy, group } = world.units;
    // a reported figure for indicator b already published: approval replaces it
    const report = await prisma.source.create({ data: { key: "bc-thu", kind: "REPORT", title: "Báo cáo thử" } });
    reportResultId = (
      await prisma.result.create({
        data: {
          indicatorId: fx.indicators.b,
          orgUnitId: ngocThuy,
          periodId: fx.periods[YEAR],
          value: "100",
          sourceId: report.id,
          recordedBy: "seed",
        },
      })
    ).id;

    const saved = await save.saveEntryValues(official(), target(), [
      change(fx.indicators.a, ngocThuy, "12", 0),
      change(fx.indicators.b, ngocThuy, "305000000", 0),
      change(fx.indicators.group, group, "1", 0),
    ]);
    expect(saved.ok).toBe(true);

    // nobody but the ward official sends; a stale screen is refused
    expect(await as("committee", actions.submitForReview, await fields())).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await as("otherOfficial", actions.submitForReview, await fields())).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const stale = await fields({ version: "1" });
    expect(await as("official", actions.submitForReview, stale)).toMatchObject({ ok: false, code: "conflict" });
    expect(await as("official", actions.submitForReview, await fields())).toMatchObject({
      ok: true,
      data: { status: "SUBMITTED" },
    });

    // sent: locked for the save path and for any other writer
    expect(await save.saveEntryValues(official(), target(), [change(fx.indicators.a, ngocThuy, "13", 1)])).toEqual({
      ok: false,
      code: "locked",
      status: "SUBMITTED",
    });
    const sub = await submission();
    await expect(
      prisma.entryValue.updateMany({ where: { submissionId: sub.id }, data: { value: "99" } }),
    ).rejects.toThrow(/locked/);
    await expect(
      prisma.entryValue.create({
        data: { submissionId: sub.id, indicatorId: fx.indicators.a, orgUnitId: group, value: "1", updatedById: "x" },
      }),
    ).rejects.toThrow(/locked/);
    await expect(prisma.entryValue.deleteMany({ where: { submissionId: sub.id } })).rejects.toThrow(/locked/);

    // the official cannot approve; the committee cannot return without a comment
    expect(await as("official", actions.approveSubmission, await fields())).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await as("staff", actions.returnSubmission, await fields({ comment: "x" }))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const noComment = await as("committee", actions.returnSubmission, await fields({ comment: "   " }));
    expect(noComment).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Hãy ghi ý kiến khi trả lại, để phường biết cần sửa gì.",
    });
    expect(noComment.fieldErrors?.comment).toEqual(["Hãy ghi ý kiến khi trả lại, để phường biết cần sửa gì."]);
    expect(
      await as("committee", actions.returnSubmission, await fields({ comment: "Chỉ tiêu a chưa đúng, kiểm tra lại." })),
    ).toMatchObject({ ok: true, data: { status: "RETURNED" } });

    // returned: the ward corrects and sends again
    const a = await prisma.entryValue.findFirstOrThrow({
      where: { submissionId: sub.id, indicatorId: fx.indicators.a },
    });
    expect(
      (await save.saveEntryValues(official(), target(), [change(fx.indicators.a, ngocThuy, "15", a.version)])).ok,
    ).toBe(true);
    expect(await as("official", actions.submitForReview, await fields())).toMatchObject({ ok: true });

    // approve: published into result under the ward's ENTRY source, audited in the same transaction
    const approved = await as("committee", actions.approveSubmission, await fields({ comment: "" }));
    expect(approved).toMatchObject({ ok: true, data: { status: "APPROVED" } });
    expect(approved.message).toContain("2 mới, 1 cập nhật, 0 xóa");
    const source = await prisma.source.findUniqueOrThrow({ where: { key: "entry:ngoc-thuy" } });
    expect(source).toMatchObject({ kind: "ENTRY", title: "Số liệu do phường ngoc-thuy nhập, Đảng ủy phường duyệt" });
    const results = await prisma.result.findMany({
      where: { periodId: fx.periods[YEAR], indicatorId: { in: Object.values(fx.indicators) } },
      orderBy: { indicatorId: "asc" },
    });
    expect(results.map((r) => [r.indicatorId, r.orgUnitId, r.value.toFixed(), r.sourceId, r.recordedBy])).toEqual([
      [fx.indicators.a, ngocThuy, "15", source.id, world.users.committee.id],
      [fx.indicators.b, ngocThuy, "305000000", source.id, world.users.committee.id],
      [fx.indicators.group, group, "1", source.id, world.users.committee.id],
    ]);
    const replaced = results.find((r) => r.id === reportResultId)!;
    expect(replaced.version).toBe(2);
    const audit = await prisma.auditLog.findMany({
      where: { entity: "result", entityId: { in: results.map((r) => String(r.id)) } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((r) => [r.action, r.entityId, r.oldValue, r.newValue])).toEqual(
      expect.arrayContaining([
        ["CREATE", String(results[0].id), null, "15"],
        ["UPDATE", String(reportResultId), "100", "305000000"],
        ["CREATE", String(results[2].id), null, "1"],
      ]),
    );
    expect(audit[0].actor).toBe(world.users.committee.id);
    expect(audit[0].context).toMatchObject({
      indicatorId: fx.indicators.a,
      orgUnitId: ngocThuy,
      periodId: fx.periods[YEAR],
      submissionId: sub.id,
    });
    expect(await prisma.auditLog.count({ where: { entity: "source", entityId: String(source.id) } })).toBe(1);

    // approved: locked; a second approval is refused (state), a stale unlock too
    expect(
      await save.saveEntryValues(official(), target(), [change(fx.indicators.a, ngocThuy, "16", a.version + 1)]),
    ).toEqual({ ok: false, code: "locked", status: "APPROVED" });
    expect(await as("committee", actions.approveSubmission, await fields())).toMatchObject({
      ok: false,
      code: "conflict",
    });

    // unlock: district staff only, with a reason; published figures stay
    expect(await as("committee", actions.unlockSubmission, await fields({ comment: "lý do" }))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await as("official", actions.unlockSubmission, await fields({ comment: "lý do" }))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await as("staff", actions.unlockSubmission, await fields({ comment: "" }))).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Hãy ghi lý do mở khóa.",
    });
    expect(
      await as("staff", actions.unlockSubmission, await fields({ comment: "Phường đề nghị sửa chỉ tiêu a." })),
    ).toMatchObject({ ok: true, data: { status: "DRAFT" } });
    expect(await prisma.result.count({ where: { sourceId: source.id } })).toBe(3);

    // reopened: clearing a value and approving again deletes the published figure
    const a2 = await prisma.entryValue.findFirstOrThrow({
      where: { submissionId: sub.id, indicatorId: fx.indicators.a },
    });
    expect(
      (await save.saveEntryValues(official(), target(), [change(fx.indicators.a, ngocThuy, null, a2.version)])).ok,
    ).toBe(true);
    expect(await as("official", actions.submitForReview, await fields())).toMatchObject({ ok: true });
    const again = await as("committee", actions.approveSubmission, await fields());
    expect(again.message).toContain("0 mới, 0 cập nhật, 1 xóa, 2 không đổi");
    expect(await prisma.result.findUnique({ where: { id: results[0].id } })).toBeNull();
    expect(
      await prisma.auditLog.findFirst({
        where: { entity: "result", entityId: String(results[0].id), action: "DELETE" },
      }),
    ).toMatchObject({ oldValue: "15", newValue: null });

    // the history, in order, with who and the comments
    const events = await prisma.submissionEvent.findMany({ where: { submissionId: sub.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorName, e.comment])).toEqual([
      ["SUBMIT", "DRAFT", "SUBMITTED", "can.bo.nt", null],
      ["RETURN", "SUBMITTED", "RETURNED", "dang.uy.nt", "Chỉ tiêu a chưa đúng, kiểm tra lại."],
      ["SUBMIT", "RETURNED", "SUBMITTED", "can.bo.nt", null],
      ["APPROVE", "SUBMITTED", "APPROVED", "dang.uy.nt", null],
      ["UNLOCK", "APPROVED", "DRAFT", "can.bo.quan", "Phường đề nghị sửa chỉ tiêu a."],
      ["SUBMIT", "DRAFT", "SUBMITTED", "can.bo.nt", null],
      ["APPROVE", "SUBMITTED", "APPROVED", "dang.uy.nt", null],
    ]);
    expect(
      await prisma.auditLog.count({ where: { entity: "submission", entityId: String(sub.id), field: "status" } }),
    ).toBe(7);
    // one version per save and per transition
    expect((await submission()).version).toBe(1 + 1 + 7 + 1 + 1);
  });

  it("the API (what dashboards read) serves the approved figures at once, with their ENTRY source", async () => {
    const { GET } = await import("@/app/api/v1/org-units/[slug]/values/route");
    const headers = new Headers({
      host: "ctk.test",
      "x-forwarded-for": "198.51.100.7",
      cookie: await signInCookie(world.users.official.username),
    });
    const res = await GET(new Request(`${ORIGIN}/api/v1/org-units/ngoc-thuy/values`, { headers }), {
      params: Promise.resolve({ slug: "ngoc-thuy" }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      data: {
        indicator: { code: string };
        period: { year: number | null };
        value: string;
        source: { key: string; kind: string };
      }[];
    };
    expect(body.data.filter((d) => d.indicator.code === "review-b" && d.period.year === YEAR)).toEqual([
      expect.objectContaining({
        value: "305000000",
        source: expect.objectContaining({ key: "entry:ngoc-thuy", kind: "ENTRY" }),
      }),
    ]);
    expect(body.data.some((d) => d.indicator.code === "review-a" && d.period.year === YEAR)).toBe(false);
  });

  it("a save and a transition at the same moment take turns: exactly one wins, nothing is overwritten", async () => {
    const { prisma } = world.database;
    const { transitionSubmission } = await import("@/lib/data/submission-workflow");
    const t = { wardId: world.units.ngocThuy, periodId: fx.periods[2018], programmeId: fx.programmeId };
    expect(
      (await save.saveEntryValues(official(), t, [change(fx.indicators.a, world.units.ngocThuy, "1", 0)])).ok,
    ).toBe(true);
    const sub = await prisma.submission.findUniqueOrThrow({
      where: {
        orgUnitId_periodId_programmeId: { orgUnitId: t.wardId, periodId: t.periodId, programmeId: t.programmeId },
      },
    });
    const [saved, sent] = await Promise.all([
      save.saveEntryValues(official(), t, [change(fx.indicators.a, world.units.ngocThuy, "2", 1)]),
      transitionSubmission({
        actor: official(),
        target: { ...t, wardSlug: "ngoc-thuy", wardShortName: "Ngọc Thụy" },
        action: "SUBMIT",
        expectedVersion: sub.version,
        comment: null,
      }),
    ]);
    expect([saved.ok, sent.ok].filter(Boolean)).toHaveLength(1);
    if (sent.ok) expect(saved).toMatchObject({ ok: false, code: "locked" });
    else expect(sent).toMatchObject({ ok: false, code: "conflict" });
  });

  it("the history cannot be changed or deleted", async () => {
    const { prisma } = world.database;
    const event = await prisma.submissionEvent.findFirstOrThrow();
    await expect(prisma.submissionEvent.update({ where: { id: event.id }, data: { comment: "sửa" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.submissionEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe("TRUNCATE submission_event CASCADE")).rejects.toThrow(/append-only/);
  });

  it("the panel shows the state, completeness and history", async () => {
    const { resolveReviewTarget } = await import("@/lib/data/review-target");
    const { getSubmissionPanel } = await import("@/lib/data/review");
    const { ALL_UNITS } = await import("@/lib/data/scope");
    const t = (await resolveReviewTarget({
      wardSlug: "ngoc-thuy",
      year: YEAR,
      programmeSlug: fx.programmeSlug,
      scope: ALL_UNITS,
    }))!;
    expect(t).toMatchObject({
      wardId: world.units.ngocThuy,
      districtId: world.units.district,
      periodId: fx.periods[YEAR],
      programmeId: fx.programmeId,
    });
    expect(
      await resolveReviewTarget({
        wardSlug: "ngoc-thuy",
        year: 2031,
        programmeSlug: fx.programmeSlug,
        scope: ALL_UNITS,
      }),
    ).toBeNull();
    expect(
      await resolveReviewTarget({
        wardSlug: "long-bien",
        year: YEAR,
        programmeSlug: fx.programmeSlug,
        scope: ALL_UNITS,
      }),
    ).toBeNull();
    const panel = (await getSubmissionPanel(t, ALL_UNITS))!;
    expect(panel.state).toBe("APPROVED");
    expect(panel.events).toHaveLength(7);
    // a and b for the ward, the group indicator for its one group; a was cleared
    expect(panel.completeness).toEqual({
      expected: 3,
      entered: 2,
      unconfirmed: 0,
      owed: [{ code: "review-a", name: "Chỉ tiêu review-a", perGroup: false, missing: 1, expected: 1 }],
    });
  });
});

describe("four-eyes: the sender does not approve their own figures", () => {
  // a ward where one person holds both roles: official and committee member of Ngọc Thụy
  const BOTH = "ca.hai.vai";
  let both = "";
  const asBoth = async (
    fn: (prev: null, form: FormData) => Promise<unknown>,
    year: number,
    extra: Record<string, string> = {},
  ) => {
    request.headers = new Headers({
      host: "ctk.test",
      origin: ORIGIN,
      "x-forwarded-for": "198.51.100.7",
      cookie: await signInCookie(BOTH),
    });
    const sub = await world.database.prisma.submission.findUnique({
      where: {
        orgUnitId_periodId_programmeId: {
          orgUnitId: world.units.ngocThuy,
          periodId: fx.periods[year],
          programmeId: fx.programmeId,
        },
      },
    });
    const form = new FormData();
    for (const [k, v] of Object.entries({
      ward: "ngoc-thuy",
      year: String(year),
      programme: fx.programmeSlug,
      version: String(sub?.version ?? 1),
      ...extra,
    }))
      form.set(k, v);
    return (await fn(null, form)) as Result;
  };
  const setting = (who: Who, unit: string, value: "allow" | "refuse" | "inherit") =>
    as(who, actions.saveSelfApprovalSetting, { unit, allowSelfApproval: value });

  beforeAll(async () => {
    const { createAccount } = await import("@/lib/auth/accounts");
    const { PASSWORD } = await import("./auth-fixtures");
    both = (
      await createAccount(world.database.prisma, {
        username: BOTH,
        name: "Cả hai vai",
        password: PASSWORD,
        roles: [
          { role: "WARD_OFFICIAL", orgUnitId: world.units.ngocThuy },
          { role: "WARD_PARTY_COMMITTEE", orgUnitId: world.units.ngocThuy },
        ],
      })
    ).id;
  });

  it("refused by default, with the reason; another committee member approves", async () => {
    const { prisma } = world.database;
    expect(await asBoth(actions.submitForReview, 2020)).toMatchObject({ ok: true, data: { status: "SUBMITTED" } });
    const refused = await asBoth(actions.approveSubmission, 2020);
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    expect(refused.message).toContain("Bạn là người đã gửi duyệt số liệu này nên không thể tự duyệt");
    expect(
      await prisma.accessLog.count({ where: { userId: both, event: "REFUSED", target: "action:approveSubmission" } }),
    ).toBe(1);
    // the review panel does not offer the sender the approval
    const { isOwnSendingBlocked } = await import("@/lib/data/review-settings");
    const t2020 = { wardId: world.units.ngocThuy, periodId: fx.periods[2020], programmeId: fx.programmeId };
    expect([
      await isOwnSendingBlocked(t2020, both),
      await isOwnSendingBlocked(t2020, world.users.committee.id),
    ]).toEqual([true, false]);
    // still sent; nothing published, no event beyond the sending
    const sub = await prisma.submission.findUniqueOrThrow({
      where: {
        orgUnitId_periodId_programmeId: {
          orgUnitId: world.units.ngocThuy,
          periodId: fx.periods[2020],
          programmeId: fx.programmeId,
        },
      },
    });
    expect(sub.status).toBe("SUBMITTED");
    expect((await prisma.submissionEvent.findMany({ where: { submissionId: sub.id } })).map((e) => e.action)).toEqual([
      "SUBMIT",
    ]);
    // they may still return it (the rule is about approving), and someone else approves after a resend
    expect(await asBoth(actions.returnSubmission, 2020, { comment: "Tự rút lại để sửa" })).toMatchObject({ ok: true });
    expect(await asBoth(actions.submitForReview, 2020)).toMatchObject({ ok: true });
    expect(
      await as("committee", actions.approveSubmission, {
        ward: "ngoc-thuy",
        year: 2020,
        programme: fx.programmeSlug,
        version: (await prisma.submission.findUniqueOrThrow({ where: { id: sub.id } })).version,
      }),
    ).toMatchObject({
      ok: true,
      data: { status: "APPROVED" },
    });
  });

  it("allowed when the district (or, failing it, the city) allows it; the setting is audited and only its staff or administrators set it", async () => {
    const { prisma } = world.database;
    expect(await setting("committee", "long-bien", "allow")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setting("official", "long-bien", "allow")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setting("staff", "ngoc-thuy", "allow")).toMatchObject({ ok: false, code: "not-found" });
    expect(await setting("staff", "long-bien", "allow")).toMatchObject({ ok: true, data: { allowSelfApproval: true } });
    const audit = await prisma.auditLog.findMany({
      where: { entity: "org_unit", entityId: String(world.units.district), field: "allowSelfApproval" },
    });
    expect(audit.map((a) => [a.action, a.actor, a.oldValue, a.newValue])).toEqual([
      ["UPDATE", world.users.staff.id, null, "true"],
    ]);

    expect(await asBoth(actions.submitForReview, 2017)).toMatchObject({ ok: true });
    expect(await asBoth(actions.approveSubmission, 2017)).toMatchObject({ ok: true, data: { status: "APPROVED" } });
    const sub = await prisma.submission.findUniqueOrThrow({
      where: {
        orgUnitId_periodId_programmeId: {
          orgUnitId: world.units.ngocThuy,
          periodId: fx.periods[2017],
          programmeId: fx.programmeId,
        },
      },
    });
    const events = await prisma.submissionEvent.findMany({ where: { submissionId: sub.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["SUBMIT", both],
      ["APPROVE", both],
    ]);
    expect(
      await prisma.auditLog.count({
        where: { entity: "submission", entityId: String(sub.id), actor: both, newValue: "APPROVED" },
      }),
    ).toBe(1);

    // the nearest unit that sets it decides: the district back to "not set", the city allowing
    expect(await setting("staff", "long-bien", "inherit")).toMatchObject({
      ok: true,
      data: { allowSelfApproval: null },
    });
    await prisma.orgUnit.update({ where: { id: world.units.city }, data: { allowSelfApproval: true } });
    expect(await asBoth(actions.submitForReview, 2015)).toMatchObject({ ok: true });
    await prisma.orgUnit.update({ where: { id: world.units.district }, data: { allowSelfApproval: false } });
    expect(await asBoth(actions.approveSubmission, 2015)).toMatchObject({ ok: false, code: "forbidden" });
    await prisma.orgUnit.update({ where: { id: world.units.district }, data: { allowSelfApproval: null } });
    expect(await asBoth(actions.approveSubmission, 2015)).toMatchObject({ ok: true });
    await prisma.orgUnit.update({ where: { id: world.units.city }, data: { allowSelfApproval: null } });
  });
});

describe("deadlines", () => {
  const form = (version: number, dueOn = "2020-03-31") => ({
    district: "long-bien",
    year: 2019,
    dueOn,
    version: String(version),
  });

  it("district staff set the year's deadline, with versions; stale forms and other roles are refused", async () => {
    const { prisma } = world.database;
    expect(await as("official", actions.saveDeadline, form(0))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await as("committee", actions.saveDeadline, form(0))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await as("staff", actions.saveDeadline, form(0, "2020-02-30"))).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Ngày không hợp lệ.",
    });
    expect(await as("staff", actions.saveDeadline, form(0, "2015-01-01"))).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await as("staff", actions.saveDeadline, { ...form(0), district: "ngoc-thuy" })).toMatchObject({
      ok: false,
      code: "not-found",
    });

    expect(await as("staff", actions.saveDeadline, form(0))).toMatchObject({
      ok: true,
      message: "Đã đặt hạn nộp số liệu năm 2019: 31/03/2020.",
      data: { version: 1 },
    });
    const conflict = await as("staff", actions.saveDeadline, form(0, "2020-04-15"));
    expect(conflict).toMatchObject({ ok: false, code: "conflict" });
    expect(conflict.message).toContain("31/03/2020");
    expect(await as("staff", actions.saveDeadline, form(1, "2020-04-15"))).toMatchObject({
      ok: true,
      data: { version: 2 },
    });

    const deadline = await prisma.deadline.findFirstOrThrow({
      where: { districtId: world.units.district, periodId: fx.periods[2019] },
    });
    expect(deadline.dueOn.toISOString().slice(0, 10)).toBe("2020-04-15");
    // as the page shows it: with the name of who set it (one statement)
    const { getDeadline } = await import("@/lib/data/deadlines");
    const staff = await prisma.user.findUniqueOrThrow({ where: { id: world.users.staff.id }, select: { name: true } });
    expect(await getDeadline(world.units.district, fx.periods[2019])).toEqual({
      dueOn: "2020-04-15",
      version: 2,
      setByName: staff.name,
      updatedAt: deadline.updatedAt.toISOString(),
    });
    expect(await getDeadline(world.units.district, fx.periods[2018])).toBeNull();
    const audit = await prisma.auditLog.findMany({
      where: { entity: "deadline", entityId: String(deadline.id) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((r) => [r.action, r.oldValue, r.newValue, r.actor])).toEqual([
      ["CREATE", null, "2020-03-31", world.users.staff.id],
      ["UPDATE", "2020-03-31", "2020-04-15", world.users.staff.id],
    ]);
  });
});

describe("progress overviews", () => {
  it("the district's wards × programmes with states and what is owed; the ward's hub by year", async () => {
    const { getDistrictProgress, getEntryHub } = await import("@/lib/data/review");
    const { ALL_UNITS } = await import("@/lib/data/scope");
    const progress = (await getDistrictProgress("long-bien", YEAR, ALL_UNITS))!;
    expect(progress.deadline?.dueOn).toBe("2020-04-15");
    expect(progress.programmes.map((p) => p.slug)).toEqual([fx.programmeSlug]);
    const bySlug = Object.fromEntries(progress.wards.map((w) => [w.slug, w.cells[0]]));
    expect(bySlug["ngoc-thuy"]).toMatchObject({ state: "APPROVED", completeness: { expected: 3, entered: 2 } });
    // Bồ Đề has no groups and never started: it owes its two ward figures
    expect(bySlug["bo-de"]).toMatchObject({
      state: "NOT_STARTED",
      version: 1,
      completeness: { expected: 2, entered: 0 },
    });
    expect(bySlug["bo-de"].completeness.owed.map((o) => o.code)).toEqual(["review-a", "review-b"]);
    expect(await getDistrictProgress("ngoc-thuy", YEAR, ALL_UNITS)).toBeNull();
    expect(await getDistrictProgress("long-bien", 2031, ALL_UNITS)).toBeNull();

    const hub = (await getEntryHub(
      "ngoc-thuy",
      { id: fx.termId, slug: "2015-2020", name: "Nhiệm kỳ 2015–2020" },
      ALL_UNITS,
    ))!;
    expect(hub.years.map((y) => y.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020]);
    expect(hub.years.find((y) => y.year === 2019)).toMatchObject({
      deadline: "2020-04-15",
      cells: [{ state: "APPROVED", programmeSlug: fx.programmeSlug }],
    });
    expect(hub.years.find((y) => y.year === 2016)?.cells[0]).toMatchObject({
      state: "NOT_STARTED",
      completeness: { expected: 3, entered: 0 },
    });
  });

  it("a published figure the form starts from counts as present; a year with none is still owed", async () => {
    const { prisma } = world.database;
    const { getDistrictProgress } = await import("@/lib/data/review");
    const { ALL_UNITS } = await import("@/lib/data/scope");
    const source = await prisma.source.create({ data: { key: "bc-bo-de", kind: "REPORT", title: "Báo cáo Bồ Đề" } });
    await prisma.result.create({
      data: {
        indicatorId: fx.indicators.a,
        orgUnitId: world.units.boDe,
        periodId: fx.periods[YEAR],
        value: "7",
        sourceId: source.id,
        recordedBy: "seed",
      },
    });
    const boDe = (await getDistrictProgress("long-bien", YEAR, ALL_UNITS))!.wards.find((w) => w.slug === "bo-de")!;
    // nothing typed yet, but the form shows the published 7: only b is missing, and the 7 is counted as
    // published, not confirmed by the ward (the review panel shows it apart from what the ward entered)
    expect(boDe.cells[0]).toMatchObject({
      state: "NOT_STARTED",
      completeness: { expected: 2, entered: 1, unconfirmed: 1 },
    });
    expect(boDe.cells[0].completeness.owed.map((o) => o.code)).toEqual(["review-b"]);
  });
});

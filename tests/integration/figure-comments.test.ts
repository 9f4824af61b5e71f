// Questions on one figure against PostgreSQL: the committee asks about one row of a sent submission,
// the ward's official answers; the thread records who, when and the figure as it stood; only the
// right role on the right ward may write; approving closes the open questions (audited, in the
// approval's transaction); a closed or approved thread takes no more answers; nothing is deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { request } from "./next-request";

type Who = "official" | "committee" | "staff" | "admin" | "otherOfficial";
type Result = { ok: boolean; code?: string; message?: string; data?: { id: number } };

let world: World;
let fx: ReviewFixtures;
let review: typeof import("@/lib/actions/review");
let comments: typeof import("@/lib/actions/figure-comments");
let threads: typeof import("@/lib/data/figure-comments");
const cookies = new Map<Who, string>();
const YEAR = 2018;

async function as(who: Who, fn: (prev: null, form: FormData) => Promise<unknown>, fields: Record<string, string>) {
  if (!cookies.has(who)) cookies.set(who, await signInCookie(world.users[who].username));
  request.headers = new Headers({ host: "ctk.test", origin: ORIGIN, cookie: cookies.get(who)! });
  const form = new FormData();
  for (const [k, v] of Object.entries({
    ward: "ngoc-thuy",
    year: String(YEAR),
    programme: fx.programmeSlug,
    ...fields,
  }))
    form.set(k, v);
  return (await fn(null, form)) as Result;
}

const submission = () =>
  world.database.prisma.submission.findUniqueOrThrow({
    where: {
      orgUnitId_periodId_programmeId: {
        orgUnitId: world.units.ngocThuy,
        periodId: fx.periods[YEAR],
        programmeId: fx.programmeId,
      },
    },
  });
const version = async () => String((await submission()).version);
const target = () => ({ wardId: world.units.ngocThuy, periodId: fx.periods[YEAR], programmeId: fx.programmeId });

beforeAll(async () => {
  world = await createWorld();
  fx = await createReviewFixtures(world);
  review = await import("@/lib/actions/review");
  comments = await import("@/lib/actions/figure-comments");
  threads = await import("@/lib/data/figure-comments");
  const save = await import("@/lib/data/entry-save");
  const saved = await save.saveEntryValues({ userId: world.users.official.id, name: "Cán bộ phường thử" }, target(), [
    {
      indicatorId: fx.indicators.a,
      orgUnitId: world.units.ngocThuy,
      value: "12",
      qualifier: "EXACT",
      note: null,
      outlierConfirmed: false,
      baseVersion: 0,
    },
  ]);
  expect(saved.ok).toBe(true);
  expect(await as("official", review.submitForReview, { version: await version() })).toMatchObject({ ok: true });
}, 120_000);
afterAll(() => dropWorld(world));

describe("questions on a figure", () => {
  let questionId = 0;

  it("the committee asks about one row; others may not; bad rows and empty questions are refused", async () => {
    const ask = { indicator: "review-a", unit: "ngoc-thuy", body: "Vì sao 12, năm trước chỉ 3?" };
    for (const who of ["official", "staff", "admin", "otherOfficial"] as const)
      expect(await as(who, comments.askFigureQuestion, ask)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await as("committee", comments.askFigureQuestion, { ...ask, body: "  " })).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Hãy ghi câu hỏi về số liệu.",
    });
    // a ward indicator asked of a residential group, an indicator of no such code: not a row of the form
    expect(await as("committee", comments.askFigureQuestion, { ...ask, unit: "ngoc-thuy-to-1" })).toMatchObject({
      ok: false,
      code: "not-found",
    });
    expect(await as("committee", comments.askFigureQuestion, { ...ask, indicator: "khong-co" })).toMatchObject({
      ok: false,
      code: "not-found",
    });
    expect(await world.database.prisma.figureComment.count()).toBe(0);

    const asked = await as("committee", comments.askFigureQuestion, ask);
    expect(asked).toMatchObject({ ok: true, message: "Đã gửi câu hỏi cho phường." });
    questionId = asked.data!.id;
    const [thread] = await threads.getFigureThreads(target(), { all: true });
    expect(thread).toMatchObject({
      body: "Vì sao 12, năm trước chỉ 3?",
      value: "12",
      authorName: world.users.committee.username,
      closedAt: null,
      indicator: { code: "review-a" },
      unit: { slug: "ngoc-thuy" },
      answers: [],
    });
    // the ward's officials find it in their inbox, nobody else
    const inbox = await import("@/lib/services/inbox");
    const inboxOf = (role: "WARD_OFFICIAL" | "WARD_PARTY_COMMITTEE", orgUnitId: number) =>
      inbox.loadInbox({ grants: [{ role, orgUnitId }] } as Parameters<typeof inbox.loadInbox>[0]);
    expect((await inboxOf("WARD_OFFICIAL", world.units.ngocThuy))!.questions).toEqual([
      expect.objectContaining({ ward: { slug: "ngoc-thuy", name: "ngoc-thuy" }, year: YEAR, questions: 1 }),
    ]);
    expect((await inboxOf("WARD_OFFICIAL", world.units.boDe))!.questions).toEqual([]);
    expect((await inboxOf("WARD_PARTY_COMMITTEE", world.units.ngocThuy))!.questions).toEqual([]);
    // another ward's reader sees no thread of Ngọc Thụy
    expect(await threads.getFigureThreads(target(), { rootIds: [world.units.boDe] })).toEqual([]);
    const audit = await world.database.prisma.auditLog.findMany({ where: { entity: "figure_comment" } });
    expect(audit).toEqual([
      expect.objectContaining({ actor: world.users.committee.id, action: "CREATE", field: "question" }),
    ]);
  });

  it("the ward's official answers; the committee and other wards may not", async () => {
    const reply = { question: String(questionId), body: "Năm nay có thêm đợt ra quân." };
    for (const who of ["committee", "staff", "otherOfficial"] as const)
      expect(await as(who, comments.answerFigureComment, reply)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await as("official", comments.answerFigureComment, { ...reply, question: "999999" })).toMatchObject({
      ok: false,
      code: "not-found",
    });
    expect(await as("official", comments.answerFigureComment, reply)).toMatchObject({
      ok: true,
      message: "Đã gửi câu trả lời.",
    });
    const [thread] = await threads.getFigureThreads(target(), { all: true });
    expect(thread.answers).toEqual([
      expect.objectContaining({
        body: "Năm nay có thêm đợt ra quân.",
        value: "12",
        authorName: world.users.official.username,
      }),
    ]);
    // answered: gone from the inbox
    const inbox = await import("@/lib/services/inbox");
    const official = await inbox.loadInbox({
      grants: [{ role: "WARD_OFFICIAL", orgUnitId: world.units.ngocThuy }],
    } as Parameters<typeof inbox.loadInbox>[0]);
    expect(official!.questions).toEqual([]);
    // the figure's own history ("Lịch sử") shows the thread among its changes
    const { getValueHistory } = await import("@/lib/data/value-history");
    const history = await getValueHistory({
      wardSlug: "ngoc-thuy",
      year: YEAR,
      programmeSlug: fx.programmeSlug,
      unitSlug: "ngoc-thuy",
      indicatorCode: "review-a",
      readable: { all: true },
    });
    expect(
      history!
        .filter((h) => h.kind === "question" || h.kind === "answer")
        .map((h) => [h.kind, h.who, h.note, h.newValue])
        .sort(),
    ).toEqual([
      ["answer", world.users.official.username, "Năm nay có thêm đợt ra quân.", "12"],
      ["question", world.users.committee.username, "Vì sao 12, năm trước chỉ 3?", "12"],
    ]);
    expect(history!.some((h) => h.kind === "entry" && h.newValue === "12")).toBe(true);
  });

  it("approving closes the open questions, audited; afterwards nothing more is written", async () => {
    const { prisma } = world.database;
    const approved = await as("committee", review.approveSubmission, { version: await version() });
    expect(approved).toMatchObject({ ok: true });
    expect(approved.message).toContain("Đã đóng 1 câu hỏi về số liệu.");
    const [thread] = await threads.getFigureThreads(target(), { all: true });
    expect(thread.closedAt).not.toBeNull();
    const event = await prisma.submissionEvent.findFirstOrThrow({ where: { action: "APPROVE" } });
    expect(await prisma.figureComment.findUniqueOrThrow({ where: { id: questionId } })).toMatchObject({
      closedByEventId: event.id,
    });
    expect(
      await prisma.auditLog.count({
        where: { entity: "figure_comment", field: "closedAt", entityId: String(questionId) },
      }),
    ).toBe(1);

    expect(
      await as("official", comments.answerFigureComment, { question: String(questionId), body: "Thêm nữa" }),
    ).toMatchObject({ ok: false, code: "conflict" });
    expect(
      await as("committee", comments.askFigureQuestion, { indicator: "review-a", unit: "ngoc-thuy", body: "Còn gì?" }),
    ).toMatchObject({ ok: false, code: "locked" });
    // the thread is part of the record: not deleted, not rewritten
    await expect(prisma.figureComment.deleteMany({})).rejects.toThrow();
    await expect(
      prisma.figureComment.update({ where: { id: questionId }, data: { body: "sửa lại" } }),
    ).rejects.toThrow();
    expect(await prisma.figureComment.count()).toBe(2);
  });
});

// A residential group's figure (a cell of the groups' grid): the same thread, asked and answered on
// exactly that group of exactly that ward, closed by the approval.
describe("questions on a residential group's figure", () => {
  const GROUP_YEAR = 2019;
  const groupTarget = () => ({
    wardId: world.units.ngocThuy,
    periodId: fx.periods[GROUP_YEAR],
    programmeId: fx.programmeId,
  });
  const groupSubmission = () =>
    world.database.prisma.submission.findUniqueOrThrow({
      where: {
        orgUnitId_periodId_programmeId: {
          orgUnitId: world.units.ngocThuy,
          periodId: fx.periods[GROUP_YEAR],
          programmeId: fx.programmeId,
        },
      },
    });
  const at = { year: String(GROUP_YEAR) };
  const ask = { ...at, indicator: "review-to", unit: "ngoc-thuy-to-1", body: "Tổ 1 đạt từ khi nào?" };
  let boDeCommittee = "";
  let questionId = 0;

  beforeAll(async () => {
    const { prisma } = world.database;
    // Bồ Đề's committee, and a group of Bồ Đề: neither may reach the other ward's figures
    const { createAccount } = await import("@/lib/auth/accounts");
    boDeCommittee = "dang.uy.bd";
    await createAccount(prisma, {
      username: boDeCommittee,
      name: boDeCommittee,
      password: PASSWORD,
      roles: [{ role: "WARD_PARTY_COMMITTEE", orgUnitId: world.units.boDe }],
    });
    await prisma.orgUnit.create({
      data: {
        slug: "bo-de-to-1",
        name: "bo-de-to-1",
        shortName: "bo-de-to-1",
        level: "RESIDENTIAL_GROUP",
        parentId: world.units.boDe,
        validFrom: new Date("2015-01-01"),
      },
    });
    const save = await import("@/lib/data/entry-save");
    const saved = await save.saveEntryValues(
      { userId: world.users.official.id, name: "Cán bộ phường thử" },
      groupTarget(),
      [
        {
          indicatorId: fx.indicators.group,
          orgUnitId: world.units.group,
          value: "1",
          qualifier: "EXACT",
          note: null,
          outlierConfirmed: false,
          baseVersion: 0,
        },
      ],
    );
    expect(saved.ok).toBe(true);
    expect(
      await as("official", review.submitForReview, { ...at, version: String((await groupSubmission()).version) }),
    ).toMatchObject({ ok: true });
  });

  /** asks as Bồ Đề's committee member (not one of the `as` callers of the world) */
  async function asBoDeCommittee(fields: Record<string, string>) {
    request.headers = new Headers({ host: "ctk.test", origin: ORIGIN, cookie: await signInCookie(boDeCommittee) });
    const form = new FormData();
    for (const [k, v] of Object.entries({ ward: "ngoc-thuy", programme: fx.programmeSlug, ...fields })) form.set(k, v);
    return (await comments.askFigureQuestion(null, form)) as Result;
  }

  it("the committee asks about one group's figure: the thread names that group and keeps the figure", async () => {
    const asked = await as("committee", comments.askFigureQuestion, ask);
    expect(asked).toMatchObject({ ok: true, message: "Đã gửi câu hỏi cho phường." });
    questionId = asked.data!.id;
    const thread = (await threads.getFigureThreads(groupTarget(), { all: true })).find((t) => t.id === questionId);
    expect(thread).toMatchObject({
      body: "Tổ 1 đạt từ khi nào?",
      value: "1",
      authorName: world.users.committee.username,
      closedAt: null,
      indicator: { code: "review-to" },
      unit: { slug: "ngoc-thuy-to-1", level: "RESIDENTIAL_GROUP" },
    });
    expect(
      await world.database.prisma.auditLog.count({
        where: { entity: "figure_comment", entityId: String(questionId), field: "question" },
      }),
    ).toBe(1);
  });

  it("no one asks about another ward's group: not Bồ Đề's committee, nor Ngọc Thụy's about Bồ Đề's group", async () => {
    const { prisma } = world.database;
    const before = await prisma.figureComment.count();
    // Bồ Đề's committee naming Ngọc Thụy: no right there
    expect(await asBoDeCommittee(ask)).toMatchObject({ ok: false, code: "forbidden" });
    // … naming its own ward with Ngọc Thụy's group: the group is not one of Bồ Đề's
    expect(await asBoDeCommittee({ ...ask, ward: "bo-de" })).toMatchObject({ ok: false, code: "not-found" });
    // Ngọc Thụy's committee: Bồ Đề's group through its own ward, or Bồ Đề named
    expect(await as("committee", comments.askFigureQuestion, { ...ask, unit: "bo-de-to-1" })).toMatchObject({
      ok: false,
      code: "not-found",
    });
    expect(
      await as("committee", comments.askFigureQuestion, { ...ask, ward: "bo-de", unit: "bo-de-to-1" }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    // the ward's own officials and the district's staff do not ask
    for (const who of ["official", "staff", "otherOfficial"] as const)
      expect(await as(who, comments.askFigureQuestion, ask)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await prisma.figureComment.count()).toBe(before);
  });

  it("the ward's official answers beside the group's figure; its history shows the thread", async () => {
    const reply = { ...at, question: String(questionId), body: "Từ đợt bình xét tháng 12." };
    for (const who of ["committee", "otherOfficial"] as const)
      expect(await as(who, comments.answerFigureComment, reply)).toMatchObject({ ok: false, code: "forbidden" });
    // the question is of 2019: answering it as one of 2018's is not found
    expect(await as("official", comments.answerFigureComment, { ...reply, year: String(YEAR) })).toMatchObject({
      ok: false,
      code: "not-found",
    });
    expect(await as("official", comments.answerFigureComment, reply)).toMatchObject({ ok: true });
    const { getValueHistory } = await import("@/lib/data/value-history");
    const history = await getValueHistory({
      wardSlug: "ngoc-thuy",
      year: GROUP_YEAR,
      programmeSlug: fx.programmeSlug,
      unitSlug: "ngoc-thuy-to-1",
      indicatorCode: "review-to",
      readable: { all: true },
    });
    expect(
      history!
        .filter((h) => h.kind === "question" || h.kind === "answer")
        .map((h) => [h.kind, h.note])
        .sort(),
    ).toEqual([
      ["answer", "Từ đợt bình xét tháng 12."],
      ["question", "Tổ 1 đạt từ khi nào?"],
    ]);
    // the ward's own figure of that indicator has no such thread
    const wardHistory = await getValueHistory({
      wardSlug: "ngoc-thuy",
      year: GROUP_YEAR,
      programmeSlug: fx.programmeSlug,
      unitSlug: "ngoc-thuy",
      indicatorCode: "review-to",
      readable: { all: true },
    });
    expect(wardHistory!.filter((h) => h.kind === "question")).toEqual([]);
  });

  it("the approval closes the group's question; no answer lands on it once closed, whichever comes first", async () => {
    const { prisma } = world.database;
    const approved = await as("committee", review.approveSubmission, {
      ...at,
      version: String((await groupSubmission()).version),
    });
    expect(approved).toMatchObject({ ok: true });
    expect(approved.message).toContain("Đã đóng 1 câu hỏi về số liệu.");
    const closed = await prisma.figureComment.findUniqueOrThrow({ where: { id: questionId } });
    expect(closed.closedAt).not.toBeNull();

    // an answer and the approval at once, under the submission's lock: the answer is either in the
    // thread before it closes, or refused — never written after the close
    const { resolveReviewTarget } = await import("@/lib/data/review-target");
    const { transitionSubmission } = await import("@/lib/data/submission-workflow");
    const target = (await resolveReviewTarget({
      wardSlug: "ngoc-thuy",
      year: GROUP_YEAR,
      programmeSlug: fx.programmeSlug,
      scope: { all: true },
    }))!;
    const step = async (who: "official" | "committee" | "staff", action: "UNLOCK" | "SUBMIT" | "APPROVE") => {
      const sub = await groupSubmission();
      return transitionSubmission({
        actor: { userId: world.users[who].id, name: who },
        target,
        action,
        expectedVersion: sub.version,
        comment: action === "UNLOCK" ? "Xem lại tổ 1" : null,
      });
    };
    const outcomes: string[] = [];
    for (let round = 0; round < 4; round++) {
      expect(await step("staff", "UNLOCK")).toMatchObject({ ok: true });
      expect(await step("official", "SUBMIT")).toMatchObject({ ok: true });
      const asked = await threads.askAboutFigure({
        actor: { userId: world.users.committee.id, name: "committee" },
        target,
        indicatorCode: "review-to",
        unitSlug: "ngoc-thuy-to-1",
        body: `Vòng ${round}`,
      });
      expect(asked.ok).toBe(true);
      const id = (asked as { id: number }).id;
      const version = (await groupSubmission()).version;
      const race = [
        threads.answerFigureQuestion({
          actor: { userId: world.users.official.id, name: "official" },
          target,
          questionId: id,
          body: "Trả lời cùng lúc",
        }),
        transitionSubmission({
          actor: { userId: world.users.committee.id, name: "committee" },
          target,
          action: "APPROVE",
          expectedVersion: version,
          comment: null,
        }),
      ] as const;
      const [answered, approval] = await Promise.all(round % 2 ? [...race].reverse() : race).then((r) =>
        round % 2 ? [r[1], r[0]] : r,
      );
      expect(approval).toMatchObject({ ok: true });
      const question = await prisma.figureComment.findUniqueOrThrow({
        where: { id },
        include: { answers: true },
      });
      expect(question.closedAt).not.toBeNull();
      if (answered.ok) {
        expect(question.answers).toHaveLength(1);
        // written under the lock before the approval took it: its audit row comes before the close's
        const [answerAudit, closeAudit] = await Promise.all([
          prisma.auditLog.findFirstOrThrow({
            where: { entity: "figure_comment", entityId: String(question.answers[0].id), field: "answer" },
          }),
          prisma.auditLog.findFirstOrThrow({
            where: { entity: "figure_comment", entityId: String(id), field: "closedAt" },
          }),
        ]);
        expect(answerAudit.id).toBeLessThan(closeAudit.id);
      } else {
        expect(answered).toMatchObject({ code: "conflict" });
        expect(question.answers).toHaveLength(0);
      }
      outcomes.push(answered.ok ? "answered" : "refused");
    }
    expect(outcomes).toHaveLength(4);
  });
});

import { describe, expect, it } from "vitest";
import { PERMISSIONS, type Action } from "@/lib/auth/permissions";
import type { Role, SubmissionAction, SubmissionStatus } from "@/lib/generated/prisma/enums";
import { availableActions, checkTransition, countProgress, isEditable, isLate } from "./submission-workflow";

const as = (role: Role) => (a: Action) => PERMISSIONS[role].includes(a);
const STATUSES: SubmissionStatus[] = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED"];

describe("checkTransition", () => {
  // the whole table: action × state → allowed target (for the role that may do it), else refused
  const allowed: Record<SubmissionAction, Partial<Record<SubmissionStatus, SubmissionStatus>>> = {
    SUBMIT: { DRAFT: "SUBMITTED", RETURNED: "SUBMITTED" },
    RETURN: { SUBMITTED: "RETURNED" },
    APPROVE: { SUBMITTED: "APPROVED" },
    UNLOCK: { APPROVED: "DRAFT" },
  };
  const who: Record<SubmissionAction, Role> = {
    SUBMIT: "WARD_OFFICIAL",
    RETURN: "WARD_PARTY_COMMITTEE",
    APPROVE: "WARD_PARTY_COMMITTEE",
    UNLOCK: "DISTRICT_STAFF",
  };

  for (const action of Object.keys(allowed) as SubmissionAction[]) {
    for (const status of STATUSES) {
      it(`${action} from ${status}`, () => {
        const r = checkTransition(action, status, as(who[action]), "ý kiến");
        const to = allowed[action][status];
        if (to) expect(r).toEqual({ ok: true, to });
        else expect(r).toMatchObject({ ok: false, code: "conflict" });
      });
    }
  }

  it("refuses every other role, whatever the state", () => {
    const roles: Role[] = ["WARD_OFFICIAL", "WARD_PARTY_COMMITTEE", "DISTRICT_STAFF", "ADMINISTRATOR"];
    for (const action of Object.keys(who) as SubmissionAction[]) {
      for (const role of roles.filter((r) => r !== who[action])) {
        for (const status of STATUSES)
          expect(checkTransition(action, status, as(role), "x")).toMatchObject({ ok: false, code: "forbidden" });
      }
    }
  });

  it("a return needs a comment and an unlock a reason; blank does not count", () => {
    expect(checkTransition("RETURN", "SUBMITTED", as("WARD_PARTY_COMMITTEE"), "  ")).toEqual({
      ok: false,
      code: "invalid",
      message: "Hãy ghi ý kiến khi trả lại, để phường biết cần sửa gì.",
    });
    expect(checkTransition("UNLOCK", "APPROVED", as("DISTRICT_STAFF"), null)).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Hãy ghi lý do mở khóa.",
    });
    expect(checkTransition("APPROVE", "SUBMITTED", as("WARD_PARTY_COMMITTEE"), null)).toEqual({
      ok: true,
      to: "APPROVED",
    });
    expect(checkTransition("SUBMIT", "DRAFT", as("WARD_OFFICIAL"))).toEqual({ ok: true, to: "SUBMITTED" });
  });

  it("names the current state when refusing", () => {
    const r = checkTransition("APPROVE", "APPROVED", as("WARD_PARTY_COMMITTEE"));
    expect(r.ok || r.message).toBe(
      "Chỉ duyệt được số liệu đã gửi, đang chờ duyệt. Hiện trạng thái là “Đã duyệt – đã khóa”.",
    );
  });
});

describe("availableActions", () => {
  it("offers each role only what it may do now", () => {
    expect(availableActions("DRAFT", as("WARD_OFFICIAL"))).toEqual(["SUBMIT"]);
    expect(availableActions("SUBMITTED", as("WARD_OFFICIAL"))).toEqual([]);
    expect(availableActions("SUBMITTED", as("WARD_PARTY_COMMITTEE"))).toEqual(["RETURN", "APPROVE"]);
    expect(availableActions("RETURNED", as("WARD_PARTY_COMMITTEE"))).toEqual([]);
    expect(availableActions("APPROVED", as("DISTRICT_STAFF"))).toEqual(["UNLOCK"]);
    expect(availableActions("APPROVED", as("WARD_OFFICIAL"))).toEqual([]);
    expect(availableActions("DRAFT", () => true)).toEqual(["SUBMIT"]);
  });
});

describe("isEditable", () => {
  it("only while entering", () => {
    expect(STATUSES.filter(isEditable)).toEqual(["DRAFT", "RETURNED"]);
  });
});

describe("isLate", () => {
  // due 31/03/2021: the day ends at 17:00 UTC (midnight in Vietnam)
  const due = "2021-03-31";
  it("is not late during the due day in Vietnam", () => {
    expect(isLate("DRAFT", due, new Date("2021-03-31T16:59:59Z"))).toBe(false);
    expect(isLate("DRAFT", due, new Date("2021-03-31T17:00:00Z"))).toBe(true);
  });
  it("is never late once sent or approved, nor without a deadline", () => {
    const after = new Date("2021-06-01T00:00:00Z");
    expect(isLate("SUBMITTED", due, after)).toBe(false);
    expect(isLate("APPROVED", due, after)).toBe(false);
    expect(isLate("RETURNED", due, after)).toBe(true);
    expect(isLate("NOT_STARTED", due, after)).toBe(true);
    expect(isLate("NOT_STARTED", null, after)).toBe(false);
  });
});

describe("countProgress", () => {
  it("counts each (ward, programme) once by state, and the late ones against the due date", () => {
    const cells = [
      { state: "APPROVED" as const },
      { state: "SUBMITTED" as const },
      { state: "DRAFT" as const },
      { state: "NOT_STARTED" as const },
      { state: "NOT_STARTED" as const },
    ];
    const after = new Date("2020-12-20T00:00:00Z");
    expect(countProgress(cells, "2020-12-15", after)).toEqual({
      byState: { APPROVED: 1, SUBMITTED: 1, RETURNED: 0, DRAFT: 1, NOT_STARTED: 2 },
      late: 3,
      total: 5,
    });
    expect(countProgress(cells, null, after).late).toBe(0);
  });

  it("takes cells already counted in SQL (a count per programme and state) as that many cells", () => {
    const counted = [
      { state: "APPROVED" as const, count: 4 },
      { state: "NOT_STARTED" as const, count: 3310 },
      { state: "DRAFT" as const, count: 7 },
      { state: "NOT_STARTED" as const },
    ];
    expect(countProgress(counted, "2020-12-15", new Date("2020-12-20T00:00:00Z"))).toEqual({
      byState: { APPROVED: 4, SUBMITTED: 0, RETURNED: 0, DRAFT: 7, NOT_STARTED: 3311 },
      late: 3318,
      total: 3322,
    });
  });
});

import { describe, expect, it } from "vitest";
import { type CompletenessIndicator, completeness, completenessText, owedDetail, presentCells } from "./completeness";

const WARD = 10;
const GROUPS = [11, 12, 13];
const ind = (
  id: number,
  collectionLevel: CompletenessIndicator["collectionLevel"] = "WARD",
): CompletenessIndicator => ({ id, code: `c${id}`, name: `Chỉ tiêu ${id}`, collectionLevel });

describe("completeness", () => {
  it("expects the ward's value for ward indicators and each group's for group indicators", () => {
    const r = completeness([ind(1), ind(2), ind(3, "RESIDENTIAL_GROUP")], WARD, GROUPS, [
      { indicatorId: 1, orgUnitId: WARD },
      { indicatorId: 3, orgUnitId: 11 },
      { indicatorId: 3, orgUnitId: 13 },
    ]);
    expect(r.expected).toBe(5);
    expect(r.entered).toBe(3);
    expect(r.owed).toEqual([
      { code: "c2", name: "Chỉ tiêu 2", perGroup: false, missing: 1, expected: 1 },
      { code: "c3", name: "Chỉ tiêu 3", perGroup: true, missing: 1, expected: 3 },
    ]);
    expect(r.owed.map(owedDetail)).toEqual([null, "còn thiếu 1/3 tổ"]);
  });

  it("does not count values outside the expected cells (a ward value of a group indicator, an old group)", () => {
    const r = completeness([ind(1), ind(3, "RESIDENTIAL_GROUP")], WARD, GROUPS, [
      { indicatorId: 3, orgUnitId: WARD },
      { indicatorId: 3, orgUnitId: 99 },
      { indicatorId: 1, orgUnitId: 12 },
    ]);
    expect(r).toMatchObject({ expected: 4, entered: 0 });
  });

  it("a ward without groups owes nothing for group indicators; nothing entered owes everything", () => {
    expect(completeness([ind(1), ind(3, "RESIDENTIAL_GROUP")], WARD, [], [])).toEqual({
      expected: 1,
      entered: 0,
      unconfirmed: 0,
      owed: [{ code: "c1", name: "Chỉ tiêu 1", perGroup: false, missing: 1, expected: 1 }],
    });
    expect(completeness([], WARD, GROUPS, [])).toEqual({ expected: 0, entered: 0, unconfirmed: 0, owed: [] });
  });

  it("complete: nothing owed", () => {
    const r = completeness(
      [ind(1), ind(3, "RESIDENTIAL_GROUP")],
      WARD,
      [11],
      [
        { indicatorId: 1, orgUnitId: WARD },
        { indicatorId: 3, orgUnitId: 11 },
      ],
    );
    expect(r).toEqual({ expected: 2, entered: 2, unconfirmed: 0, owed: [] });
  });
});

describe("presentCells: what the form shows counts as present", () => {
  it("counts published figures where nothing was entered, not where an entered value was cleared", () => {
    const present = presentCells({
      entries: [
        { indicatorId: 1, orgUnitId: WARD, hasValue: true },
        { indicatorId: 2, orgUnitId: WARD, hasValue: false },
      ],
      published: [
        { indicatorId: 2, orgUnitId: WARD },
        { indicatorId: 3, orgUnitId: 11 },
        { indicatorId: 4, orgUnitId: WARD },
      ],
    });
    const r = completeness([ind(1), ind(2), ind(3, "RESIDENTIAL_GROUP"), ind(4)], WARD, [11], present);
    // c1 entered; c3 (group 11) and c4 only published, not confirmed; c2 cleared: owed
    expect(r).toMatchObject({ expected: 4, entered: 3, unconfirmed: 2 });
    expect(r.owed.map((o) => o.code)).toEqual(["c2"]);
    expect(completenessText(r)).toBe("Đã nhập 1/4 ô · Số liệu công bố chưa xác nhận 2 · Còn thiếu 1");
  });

  it("a year whose every figure is published owes nothing before anything is typed", () => {
    const published = [1, 2, 3].map((id) => ({ indicatorId: id, orgUnitId: WARD }));
    const r = completeness([ind(1), ind(2), ind(3)], WARD, [], presentCells({ entries: [], published }));
    expect(r).toEqual({ expected: 3, entered: 3, unconfirmed: 3, owed: [] });
    // the committee sees that none of them is the ward's own entry yet
    expect(completenessText(r)).toBe("Đã nhập 0/3 ô · Số liệu công bố chưa xác nhận 3 · Còn thiếu 0");
  });
});

describe("completenessText", () => {
  it("says plainly what was entered, what is only published and what is missing", () => {
    expect(completenessText({ expected: 1691, entered: 1691, unconfirmed: 0 })).toBe("Đã nhập 1.691/1.691 ô · đủ");
    expect(completenessText({ expected: 10, entered: 3, unconfirmed: 0 })).toBe("Đã nhập 3/10 ô · Còn thiếu 7");
    expect(completenessText({ expected: 0, entered: 0, unconfirmed: 0 })).toBe("Đã nhập 0/0 ô");
  });
});

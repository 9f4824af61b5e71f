import { describe, expect, it } from "vitest";
import { splitCellKey } from "./cell-key";
import {
  applyDraft,
  changedPayloadRows,
  derivedWardShare,
  draftKey,
  isChanged,
  lockedReason,
  makeDraft,
  rawOf,
  readDraft,
  type RowState,
  sameValue,
} from "./entry-grid";

const row = (raw: string, extra: Partial<RowState> = {}): RowState => ({
  raw,
  qualifier: "EXACT",
  note: "",
  outlierConfirmed: false,
  ...extra,
});

describe("entry grid helpers", () => {
  it("shows stored values the Vietnamese way, yes/no as 1/0", () => {
    expect(rawOf("1691", "COUNT")).toBe("1.691");
    expect(rawOf("90.5", "PERCENT")).toBe("90,5");
    expect(rawOf("305000000", "MONEY")).toBe("305.000.000");
    expect(rawOf(null, "COUNT")).toBe("");
    expect(rawOf("1", "BOOLEAN")).toBe("1");
    expect(rawOf("0", "BOOLEAN")).toBe("0");
  });

  it("counts a row as changed only when its text, qualifier, note or confirmation changed", () => {
    expect(isChanged(row("1.691 "), row("1.691"))).toBe(false);
    expect(isChanged(row("1.692"), row("1.691"))).toBe(true);
    expect(isChanged(row("1", { qualifier: "MORE_THAN" }), row("1"))).toBe(true);
    expect(isChanged(row("1", { note: " x" }), row("1"))).toBe(true);
  });

  it("sends only changed rows, each with the version it started from", () => {
    const rows = {
      "ngoc-thuy:a": row("5"),
      "ngoc-thuy:b": row("7", { note: " ghi chú " }),
      "ngoc-thuy-to-1:c": row("1"),
    };
    const bases = { "ngoc-thuy:a": row("5"), "ngoc-thuy:b": row("6"), "ngoc-thuy-to-1:c": row("") };
    expect(changedPayloadRows(rows, bases, { "ngoc-thuy:b": 3 })).toEqual([
      {
        indicator: "b",
        unit: "ngoc-thuy",
        raw: "7",
        qualifier: "EXACT",
        note: "ghi chú",
        outlierConfirmed: false,
        baseVersion: 3,
      },
      { indicator: "c", unit: "ngoc-thuy-to-1", raw: "1", qualifier: "EXACT", outlierConfirmed: false, baseVersion: 0 },
    ]);
    expect(splitCellKey("ngoc-thuy-to-1:tdp-van-hoa")).toEqual(["ngoc-thuy-to-1", "tdp-van-hoa"]);
  });

  it("derives the ward's share of groups achieving; nothing before any group has a value", () => {
    expect(derivedWardShare(["1", "0", null, "1"])).toBe("50");
    expect(derivedWardShare(["1", "1", "0"])).toBe("66.7");
    // 31 of 38 groups: 81,5789… is written 81,6 as the published figures are
    expect(derivedWardShare([...Array(31).fill("1"), ...Array(7).fill("0")])).toBe("81.6");
    expect(derivedWardShare([null, null])).toBeNull();
  });

  it("compares figures exactly", () => {
    expect(sameValue("50", "50.0000")).toBe(true);
    expect(sameValue(null, null)).toBe(true);
    expect(sameValue("1", null)).toBe(false);
  });

  it("explains why a submission cannot be edited", () => {
    expect(lockedReason("DRAFT")).toBeNull();
    expect(lockedReason("RETURNED")).toBeNull();
    expect(lockedReason("SUBMITTED")).toContain("Đã gửi, chờ Đảng ủy duyệt");
    expect(lockedReason("APPROVED")).toContain("Đã duyệt và khóa");
  });

  it("keeps unsaved rows in a draft per ward, year, programme, page and person", () => {
    expect(draftKey("ngoc-thuy", 2020, "03-CTr-QU", "phuong", "u1")).not.toBe(
      draftKey("ngoc-thuy", 2020, "03-CTr-QU", "phuong", "u2"),
    );
    const bases = { k1: row("1"), k2: row("2") };
    expect(makeDraft(bases, bases, {}, new Date())).toBeNull();
    const draft = makeDraft({ k1: row("10"), k2: row("2") }, bases, { k1: 4 }, new Date("2020-01-01T00:00:00Z"))!;
    expect(draft.rows).toEqual({ k1: { ...row("10"), baseVersion: 4 } });
    const back = readDraft(JSON.stringify(draft))!;
    expect(back).toEqual(draft);
    expect(readDraft("{broken")).toBeNull();
    expect(readDraft(JSON.stringify({ savedAt: "x", rows: { k1: { raw: 5 } } }))).toBeNull();
  });

  it("restores a draft onto the rows on screen with its own base versions", () => {
    const draft = {
      savedAt: "2020-01-01T00:00:00Z",
      rows: { k1: { ...row("10"), baseVersion: 1 }, gone: { ...row("3"), baseVersion: 0 } },
    };
    const { rows, versions } = applyDraft(draft, { k1: row("1"), k2: row("2") }, { k1: 2, k2: 1 });
    expect(rows).toEqual({ k1: row("10"), k2: row("2") });
    // an older base version than the saved one: the save will report a conflict, never overwrite
    expect(versions).toEqual({ k1: 1, k2: 1 });
  });
});

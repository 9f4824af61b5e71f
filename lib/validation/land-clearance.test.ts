import { describe, expect, it } from "vitest";
import {
  achievementFormSchema,
  checkProgressTotals,
  checkProgressYear,
  checkProject,
  deleteFormSchema,
  progressFormSchema,
  projectFormSchema,
} from "./land-clearance";
import { figureInput, readFigure } from "./vi-figure";

const TERM = { startYear: 2015, endYear: 2020 };
const project = (o: Record<string, string> = {}) => ({
  ward: "ngoc-thuy",
  term: "2015-2020",
  version: "0",
  name: "Đường 25m",
  status: "IN_PROGRESS",
  ...o,
});

describe("readFigure (Vietnamese figures)", () => {
  it("reads grouped thousands and decimal commas", () => {
    expect(readFigure("1.691", "COUNT")).toEqual({ ok: true, value: "1691" });
    expect(readFigure("305.000.000", "MONEY")).toEqual({ ok: true, value: "305000000" });
    expect(readFigure("305.000.000 đ", "MONEY")).toEqual({ ok: true, value: "305000000" });
    expect(readFigure("1.250,50", "DECIMAL")).toEqual({ ok: true, value: "1250.5" });
    expect(readFigure("12 500", "DECIMAL")).toEqual({ ok: true, value: "12500" });
    expect(readFigure(" ", "COUNT")).toEqual({ ok: true, value: null });
  });
  it("refuses what could be misread, saying how to type it", () => {
    for (const [raw, type] of [
      ["1,691", "COUNT"],
      ["1.5", "DECIMAL"],
      ["-3", "COUNT"],
      ["10 tỷ", "MONEY"],
      ["1,2,3", "DECIMAL"],
      ["12a", "COUNT"],
    ] as const) {
      const r = readFigure(raw, type);
      expect(r.ok, raw).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });
  it("shows a stored figure the way it is typed", () => {
    expect(figureInput("1250.5")).toBe("1.250,5");
    expect(figureInput("305000000")).toBe("305.000.000");
    expect(figureInput(null)).toBe("");
    expect(readFigure(figureInput("1234567.25"), "DECIMAL")).toEqual({ ok: true, value: "1234567.25" });
  });
});

describe("project form", () => {
  it("reads a new project with Vietnamese figures; empty figures are not given", () => {
    const r = projectFormSchema.parse(
      project({
        startYear: "2016",
        endYear: "",
        householdsAffected: "1.234",
        areaM2: "12.500,75",
        compensationDong: "305.000.000",
        forcedEnforcements: "",
        note: "  ",
      }),
    );
    expect(r.id).toBeUndefined();
    expect(r).toMatchObject({
      version: 0,
      startYear: 2016,
      endYear: undefined,
      householdsAffected: 1234,
      areaM2: "12500.75",
      compensationDong: "305000000",
      forcedEnforcements: null,
      note: null,
    });
  });
  it("refuses a missing name, an unknown status, too many decimals of area, a comma in a count", () => {
    const r = projectFormSchema.safeParse(
      project({ name: " ", status: "DONE", areaM2: "1,255", householdsAffected: "1,5" }),
    );
    expect(r.success).toBe(false);
    const fields = new Set(r.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["name", "status", "areaM2", "householdsAffected"]));
  });
  it("checks years within the term, end not before start, enforcements within households", () => {
    expect(
      checkProject({ startYear: 2016, endYear: 2019, householdsAffected: 10, forcedEnforcements: 2 }, TERM),
    ).toEqual({});
    expect(
      checkProject({ startYear: 2019, endYear: 2017, householdsAffected: null, forcedEnforcements: null }, TERM),
    ).toEqual({ endYear: ["Năm kết thúc không được trước năm bắt đầu."] });
    expect(
      Object.keys(
        checkProject({ startYear: 2014, endYear: 2021, householdsAffected: 1, forcedEnforcements: 3 }, TERM),
      ).sort(),
    ).toEqual(["endYear", "forcedEnforcements", "startYear"]);
  });
});

describe("progress form", () => {
  const base = { ward: "ngoc-thuy", projectId: "7", version: "0" };
  it("needs a year and something to record", () => {
    expect(progressFormSchema.safeParse({ ...base, householdsHandedOver: "3" }).success).toBe(false);
    const r = progressFormSchema.parse({ ...base, year: "2019" });
    expect(checkProgressYear(r, TERM, { startYear: null, endYear: null })).toHaveProperty("householdsHandedOver");
  });
  it("keeps the year within the term and the project's years", () => {
    const r = progressFormSchema.parse({ ...base, year: "2016", householdsHandedOver: "3" });
    expect(checkProgressYear(r, TERM, { startYear: 2017, endYear: 2019 }).year?.[0]).toMatch(/thời gian của dự án/);
    expect(checkProgressYear(r, TERM, { startYear: 2016, endYear: null })).toEqual({});
    expect(checkProgressYear({ ...r, year: 2022 }, TERM, { startYear: null, endYear: null }).year?.[0]).toMatch(
      /nhiệm kỳ 2015–2020/,
    );
  });
  it("households handed over over all years stay within the households affected; area within the project's", () => {
    const years = [
      { year: 2017, householdsHandedOver: 6, areaM2: "1000.5" },
      { year: 2018, householdsHandedOver: 4, areaM2: "999.5" },
    ];
    expect(checkProgressTotals({ householdsAffected: 10, areaM2: "2000" }, years)).toEqual({});
    expect(checkProgressTotals({ householdsAffected: 9, areaM2: "2000" }, years).householdsHandedOver?.[0]).toMatch(
      /\(10\).*\(9\)/,
    );
    expect(checkProgressTotals({ householdsAffected: null, areaM2: "1999.99" }, years)).toHaveProperty("areaM2");
    expect(checkProgressTotals({ householdsAffected: null, areaM2: null }, years)).toEqual({});
  });
});

describe("achievement and delete forms", () => {
  it("reads optional year, group, level and programme", () => {
    const r = achievementFormSchema.parse({
      ward: "ngoc-thuy",
      term: "2015-2020",
      version: "3",
      id: "12",
      kind: "OTHER",
      status: "ACHIEVED",
      year: "",
      title: " Khu dân cư văn hóa ",
      subject: "",
      recognitionLevel: "",
      programme: "03-CTr-QU",
    });
    expect(r).toMatchObject({
      id: 12,
      version: 3,
      year: undefined,
      title: "Khu dân cư văn hóa",
      subject: undefined,
      recognitionLevel: undefined,
      programme: "03-CTr-QU",
      note: null,
    });
    expect(
      achievementFormSchema.safeParse({
        ward: "ngoc-thuy",
        term: "2015-2020",
        version: "0",
        kind: "X",
        status: "ACHIEVED",
        title: "A",
        recognitionLevel: "NATION",
      }).success,
    ).toBe(false);
  });
  it("deleting names the record and the version seen", () => {
    expect(deleteFormSchema.parse({ ward: "ngoc-thuy", id: "4", version: "2" })).toEqual({
      ward: "ngoc-thuy",
      id: 4,
      version: 2,
    });
    expect(deleteFormSchema.safeParse({ ward: "ngoc-thuy", id: "4" }).success).toBe(false);
  });
});

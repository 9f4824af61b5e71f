import { describe, expect, it } from "vitest";
import { assembleEntryGrid, type EntryGridRows, type GridIndicatorRow, gridCells } from "./entry-grid-assembly";

const indicator = (id: number, code: string, extra: Partial<GridIndicatorRow> = {}): GridIndicatorRow => ({
  id,
  code,
  name: `Chỉ tiêu ${code}`,
  unit: "hộ",
  valueType: "COUNT",
  collectionLevel: "WARD",
  wardFromGroups: false,
  description: null,
  parentCode: null,
  ...extra,
});

const ward = { id: 1, slug: "ngoc-thuy", name: "Phường Ngọc Thụy", shortName: "Ngọc Thụy" };
const groups = [
  { id: 11, slug: "ngoc-thuy-tdp-1", name: "Tổ dân phố 1", shortName: "TDP 1" },
  { id: 12, slug: "ngoc-thuy-tdp-2", name: "Tổ dân phố 2", shortName: "TDP 2" },
];
const sections = [
  {
    code: "A",
    name: "Xây dựng",
    indicators: [
      indicator(100, "vi-pham"),
      indicator(101, "vi-pham-khong-phep", { parentCode: "vi-pham" }),
      indicator(102, "ty-le-tdp-van-hoa", { valueType: "PERCENT" }),
      indicator(103, "tdp-van-hoa", {
        valueType: "BOOLEAN",
        collectionLevel: "RESIDENTIAL_GROUP",
        wardFromGroups: true,
      }),
    ],
  },
];
// periods of the term: 2019 (id 19), 2020 (id 20), the term (id 99)
const base: EntryGridRows = {
  scope: "ward",
  ward,
  groups,
  sections,
  year: 2020,
  programme: { id: 3, code: "03-CTr/QU", slug: "03-CTr-QU", title: "Chương trình 03" },
  term: { slug: "2015-2020", name: "Nhiệm kỳ 2015–2020", startYear: 2015, endYear: 2020 },
  rules: [],
  periodId: 20,
  periodYears: new Map([
    [19, 2019],
    [20, 2020],
    [99, null],
  ]),
  results: [],
  targets: [],
  submission: null,
};

describe("gridCells", () => {
  it("the ward page has the ward's own indicators only", () => {
    const c = gridCells(base);
    expect(c.cells.map((x) => `${x.unitId}:${x.indicator.code}`)).toEqual([
      "1:vi-pham",
      "1:vi-pham-khong-phep",
      "1:ty-le-tdp-van-hoa",
    ]);
    expect(c.unitIds).toEqual([1]);
  });

  it("the groups' page has each group's indicators and the ward figure derived from them", () => {
    const c = gridCells({ ...base, scope: "groups" });
    expect(c.cells.map((x) => `${x.unitId}:${x.indicator.code}`)).toEqual([
      "1:ty-le-tdp-van-hoa",
      "11:tdp-van-hoa",
      "12:tdp-van-hoa",
    ]);
    expect(c.indicatorIds).toEqual([102, 103]);
  });
});

describe("assembleEntryGrid", () => {
  it("starts a cell from the entry value, else the published figure, and keeps earlier years apart", () => {
    const { grid } = assembleEntryGrid({
      ...base,
      results: [
        {
          indicatorId: 100,
          orgUnitId: 1,
          periodId: 20,
          value: "12",
          qualifier: "EXACT",
          source: { label: "Báo cáo 2020", isDemo: false },
        },
        {
          indicatorId: 100,
          orgUnitId: 1,
          periodId: 19,
          value: "9",
          qualifier: "MORE_THAN",
          source: { label: "Báo cáo 2019", isDemo: false },
        },
        {
          indicatorId: 101,
          orgUnitId: 1,
          periodId: 20,
          value: "4",
          qualifier: "EXACT",
          source: { label: "Dữ liệu minh họa", isDemo: true },
        },
      ],
      submission: {
        status: "RETURNED",
        version: 5,
        values: [
          {
            indicatorId: 100,
            orgUnitId: 1,
            value: "15",
            qualifier: "EXACT",
            note: "đã đối chiếu",
            outlierConfirmed: true,
            version: 2,
            updatedByName: "Nguyễn Văn A",
            updatedAt: "2020-12-01T00:00:00.000Z",
          },
        ],
      },
    });
    expect(grid.cells["ngoc-thuy:vi-pham"]).toEqual({
      unit: "ngoc-thuy",
      indicator: "vi-pham",
      value: "15",
      qualifier: "EXACT",
      note: "đã đối chiếu",
      outlierConfirmed: true,
      version: 2,
      origin: { kind: "entry", updatedByName: "Nguyễn Văn A", updatedAt: "2020-12-01T00:00:00.000Z" },
      lastYear: { value: "9", qualifier: "MORE_THAN" },
    });
    expect(grid.cells["ngoc-thuy:vi-pham-khong-phep"]).toMatchObject({
      value: "4",
      version: 0,
      note: null,
      origin: { kind: "published", label: "Dữ liệu minh họa", isDemo: true },
    });
    expect(grid.cells["ngoc-thuy:ty-le-tdp-van-hoa"]).toMatchObject({
      value: null,
      qualifier: "EXACT",
      origin: { kind: "empty" },
      lastYear: null,
    });
    expect(grid.history).toEqual({ "ngoc-thuy:vi-pham": ["9"] });
    expect(grid.submission).toEqual({ status: "RETURNED", version: 5 });
  });

  it("takes the year's target over the term's and the ward's own over the general one", () => {
    const { grid } = assembleEntryGrid({
      ...base,
      targets: [
        { indicatorId: 100, periodId: 20, comparison: "GTE", value: "10", isDemo: true },
        { indicatorId: 100, periodId: 20, comparison: "GTE", value: "14", isDemo: false },
        { indicatorId: 100, periodId: 99, comparison: "LTE", value: "50", isDemo: false },
        { indicatorId: 101, periodId: 99, comparison: "LT", value: "5", isDemo: false },
      ],
    });
    const [a] = grid.sections;
    expect(a.indicators.map((i) => i.target)).toEqual([
      { comparison: "GTE", value: "14", isDemo: false, scope: "year" },
      { comparison: "LT", value: "5", isDemo: false, scope: "term" },
      null,
    ]);
  });

  it("marks the derived ward figure, lists the group indicators apart, and gives the ids the save needs", () => {
    const { grid, ids, layout } = assembleEntryGrid({ ...base, scope: "all" });
    expect(grid.sections[0].indicators.map((i) => [i.code, i.depth, i.derivedFrom])).toEqual([
      ["vi-pham", 0, null],
      ["vi-pham-khong-phep", 1, null],
      ["ty-le-tdp-van-hoa", 0, "tdp-van-hoa"],
    ]);
    expect(grid.groupIndicators.map((i) => i.code)).toEqual(["tdp-van-hoa"]);
    expect(grid.groups.map((g) => g.slug)).toEqual(["ngoc-thuy-tdp-1", "ngoc-thuy-tdp-2"]);
    expect(Object.keys(grid.cells)).toHaveLength(5);
    expect(ids).toEqual({
      wardId: 1,
      periodId: 20,
      programmeId: 3,
      indicatorIds: { "vi-pham": 100, "vi-pham-khong-phep": 101, "ty-le-tdp-van-hoa": 102, "tdp-van-hoa": 103 },
      unitIds: { "ngoc-thuy": 1, "ngoc-thuy-tdp-1": 11, "ngoc-thuy-tdp-2": 12 },
    });
    expect(layout).toEqual([
      {
        code: "A",
        name: "Xây dựng",
        indicators: ["vi-pham", "vi-pham-khong-phep", "ty-le-tdp-van-hoa", "tdp-van-hoa"],
      },
    ]);
  });
});

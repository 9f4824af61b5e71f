import { describe, expect, it } from "vitest";
import type { WardIndicatorRow } from "@/lib/data/compare";
import { wardSectionHtml, type WardRowsContext } from "./ward-rows";

const report = {
  key: "bc",
  title: "Báo cáo của Đảng ủy phường Ngọc Thụy",
  issuedOn: "2019-11-05",
  kind: "REPORT" as const,
};

// only what the rows read
const row = (code: string, name: string): WardIndicatorRow =>
  ({
    indicator: { code, name, valueType: "COUNT", unit: "trường hợp", aggregation: "SUM" },
    own: {
      basis: "reported",
      value: "1691",
      qualifier: "EXACT",
      years: [],
      sources: [report],
      isDemo: false,
      note: null,
    },
    siblings: {
      average: { value: "845.5", qualifier: "EXACT", count: 12, hasDemo: true },
      achieved: null,
      difference: "845.5",
      ratioPercent: "200",
      ratioIsDemo: true,
      bound: "exact",
    },
    target: null,
    status: "no-target",
    acrossTerms: [],
  }) as unknown as WardIndicatorRow;

const context: WardRowsContext = {
  parentSlug: "long-bien",
  period: { kind: "TERM" },
  siblingCount: 13,
  noun: "phường",
  numbered: new Map([
    ["xu-phat-vi-pham", 7],
    ["x", 8],
  ]),
  labels: { own: "Ngọc Thụy", average: "Bình quân 13 phường khác" },
};

const text = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

describe("the ward comparison's table sections written as markup", () => {
  it("a heading row, then per indicator its name, own figure, average, difference, ratio and status", () => {
    const out = wardSectionHtml({ name: "Xử lý vi phạm", rows: [row("xu-phat-vi-pham", "Xử phạt vi phạm")] }, context);
    const trs = out.match(/<tr[^>]*>.*?<\/tr>/g)!;
    expect(trs).toHaveLength(2);
    expect(text(trs[0])).toBe("Xử lý vi phạm");
    expect(trs[1]).toMatch(/^<tr data-indicator="xu-phat-vi-pham"/);
    expect(text(trs[1])).toBe(
      "7. Xử phạt vi phạm (so sánh các phường) 1.691 trường hợp Số cả nhiệm kỳ theo nguồn Nguồn: Báo cáo của Đảng ủy phường Ngọc Thụy, 05/11/2019 " +
        "845,5 trường hợp 12/13 phường có số liệu Dữ liệu minh họa +845,5 trường hợp 200 % Chưa có chỉ tiêu",
    );
    expect(trs[1]).toContain('data-own data-label="Ngọc Thụy"');
    expect(trs[1]).toContain(
      'href="/so-sanh?parent=long-bien&amp;indicator=xu-phat-vi-pham&amp;period=term&amp;sort=desc"',
    );
  });

  it("escapes what the database holds", () => {
    const out = wardSectionHtml({ name: "<b>Mục</b>", rows: [row("x", `<img src=x onerror="alert(1)">`)] }, context);
    expect(out).not.toMatch(/<img|<b>/);
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });
});

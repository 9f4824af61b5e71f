import { describe, expect, it } from "vitest";
import type { IndicatorComparison } from "@/lib/data/compare";
import type { ComparisonRow } from "@/lib/domain/compare";
import { rankingRowsHtml } from "./ranking-rows";

const report = {
  key: "bc",
  title: "Báo cáo của Đảng ủy phường Ngọc Thụy",
  issuedOn: "2019-11-05",
  kind: "REPORT" as const,
};
const demo = { key: "demo", title: "Dữ liệu minh họa", issuedOn: null, kind: "DEMO" as const };

const row = (
  slug: string,
  shortName: string,
  value: string | null,
  rank: number | null,
  demoData: boolean,
): ComparisonRow => ({
  unit: { slug, name: `Phường ${shortName}`, shortName },
  figure: {
    basis: value === null ? "none" : "reported",
    value,
    qualifier: "EXACT",
    years: [],
    sources: value === null ? [] : [demoData ? demo : report],
    isDemo: demoData,
    note: null,
  },
  shown: value === null ? null : { value, qualifier: "EXACT" },
  rank,
  status: "no-target",
});

// only what the rows read
const comparison = (rows: ComparisonRow[], per: "capita" | null = null) =>
  ({
    indicator: {
      code: "vi-pham",
      valueType: "COUNT",
      unit: "trường hợp",
      aggregation: "SUM",
      programme: { slug: "03-CTr-QU" },
    },
    normalisation: per ? { state: "on", per } : { state: "off" },
    childLevel: "WARD",
    period: { kind: "TERM" },
    table: { rows },
  }) as unknown as IndicatorComparison;

/** The rows as the browser reads them (the markup parsed by a tiny reader: tags dropped). */
const text = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

describe("the ranking table's rows written as markup", () => {
  const rows = [row("ngoc-thuy", "Ngọc Thụy", "1691", 1, false), row("bo-de", "Bồ Đề", null, null, true)];
  const out = rankingRowsHtml(comparison(rows));

  it("has a row per unit with its rank, name, value, basis, source and status", () => {
    const trs = out.match(/<tr[^>]*>.*?<\/tr>/g)!;
    expect(trs).toHaveLength(2);
    expect(trs[0]).toMatch(/^<tr data-unit="ngoc-thuy">/);
    expect(text(trs[0])).toBe(
      "1 Ngọc Thụy 1.691 trường hợp Số cả nhiệm kỳ theo nguồn báo cáo Nguồn: Báo cáo của Đảng ủy phường Ngọc Thụy, 05/11/2019 Chưa có chỉ tiêu",
    );
    // styled by column from the tbody's class (app/globals.css): no classes repeated on every cell
    expect(trs[0]).toContain("<td data-value>");
    expect(trs[0]).not.toMatch(/<t[dh][^>]* class=/);
    expect(trs[1]).toMatch(/^<tr data-unit="bo-de" data-demo="true">/);
    expect(text(trs[1])).toBe("– Bồ Đề Chưa có số liệu Chưa có số liệu Chưa có số liệu Chưa có chỉ tiêu");
  });

  it("links each ward to its comparison on every indicator of the programme (a plain link)", () => {
    expect(out).toContain(
      '<a href="/so-sanh/phuong?ward=ngoc-thuy&amp;programme=03-CTr-QU&amp;period=term">Ngọc Thụy</a>',
    );
  });

  it("escapes what the database holds: a name is never markup", () => {
    const evil = rankingRowsHtml(comparison([row("x", `<script>alert("x")</script>`, "1", 1, false)]));
    expect(evil).not.toContain("<script>");
    expect(evil).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("per 1 000 inhabitants: the normalised value, and the figure itself under it", () => {
    const [tr] = rankingRowsHtml(comparison([row("ngoc-thuy", "Ngọc Thụy", "12.5", 1, false)], "capita")).match(
      /<td[^>]*data-value>.*?<\/td>/,
    )!;
    expect(text(tr)).toBe("12,5 trường hợp/1.000 dân 12,5 trường hợp");
  });
});

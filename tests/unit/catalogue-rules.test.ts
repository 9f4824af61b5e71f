import { describe, expect, it } from "vitest";
import { checkRules, checkValueType, type Rule } from "@/lib/domain/value-rules";
import { PROGRAMMES, type IndicatorSeed } from "@/prisma/seed/catalogue";
import { demoValues } from "@/prisma/seed/demo";
import { REPORT_WARD, REPORTED_VALUES } from "@/prisma/seed/report";

// The rules declared with the catalogue against the figures the seed loads: a rule that the
// report's figures or the demo data break is a wrong rule (or wrong data), caught here.

const indicators = new Map<string, IndicatorSeed & { programme: string }>(
  PROGRAMMES.flatMap((p) =>
    p.sections.flatMap((s) => s.indicators.map((i) => [i.code, { ...i, programme: p.code }] as const)),
  ),
);
const names = new Map([...indicators.values()].map((i) => [i.code, i.name]));
const allRules = PROGRAMMES.flatMap((p) => (p.rules ?? []).map((r) => ({ ...r, programme: p.code })));

type Figure = { value: string; moreThan: boolean };
/** Every seeded figure by "unit|period" (period: a year or "term"); a reported one wins over demo. */
function seededFigures(): Map<string, Map<string, Figure>> {
  const byCell = new Map<string, Map<string, Figure>>();
  const put = (unit: string, period: number | "term", code: string, f: Figure) => {
    const key = `${unit}|${period}`;
    const cell = byCell.get(key) ?? new Map<string, Figure>();
    if (!cell.has(code)) cell.set(code, f);
    byCell.set(key, cell);
  };
  for (const v of REPORTED_VALUES)
    put(v.orgUnit ?? REPORT_WARD, v.year ?? "term", v.indicator, {
      value: v.value,
      moreThan: v.qualifier === "MORE_THAN",
    });
  for (const v of demoValues()) put(v.orgUnit, v.year, v.indicator, { value: v.value, moreThan: false });
  return byCell;
}

/** Violations of `rules` in the seeded figures; a "trên" (more than) total is not held against its parts. */
function violations(rules: Rule[]): string[] {
  const out: string[] = [];
  for (const [cell, figures] of seededFigures()) {
    const applicable = rules.filter((r) => !figures.get(r.right)?.moreThan);
    const values = new Map([...figures].map(([code, f]) => [code, f.value]));
    for (const v of checkRules(applicable, values, names)) out.push(`${cell}: ${v.message}`);
  }
  return out;
}

describe("cross-field rules of the catalogue", () => {
  it("03-CTr/QU declares the works-without-permit and violations-by-kind rules", () => {
    const codes = allRules.filter((r) => r.programme === "03-CTr/QU").map((r) => `${r.left.join(" + ")} ≤ ${r.right}`);
    expect(codes).toEqual([
      "ctkp-yeu-cau-cap-phep + ctkp-dinh-chi ≤ cong-trinh-khong-phep",
      "vp-bien-quang-cao + vp-mai-che + vp-buc-be + vp-khac ≤ vi-pham-da-xu-ly",
    ]);
  });

  it.each(allRules.map((r) => [r.code, r] as const))(
    "%s names indicators of its own programme that add up",
    (_code, rule) => {
      expect(allRules.filter((r) => r.programme === rule.programme && r.code === rule.code)).toHaveLength(1);
      expect(rule.code).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(rule.description).toMatch(/^\p{Lu}.*\.$/u);
      expect(new Set(rule.left).size).toBe(rule.left.length);
      expect(rule.left).not.toContain(rule.right);
      const right = indicators.get(rule.right);
      expect(right?.programme).toBe(rule.programme);
      for (const code of rule.left) {
        const left = indicators.get(code);
        expect(left?.programme, code).toBe(rule.programme);
        // only amounts add up: never rates or achieved/not achieved, and in the total's own type
        expect(left?.valueType, code).toBe(right?.valueType);
        expect(["COUNT", "MONEY", "DECIMAL"]).toContain(left?.valueType);
      }
    },
  );

  it("hold for every seeded ward, residential group, year and term", () => {
    expect(seededFigures().size).toBeGreaterThan(14 * 6);
    expect(violations(allRules)).toEqual([]);
  });

  it("would catch a rule the seeded figures contradict: fined cases ≤ violations handled is not a rule", () => {
    const candidate: Rule = {
      code: "x",
      kind: "SUM_AT_MOST",
      left: ["xu-phat-vi-pham"],
      right: "vi-pham-da-xu-ly",
      description: "",
    };
    expect(violations([candidate]).length).toBeGreaterThan(0);
  });
});

describe("seeded figures", () => {
  it("are valid values of their indicators' types (what the entry form would accept)", () => {
    const invalid: string[] = [];
    for (const [cell, figures] of seededFigures()) {
      for (const [code, f] of figures) {
        const indicator = indicators.get(code)!;
        // the term figure of "years achieved" counts the years (3), it is no yes/no value
        if (cell.endsWith("|term") && indicator.aggregation === "YEARS_ACHIEVED") continue;
        const message = checkValueType(indicator.valueType, f.value);
        if (message) invalid.push(`${cell} ${code} ${f.value}: ${message}`);
      }
    }
    expect(invalid).toEqual([]);
  });
});

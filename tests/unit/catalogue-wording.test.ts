import { describe, expect, it } from "vitest";
import { PROGRAMMES } from "@/prisma/seed/catalogue";

// Issue 13: what readers see never names an indicator by its internal code ("ty-le-tdp-van-hoa"):
// the ward overview and the residential-group pages show names and descriptions as they are.
const indicators = PROGRAMMES.flatMap((p) => p.sections.flatMap((s) => s.indicators));
const codes = indicators.map((i) => i.code);

describe("catalogue wording", () => {
  it.each(indicators.map((i) => [i.code, i] as const))("%s names no indicator code", (_, indicator) => {
    const shown = [indicator.name, indicator.description ?? ""].join(" ");
    expect(codes.filter((code) => new RegExp(`(^|[^\\w-])${code}($|[^\\w-])`).test(shown))).toEqual([]);
  });
});

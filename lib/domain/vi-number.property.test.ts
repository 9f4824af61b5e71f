import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromScaled } from "./decimal";
import { checkValueType } from "./value-rules";
import type { ValueType } from "./enums";
import { VALUE_TYPES } from "./value-type";
import { formatViInput, parseViNumber } from "./vi-number";

// Properties of reading and showing figures, over many generated inputs.

const MAX_INT = 10n ** 20n - 1n; // NUMERIC(24,4): 20 integer digits
const scaledUpTo = (max: bigint) => fc.oneof(fc.bigInt({ min: 0n, max: 10_000_000n }), fc.bigInt({ min: 0n, max }));

/** Every canonical value a type may store. */
const canonical: Record<ValueType, fc.Arbitrary<string>> = {
  COUNT: fc.oneof(fc.bigInt({ min: 0n, max: 5000n }), fc.bigInt({ min: 0n, max: MAX_INT })).map(String),
  MONEY: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 0n, max: MAX_INT })).map(String),
  PERCENT: fc.bigInt({ min: 0n, max: 1_000_000n }).map(fromScaled),
  DECIMAL: scaledUpTo(10n ** 24n - 1n).map(fromScaled),
  BOOLEAN: fc.constantFrom("0", "1"),
};

const typeArb = fc.constantFrom(...VALUE_TYPES);
const NUMBERISH = [..."0123456789.,.,  ", "\u00a0", "\u202f", "%", "đ", "-", "₫"];

describe("parseViNumber and formatViInput, properties", () => {
  it("formatViInput → parseViNumber gives back the stored value, for every value type", () => {
    for (const t of VALUE_TYPES) {
      fc.assert(
        fc.property(canonical[t], (v) => {
          expect(parseViNumber(formatViInput(v, t), t)).toEqual({ ok: true, value: v });
        }),
      );
    }
  });

  it("never returns a value outside the type's range", () => {
    const input = fc.oneof(fc.string({ unit: fc.constantFrom(...NUMBERISH), maxLength: 30 }), fc.string());
    fc.assert(
      fc.property(typeArb, input, (t, s) => {
        const r = parseViNumber(s, t);
        if (r.ok) expect(checkValueType(t, r.value)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses any input with a letter among its digits", () => {
    const letter = fc.constantFrom(..."aAbcdeEfghijklmnopqrstuvwxyzZđĐăâêôơưạấầẩậắặẹếềệịọốồộớờợụứừựỳýỹ");
    const digits = fc.string({ unit: fc.constantFrom(..."0123456789.,"), maxLength: 8 });
    fc.assert(
      fc.property(typeArb, digits, letter, digits, fc.integer({ min: 0, max: 9 }), (t, before, l, after, d) => {
        // a digit after the letter: the letter cannot be a unit suffix such as "đ"
        expect(parseViNumber(`${before}${l}${after}${d}`, t).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads thousands-grouped forms (dots or spaces) as the ungrouped number", () => {
    const sep = fc.constantFrom(".", " ", "\u00a0", "\u202f", "\u2009");
    const frac = fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined });
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_INT }), sep, frac, (n, g, f) => {
        const plain = n.toString() + (f ? `,${f}` : "");
        const grouped = n.toString().replace(/\B(?=(\d{3})+$)/g, g) + (f ? `,${f}` : "");
        const t: ValueType = f ? "DECIMAL" : "COUNT";
        const a = parseViNumber(plain, t);
        expect(a.ok).toBe(true);
        expect(parseViNumber(grouped, t)).toEqual(a);
      }),
      { numRuns: 1000 },
    );
  });
});

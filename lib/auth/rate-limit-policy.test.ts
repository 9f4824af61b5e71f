import { describe, expect, it } from "vitest";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, PAIR_LIMIT, decide } from "./rate-limit-policy";

const counts = (c: Partial<Parameters<typeof decide>[0]>) => ({
  accountFailures: 0,
  addressFailures: 0,
  pairFailures: 0,
  usualAddress: false,
  ...c,
});

describe("sign-in throttling", () => {
  it("lets the first attempts through at once, then slows, then refuses", () => {
    expect(decide(counts({}))).toEqual({ allowed: true, delayMs: 0 });
    const slowed = decide(counts({ accountFailures: 5 }));
    expect(slowed.allowed && slowed.delayMs).toBeGreaterThan(0);
    expect(decide(counts({ accountFailures: ACCOUNT_LIMIT })).allowed).toBe(false);
    expect(decide(counts({ addressFailures: ADDRESS_LIMIT })).allowed).toBe(false);
  });

  it("judges the account's usual address on its own failures only", () => {
    expect(decide(counts({ usualAddress: true, accountFailures: 100, addressFailures: 100 })).allowed).toBe(true);
    expect(decide(counts({ usualAddress: true, pairFailures: PAIR_LIMIT })).allowed).toBe(false);
  });
});

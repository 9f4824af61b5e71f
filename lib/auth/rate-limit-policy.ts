// Sign-in throttling policy (pure). Failures count within a window; those of an address or of an
// (account, address) pair since its last success, those of an account whatever the successes.
// The account's usual address (a successful sign-in from it in the last 30 days) is judged on its own
// failures only, so that someone guessing from elsewhere cannot lock the real user out.

export const WINDOW_MS = 15 * 60_000;
export const USUAL_ADDRESS_MS = 30 * 24 * 60 * 60_000;
export const ACCOUNT_LIMIT = 10; // failures on one account from addresses that are not its usual ones
export const ADDRESS_LIMIT = 30; // failures from one address over all accounts
export const PAIR_LIMIT = 10; // failures on one account from its usual address
const ACCOUNT_FREE = 3;
const ADDRESS_FREE = 10;
const DELAY_STEP_MS = 250;
const MAX_DELAY_MS = 2_000;

export type AttemptCounts = {
  accountFailures: number;
  addressFailures: number;
  pairFailures: number;
  usualAddress: boolean;
};

export type Decision = { allowed: true; delayMs: number } | { allowed: false; retryAfterSeconds: number };

const delay = (excess: number): number => Math.min(Math.max(excess, 0) * DELAY_STEP_MS, MAX_DELAY_MS);

export function decide(c: AttemptCounts): Decision {
  const retryAfterSeconds = WINDOW_MS / 1000;
  if (c.usualAddress) {
    if (c.pairFailures >= PAIR_LIMIT) return { allowed: false, retryAfterSeconds };
    return { allowed: true, delayMs: delay(c.pairFailures - ACCOUNT_FREE + 1) };
  }
  if (c.accountFailures >= ACCOUNT_LIMIT || c.addressFailures >= ADDRESS_LIMIT)
    return { allowed: false, retryAfterSeconds };
  return {
    allowed: true,
    delayMs: Math.max(delay(c.accountFailures - ACCOUNT_FREE + 1), delay(c.addressFailures - ADDRESS_FREE + 1)),
  };
}

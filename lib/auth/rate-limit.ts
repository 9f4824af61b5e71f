import "server-only";
import { db } from "@/lib/db";
import { type AttemptCounts, type Decision, USUAL_ADDRESS_MS, WINDOW_MS, decide } from "./rate-limit-policy";

/**
 * The key of an account for rate limiting: the user's id when the name or e-mail is known (so that
 * switching between the two does not double the attempts), else what was typed, lower-cased.
 */
export async function accountKey(identifier: string): Promise<string> {
  const typed = identifier.trim().toLowerCase();
  const user = await db().user.findFirst({
    where: typed.includes("@") ? { email: typed } : { username: typed },
    select: { id: true },
  });
  return user ? `user:${user.id}` : `name:${typed}`;
}

/** Failure counts from PostgreSQL (shared by every app instance). */
export async function attemptCounts(key: string, address: string, now = new Date()): Promise<AttemptCounts> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const usualSince = new Date(now.getTime() - USUAL_ADDRESS_MS);
  const [row] = await db().$queryRaw<{ account: bigint; address: bigint; pair: bigint; usual: boolean }[]>`
    WITH a AS (SELECT identifier, address, success, at FROM sign_in_attempt WHERE at > ${usualSince}
                 AND (identifier = ${key} OR address = ${address}))
    SELECT
      -- not reset by a success: the real user signing in must not hand a guesser fresh attempts;
      -- failures from the account's usual addresses are the pair limit's business
      (SELECT count(*) FROM a f WHERE identifier = ${key} AND NOT success AND at > ${since}
         AND NOT EXISTS (SELECT 1 FROM a s WHERE s.identifier = ${key} AND s.address = f.address AND s.success)) AS account,
      (SELECT count(*) FROM a WHERE address = ${address} AND NOT success AND at > ${since}
         AND at > coalesce((SELECT max(at) FROM a WHERE address = ${address} AND success), '-infinity')) AS address,
      (SELECT count(*) FROM a WHERE identifier = ${key} AND address = ${address} AND NOT success AND at > ${since}
         AND at > coalesce((SELECT max(at) FROM a WHERE identifier = ${key} AND address = ${address} AND success), '-infinity')) AS pair,
      EXISTS (SELECT 1 FROM a WHERE identifier = ${key} AND address = ${address} AND success) AS usual`;
  return {
    accountFailures: Number(row.account),
    addressFailures: Number(row.address),
    pairFailures: Number(row.pair),
    usualAddress: row.usual,
  };
}

export async function checkSignIn(key: string, address: string, now = new Date()): Promise<Decision> {
  return decide(await attemptCounts(key, address, now));
}

export async function recordAttempt(key: string, address: string, success: boolean, now = new Date()): Promise<void> {
  await db().signInAttempt.create({ data: { identifier: key, address, success, at: now } });
  // old attempts serve nothing: drop them now and then
  if (success)
    await db().signInAttempt.deleteMany({ where: { at: { lt: new Date(now.getTime() - USUAL_ADDRESS_MS) } } });
}

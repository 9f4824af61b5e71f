// Password hashing: argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane). No `server-only`: the
// create-admin command and the seed use it too.
import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2's Algorithm.Argon2id (a const enum, which isolated modules cannot import)
const ARGON2ID = 2;
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  // a malformed or foreign hash is a failed sign-in, not a server error
  return verify(stored, password).catch(() => false);
}

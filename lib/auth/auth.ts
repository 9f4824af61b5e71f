import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { username } from "better-auth/plugins/username";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashPassword, verifyPassword } from "./argon2";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-policy";
import { withHashedSessionTokens } from "./session-token-store";

// Session lifetimes. better-auth's `expiresIn` is the absolute limit (no sliding: `updateAge` equals
// it); the idle limit is ours (session.ts), on the row's updatedAt.
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
export const SESSION_IDLE_SECONDS = 30 * 60;

function createAuth() {
  return betterAuth({
    appName: "Chương trình công tác toàn khóa",
    // the public address when known (AUTH_URL); otherwise better-auth derives it from each request
    baseURL: env.AUTH_URL,
    logger: { level: "error" },
    // development only: `npm start` always provides one (generated into $DATA_DIR when unset)
    secret:
      env.AUTH_SECRET ?? (env.NODE_ENV === "production" ? undefined : "dev-only-secret-not-for-production-use-0000"),
    // session tokens are stored as their SHA-256 only (session-token-store.ts)
    database: withHashedSessionTokens(prismaAdapter(db(), { provider: "postgresql" })),
    emailAndPassword: {
      enabled: true,
      // accounts are created by an administrator (or `npm run create-admin`), never by sign-up
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: {
      expiresIn: SESSION_ABSOLUTE_SECONDS,
      updateAge: SESSION_ABSOLUTE_SECONDS,
      // every request reads the row, so that a revoked or disabled account's session ends at once
      cookieCache: { enabled: false },
    },
    user: {
      additionalFields: {
        disabled: { type: "boolean", defaultValue: false, input: false },
        mustChangePassword: { type: "boolean", defaultValue: false, input: false },
        isDemo: { type: "boolean", defaultValue: false, input: false },
      },
    },
    databaseHooks: {
      session: {
        create: {
          // a disabled account gets no session, whatever the password
          before: async (session) => {
            const user = await db().user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
            return user && !user.disabled ? undefined : false;
          },
        },
      },
    },
    // sign-in is rate limited in PostgreSQL by our own action (rate-limit.ts); the HTTP handler of
    // better-auth is not mounted at all, so its in-memory limiter is not needed
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // Secure cookies (and the __Secure- prefix) for every request when the public address is https;
    // otherwise `Secure` is added per request when it came over HTTPS (cookies.ts)
    advanced: { cookiePrefix: "ctk", useSecureCookies: env.AUTH_URL?.startsWith("https://") ?? false },
    plugins: [username({ minUsernameLength: 3, maxUsernameLength: 40 })],
  });
}

export type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { auth?: Auth };

export function auth(): Auth {
  globalForAuth.auth ??= createAuth();
  return globalForAuth.auth;
}

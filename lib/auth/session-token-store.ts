import "server-only";
import crypto from "node:crypto";
import type { BetterAuthOptions, DBAdapter, Where } from "better-auth";

// Session tokens are kept in the database only as their SHA-256 (hex), as API tokens are: someone who
// reads the `session` table (a backup, a log of queries) cannot take over a session. better-auth knows
// only raw tokens (the cookie carries one); this wraps its database adapter so that every token it
// writes or looks up is hashed on the way in, and the raw token it asked about is put back in the rows
// it gets. A migration hashed the tokens stored before, and a CHECK constraint refuses a raw one.

const HASHED = /^[0-9a-f]{64}$/;

/** What the `session.token` column holds for a cookie token (a raw token is 32 characters, never 64 hex). */
export function storedSessionToken(token: string): string {
  return HASHED.test(token) ? token : crypto.createHash("sha256").update(token).digest("hex");
}

type Row = Record<string, unknown> | null;

/** The raw tokens named in `where`, by their stored form. */
function rawTokens(where: Where[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const w of where ?? []) {
    if (w.field !== "token") continue;
    for (const v of Array.isArray(w.value) ? w.value : [w.value])
      if (typeof v === "string") map.set(storedSessionToken(v), v);
  }
  return map;
}

const hashWhere = (where: Where[] | undefined): Where[] | undefined =>
  where?.map((w) =>
    w.field !== "token"
      ? w
      : {
          ...w,
          value: Array.isArray(w.value)
            ? ((w.value as unknown[]).map((v) => (typeof v === "string" ? storedSessionToken(v) : v)) as string[])
            : typeof w.value === "string"
              ? storedSessionToken(w.value)
              : w.value,
        },
  );

const hashData = <T>(data: T): T => {
  const d = data as Record<string, unknown> | undefined;
  return d && typeof d.token === "string" ? ({ ...d, token: storedSessionToken(d.token) } as T) : data;
};

function restore<T>(row: T, raw: Map<string, string>): T {
  const r = row as Row;
  if (!r || typeof r.token !== "string" || !raw.has(r.token)) return row;
  return { ...r, token: raw.get(r.token) } as T;
}

function wrap<A extends object>(adapter: A): A {
  const a = adapter as unknown as DBAdapter;
  const isSession = (model: string) => model === "session";
  const overrides: Partial<DBAdapter> = {
    create: (async (args: Parameters<DBAdapter["create"]>[0]) => {
      if (!isSession(args.model)) return a.create(args);
      const token = (args.data as Record<string, unknown>).token;
      const row = await a.create({ ...args, data: hashData(args.data) });
      return typeof token === "string" ? restore(row, new Map([[storedSessionToken(token), token]])) : row;
    }) as DBAdapter["create"],
    findOne: (async (args: Parameters<DBAdapter["findOne"]>[0]) => {
      if (!isSession(args.model)) return a.findOne(args);
      return restore(await a.findOne({ ...args, where: hashWhere(args.where)! }), rawTokens(args.where));
    }) as DBAdapter["findOne"],
    findMany: (async (args: Parameters<DBAdapter["findMany"]>[0]) => {
      if (!isSession(args.model)) return a.findMany(args);
      const raw = rawTokens(args.where);
      return (await a.findMany({ ...args, where: hashWhere(args.where) })).map((r) => restore(r, raw));
    }) as DBAdapter["findMany"],
    count: (args) => a.count(isSession(args.model) ? { ...args, where: hashWhere(args.where) } : args),
    update: (async (args: Parameters<DBAdapter["update"]>[0]) => {
      if (!isSession(args.model)) return a.update(args);
      return restore(
        await a.update({ ...args, where: hashWhere(args.where)!, update: hashData(args.update) }),
        rawTokens(args.where),
      );
    }) as DBAdapter["update"],
    updateMany: (args) =>
      a.updateMany(
        isSession(args.model) ? { ...args, where: hashWhere(args.where)!, update: hashData(args.update) } : args,
      ),
    delete: (args) => a.delete(isSession(args.model) ? { ...args, where: hashWhere(args.where)! } : args),
    deleteMany: (args) => a.deleteMany(isSession(args.model) ? { ...args, where: hashWhere(args.where)! } : args),
    consumeOne: (async (args: Parameters<DBAdapter["consumeOne"]>[0]) => {
      if (!isSession(args.model)) return a.consumeOne(args);
      return restore(await a.consumeOne({ ...args, where: hashWhere(args.where)! }), rawTokens(args.where));
    }) as DBAdapter["consumeOne"],
    incrementOne: (async (args: Parameters<DBAdapter["incrementOne"]>[0]) => {
      if (!isSession(args.model)) return a.incrementOne(args);
      return restore(
        await a.incrementOne({ ...args, where: hashWhere(args.where)!, set: hashData(args.set) }),
        rawTokens(args.where),
      );
    }) as DBAdapter["incrementOne"],
    transaction: (async (callback: Parameters<DBAdapter["transaction"]>[0]) =>
      a.transaction((trx) => callback(wrap(trx)))) as DBAdapter["transaction"],
  };
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (typeof prop === "string" && prop in overrides && typeof Reflect.get(target, prop) === "function")
        return overrides[prop as keyof DBAdapter];
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** better-auth's database adapter factory, with session tokens stored as their hash. */
export function withHashedSessionTokens(
  factory: (options: BetterAuthOptions) => DBAdapter<BetterAuthOptions>,
): (options: BetterAuthOptions) => DBAdapter<BetterAuthOptions> {
  return (options) => wrap(factory(options));
}

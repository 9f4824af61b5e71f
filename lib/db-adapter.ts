// The PostgreSQL driver adapter of every PrismaClient (the app's, the seed's, create-admin's, the tests').
//
// It is PrismaPg with one change: the statements of a transaction run one after another. Inside a
// transaction Prisma sends every statement to the one pg client of that transaction, and a read with
// nested relations (`select: { rules: …, sections: … }`, `include`) fetches the relations at once
// (Promise.all in Prisma's query interpreter). pg queues them, but calling client.query() on a client
// that is already executing one is deprecated and throws from pg 9 ("Calling client.query() when the
// client is already executing a query …"; prisma/orm#29468, #29979, not released). Queuing them here
// sends them in the same order pg did, so nothing else changes. Outside transactions each statement
// takes its own client from the pool and runs concurrently as before.
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from "@prisma/driver-adapter-utils";

/** The methods of a transaction that send a statement. */
const STATEMENTS = new Set<PropertyKey>([
  "queryRaw",
  "executeRaw",
  "commit",
  "rollback",
  "createSavepoint",
  "rollbackToSavepoint",
  "releaseSavepoint",
]);

/** `tx` whose statements wait for the one before them to finish (whether it succeeded or failed). */
export function oneStatementAtATime(tx: Transaction): Transaction {
  let previous: Promise<unknown> = Promise.resolve();
  return new Proxy(tx, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      const method = value.bind(target) as (...args: unknown[]) => Promise<unknown>;
      if (!STATEMENTS.has(prop)) return method;
      return (...args: unknown[]) => {
        const run = previous.then(
          () => method(...args),
          () => method(...args),
        );
        previous = run.catch(() => undefined);
        return run;
      };
    },
  });
}

function withSerialTransactions(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      if (prop === "startTransaction")
        return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) =>
          oneStatementAtATime(await target.startTransaction(...args));
      return value.bind(target);
    },
  });
}

/** `new PrismaPg(pool or config, options)`, its transactions sending one statement at a time. */
export function pgAdapter(...args: ConstructorParameters<typeof PrismaPg>): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPg(...args);
  return new Proxy(factory, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (prop === "connect" || prop === "connectToShadowDb")
        return async () => withSerialTransactions(await target[prop]());
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

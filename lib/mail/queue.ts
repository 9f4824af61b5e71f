// The job queue of the e-mail notices: pg-boss (PostgreSQL, schema "pgboss"). Jobs are rows, so they
// survive restarts; a job is fetched by one worker (FOR UPDATE SKIP LOCKED), so several app instances
// never send one mail twice; a failed job is retried with exponential backoff and, past its limit,
// its notice is marked given up (listed on /quan-tri/thu-gui).
// No "server-only" here: scripts/prepare-mail-queue.ts (run by `npm start` as the tables' owner)
// creates the schema and the queues with the same names and options.
import PgBoss from "pg-boss";

/** One job per notice (`mail_notice.id`). */
export const MAIL_QUEUE = "mail";
/** The scheduled job that finds the deadline reminders due. */
export const REMINDER_QUEUE = "mail-reminders";
/** Every 15 minutes (pg-boss keeps one schedule per name, shared by all instances). */
export const REMINDER_CRON = "*/15 * * * *";
/** 60 s, 2 min, 4 min, … : 8 retries span about 4 hours before a mail is given up. */
export const MAIL_RETRY = { retryLimit: 8, retryDelay: 60, retryBackoff: true } as const;

/** What runs pg-boss's SQL inside the caller's transaction (Prisma's interactive transaction client). */
export type RawExecutor = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };

function executorOf(tx: RawExecutor): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values.map((v) => (v === undefined ? null : v))),
    }),
  };
}

/**
 * Adds one mail job per notice in the caller's transaction: the jobs exist exactly when the notices
 * (and the event that caused them) were committed.
 */
export async function enqueueMailJobs(tx: RawExecutor, noticeIds: readonly number[]): Promise<void> {
  if (noticeIds.length === 0) return;
  // a PgBoss on the transaction's executor opens no pool of its own; insert() needs no start()
  const boss = new PgBoss({ db: executorOf(tx) });
  await boss.insert(noticeIds.map((noticeId) => ({ name: MAIL_QUEUE, data: { noticeId } })));
}

/**
 * Creates (or upgrades) pg-boss's schema, the two queues and the reminder schedule, and lets `appRole`
 * (the web app's least-privileged role) use them. Run as the owner of the database objects.
 */
export async function prepareMailQueue({
  url,
  appRole,
  retry = MAIL_RETRY,
  reminderCron = REMINDER_CRON,
}: {
  url: string;
  appRole?: string;
  retry?: { retryLimit: number; retryDelay: number; retryBackoff: boolean };
  /** the reminder schedule (a test asks for every minute) */
  reminderCron?: string;
}): Promise<void> {
  const boss = new PgBoss({ connectionString: url, max: 2, supervise: false, schedule: false });
  boss.on("error", () => {}); // start() rejects with the same error
  await boss.start();
  try {
    for (const name of [MAIL_QUEUE, REMINDER_QUEUE]) {
      const options = name === MAIL_QUEUE ? retry : { retryLimit: 2, retryDelay: 60, retryBackoff: true };
      if (await boss.getQueue(name)) await boss.updateQueue(name, { name, ...options });
      else await boss.createQueue(name, { name, ...options });
    }
    await boss.schedule(REMINDER_QUEUE, reminderCron, {}, { tz: "Asia/Ho_Chi_Minh" });
    if (appRole) {
      const role = `"${appRole.replaceAll('"', '""')}"`;
      const sql = boss.getDb();
      for (const statement of [
        `GRANT USAGE ON SCHEMA pgboss TO ${role}`,
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${role}`,
        `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${role}`,
      ])
        await sql.executeSql(statement, []);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

import "server-only";
// The worker of the e-mail queue, started in the web process (instrumentation.ts) of every instance:
// pg-boss hands each job to one of them. It sends one notice per job through SMTP; a failure throws,
// so pg-boss retries it with backoff; the last failure marks the notice given up.
import nodemailer from "nodemailer";
import PgBoss from "pg-boss";
import { markFailed, markSent, noticeToSend, queueDeadlineReminders } from "@/lib/data/mail-notices";
import { todayInVietnam } from "@/lib/format/date-time";
import { MAIL_QUEUE, REMINDER_QUEUE } from "./queue";

export type MailWorker = { stop(): Promise<void> };

export async function startMailWorker({
  url,
  smtpUrl,
  from,
  pollingIntervalSeconds = 2,
  cronMonitorIntervalSeconds,
  log = (m: string) => console.log(`[mail] ${m}`),
}: {
  url: string;
  smtpUrl: string;
  from: string;
  pollingIntervalSeconds?: number;
  /** how often pg-boss's clock looks for schedules due (its default, 30 s, unless a test asks for less) */
  cronMonitorIntervalSeconds?: number;
  log?: (message: string) => void;
}): Promise<MailWorker> {
  const transport = nodemailer.createTransport(smtpUrl);
  // migrate: false — the web app's role may not create schemas; `npm start` prepared pg-boss as the owner.
  // The schedule's clock runs here too (pg-boss's default): every instance looks, one sends each run.
  const boss = new PgBoss({
    connectionString: url,
    max: 2,
    migrate: false,
    ...(cronMonitorIntervalSeconds
      ? { cronMonitorIntervalSeconds, cronWorkerIntervalSeconds: cronMonitorIntervalSeconds }
      : {}),
  });
  boss.on("error", (e) => log(`lỗi hàng đợi: ${e.message}`));
  await boss.start();

  await boss.work<{ noticeId: number }>(
    MAIL_QUEUE,
    { batchSize: 1, includeMetadata: true, pollingIntervalSeconds },
    async ([job]) => {
      const notice = await noticeToSend(job.data.noticeId);
      if (!notice) return;
      try {
        await transport.sendMail({ from, to: notice.toAddress, subject: notice.subject, text: notice.body });
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        const final = job.retryCount >= job.retryLimit;
        await markFailed({ id: notice.id, error, final });
        log(`thư ${notice.id} chưa gửi được (lần ${job.retryCount + 1}${final ? ", thôi thử lại" : ""}): ${error}`);
        throw e;
      }
      await markSent(notice.id);
    },
  );
  await boss.work(REMINDER_QUEUE, { pollingIntervalSeconds }, async () => {
    const queued = await queueDeadlineReminders(todayInVietnam());
    if (queued > 0) log(`${queued} thư nhắc hạn đã vào hàng đợi.`);
  });

  return {
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      transport.close();
    },
  };
}

import "server-only";
import { env } from "@/lib/env";
import { mailConfig } from "./config";
import { type MailWorker, startMailWorker } from "./worker";

const globalForMail = globalThis as unknown as { mailWorker?: Promise<MailWorker | null> };

/** Starts this process's mail worker once; a failure is logged and leaves the app serving pages. */
export function startMailInThisProcess(): Promise<MailWorker | null> {
  globalForMail.mailWorker ??= (async () => {
    const config = mailConfig();
    if (!config || !env.DATABASE_URL) return null;
    try {
      const worker = await startMailWorker({ url: env.DATABASE_URL, smtpUrl: config.smtpUrl, from: config.from });
      console.log("[mail] Đã bật gửi thư: hàng đợi pg-boss đang chạy trong tiến trình này.");
      // a graceful stop hands unfinished jobs back to the queue (scripts/server.mjs exits within 5 s)
      for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void worker.stop());
      return worker;
    } catch (e) {
      console.error(`[mail] LỖI: không khởi động được hàng đợi thư: ${e instanceof Error ? e.message : e}`);
      return null;
    }
  })();
  return globalForMail.mailWorker;
}

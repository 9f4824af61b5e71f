// Run by `npm start` (as the owner of the database objects) when e-mail is on: creates or upgrades
// pg-boss's schema "pgboss", its two queues and the reminder schedule, and lets the web app's role
// (MAIL_QUEUE_APP_ROLE) use them. The web app's role itself may not create schemas.
import { prepareMailQueue } from "../lib/mail/queue";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL chưa được đặt.");
  await prepareMailQueue({ url, appRole: process.env.MAIL_QUEUE_APP_ROLE || undefined });
  console.log("[start] Hàng đợi thư (pg-boss) đã sẵn sàng.");
}

main().catch((e) => {
  console.error(`[start] LỖI: không chuẩn bị được hàng đợi thư: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});

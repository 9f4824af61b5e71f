import "server-only";
import { env } from "@/lib/env";

export type MailConfig = { smtpUrl: string; from: string; baseUrl: string };

/**
 * E-mail is on when both SMTP_URL and MAIL_FROM are set; otherwise null: notices stay in the app
 * ("Việc cần làm") and nothing is queued. Links start at AUTH_URL (the public address).
 */
export function mailConfig(): MailConfig | null {
  if (!env.SMTP_URL || !env.MAIL_FROM) return null;
  const baseUrl = (env.AUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, baseUrl };
}

import type { Metadata } from "next";
import { MailOutboxView } from "@/components/admin/mail-outbox-view";
import { requireAccountManagerPage } from "@/lib/auth/access";
import { mailOverview } from "@/lib/data/mail-notices";
import { mailConfig } from "@/lib/mail/config";

export const metadata: Metadata = { title: "Thư gửi đi" };

export default async function MailOutboxPage() {
  await requireAccountManagerPage();
  return <MailOutboxView overview={await mailOverview()} mailOn={mailConfig() !== null} />;
}

import type { Metadata } from "next";
import { AccessLogView } from "@/components/admin/access-log-view";
import { requireAccountManagerPage } from "@/lib/auth/access";
import { listAccessLog } from "@/lib/data/accounts";

export const metadata: Metadata = { title: "Nhật ký truy cập" };

export default async function AccessLogPage() {
  await requireAccountManagerPage();
  return <AccessLogView rows={await listAccessLog()} />;
}

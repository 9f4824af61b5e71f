import type { Metadata } from "next";
import { AccessLogView } from "@/components/admin/access-log-view";
import { requireAccountManagerPage } from "@/lib/auth/access";
import { listAccessLog, listAnonymousRefusals } from "@/lib/data/accounts";
import { accessLogQuerySchema } from "@/lib/validation/admin";

export const metadata: Metadata = { title: "Nhật ký truy cập" };

export default async function AccessLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAccountManagerPage();
  const q = accessLogQuerySchema.parse(await searchParams);
  const filter = { who: q.ai, event: q.su_kien, from: q.tu, to: q.den, page: q.trang };
  const [log, refusals] = await Promise.all([listAccessLog(filter), listAnonymousRefusals(filter)]);
  return <AccessLogView log={log} refusals={refusals} query={q} />;
}

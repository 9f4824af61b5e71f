import type { Metadata } from "next";
import { AccountsView } from "@/components/admin/accounts-view";
import { requireAccountManagerPage } from "@/lib/auth/access";
import { listAccounts, listApiTokens } from "@/lib/data/accounts";

export const metadata: Metadata = { title: "Quản trị tài khoản" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountsPage({ searchParams }: Props) {
  const viewer = await requireAccountManagerPage();
  const [q, accounts, tokens] = await Promise.all([searchParams, listAccounts(), listApiTokens()]);
  const text = (v: unknown) => (typeof v === "string" ? v.slice(0, 300) : undefined);
  return (
    <AccountsView accounts={accounts} tokens={tokens} message={text(q.ok)} error={text(q.loi)} selfId={viewer.userId} />
  );
}

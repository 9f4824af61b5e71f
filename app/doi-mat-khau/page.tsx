import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { getViewer } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Đổi mật khẩu" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChangePasswordPage({ searchParams }: Props) {
  const viewer = await getViewer();
  if (!viewer) redirect("/dang-nhap?next=/doi-mat-khau");
  const q = await searchParams;
  return (
    <ChangePasswordForm
      required={viewer.mustChangePassword}
      error={typeof q.loi === "string" ? q.loi.slice(0, 200) : undefined}
      changed={q["da-doi"] === "1"}
    />
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getViewer } from "@/lib/auth/session";
import { nextPathSchema } from "@/lib/validation/auth";

export const metadata: Metadata = { title: "Đăng nhập" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const MESSAGES: Record<string, string> = {
  sai: "Tên đăng nhập hoặc mật khẩu không đúng.",
  thieu: "Hãy nhập tên đăng nhập và mật khẩu.",
  "ky-tu": "Tên đăng nhập hoặc mật khẩu có ký tự không hợp lệ (ký tự rỗng hoặc ký tự Unicode hỏng).",
};

export default async function SignInPage({ searchParams }: Props) {
  const q = await searchParams;
  const next = nextPathSchema.parse(typeof q.next === "string" ? q.next : "/");
  if (await getViewer()) redirect(next);
  const error = typeof q.loi === "string" ? MESSAGES[q.loi] : undefined;
  return <SignInForm next={next} error={error} signedOut={q["da-dang-xuat"] === "1"} />;
}

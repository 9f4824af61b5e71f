import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { MailChoicesForm } from "@/components/account/mail-choices-form";
import { getViewer } from "@/lib/auth/session";
import { mailSettingsOf } from "@/lib/services/mail-settings";

export const metadata: Metadata = { title: "Tài khoản của tôi" };

export default async function MyAccountPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/dang-nhap?next=/tai-khoan");
  if (viewer.mustChangePassword) redirect("/doi-mat-khau");
  const settings = await mailSettingsOf(viewer.userId);
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold text-brand-800">Tài khoản của tôi</h1>
      <p className="text-sm">
        {viewer.name} ({viewer.username}) ·{" "}
        <Link href="/doi-mat-khau" className="text-brand-700 underline">
          Đổi mật khẩu
        </Link>
      </p>
      <section aria-labelledby="thu-dien-tu" className="space-y-2">
        <h2 id="thu-dien-tu" className="text-lg font-semibold">
          Thư điện tử
        </h2>
        <p className="text-sm text-slate-700">
          {settings.address
            ? `Thư được gửi tới ${settings.address}.`
            : "Tài khoản chưa có địa chỉ thư điện tử: hãy nhờ quản trị viên thêm địa chỉ."}{" "}
          {settings.mailOn
            ? "Những việc cần làm vẫn luôn hiện trong mục “Việc cần làm”, dù bạn tắt thư."
            : "Máy chủ này chưa bật gửi thư: thông báo chỉ hiện trong mục “Việc cần làm”."}
        </p>
        <MailChoicesForm kinds={settings.kinds} receiving={settings.receiving} />
      </section>
    </div>
  );
}

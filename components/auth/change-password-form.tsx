import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

export function ChangePasswordForm({
  required,
  error,
  changed,
}: {
  required: boolean;
  error?: string;
  changed: boolean;
}) {
  return (
    <div className="mx-auto max-w-sm space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold text-brand-800">Đổi mật khẩu</h1>
      {required && (
        <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">
          Mật khẩu của bạn vừa được đặt lại: hãy đổi mật khẩu trước khi tiếp tục.
        </p>
      )}
      {changed && (
        <p role="status" className="rounded bg-green-50 p-2 text-sm text-green-800">
          Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.
        </p>
      )}
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <form method="post" action="/api/auth/password" className="space-y-3">
        <label className="block text-sm font-medium">
          Mật khẩu hiện tại
          <input
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            className="mt-1 block w-full rounded border border-slate-300 px-3 py-2"
          />
        </label>
        <label className="block text-sm font-medium">
          Mật khẩu mới (ít nhất {MIN_PASSWORD_LENGTH} ký tự, không dùng mật khẩu phổ biến)
          <input
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            className="mt-1 block w-full rounded border border-slate-300 px-3 py-2"
          />
        </label>
        <label className="block text-sm font-medium">
          Nhập lại mật khẩu mới
          <input
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            className="mt-1 block w-full rounded border border-slate-300 px-3 py-2"
          />
        </label>
        <button
          type="submit"
          className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          Đổi mật khẩu
        </button>
      </form>
    </div>
  );
}

// A plain HTML form posting to /api/auth/sign-in: works without JavaScript, and the route answers
// with a redirect (or 429 when sign-in is throttled).
export function SignInForm({ next, error, signedOut }: { next: string; error?: string; signedOut: boolean }) {
  return (
    <div className="mx-auto max-w-sm space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <p className="text-sm font-semibold text-slate-700">Quận ủy Long Biên · Thành phố Hà Nội</p>
      <h1 className="text-2xl font-bold text-brand-800">Đăng nhập</h1>
      <p className="text-sm text-slate-700" data-testid="site-purpose">
        Theo dõi thực hiện các Chương trình công tác toàn khóa: cán bộ phường nhập số liệu hằng năm, Đảng ủy phường
        duyệt, cán bộ quận theo dõi và so sánh các phường.
      </p>
      {signedOut && <p className="rounded bg-green-50 p-2 text-sm text-green-800">Bạn đã đăng xuất.</p>}
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <form method="post" action="/api/auth/sign-in" className="space-y-3">
        <input type="hidden" name="next" value={next} />
        <label className="block text-sm font-medium">
          Tên đăng nhập hoặc e-mail
          <input
            name="identifier"
            autoComplete="username"
            required
            maxLength={200}
            className="mt-1 block w-full rounded border border-slate-300 px-3 py-2"
          />
        </label>
        <label className="block text-sm font-medium">
          Mật khẩu
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={128}
            className="mt-1 block w-full rounded border border-slate-300 px-3 py-2"
          />
        </label>
        <button
          type="submit"
          className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          Đăng nhập
        </button>
      </form>
      <p className="text-sm text-slate-700" data-testid="forgot-password">
        <strong>Quên mật khẩu?</strong> Trang này không tự cấp lại mật khẩu: hãy liên hệ người quản trị hệ thống (người
        đã tạo tài khoản cho bạn) để được đặt lại mật khẩu tạm thời, rồi đổi mật khẩu sau khi đăng nhập.
      </p>
    </div>
  );
}

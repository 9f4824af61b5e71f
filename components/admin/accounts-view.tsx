import type { AccountRow, ApiTokenRow } from "@/lib/data/accounts";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { formatDate } from "@/lib/format/vi";

const ROLES = Object.entries(ROLE_LABELS) as [keyof typeof ROLE_LABELS, string][];
const input = "rounded border border-slate-300 px-2 py-1";
const button = "rounded bg-brand-700 px-3 py-1 text-sm font-medium text-white hover:bg-brand-800";

function RoleFields({ id }: { id: string }) {
  return (
    <>
      <label className="text-sm">
        Vai trò{" "}
        <select name="role" className={input} id={`${id}-role`}>
          {ROLES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Đơn vị (mã) <input name="unit" required placeholder="ngoc-thuy" className={input} size={14} />
      </label>
    </>
  );
}

/** The administrator's page: accounts with their roles, and API tokens. Every form posts to /api/admin/…. */
export function AccountsView({
  accounts,
  tokens,
  message,
  error,
  selfId,
}: {
  accounts: AccountRow[];
  tokens: ApiTokenRow[];
  message?: string;
  error?: string;
  selfId: string;
}) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand-800">Quản trị tài khoản</h1>
      {message && (
        <p role="status" className="rounded bg-green-50 p-2 text-sm text-green-800">
          {message}
        </p>
      )}
      {error && (
        <p className="rounded bg-red-50 p-2 text-sm text-red-800" data-testid="admin-error">
          {error}
        </p>
      )}

      <section aria-labelledby="tao-tai-khoan" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="tao-tai-khoan" className="mb-2 text-lg font-semibold">
          Tạo tài khoản
        </h2>
        <form method="post" action="/api/admin/accounts" className="flex flex-wrap items-end gap-3">
          <label className="text-sm">
            Tên đăng nhập <input name="username" required className={input} />
          </label>
          <label className="text-sm">
            Họ và tên <input name="name" required className={input} />
          </label>
          <label className="text-sm">
            E-mail (không bắt buộc) <input name="email" type="email" className={input} />
          </label>
          <label className="text-sm">
            Mật khẩu tạm (ít nhất {MIN_PASSWORD_LENGTH} ký tự){" "}
            <input
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              className={input}
            />
          </label>
          <RoleFields id="new" />
          <button type="submit" className={button}>
            Tạo
          </button>
        </form>
      </section>

      <section aria-labelledby="danh-sach" className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
        <h2 id="danh-sach" className="mb-2 text-lg font-semibold">
          Tài khoản ({accounts.length})
        </h2>
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b">
              <th className="p-2">Tài khoản</th>
              <th className="p-2">Vai trò trên đơn vị</th>
              <th className="p-2">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} className="border-b align-top" data-testid={`account-${a.username}`}>
                <td className="p-2">
                  <span className="font-medium">{a.username}</span>
                  <span className="block text-slate-600">{a.name}</span>
                  {a.disabled && <span className="text-red-700">Đã khóa</span>}
                  {a.mustChangePassword && <span className="block text-amber-800">Phải đổi mật khẩu</span>}
                  {a.isDemo && <span className="block text-slate-500">Tài khoản minh họa</span>}
                </td>
                <td className="p-2">
                  <ul>
                    {a.roles.map((r) => (
                      <li key={r.id} className="flex items-center gap-2">
                        {ROLE_LABELS[r.role]} · {r.unit.name}
                        <form method="post" action={`/api/admin/accounts/${a.id}/roles`}>
                          <input type="hidden" name="op" value="revoke" />
                          <input type="hidden" name="role" value={r.role} />
                          <input type="hidden" name="unit" value={r.unit.slug} />
                          <button type="submit" className="text-red-700 underline">
                            Bỏ
                          </button>
                        </form>
                      </li>
                    ))}
                  </ul>
                  <form
                    method="post"
                    action={`/api/admin/accounts/${a.id}/roles`}
                    className="mt-1 flex flex-wrap items-end gap-2"
                  >
                    <input type="hidden" name="op" value="grant" />
                    <RoleFields id={a.id} />
                    <button type="submit" className={button}>
                      Gán
                    </button>
                  </form>
                </td>
                <td className="space-y-2 p-2">
                  {a.id !== selfId && (
                    <form method="post" action={`/api/admin/accounts/${a.id}/disabled`}>
                      <input type="hidden" name="disabled" value={a.disabled ? "0" : "1"} />
                      <button type="submit" className="underline">
                        {a.disabled ? "Mở khóa" : "Khóa tài khoản"}
                      </button>
                    </form>
                  )}
                  <form
                    method="post"
                    action={`/api/admin/accounts/${a.id}/password`}
                    className="flex flex-wrap items-end gap-2"
                  >
                    <label className="text-sm">
                      Mật khẩu tạm{" "}
                      <input
                        name="password"
                        type="password"
                        autoComplete="new-password"
                        required
                        minLength={MIN_PASSWORD_LENGTH}
                        className={input}
                        size={12}
                      />
                    </label>
                    <button type="submit" className="underline">
                      Đặt lại
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="ma-api" className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
        <h2 id="ma-api" className="mb-2 text-lg font-semibold">
          Mã truy cập API
        </h2>
        <form method="post" action="/api/admin/api-tokens" className="mb-3 flex flex-wrap items-end gap-3">
          <label className="text-sm">
            Tên <input name="name" required className={input} />
          </label>
          <label className="text-sm">
            Đơn vị (mã) <input name="unit" required placeholder="ngoc-thuy" className={input} />
          </label>
          <button type="submit" className={button}>
            Cấp mã
          </button>
        </form>
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b">
              <th className="p-2">Tên</th>
              <th className="p-2">Đơn vị</th>
              <th className="p-2">Cấp bởi, ngày</th>
              <th className="p-2">Dùng lần cuối</th>
              <th className="p-2">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className="border-b">
                <td className="p-2">{t.name}</td>
                <td className="p-2">{t.unit.name}</td>
                <td className="p-2">
                  {t.createdBy}, {formatDate(t.createdAt.slice(0, 10))}
                </td>
                <td className="p-2">{t.lastUsedAt ? formatDate(t.lastUsedAt.slice(0, 10)) : "—"}</td>
                <td className="p-2">
                  {t.revokedAt ? (
                    "Đã thu hồi"
                  ) : (
                    <form method="post" action={`/api/admin/api-tokens/${t.id}/revoke`}>
                      <button type="submit" className="text-red-700 underline">
                        Thu hồi
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

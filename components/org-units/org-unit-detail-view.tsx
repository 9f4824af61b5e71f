import Link from "next/link";
import { UnitCombobox } from "@/components/compare/unit-combobox";
import type { ManagedUnitDetail } from "@/lib/data/org-unit-list";
import { LEVEL_LABELS } from "@/lib/domain/org-units";
import { formatDate, formatNumber } from "@/lib/format/vi";
import { SPLIT_PARTS } from "@/lib/validation/org-units";
import { OrgUnitActionForm } from "./action-form";
import { CarryRolesField, TextField } from "./fields";

const share = (s: string) => s.replace(".", ",");

const SPLIT_LABELS: Record<string, string> = {
  effectiveOn: "Ngày hiệu lực",
  ...Object.fromEntries(
    Array.from({ length: SPLIT_PARTS }, (_, k) => k + 1).flatMap((n) => [
      [`name${n}`, `Tên đầy đủ của đơn vị mới ${n}`],
      [`shortName${n}`, `Tên ngắn của đơn vị mới ${n}`],
      [`slug${n}`, `Mã của đơn vị mới ${n}`],
      [`share${n}`, `Tỉ lệ của đơn vị mới ${n}`],
    ]),
  ),
};

/** One unit: its history (former names, successions, population by year) and the forms that change it. */
export function OrgUnitDetailView({ unit }: { unit: ManagedUnitDetail }) {
  const active = !unit.validTo;
  const lastYear = unit.years.at(-1)?.year ?? new Date().getFullYear();
  const base = { unit: unit.slug, version: unit.version };
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <nav aria-label="Vị trí" className="no-print text-sm text-slate-600">
          <Link href="/quan-tri/don-vi" className="underline">
            Quản trị đơn vị
          </Link>{" "}
          › {unit.name}
        </nav>
        <h1 className="text-2xl font-bold text-brand-800">{unit.name}</h1>
        <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">Cấp</dt>
          <dd>{LEVEL_LABELS[unit.level]}</dd>
          <dt className="font-medium">Mã</dt>
          <dd>{unit.slug}</dd>
          <dt className="font-medium">Thuộc</dt>
          <dd>{unit.parentName ?? "— (cấp cao nhất)"}</dd>
          <dt className="font-medium">Hoạt động</dt>
          <dd>
            từ {formatDate(unit.validFrom)}
            {unit.validTo ? ` đến ${formatDate(unit.validTo)}` : " đến nay"}
          </dd>
          <dt className="font-medium">Tài khoản có vai trò</dt>
          <dd>{formatNumber(String(unit.roles))}</dd>
        </dl>
      </header>

      <section aria-labelledby="lich-su" className="space-y-2">
        <h2 id="lich-su" className="text-xl font-semibold">
          Lịch sử
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {unit.formerNames.map((f) => (
            <li key={f.validTo}>
              Tên cũ “{f.name}” ({f.shortName}) dùng đến {formatDate(f.validTo)}
            </li>
          ))}
          {unit.predecessors.map((p) => (
            <li key={p.slug}>
              Hình thành từ{" "}
              <Link href={`/quan-tri/don-vi/${p.slug}`} className="underline">
                {p.shortName}
              </Link>{" "}
              từ ngày {formatDate(p.effectiveOn)}
              {p.share !== "1" ? ` (tỉ lệ ${share(p.share)})` : ""}
            </li>
          ))}
          {unit.successors.map((s) => (
            <li key={s.slug}>
              Từ ngày {formatDate(s.effectiveOn)} thành (một phần của){" "}
              <Link href={`/quan-tri/don-vi/${s.slug}`} className="underline">
                {s.shortName}
              </Link>
              {s.share !== "1" ? ` (tỉ lệ ${share(s.share)})` : ""}
            </li>
          ))}
          {unit.formerSlugs.map((f) => (
            <li key={f.slug}>
              Mã cũ “{f.slug}” dùng đến {formatDate(f.validTo)} (địa chỉ cũ tự chuyển sang mã mới)
            </li>
          ))}
          {unit.formerParents.map((f) => (
            <li key={f.validTo}>
              Thuộc {f.name ?? "cấp cao nhất"} đến {formatDate(f.validTo)}
            </li>
          ))}
          {unit.formerNames.length +
            unit.formerSlugs.length +
            unit.formerParents.length +
            unit.predecessors.length +
            unit.successors.length ===
            0 && <li>Chưa đổi tên, chuyển đơn vị cấp trên, sáp nhập hay chia tách.</li>}
        </ul>
      </section>

      <section aria-labelledby="dan-so" className="space-y-3">
        <h2 id="dan-so" className="text-xl font-semibold">
          Dân số và số hộ theo năm
        </h2>
        {unit.years.length === 0 ? (
          <p className="text-sm">Chưa có số liệu dân số.</p>
        ) : (
          <table className="text-sm">
            <thead>
              <tr>
                <th scope="col" className="px-2 text-left">
                  Năm
                </th>
                <th scope="col" className="px-2 text-right">
                  Dân số
                </th>
                <th scope="col" className="px-2 text-right">
                  Số hộ
                </th>
              </tr>
            </thead>
            <tbody>
              {unit.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row" className="px-2 text-left font-normal">
                    {y.year}
                  </th>
                  <td className="px-2 text-right">
                    {y.population === null ? "—" : formatNumber(String(y.population))}
                  </td>
                  <td className="px-2 text-right">
                    {y.households === null ? "—" : formatNumber(String(y.households))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <OrgUnitActionForm
          action="year"
          title="Ghi dân số và số hộ của một năm"
          submit="Lưu dân số"
          labels={{ year: "Năm", population: "Dân số", households: "Số hộ" }}
          hidden={{ unit: unit.slug, version: unit.years.find((y) => y.year === lastYear)?.version ?? 0 }}
        >
          <TextField
            form="dan-so"
            name="year"
            label="Năm"
            type="number"
            defaultValue={lastYear}
            hint="Ghi lại một năm đã có: tải lại trang trước để có phiên bản mới nhất."
          />
          <TextField form="dan-so" name="population" label="Dân số (người)" required={false} inputMode="numeric" />
          <TextField form="dan-so" name="households" label="Số hộ" required={false} inputMode="numeric" />
        </OrgUnitActionForm>
      </section>

      {/* always mounted, so that the answer of a retirement or split stays shown; an ended unit is refused */}
      <section aria-labelledby="thay-doi" className="space-y-3">
        <h2 id="thay-doi" className="text-xl font-semibold">
          Thay đổi
        </h2>
        {!active && (
          <p className="text-sm">
            Đơn vị đã thôi hoạt động (ngày cuối: {formatDate(unit.validTo!)}): không đổi tên, chia tách được nữa.
          </p>
        )}
        <OrgUnitActionForm
          action="rename"
          title="Đổi tên"
          submit="Đổi tên"
          labels={{ name: "Tên mới", shortName: "Tên ngắn mới", slug: "Mã mới", effectiveOn: "Ngày hiệu lực" }}
          hidden={base}
        >
          <TextField form="doi-ten" name="name" label="Tên mới" defaultValue={unit.name} />
          <TextField form="doi-ten" name="shortName" label="Tên ngắn mới" defaultValue={unit.shortName} />
          <TextField
            form="doi-ten"
            name="slug"
            label="Mã mới (để trống: giữ mã)"
            required={false}
            hint="Địa chỉ có mã cũ sẽ tự chuyển sang mã mới."
          />
          <TextField form="doi-ten" name="effectiveOn" label="Ngày tên mới có hiệu lực" type="date" />
        </OrgUnitActionForm>
        {unit.level !== "CITY" && (unit.parentChoices.length > 0 || unit.searchParentsUnder) && (
          <OrgUnitActionForm
            action="move"
            title="Chuyển sang đơn vị cấp trên khác"
            submit="Chuyển đơn vị"
            labels={{ parent: "Đơn vị cấp trên mới", effectiveOn: "Ngày hiệu lực" }}
            hidden={base}
          >
            <div>
              <label htmlFor="chuyen-parent" className="block text-sm font-medium">
                Đơn vị cấp trên mới
              </label>
              <p id="chuyen-parent-hint" className="text-xs text-slate-600">
                Gõ tên để tìm; chỉ chuyển được vào đơn vị đang hoạt động.
              </p>
              <div className="mt-1">
                <UnitCombobox
                  id="chuyen-parent"
                  name="parent"
                  value={null}
                  placeholder="Tìm đơn vị cấp trên…"
                  submitOnChoose={false}
                  {...(unit.searchParentsUnder
                    ? { parentSlug: unit.searchParentsUnder }
                    : { options: unit.parentChoices })}
                />
              </div>
            </div>
            <TextField
              form="chuyen"
              name="effectiveOn"
              label="Ngày chuyển có hiệu lực"
              type="date"
              hint="Đơn vị cấp trên cũ được giữ trong lịch sử; quyền xem theo đơn vị cấp trên mới."
            />
          </OrgUnitActionForm>
        )}
        <OrgUnitActionForm
          action="retire"
          title="Thôi hoạt động"
          submit="Cho thôi hoạt động"
          labels={{ lastDay: "Ngày cuối" }}
          hidden={base}
        >
          <TextField
            form="thoi"
            name="lastDay"
            label="Ngày cuối cùng hoạt động"
            type="date"
            hint="Số liệu các năm trước vẫn giữ và xem được."
          />
        </OrgUnitActionForm>
        {unit.level !== "CITY" && (
          <OrgUnitActionForm
            action="split"
            title="Chia tách"
            submit="Chia tách"
            labels={SPLIT_LABELS}
            hidden={{ unit: unit.slug, note: "" }}
          >
            <TextField form="tach" name="effectiveOn" label="Ngày hiệu lực" type="date" />
            <CarryRolesField form="tach" />
            {Array.from({ length: SPLIT_PARTS }, (_, k) => k + 1).map((n) => (
              <fieldset key={n} className="grid gap-2 rounded border border-slate-200 p-2 sm:col-span-2 sm:grid-cols-4">
                <legend className="text-sm font-medium">
                  Đơn vị mới {n}
                  {n > 2 ? " (không bắt buộc)" : ""}
                </legend>
                <TextField form={`tach-${n}`} name={`name${n}`} label="Tên đầy đủ" required={false} />
                <TextField form={`tach-${n}`} name={`shortName${n}`} label="Tên ngắn" required={false} />
                <TextField form={`tach-${n}`} name={`slug${n}`} label="Mã" required={false} />
                <TextField
                  form={`tach-${n}`}
                  name={`share${n}`}
                  label="Tỉ lệ (0–1)"
                  required={false}
                  inputMode="decimal"
                  hint="Ví dụ 0,5"
                />
              </fieldset>
            ))}
          </OrgUnitActionForm>
        )}
      </section>
    </article>
  );
}

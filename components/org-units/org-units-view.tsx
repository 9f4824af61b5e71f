import Link from "next/link";
import type { ManagedUnit } from "@/lib/data/org-unit-list";
import { LEVEL_LABELS, childLevels } from "@/lib/domain/org-units";
import { formatDate } from "@/lib/format/vi";
import { OrgUnitActionForm } from "./action-form";
import { CarryRolesField, TextField } from "./fields";
import { MergePredecessors } from "./merge-predecessors";

const UNIT_LABELS = {
  parent: "Đơn vị cấp trên",
  level: "Cấp",
  slug: "Mã",
  name: "Tên đầy đủ",
  shortName: "Tên ngắn",
  validFrom: "Ngày bắt đầu",
  predecessors: "Các đơn vị sáp nhập",
  effectiveOn: "Ngày hiệu lực",
  note: "Ghi chú",
};

/** The units a person manages, as a tree; forms to add a unit and to merge units. */
export function OrgUnitsView({ units, mayAddCity }: { units: ManagedUnit[]; mayAddCity: boolean }) {
  const bySlug = new Map(units.map((u) => [u.slug, u]));
  const children = (slug: string | null) =>
    units.filter((u) => (slug === null ? !u.parentSlug || !bySlug.has(u.parentSlug) : u.parentSlug === slug));
  const active = units.filter((u) => !u.validTo);
  // a unit that has since ended may still receive units for its years (the server checks the date)
  const parents = units.filter((u) => childLevels(u.level).length > 0);
  const mergeable = active.filter((u) => u.level === "WARD" || u.level === "RESIDENTIAL_GROUP");
  const tree = (list: ManagedUnit[]) => (
    <ul className="space-y-1 border-l border-slate-200 pl-4">
      {list.map((u) => (
        <li key={u.slug} data-unit={u.slug}>
          <Link href={`/quan-tri/don-vi/${u.slug}`} className="font-medium underline">
            {u.name}
          </Link>{" "}
          <span className="text-sm text-slate-600">
            · {LEVEL_LABELS[u.level]} · từ {formatDate(u.validFrom)}
            {u.validTo ? ` đến ${formatDate(u.validTo)} (đã thôi hoạt động)` : ""}
          </span>
          {children(u.slug).length > 0 && tree(children(u.slug))}
        </li>
      ))}
    </ul>
  );
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-brand-800">Quản trị đơn vị</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          Thêm, đổi tên, cho thôi hoạt động, sáp nhập và chia tách thành phố, quận, phường và tổ dân phố. Đơn vị không
          bị xóa: đơn vị cũ giữ số liệu của các năm nó hoạt động; mọi thay đổi được ghi nhật ký.
        </p>
      </header>
      <section aria-labelledby="cay-don-vi" className="space-y-2">
        <h2 id="cay-don-vi" className="text-xl font-semibold">
          Các đơn vị bạn quản trị
        </h2>
        {units.length === 0 ? <p>Chưa có đơn vị nào.</p> : tree(children(null))}
      </section>
      <section aria-labelledby="them-don-vi" className="space-y-3">
        <h2 id="them-don-vi" className="text-xl font-semibold">
          Thêm đơn vị
        </h2>
        <OrgUnitActionForm action="create" title="Thêm đơn vị" submit="Thêm đơn vị" labels={UNIT_LABELS} hidden={{}}>
          <div>
            <label htmlFor="them-parent" className="block text-sm font-medium">
              Đơn vị cấp trên
            </label>
            <select
              id="them-parent"
              name="parent"
              className="mt-1 w-full rounded border border-slate-400 bg-white px-2 py-1"
            >
              {mayAddCity && <option value="">— Không có (thành phố cấp cao nhất)</option>}
              {parents.map((u) => (
                <option key={u.slug} value={u.slug}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="them-level" className="block text-sm font-medium">
              Cấp
            </label>
            <select
              id="them-level"
              name="level"
              className="mt-1 w-full rounded border border-slate-400 bg-white px-2 py-1"
            >
              {(["CITY", "DISTRICT", "WARD", "RESIDENTIAL_GROUP"] as const).map((l) => (
                <option key={l} value={l}>
                  {LEVEL_LABELS[l]}
                </option>
              ))}
            </select>
          </div>
          <TextField form="them" name="name" label="Tên đầy đủ" hint="Ví dụ: Phường Ngọc Thụy" />
          <TextField form="them" name="shortName" label="Tên ngắn" hint="Ví dụ: Ngọc Thụy" />
          <TextField
            form="them"
            name="slug"
            label="Mã"
            hint="Dùng trong địa chỉ trang: chữ thường không dấu, chữ số, dấu gạch ngang (ví dụ ngoc-thuy)."
          />
          <TextField form="them" name="validFrom" label="Ngày bắt đầu hoạt động" type="date" />
        </OrgUnitActionForm>
      </section>
      {/* always mounted: the answer of a merge stays shown after the page refreshes */}
      <section aria-labelledby="sap-nhap" className="space-y-3">
        <h2 id="sap-nhap" className="text-xl font-semibold">
          Sáp nhập đơn vị
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">
          Các đơn vị được chọn thôi hoạt động từ ngày trước ngày hiệu lực; đơn vị mới kế thừa: bảng theo dõi của nó cộng
          số liệu các năm trước của các đơn vị cũ với chỉ tiêu cộng được, và nêu riêng từng đơn vị cũ với tỉ lệ,
          có/không.
        </p>
        <OrgUnitActionForm
          action="merge"
          title="Sáp nhập đơn vị"
          submit="Sáp nhập"
          labels={{ ...UNIT_LABELS, slug: "Mã đơn vị mới", name: "Tên đơn vị mới" }}
          hidden={{ note: "" }}
        >
          <MergePredecessors units={mergeable.map((u) => ({ slug: u.slug, name: u.name }))} />
          <div>
            <label htmlFor="gop-parent" className="block text-sm font-medium">
              Đơn vị mới thuộc
            </label>
            <select
              id="gop-parent"
              name="parent"
              className="mt-1 w-full rounded border border-slate-400 bg-white px-2 py-1"
            >
              {parents.map((u) => (
                <option key={u.slug} value={u.slug}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <TextField form="gop" name="effectiveOn" label="Ngày hiệu lực" type="date" />
          <TextField form="gop" name="name" label="Tên đơn vị mới" />
          <TextField form="gop" name="shortName" label="Tên ngắn của đơn vị mới" />
          <TextField form="gop" name="slug" label="Mã đơn vị mới" />
          <CarryRolesField form="gop" />
        </OrgUnitActionForm>
      </section>
    </article>
  );
}

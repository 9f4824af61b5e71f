"use client";
import { useId } from "react";
import { deleteIndicatorAction, moveIndicatorAction, saveIndicator } from "@/lib/actions/catalogue";
import type { EditableIndicator } from "@/lib/data/catalogue";
import { AGGREGATION_LABEL, DIRECTION_LABEL, LEVEL_LABEL, VALUE_TYPE_LABEL } from "@/lib/format/labels";
import { ActionForm } from "./action-form";

const input = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1";
const small = "rounded border border-slate-400 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-60";

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: Record<string, string>;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={input}>
        {Object.entries(options).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One indicator of the catalogue: move up/down, edit (details), delete. */
export function IndicatorEditor({ indicator: i, unit }: { indicator: EditableIndicator; unit: string }) {
  const id = useId();
  const ref = (
    <>
      <input type="hidden" name="unit" value={unit} />
      <input type="hidden" name="id" value={i.id} />
      <input type="hidden" name="version" value={i.version} />
    </>
  );
  return (
    <li className={`rounded border border-slate-200 bg-white p-2 ${i.isSubRow ? "ml-6" : ""}`} data-indicator={i.code}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{i.name}</span>
        <span className="text-sm text-slate-600">
          ({i.unit}; {VALUE_TYPE_LABEL[i.valueType]}; {AGGREGATION_LABEL[i.aggregation]}
          {i.headline ? "; thẻ chính" : ""}) · mã <code>{i.code}</code>
        </span>
        <span className="ml-auto flex gap-1">
          <ActionForm
            action={moveIndicatorAction}
            label={`Đưa “${i.name}” lên`}
            submit="↑"
            buttonClassName={small}
            pendingLabel="…"
          >
            {ref}
            <input type="hidden" name="direction" value="up" />
          </ActionForm>
          <ActionForm
            action={moveIndicatorAction}
            label={`Đưa “${i.name}” xuống`}
            submit="↓"
            buttonClassName={small}
            pendingLabel="…"
          >
            {ref}
            <input type="hidden" name="direction" value="down" />
          </ActionForm>
        </span>
      </div>
      <details className="mt-1">
        <summary className="cursor-pointer text-sm text-brand-700">Sửa chỉ tiêu “{i.name}”</summary>
        <ActionForm
          action={saveIndicator}
          label={`Sửa chỉ tiêu ${i.name}`}
          submit="Lưu chỉ tiêu"
          className="mt-2 grid gap-2 sm:grid-cols-2"
        >
          {ref}
          <div className="sm:col-span-2">
            <label htmlFor={`${id}-name`} className="block text-sm font-medium">
              Tên chỉ tiêu
            </label>
            <input id={`${id}-name`} name="name" defaultValue={i.name} required className={input} />
          </div>
          <div>
            <label htmlFor={`${id}-unit`} className="block text-sm font-medium">
              Đơn vị tính
            </label>
            <input id={`${id}-unit`} name="unitLabel" defaultValue={i.unit} required className={input} />
          </div>
          <Select name="valueType" label="Kiểu giá trị" value={i.valueType} options={VALUE_TYPE_LABEL} />
          <Select
            name="aggregation"
            label="Cách tổng hợp cả nhiệm kỳ"
            value={i.aggregation}
            options={AGGREGATION_LABEL}
          />
          <Select name="direction" label="Chiều đánh giá" value={i.direction} options={DIRECTION_LABEL} />
          <Select
            name="collectionLevel"
            label="Cấp thu thập"
            value={i.collectionLevel}
            options={{ WARD: LEVEL_LABEL.WARD, RESIDENTIAL_GROUP: LEVEL_LABEL.RESIDENTIAL_GROUP }}
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="wardFromGroups" defaultChecked={i.wardFromGroups} /> Số của phường tính từ các
            tổ
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="headline" defaultChecked={i.headline} /> Thẻ chính trên bảng điều khiển
          </label>
          <div className="sm:col-span-2">
            <label htmlFor={`${id}-cat`} className="block text-sm font-medium">
              Nhãn phân loại (mỗi dòng một khoa=gia_tri)
            </label>
            <textarea
              id={`${id}-cat`}
              name="categories"
              rows={2}
              defaultValue={Object.entries(i.categories)
                .map(([k, v]) => `${k}=${v}`)
                .join("\n")}
              className={input}
            />
          </div>
          <div className="sm:col-span-2">
            <label htmlFor={`${id}-desc`} className="block text-sm font-medium">
              Mô tả
            </label>
            <textarea
              id={`${id}-desc`}
              name="description"
              rows={2}
              defaultValue={i.description ?? ""}
              className={input}
            />
          </div>
          {i.hasValues && (
            <p className="text-sm text-amber-900 sm:col-span-2">
              Chỉ tiêu đã có số liệu: không đổi được đơn vị tính, kiểu giá trị và cách tổng hợp.
            </p>
          )}
        </ActionForm>
        <ActionForm
          action={deleteIndicatorAction}
          label={`Xóa chỉ tiêu ${i.name}`}
          submit="Xóa chỉ tiêu"
          pendingLabel="Đang xóa…"
          confirm={`Xóa chỉ tiêu “${i.name}”?`}
          className="mt-2"
          buttonClassName="rounded border border-red-700 px-3 py-1 text-sm text-red-800 hover:bg-red-50"
        >
          {ref}
        </ActionForm>
      </details>
    </li>
  );
}

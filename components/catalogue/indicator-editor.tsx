"use client";
import { deleteIndicatorAction, moveIndicatorAction, saveIndicator } from "@/lib/actions/catalogue";
import type { EditableIndicator } from "@/lib/data/catalogue";
import { AGGREGATION_LABEL, VALUE_TYPE_LABEL } from "@/lib/format/labels";
import { ActionForm } from "./action-form";
import { IndicatorFields } from "./indicator-fields";

const small = "rounded border border-slate-400 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-60";

/** One indicator of the catalogue: move up/down, edit (details), delete. */
export function IndicatorEditor({ indicator: i, unit }: { indicator: EditableIndicator; unit: string }) {
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
          <IndicatorFields value={i} />
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

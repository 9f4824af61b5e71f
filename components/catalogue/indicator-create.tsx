"use client";
import { useId } from "react";
import { createIndicatorAction } from "@/lib/actions/catalogue";
import { ActionForm } from "./action-form";
import { IndicatorFields, NEW_INDICATOR, input } from "./indicator-fields";

/**
 * Thêm chỉ tiêu into a section: its code, optionally the indicator it is a category sub-row of (and
 * whether the sub-rows together may not exceed it), then the same fields as Sửa chỉ tiêu.
 */
export function IndicatorCreate({
  unit,
  section,
  parents,
}: {
  unit: string;
  section: { id: number; name: string };
  /** the programme's main indicators (not sub-rows): the possible parents */
  parents: { code: string; name: string }[];
}) {
  const id = useId();
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-sm text-brand-700">Thêm chỉ tiêu vào mục “{section.name}”</summary>
      <ActionForm
        action={createIndicatorAction}
        label={`Thêm chỉ tiêu vào mục ${section.name}`}
        submit="Thêm chỉ tiêu"
        className="mt-2 grid gap-2 sm:grid-cols-2"
      >
        <input type="hidden" name="unit" value={unit} />
        <input type="hidden" name="section" value={section.id} />
        <div>
          <label htmlFor={`${id}-code`} className="block text-sm font-medium">
            Mã chỉ tiêu (dùng trong địa chỉ và tệp nhập, không đổi về sau)
          </label>
          <input id={`${id}-code`} name="code" placeholder="ty-le-ho-so-truc-tuyen" required className={input} />
        </div>
        <div>
          <label htmlFor={`${id}-parent`} className="block text-sm font-medium">
            Là dòng phân loại của
          </label>
          <select id={`${id}-parent`} name="parent" defaultValue="" className={input}>
            <option value="">(Chỉ tiêu chính)</option>
            {parents.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="subRowsAtMostParent" /> Các dòng phân loại cộng lại không vượt quá chỉ tiêu cha
          (kiểm tra khi nhập)
        </label>
        <IndicatorFields value={NEW_INDICATOR} />
      </ActionForm>
    </details>
  );
}

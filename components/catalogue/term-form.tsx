"use client";
import { useId } from "react";
import { createTermAction } from "@/lib/actions/catalogue";
import { ActionForm } from "./action-form";

const input = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1";

/** Tạo nhiệm kỳ: its years, empty or with a copy of an earlier term's programmes of the chosen unit. */
export function TermForm({
  units,
  terms,
}: {
  units: { slug: string; name: string }[];
  terms: { slug: string; name: string }[];
}) {
  const id = useId();
  return (
    <ActionForm
      action={createTermAction}
      label="Tạo nhiệm kỳ"
      submit="Tạo nhiệm kỳ"
      pendingLabel="Đang tạo…"
      className="grid items-end gap-3 sm:grid-cols-5"
    >
      <div>
        <label htmlFor={`${id}-unit`} className="block text-sm font-medium">
          Đơn vị ban hành
        </label>
        <select id={`${id}-unit`} name="unit" className={input}>
          {units.map((u) => (
            <option key={u.slug} value={u.slug}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-start`} className="block text-sm font-medium">
          Năm đầu
        </label>
        <input id={`${id}-start`} name="startYear" inputMode="numeric" required className={input} />
      </div>
      <div>
        <label htmlFor={`${id}-end`} className="block text-sm font-medium">
          Năm cuối
        </label>
        <input id={`${id}-end`} name="endYear" inputMode="numeric" required className={input} />
      </div>
      <div>
        <label htmlFor={`${id}-copy`} className="block text-sm font-medium">
          Sao chép chương trình từ
        </label>
        <select id={`${id}-copy`} name="copyFrom" className={input} defaultValue={terms[0]?.slug ?? ""}>
          <option value="">(Bắt đầu trống)</option>
          {terms.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-name`} className="block text-sm font-medium">
          Tên (không bắt buộc)
        </label>
        <input id={`${id}-name`} name="name" placeholder="Nhiệm kỳ 2025–2030" className={input} />
      </div>
    </ActionForm>
  );
}

"use client";
import { useId } from "react";
import type { IndicatorDefinition } from "@/lib/domain/indicator-definition";
import { AGGREGATION_LABEL, DIRECTION_LABEL, LEVEL_LABEL, VALUE_TYPE_LABEL } from "@/lib/format/labels";

export const input = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1";

export function Select({
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

export type IndicatorFieldValues = IndicatorDefinition;

export const NEW_INDICATOR: IndicatorFieldValues = {
  name: "",
  unit: "",
  valueType: "COUNT",
  aggregation: "SUM",
  direction: "HIGHER_IS_BETTER",
  collectionLevel: "WARD",
  wardFromGroups: false,
  headline: false,
  categories: {},
  description: null,
};

/**
 * What an indicator is, as the edit and the create form both ask it (their actions parse it with one
 * schema, lib/validation/catalogue.ts, cross-field rules included).
 */
export function IndicatorFields({ value: i }: { value: IndicatorFieldValues }) {
  const id = useId();
  return (
    <>
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
      <Select name="aggregation" label="Cách tổng hợp cả nhiệm kỳ" value={i.aggregation} options={AGGREGATION_LABEL} />
      <Select name="direction" label="Chiều đánh giá" value={i.direction} options={DIRECTION_LABEL} />
      <Select
        name="collectionLevel"
        label="Cấp thu thập"
        value={i.collectionLevel}
        options={{ WARD: LEVEL_LABEL.WARD, RESIDENTIAL_GROUP: LEVEL_LABEL.RESIDENTIAL_GROUP }}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="wardFromGroups" defaultChecked={i.wardFromGroups} /> Số của phường tính từ các tổ
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
        <textarea id={`${id}-desc`} name="description" rows={2} defaultValue={i.description ?? ""} className={input} />
      </div>
    </>
  );
}

import Form from "next/form";
import { AutoSubmit } from "./auto-submit";

export const selectClass =
  "mt-1 block w-full min-w-0 rounded border border-slate-400 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2";

/** A labelled field of a selection form. */
export function Field({
  label,
  htmlFor,
  children,
  wide = false,
  long = false,
}: {
  label: string;
  htmlFor: string;
  children: React.ReactNode;
  wide?: boolean;
  /** A picker of long names (indicators): the rest of the first row, so that no name is cut. */
  long?: boolean;
}) {
  return (
    <div className={`min-w-0 ${wide || long ? "sm:col-span-2" : ""} ${long ? "lg:col-span-4" : ""}`}>
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * A GET form whose fields become the URL's parameters: it works without JavaScript (button "Xem");
 * with JavaScript it navigates as soon as a choice changes, without reloading the page. `stateKey`
 * (the current view) re-mounts the fields when the view changes, so they always show it.
 */
export function SelectionForm({
  id,
  action,
  label,
  stateKey,
  children,
}: {
  id: string;
  action: string;
  label: string;
  stateKey: string;
  children: React.ReactNode;
}) {
  return (
    <Form
      key={stateKey}
      id={id}
      action={action}
      scroll={false}
      aria-label={label}
      className="no-print grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 sm:p-4 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end"
    >
      {children}
      <div className="flex items-end">
        <button
          type="submit"
          className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline-2"
        >
          Xem
        </button>
      </div>
      <p className="text-xs text-slate-600 sm:col-span-2 lg:col-span-5">
        Biểu đồ và bảng cập nhật ngay khi thay đổi lựa chọn (hoặc bấm “Xem”). Địa chỉ trang ghi lại lựa chọn, có thể gửi
        cho người khác.
      </p>
      <AutoSubmit formId={id} />
    </Form>
  );
}

/** "Kỳ số liệu": the whole term or one of its years. */
export function PeriodField({
  id,
  value,
  term,
  years,
}: {
  id: string;
  value: string;
  term: { startYear: number; endYear: number };
  years: number[];
}) {
  return (
    <Field label="Kỳ số liệu" htmlFor={id}>
      <select id={id} name="period" defaultValue={value} className={selectClass}>
        <option value="term">
          Cả nhiệm kỳ {term.startYear}–{term.endYear}
        </option>
        {years.map((y) => (
          <option key={y} value={String(y)}>
            Năm {y}
          </option>
        ))}
      </select>
    </Field>
  );
}

import type { ResidentialGroupsView } from "@/lib/data/residential-groups";

const control = "rounded border border-slate-400 bg-white px-2 py-1.5 text-sm text-slate-900";

/** Indicator and year as a plain GET form: the view lives in the URL and works without JavaScript. */
export function IndicatorForm({ view, termQuery }: { view: ResidentialGroupsView; termQuery: string | null }) {
  const { ward, indicators, indicator, years, year } = view;
  return (
    <form
      method="get"
      action={`/${ward.slug}/to-dan-pho`}
      className="no-print flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      aria-label="Chọn chỉ tiêu và năm"
    >
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="rg-indicator" className="text-xs font-medium text-slate-700">
          Chỉ tiêu theo tổ dân phố
        </label>
        <select id="rg-indicator" name="indicator" defaultValue={indicator.code} className={`${control} max-w-full`}>
          {indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {i.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="rg-year" className="text-xs font-medium text-slate-700">
          Năm
        </label>
        <select id="rg-year" name="year" defaultValue={year ?? undefined} className={control}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {termQuery && <input type="hidden" name="term" value={termQuery} />}
      <button
        type="submit"
        className="rounded bg-blue-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-900"
      >
        Xem
      </button>
    </form>
  );
}

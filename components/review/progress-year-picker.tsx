import type { DistrictProgress } from "@/lib/data/review";

/**
 * The year of the term to show (a GET form: the year is in the URL). The search over the wards' names
 * (`q`) is kept; the page is not (another year may have another number of pages), so it starts again
 * at the first.
 */
export function ProgressYearPicker({
  districtSlug,
  year,
  term,
  q,
}: {
  districtSlug: string;
  year: number;
  term: DistrictProgress["term"];
  /** the search of the list shown, if any */
  q?: string;
}) {
  const years = Array.from({ length: term.endYear - term.startYear + 1 }, (_, i) => term.startYear + i);
  return (
    <form method="get" className="no-print flex flex-wrap items-end gap-2 text-sm">
      <input type="hidden" name="district" value={districtSlug} />
      {q ? <input type="hidden" name="q" value={q} /> : null}
      <label className="font-medium">
        Năm{" "}
        <select name="year" defaultValue={year} className="rounded border border-slate-400 bg-white px-2 py-1">
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1 hover:bg-slate-100">
        Xem
      </button>
    </form>
  );
}

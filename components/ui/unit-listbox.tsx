"use client";
// The list half of the unit pickers (components/compare/unit-combobox.tsx chooses one unit,
// components/catalogue/unit-multi-select.tsx several; both the ARIA combobox pattern): the units
// found for what was typed, the active one (↑/↓), how many matched (said to screen readers), and
// the listbox they are shown in. Each picker keeps its own field, choice and keys.
import { useCallback, useState } from "react";

export type UnitOption = { slug: string; name: string };

/** How many units a search shows (the APIs' `limit`). */
export const UNIT_SEARCH_LIMIT = 20;

type Found = { data: UnitOption[]; total: number };

/** The units found by one picker's search, the active one, and the search's error. */
export function useUnitOptions() {
  const [found, setFound] = useState<Found>({ data: [], total: 0 });
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);

  const show = useCallback((f: Found) => {
    setFound(f);
    setActive(f.data.length > 0 ? 0 : -1);
    setError(null);
  }, []);

  /** Searches `url` 150 ms after the last change (an effect's body: returns its cleanup). */
  const search = useCallback(
    <T extends UnitOption>(url: string, toOption: (u: T) => UnitOption) => {
      const ctrl = new AbortController();
      const timer = setTimeout(async () => {
        try {
          const res = await fetch(url, { signal: ctrl.signal, headers: { accept: "application/json" } });
          const body = (await res.json()) as { data?: T[]; total?: number; error?: { message: string } };
          if (!res.ok || !body.data) throw new Error(body.error?.message ?? "Không tải được danh sách.");
          show({ data: body.data.map(toOption), total: body.total ?? body.data.length });
        } catch (e) {
          if (ctrl.signal.aborted) return;
          setFound({ data: [], total: 0 });
          setError(e instanceof Error ? e.message : "Không tải được danh sách.");
        }
      }, 150);
      return () => {
        clearTimeout(timer);
        ctrl.abort();
      };
    },
    [show],
  );

  /** ↑/↓: the next or previous unit, round the list. */
  const move = (down: boolean) => {
    const n = found.data.length;
    if (n > 0) setActive((a) => (down ? (a + 1) % n : (a - 1 + n) % n));
  };

  /** What screen readers are told of the list: the error, or how many units matched. */
  const status = (open: boolean) =>
    error
      ? error
      : open
        ? found.data.length === 0
          ? "Không có đơn vị nào khớp."
          : `${found.total} đơn vị khớp${found.total > found.data.length ? `, hiện ${found.data.length} đầu tiên` : ""}.`
        : "";

  return { options: found.data, active, setActive, error, show, search, move, status };
}

/**
 * The listbox of a unit picker, its live region (`said`) and its error. With `chosen` the list
 * allows several (each chosen unit marked ✓); else the active option is the selected one.
 */
export function UnitListbox({
  listId,
  label,
  open,
  units,
  onChoose,
  chosen,
  said,
}: {
  listId: string;
  label: string;
  open: boolean;
  units: Pick<ReturnType<typeof useUnitOptions>, "options" | "active" | "setActive" | "error">;
  onChoose: (o: UnitOption) => void;
  chosen?: (o: UnitOption) => boolean;
  said: string;
}) {
  const { options, active, setActive, error } = units;
  return (
    <>
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        aria-multiselectable={chosen ? "true" : undefined}
        hidden={!open || options.length === 0}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-slate-300 bg-white py-1 text-sm shadow-lg"
      >
        {options.map((o, i) => {
          const selected = chosen ? chosen(o) : i === active;
          return (
            <li
              key={o.slug}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={selected}
              className={`cursor-pointer px-2 py-1.5 ${i === active ? "bg-brand-50 text-brand-900" : "text-slate-900"}`}
              // a click lands before the field's blur closes the list
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => onChoose(o)}
            >
              {chosen && selected ? "✓ " : ""}
              {o.name}
            </li>
          );
        })}
      </ul>
      {/* a live region without role="status": the form around it has its own status (the answer) */}
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {said}
      </p>
      {error && <p className="mt-1 text-xs text-red-800">{error}</p>}
    </>
  );
}

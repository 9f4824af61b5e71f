"use client";

import { useEffect, useId, useRef, useState } from "react";
import { viFold } from "@/lib/domain/vi-fold";
import { LEVEL_NOUN } from "@/lib/format/compare";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import { selectClass } from "./form-fields";

type Option = { slug: string; name: string };
/** A unit as the APIs list it; a comparable parent also says how many children it has. */
type Found = { slug: string; name: string; childLevel?: OrgLevel; childCount?: number };

const LIMIT = 20;

/** The options of a short list given to the page that match `q` (diacritics and case ignored), as the APIs do. */
function searchLocal(options: Option[], q: string): { data: Option[]; total: number } {
  const key = viFold(q.trim());
  const found = options.filter((o) => viFold(o.name).includes(key) || o.slug.includes(key));
  return { data: found.slice(0, LIMIT), total: found.length };
}

/** "Quận Long Biên (14 phường)" for a unit whose children are compared, else its name. */
const label = (u: Found): string =>
  u.childLevel && u.childCount !== undefined ? `${u.name} (${u.childCount} ${LEVEL_NOUN[u.childLevel]})` : u.name;

/**
 * A searchable unit picker (the ARIA combobox pattern): typing searches on the server, diacritics
 * ignored — the children of `parentSlug` (GET /api/v1/org-units/{slug}/children), or with
 * `parents` the units whose children can be compared (GET /api/v1/compare/parents), or with
 * `options` a short list the page has (the cities and districts a ward may move under); ↑/↓ move,
 * Enter chooses (and shows the choice), Escape closes. The chosen slug is submitted as `name`; a few
 * thousand units are never sent to the page as options, only the chosen one and, with `initial`,
 * the first few (shown before anything is typed).
 */
export function UnitCombobox({
  id,
  name,
  parentSlug,
  parents,
  options: local,
  value,
  placeholder,
  clearable = false,
  resets = [],
  submitOnChoose = true,
}: {
  id: string;
  name: string;
  /** Whose children are searched. */
  parentSlug?: string;
  /** Search the units whose children can be compared (in `term`) instead; `initial` is the first
   * page of the empty search, `total` how many there are. */
  parents?: { term?: string; initial: Found[]; total: number };
  /** A short list searched in the page instead (no request). */
  options?: Option[];
  /** Fields left out of the submission when the choice changes (as a select's `data-resets`). */
  resets?: string[];
  value: Option | null;
  placeholder: string;
  /** May be emptied (no unit chosen). */
  clearable?: boolean;
  /** Submit the form as soon as a unit is chosen (the comparison forms); false in a form with more fields. */
  submitOnChoose?: boolean;
}) {
  const listId = `${useId()}-list`;
  const [text, setText] = useState(value?.name ?? "");
  const [chosen, setChosen] = useState<Option | null>(value);
  const [options, setOptions] = useState<Option[]>([]);
  const [total, setTotal] = useState(0);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const hidden = useRef<HTMLInputElement>(null);
  const query = useRef<string | null>(null);

  useEffect(() => {
    if (!open || query.current === null) return;
    const q = query.current;
    const show = (found: { data: Option[]; total: number }) => {
      setOptions(found.data);
      setTotal(found.total);
      setActive(found.data.length > 0 ? 0 : -1);
      setError(null);
    };
    const toOption = (u: Found): Option => ({ slug: u.slug, name: label(u) });
    if (local) {
      show(searchLocal(local, q));
      return;
    }
    if (parents && q.trim() === "") {
      show({ data: parents.initial.map(toOption), total: parents.total });
      return;
    }
    const params = new URLSearchParams({ q, limit: String(LIMIT) });
    if (parents?.term) params.set("term", parents.term);
    const url = parents
      ? `/api/v1/compare/parents?${params}`
      : `/api/v1/org-units/${encodeURIComponent(parentSlug ?? "")}/children?${params}`;
    const ctrl = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(url, { signal: ctrl.signal, headers: { accept: "application/json" } });
        const body = (await res.json()) as { data?: Found[]; total?: number; error?: { message: string } };
        if (!res.ok || !body.data) throw new Error(body.error?.message ?? "Không tải được danh sách.");
        show({ data: body.data.map(toOption), total: body.total ?? body.data.length });
      } catch (e) {
        if (ctrl.signal.aborted) return;
        setOptions([]);
        setError(e instanceof Error ? e.message : "Không tải được danh sách.");
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [open, text, parentSlug, parents, local]);

  const choose = (o: Option | null) => {
    setChosen(o);
    setText(o?.name ?? "");
    setOpen(false);
    setActive(-1);
    // the hidden field is submitted: update it before asking the form to navigate
    if (hidden.current) {
      hidden.current.value = o?.slug ?? "";
      hidden.current.disabled = !o;
    }
    const form = hidden.current?.form;
    if (form && o?.slug !== chosen?.slug)
      for (const field of resets) {
        const el = form.elements.namedItem(field);
        if (el instanceof HTMLSelectElement || el instanceof HTMLInputElement) el.disabled = true;
      }
    if (submitOnChoose) form?.requestSubmit();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        query.current = text === chosen?.name ? "" : text;
        setOpen(true);
        return;
      }
      const n = options.length;
      if (n > 0) setActive((a) => (e.key === "ArrowDown" ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === "Enter") {
      if (!open) return; // submits the form as it stands
      e.preventDefault();
      if (active >= 0 && options[active]) choose(options[active]);
      else if (clearable && text.trim() === "") choose(null);
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setText(chosen?.name ?? "");
      }
    }
  };

  const status = error
    ? error
    : open
      ? options.length === 0
        ? "Không có đơn vị nào khớp."
        : `${total} đơn vị khớp${total > options.length ? `, hiện ${options.length} đầu tiên` : ""}.`
      : "";

  return (
    <div className="relative">
      <input
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        className={selectClass}
        onChange={(e) => {
          setText(e.target.value);
          query.current = e.target.value;
          setOpen(true);
        }}
        onFocus={(e) => e.target.select()}
        onBlur={() => {
          // a click on an option lands first (mousedown is prevented there)
          setOpen(false);
          setText(chosen?.name ?? "");
        }}
        onKeyDown={onKeyDown}
        data-combobox={name}
      />
      <input ref={hidden} type="hidden" name={name} defaultValue={chosen?.slug ?? ""} disabled={!chosen} />
      <ul
        id={listId}
        role="listbox"
        aria-label={placeholder}
        hidden={!open || options.length === 0}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-slate-300 bg-white py-1 text-sm shadow-lg"
      >
        {options.map((o, i) => (
          <li
            key={o.slug}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={`cursor-pointer px-2 py-1.5 ${i === active ? "bg-brand-50 text-brand-900" : "text-slate-900"}`}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(o)}
          >
            {o.name}
          </li>
        ))}
      </ul>
      {/* a live region without role="status": the form around it has its own status (the answer) */}
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {status}
      </p>
      {error && <p className="mt-1 text-xs text-red-800">{error}</p>}
    </div>
  );
}

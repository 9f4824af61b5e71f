"use client";

import { useEffect, useId, useRef, useState } from "react";

type Option = { slug: string; name: string };

const LIMIT = 20;

/**
 * Several units chosen among the children of `parentSlug` (the ARIA combobox pattern, as
 * components/compare/unit-combobox.tsx): typing searches them by name, diacritics ignored, through
 * GET /api/v1/org-units/{slug}/children; ↑/↓ move, Enter adds the active one as a chip, Backspace in
 * the empty field removes the last chip, Escape closes; each chip has its own "Bỏ" button. The chosen
 * slugs are submitted as one field `name`, separated by commas (what the server's schema reads).
 */
export function UnitMultiSelect({
  id,
  name,
  parentSlug,
  value,
  placeholder,
  describedBy,
}: {
  id: string;
  name: string;
  /** Whose children are offered. */
  parentSlug: string;
  value: Option[];
  placeholder: string;
  describedBy?: string;
}) {
  const listId = `${useId()}-list`;
  const [chosen, setChosen] = useState<Option[]>(value);
  const [text, setText] = useState("");
  const [options, setOptions] = useState<Option[]>([]);
  const [total, setTotal] = useState(0);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState("");
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    const ctrl = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(
          `/api/v1/org-units/${encodeURIComponent(parentSlug)}/children?${new URLSearchParams({ q: text, limit: String(LIMIT) })}`,
          { signal: ctrl.signal, headers: { accept: "application/json" } },
        );
        const body = (await res.json()) as { data?: Option[]; total?: number; error?: { message: string } };
        if (!res.ok || !body.data) throw new Error(body.error?.message ?? "Không tải được danh sách.");
        const found = body.data.map((u) => ({ slug: u.slug, name: u.name }));
        setOptions(found);
        setTotal(body.total ?? found.length);
        setActive(found.length > 0 ? 0 : -1);
        setError(null);
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
  }, [open, text, parentSlug]);

  const add = (o: Option) => {
    if (!chosen.some((c) => c.slug === o.slug)) {
      setChosen([...chosen, o]);
      setAnnounce(`Đã thêm ${o.name}.`);
    }
    setText("");
  };
  const remove = (o: Option) => {
    setChosen(chosen.filter((c) => c.slug !== o.slug));
    setAnnounce(`Đã bỏ ${o.name}.`);
    field.current?.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) return setOpen(true);
      const n = options.length;
      if (n > 0) setActive((a) => (e.key === "ArrowDown" ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === "Enter") {
      if (!open) return; // submits the form as it stands
      e.preventDefault();
      if (active >= 0 && options[active]) add(options[active]);
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        setOpen(false);
      }
    } else if (e.key === "Backspace" && text === "" && chosen.length > 0) {
      remove(chosen[chosen.length - 1]);
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
      <ul className="mt-1 flex flex-wrap gap-1" aria-label="Đơn vị đã chọn" data-chosen-units>
        {chosen.length === 0 && <li className="text-sm text-slate-600">Mọi đơn vị trực thuộc</li>}
        {chosen.map((o) => (
          <li
            key={o.slug}
            className="flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-2 text-sm text-brand-900"
            data-unit={o.slug}
          >
            {o.name}
            <button
              type="button"
              onClick={() => remove(o)}
              aria-label={`Bỏ ${o.name}`}
              className="rounded-full px-1.5 leading-5 hover:bg-brand-100 focus-visible:outline-2"
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        ref={field}
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-describedby={describedBy}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-combobox={name}
      />
      <input type="hidden" name={name} value={chosen.map((c) => c.slug).join(", ")} />
      <ul
        id={listId}
        role="listbox"
        aria-label={placeholder}
        aria-multiselectable="true"
        hidden={!open || options.length === 0}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-slate-300 bg-white py-1 text-sm shadow-lg"
      >
        {options.map((o, i) => {
          const selected = chosen.some((c) => c.slug === o.slug);
          return (
            <li
              key={o.slug}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={selected}
              className={`cursor-pointer px-2 py-1.5 ${i === active ? "bg-brand-50 text-brand-900" : "text-slate-900"}`}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => add(o)}
            >
              {selected ? "✓ " : ""}
              {o.name}
            </li>
          );
        })}
      </ul>
      {/* a live region without role="status": the form around it has its own status (the answer) */}
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announce} {status}
      </p>
      {error && <p className="mt-1 text-xs text-red-800">{error}</p>}
    </div>
  );
}

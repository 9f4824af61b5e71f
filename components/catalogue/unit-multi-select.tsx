"use client";

import { useEffect, useId, useRef, useState } from "react";
import {
  UNIT_SEARCH_LIMIT,
  UnitListbox,
  type UnitOption as Option,
  useUnitOptions,
} from "@/components/ui/unit-listbox";

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
  const [open, setOpen] = useState(false);
  const [announce, setAnnounce] = useState("");
  const field = useRef<HTMLInputElement>(null);
  const units = useUnitOptions();
  const { options, active, search } = units;

  useEffect(() => {
    if (!open) return;
    const params = new URLSearchParams({ q: text, limit: String(UNIT_SEARCH_LIMIT) });
    return search(`/api/v1/org-units/${encodeURIComponent(parentSlug)}/children?${params}`, (u) => ({
      slug: u.slug,
      name: u.name,
    }));
  }, [open, text, parentSlug, search]);

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
      units.move(e.key === "ArrowDown");
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
      <UnitListbox
        listId={listId}
        label={placeholder}
        open={open}
        units={units}
        onChoose={add}
        chosen={(o) => chosen.some((c) => c.slug === o.slug)}
        said={`${announce} ${units.status(open)}`}
      />
    </div>
  );
}

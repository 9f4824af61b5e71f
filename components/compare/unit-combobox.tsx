"use client";

import { useEffect, useId, useRef, useState } from "react";
import { viFold } from "@/lib/domain/vi-fold";
import { LEVEL_NOUN } from "@/lib/format/compare";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import {
  UNIT_SEARCH_LIMIT,
  UnitListbox,
  type UnitOption as Option,
  useUnitOptions,
} from "@/components/ui/unit-listbox";
import { selectClass } from "./form-fields";
/** A unit as the APIs list it; a comparable parent also says how many children it has. */
type Found = { slug: string; name: string; childLevel?: OrgLevel; childCount?: number };

/** The options of a short list given to the page that match `q` (diacritics and case ignored), as the APIs do. */
function searchLocal(options: Option[], q: string): { data: Option[]; total: number } {
  const key = viFold(q.trim());
  const found = options.filter((o) => viFold(o.name).includes(key) || o.slug.includes(key));
  return { data: found.slice(0, UNIT_SEARCH_LIMIT), total: found.length };
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
  const [open, setOpen] = useState(false);
  const units = useUnitOptions();
  const { options, active, show, search } = units;
  const hidden = useRef<HTMLInputElement>(null);
  const query = useRef<string | null>(null);

  useEffect(() => {
    if (!open || query.current === null) return;
    const q = query.current;
    const toOption = (u: Found): Option => ({ slug: u.slug, name: label(u) });
    if (local) {
      show(searchLocal(local, q));
      return;
    }
    if (parents && q.trim() === "") {
      show({ data: parents.initial.map(toOption), total: parents.total });
      return;
    }
    const params = new URLSearchParams({ q, limit: String(UNIT_SEARCH_LIMIT) });
    if (parents?.term) params.set("term", parents.term);
    const url = parents
      ? `/api/v1/compare/parents?${params}`
      : `/api/v1/org-units/${encodeURIComponent(parentSlug ?? "")}/children?${params}`;
    return search(url, toOption);
  }, [open, text, parentSlug, parents, local, show, search]);

  const choose = (o: Option | null) => {
    setChosen(o);
    setText(o?.name ?? "");
    setOpen(false);
    units.setActive(-1);
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
      units.move(e.key === "ArrowDown");
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
      <UnitListbox
        listId={listId}
        label={placeholder}
        open={open}
        units={units}
        onChoose={choose}
        said={units.status(open)}
      />
    </div>
  );
}

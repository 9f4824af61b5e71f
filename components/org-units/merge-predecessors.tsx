"use client";
import { useState } from "react";

/**
 * The units to merge, ticked; sent as one comma-separated field (a form may not repeat a field).
 */
export function MergePredecessors({ units }: { units: { slug: string; name: string }[] }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (slug: string, on: boolean) => setChosen((c) => (on ? [...c, slug] : c.filter((s) => s !== slug)));
  return (
    <fieldset className="sm:col-span-2">
      <legend className="text-sm font-medium">Các đơn vị sáp nhập (chọn ít nhất hai)</legend>
      <input type="hidden" name="predecessors" value={chosen.join(",")} />
      <ul className="mt-1 grid gap-1 sm:grid-cols-2">
        {units.map((u) => (
          <li key={u.slug} className="flex items-center gap-2">
            <input
              id={`gop-${u.slug}`}
              type="checkbox"
              checked={chosen.includes(u.slug)}
              onChange={(e) => toggle(u.slug, e.target.checked)}
            />
            <label htmlFor={`gop-${u.slug}`} className="text-sm">
              {u.name}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

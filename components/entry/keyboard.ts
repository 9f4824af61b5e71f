"use client";
// Spreadsheet keys in the entry grids: Enter (or ↓) moves to the same column of the next row,
// Shift+Enter (or ↑) to the previous one; Tab moves across as usual. Cells carry data-col/data-row.
import type { KeyboardEvent } from "react";

export function moveInColumn(e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) {
  const el = e.currentTarget;
  const isText = el instanceof HTMLInputElement && el.type === "text";
  let delta = 0;
  if (e.key === "Enter") delta = e.shiftKey ? -1 : 1;
  else if (isText && e.key === "ArrowDown") delta = 1;
  else if (isText && e.key === "ArrowUp") delta = -1;
  else return;
  e.preventDefault(); // Enter never submits the form from a cell
  const root = el.closest("[data-entry-grid]");
  const col = el.dataset.col;
  for (let row = Number(el.dataset.row) + delta; row >= 0; row += delta) {
    const next = root?.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-col="${col}"][data-row="${row}"]`);
    if (!next) return;
    if (next.disabled) continue;
    next.focus();
    if (next instanceof HTMLInputElement) next.select();
    keepClearOfSaveBar(next);
    return;
  }
}

/**
 * The browser scrolls a focused cell into view, but not out from under the sticky save bar at the
 * bottom of the page: move the page up by what the bar covers (and a small margin).
 */
function keepClearOfSaveBar(el: HTMLElement) {
  const bar = document.querySelector("[data-save-bar]")?.getBoundingClientRect();
  if (!bar) return;
  const box = el.getBoundingClientRect();
  const margin = 8;
  if (box.bottom > bar.top - margin) window.scrollBy({ top: box.bottom - bar.top + margin });
}

"use client";

import { useEffect } from "react";

// The select that triggered the last submission: the form is re-mounted with the new view, and
// focus goes back to that select so that keyboard users keep their place.
let refocus: string | null = null;

/**
 * Submits the GET form as soon as a select changes (the form's "Xem" button does the same without
 * JavaScript). A select with `data-resets="a b"` leaves fields a and b out of the submission, so
 * that choosing another unit does not carry over an indicator it does not collect.
 */
export function AutoSubmit({ formId }: { formId: string }) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    if (refocus) {
      const el = form.elements.namedItem(refocus);
      if (el instanceof HTMLSelectElement) el.focus();
      refocus = null;
    }
    const onChange = (e: Event) => {
      const select = e.target;
      if (!(select instanceof HTMLSelectElement)) return;
      for (const name of (select.dataset.resets ?? "").split(" ").filter(Boolean)) {
        const field = form.elements.namedItem(name);
        if (field instanceof HTMLSelectElement || field instanceof HTMLInputElement) field.disabled = true;
      }
      refocus = select.name;
      form.requestSubmit();
    };
    form.addEventListener("change", onChange);
    // says that a change now submits (until then the "Xem" button does): tests wait for it
    form.dataset.autoSubmit = "on";
    return () => {
      form.removeEventListener("change", onChange);
      delete form.dataset.autoSubmit;
    };
  }, [formId]);
  return null;
}

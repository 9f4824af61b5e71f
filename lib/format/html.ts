// Markup written as a string, for the few parts of a page that the browser never changes after it
// has arrived: a page of a long table, whose rows would otherwise be serialised twice (as HTML and as
// React's payload), rendered twice on the server and hydrated one element at a time in the browser.
// Every interpolated value is escaped unless it is itself `markup`.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or an attribute value made safe to put in markup. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Markup made by `markup`: interpolated as it is. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Value = Html | string | number | null | undefined | false | readonly Value[];

const piece = (v: Value): string =>
  v === null || v === undefined || v === false
    ? ""
    : v instanceof Html
      ? v.markup
      : Array.isArray(v)
        ? v.map(piece).join("")
        : escapeHtml(String(v));

/**
 * A tagged template: markup`<td>${name}</td>` escapes `name`; nested markup`…` and arrays of them
 * are kept as markup; null, undefined and false leave nothing. (Not named `html`: Prettier would
 * reformat the template as HTML, adding white space to the text.)
 */
export function markup(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + strings[i + 1];
  return new Html(out);
}

/** ` name="value"` for each attribute given a string or number (escaped); true gives ` name`. */
export function attrs(a: Record<string, string | number | boolean | null | undefined>): Html {
  let out = "";
  for (const [k, v] of Object.entries(a)) {
    if (v === null || v === undefined || v === false) continue;
    out += v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`;
  }
  return new Html(out);
}

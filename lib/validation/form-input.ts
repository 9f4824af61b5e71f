// The one way a request's form fields or query parameters become an object: every field at most once.
// A field sent twice is refused, never resolved to its first or last value: a check that read one
// copy and a write that used the other is how a person acted on a unit they had no right to.

export type SingleValued<V> = { ok: true; fields: Record<string, V> } | { ok: false; field: string; message: string };

/** The refusal of a form with a repeated field, where the field is not named. */
export const REPEATED_FIELD = "Yêu cầu gửi một trường nhiều lần nên bị từ chối. Hãy tải lại trang rồi thao tác lại.";

/** The refusal of a repeated field, in the person's language. */
export const repeatedFieldMessage = (field: string) =>
  `Yêu cầu gửi trường “${field}” nhiều lần nên bị từ chối. Hãy tải lại trang rồi thao tác lại.`;

/**
 * The fields of a form (strings and files) or of a query string (strings), each at most once.
 * Next.js's own `$ACTION…` fields of a server action form are left out.
 */
export function singleValued(input: FormData): SingleValued<FormDataEntryValue>;
export function singleValued(input: URLSearchParams): SingleValued<string>;
export function singleValued(input: FormData | URLSearchParams): SingleValued<FormDataEntryValue> {
  const fields: Record<string, FormDataEntryValue> = Object.create(null);
  for (const [key, value] of input.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (key in fields) return { ok: false, field: key, message: repeatedFieldMessage(key) };
    fields[key] = value;
  }
  return { ok: true, fields: { ...fields } };
}

/** The string fields alone (a file where text is expected reads as absent). */
export function textFields(fields: Record<string, FormDataEntryValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (typeof v === "string") out[k] = v;
  return out;
}

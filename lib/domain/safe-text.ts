// Text PostgreSQL cannot store faithfully: U+0000 (refused by the server: a save would fail as a 500
// and every retry with it) and lone UTF-16 surrogates (turned into "�" on the way, so what is stored is
// not what was sent). Refused at the edge with a field error instead. Pure: the browser uses it too.

const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE =
  "Có ký tự không hợp lệ (ký tự rỗng U+0000 hoặc ký tự Unicode hỏng); hãy xóa rồi gõ lại.";

export function hasUnsafeText(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * The first place in a parsed JSON body (or any plain value) holding unsafe text, keys included, as a
 * path ("rows.3.note"), or null when there is none.
 */
export function findUnsafeText(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") return hasUnsafeText(value) ? path.join(".") || "(nội dung)" : null;
  if (!value || typeof value !== "object" || depth > 32) return null;
  for (const [key, item] of Object.entries(value)) {
    if (hasUnsafeText(key)) return [...path, key].join(".");
    const found = findUnsafeText(item, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

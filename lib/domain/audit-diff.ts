// One audit row per changed field ("old → new"), as the audit log of records keeps them.

export type AuditValue = string | number | boolean | null;
export type FieldChange = { field: string; oldValue: string | null; newValue: string | null };

const text = (v: AuditValue | undefined): string | null => (v === null || v === undefined ? null : String(v));

/**
 * Fields whose value differs between `before` and `after` (both plain: decimals as canonical
 * strings). A creation is a diff from `{}`, a deletion a diff to `{}`; fields unset on both sides
 * are skipped.
 */
export function diffFields(before: Record<string, AuditValue>, after: Record<string, AuditValue>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .map((field) => ({ field, oldValue: text(before[field]), newValue: text(after[field]) }))
    .filter((c) => c.oldValue !== c.newValue);
}

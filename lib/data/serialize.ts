import "server-only";
import type { SourceKind } from "@/lib/generated/prisma/enums";

/** Date column (@db.Date) → "yyyy-mm-dd". */
export const isoDay = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

/** NUMERIC (a Decimal, or PostgreSQL's text of it) → exact string of digits, no exponent, no trailing zeros ("161", "90.5"). */
export const decimalString = (d: { toFixed(): string } | string): string => {
  const s = typeof d === "string" ? d : d.toFixed();
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
};

/** A nullable NUMERIC column → decimalString, or null. */
export const decimalOrNull = (d: { toFixed(): string } | null): string | null => (d === null ? null : decimalString(d));

/** The fields of a figure's source that the interface shows, and their plain form. */
export const sourceSelect = { select: { key: true, title: true, issuedOn: true, kind: true } } as const;

export const toSource = <K extends SourceKind>(s: { key: string; title: string; issuedOn: Date | null; kind: K }) => ({
  key: s.key,
  title: s.title,
  issuedOn: isoDay(s.issuedOn),
  kind: s.kind,
});

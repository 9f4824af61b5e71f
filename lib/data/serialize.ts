import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
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

/**
 * A source's columns for raw SQL that joins `source` as `alias` ("sourceKey", "sourceTitle",
 * "sourceIssuedOn", "sourceKind"), read back with `sourceOfRow`. The date as "yyyy-mm-dd" text: the
 * same through Prisma and through `rows` (the pg driver reads a `date` as local midnight).
 */
export const sourceColumnsSql = (alias: string) =>
  Prisma.raw(
    `${alias}.key AS "sourceKey", ${alias}.title AS "sourceTitle", to_char(${alias}.issued_on, 'YYYY-MM-DD') AS "sourceIssuedOn", ${alias}.kind::text AS "sourceKind"`,
  );

export type SourceColumns = {
  sourceKey: string;
  sourceTitle: string;
  sourceIssuedOn: string | null;
  sourceKind: SourceKind;
};

/** The source of a raw row selected with `sourceColumnsSql`, as `toSource` gives it. */
export const sourceOfRow = (r: SourceColumns) => ({
  key: r.sourceKey,
  title: r.sourceTitle,
  issuedOn: r.sourceIssuedOn,
  kind: r.sourceKind,
});

/** A NUMERIC sent as text (e.g. inside json_build_object: `area_m2::text`) → decimalString, or null. */
export const decimalTextOrNull = (s: string | null): string | null =>
  s === null ? null : decimalString({ toFixed: () => s });

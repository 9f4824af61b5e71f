// The value types of indicators, as plain strings: the same names as Prisma's `ValueType` enum,
// declared here so that code shared with the browser (entry form, validation) needs no Prisma import.

export const VALUE_TYPES = ["COUNT", "PERCENT", "MONEY", "DECIMAL", "BOOLEAN"] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** Whole-number types: a decimal part is never valid, so a comma in their input is never valid either. */
export const isWholeType = (t: ValueType): boolean => t === "COUNT" || t === "MONEY" || t === "BOOLEAN";

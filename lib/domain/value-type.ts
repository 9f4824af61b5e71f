// The value types of indicators (the type itself is Prisma's, from ./enums).
import type { ValueType } from "./enums";

// A Record, so that a value type added to the schema is a type error here until it is listed.
const LISTED: Record<ValueType, true> = { COUNT: true, PERCENT: true, MONEY: true, DECIMAL: true, BOOLEAN: true };
export const VALUE_TYPES = Object.keys(LISTED) as ValueType[];

/** Whole-number types: a decimal part is never valid, so a comma in their input is never valid either. */
export const isWholeType = (t: ValueType): boolean => t === "COUNT" || t === "MONEY" || t === "BOOLEAN";

import { z } from "zod";
import { UNSAFE_TEXT_MESSAGE, hasUnsafeText } from "@/lib/domain/safe-text";

/**
 * Every free-text field of a form or JSON body: a string without U+0000 or lone surrogates (see
 * lib/domain/safe-text.ts), refused with a field error, checked before trimming and limits.
 */
export const text = () => z.string().refine((s) => !hasUnsafeText(s), { message: UNSAFE_TEXT_MESSAGE, abort: true });

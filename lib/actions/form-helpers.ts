// Small pieces the server actions share (not itself a "use server" module: nothing here is an action).
import type { Viewer } from "@/lib/auth/session";
import { unitIdsWithin } from "@/lib/data/org-units";
import type { ReadScope } from "@/lib/data/scope";
import { failure } from "@/lib/result";
import { fieldErrorsOf } from "@/lib/validation/review";

/** Who acts, as audit rows and versioned writes record them. */
export const actorOf = ({ viewer }: { viewer: Viewer }) => ({ userId: viewer.userId, name: viewer.name });

/** The units where the person holds the action, with those below: the issuers whose catalogue they may edit. */
export const issuerIdsOf = async (scope: ReadScope): Promise<number[]> =>
  "all" in scope ? [] : unitIdsWithin(scope.rootIds);

/** A form that failed its schema: the first field's message, and every field's for the form to show. */
export function invalidFields(error: import("zod").ZodError) {
  const fieldErrors = fieldErrorsOf(error);
  return failure("invalid", Object.values(fieldErrors)[0]?.[0] ?? "Yêu cầu không hợp lệ. Hãy tải lại trang.", {
    fieldErrors,
  });
}

/** A form that failed its schema: one sentence pointing at the fields, and every field's message beside it. */
export function invalidForm(error: import("zod").ZodError) {
  return failure("invalid", "Có ô chưa đúng: xem thông báo bên cạnh từng ô.", { fieldErrors: fieldErrorsOf(error) });
}

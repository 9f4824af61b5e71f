import "server-only";
// The preamble of the JSON API's GET /api/v1/org-units/{slug}/…: a former slug redirected (308), a
// caller (401 without one when the portal is closed), a valid slug (400), the unit readable by the
// caller (403, logged), the query parsed once (400); then the route's own work with the caller's
// read scope. The rows these checks need are read in one statement. Unexpected failures
// answer 500, an unreachable database 503 (`handle`).
import type { z } from "zod";
import { handle, jsonError, parseQuery } from "@/lib/api/http";
import { type ApiCaller, type ApiUnit, apiCaller, apiUnitScope, readApiRequest } from "@/lib/auth/access";
import { apiMayReadDrafts } from "@/lib/auth/drafts";
import type { ReadScope } from "@/lib/data/scope";
import { type TermSummary, resolveTerm } from "@/lib/data/terms";
import { firstError, slugSchema } from "@/lib/validation/params";

export type OrgUnitRequest<Q> = {
  request: Request;
  caller: ApiCaller;
  slug: string;
  /** the unit of the address, read with the caller (null: no such unit; the handler answers 404) */
  unit: ApiUnit | null;
  scope: ReadScope;
  query: Q;
};

type RouteContext = { params: Promise<{ slug: string }> };

/** A GET handler about the unit named in the path, its query parsed with `querySchema` (if any). */
export function orgUnitGet<Q = undefined>(
  querySchema: z.ZodType<Q> | null,
  run: (r: OrgUnitRequest<Q>) => Promise<Response>,
): (request: Request, ctx: RouteContext) => Promise<Response> {
  return (request, ctx) =>
    handle(async () => {
      const raw = (await ctx.params).slug;
      // the caller, the unit and a former slug's redirect in one statement (readApiRequest)
      const read = await readApiRequest(request, raw);
      if (read.moved) return read.moved;
      const auth = await apiCaller(request, read);
      if ("refusal" in auth) return auth.refusal;
      const slug = slugSchema.safeParse(raw);
      if (!slug.success) return jsonError(400, "bad_request", firstError(slug.error));
      const access = await apiUnitScope(request, auth.caller, read.unit);
      if ("refusal" in access) return access.refusal;
      let query = undefined as Q;
      if (querySchema) {
        const parsed = parseQuery(request.url, querySchema);
        if (!parsed.ok) return parsed.response;
        query = parsed.data;
      }
      return run({ request, caller: auth.caller, slug: slug.data, unit: read.unit, scope: access.scope, query });
    });
}

/**
 * The term (and year within it) of a ward's document (brief, report): a draft only for the ward's
 * own officials and committee (403), an unknown term 404, a year outside the term 400.
 */
export async function documentTerm(
  caller: ApiCaller,
  slug: string,
  q: { term?: string; year?: number; draft: boolean },
): Promise<{ term: TermSummary } | { refusal: Response }> {
  if (q.draft && !(await apiMayReadDrafts(caller, slug)))
    return { refusal: jsonError(403, "forbidden", "Chỉ cán bộ và Đảng ủy của phường xem được bản dự thảo.") };
  const term = await resolveTerm(q.term);
  if (!term) return { refusal: jsonError(404, "not_found", `Không có nhiệm kỳ “${q.term}”.`) };
  if (q.year !== undefined && (q.year < term.startYear || q.year > term.endYear))
    return { refusal: jsonError(400, "bad_request", `Năm ${q.year} không thuộc nhiệm kỳ ${term.slug}.`) };
  return { term };
}

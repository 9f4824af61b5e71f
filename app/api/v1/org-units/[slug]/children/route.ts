import { handle, jsonError, jsonOk, parseQuery } from "@/lib/api/http";
import { apiCaller, apiUnitScope, readApiRequest } from "@/lib/auth/access";
import { searchChildren } from "@/lib/data/compare";
import { childrenQuerySchema } from "@/lib/validation/compare";
import { firstError, slugSchema } from "@/lib/validation/params";

/** The children of a unit, searched by name (diacritics ignored): what the unit pickers offer. */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const raw = (await ctx.params).slug;
    const read = await readApiRequest(request, raw); // the caller and the unit in one statement
    if (read.moved) return read.moved;
    const auth = await apiCaller(request, read);
    if ("refusal" in auth) return auth.refusal;
    const slug = slugSchema.safeParse(raw);
    if (!slug.success) return jsonError(400, "bad_request", firstError(slug.error));
    const query = parseQuery(request.url, childrenQuerySchema);
    if (!query.ok) return query.response;
    const access = await apiUnitScope(request, auth.caller, read.unit);
    if ("refusal" in access) return access.refusal;
    const found = await searchChildren({ parentSlug: slug.data, ...query.data, scope: access.scope });
    if (!found) return jsonError(404, "not_found", `Không tìm thấy đơn vị “${slug.data}”.`);
    return jsonOk(found);
  });
}

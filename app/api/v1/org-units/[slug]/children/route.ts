import { handle, jsonError, jsonOk, parseQuery } from "@/lib/api/http";
import { apiReadScope, authorizeApi } from "@/lib/auth/access";
import { searchChildren } from "@/lib/data/compare";
import { childrenQuerySchema } from "@/lib/validation/compare";
import { firstError, slugSchema } from "@/lib/validation/params";

/** The children of a unit, searched by name (diacritics ignored): what the unit pickers offer. */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const auth = await authorizeApi(request);
    if ("refusal" in auth) return auth.refusal;
    const slug = slugSchema.safeParse((await ctx.params).slug);
    if (!slug.success) return jsonError(400, "bad_request", firstError(slug.error));
    const query = parseQuery(request.url, childrenQuerySchema);
    if (!query.ok) return query.response;
    const read = await apiReadScope(request, auth.caller, slug.data);
    if ("refusal" in read) return read.refusal;
    const found = await searchChildren({ parentSlug: slug.data, ...query.data, scope: read.scope });
    if (!found) return jsonError(404, "not_found", `Không tìm thấy đơn vị “${slug.data}”.`);
    return jsonOk(found);
  });
}

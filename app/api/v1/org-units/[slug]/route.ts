import { handle, jsonError, jsonOk } from "@/lib/api/http";
import { apiReadScope, authorizeApi } from "@/lib/auth/access";
import { getOrgUnit } from "@/lib/data/org-units";
import { firstError, slugSchema } from "@/lib/validation/params";

export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const auth = await authorizeApi(request);
    if ("refusal" in auth) return auth.refusal;
    const slug = slugSchema.safeParse((await ctx.params).slug);
    if (!slug.success) return jsonError(400, "bad_request", firstError(slug.error));
    const read = await apiReadScope(request, auth.caller, slug.data);
    if ("refusal" in read) return read.refusal;
    const unit = await getOrgUnit(slug.data, read.scope);
    if (!unit) return jsonError(404, "not_found", `Không tìm thấy đơn vị “${slug.data}”.`);
    return jsonOk({ data: unit });
  });
}

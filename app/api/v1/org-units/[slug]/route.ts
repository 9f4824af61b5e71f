import { handle, jsonError, jsonOk } from "@/lib/api/http";
import { authorizeApi, refuseUnit } from "@/lib/auth/access";
import { getOrgUnit } from "@/lib/data/org-units";
import { firstError, slugSchema } from "@/lib/validation/params";

export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const auth = await authorizeApi(request);
    if ("refusal" in auth) return auth.refusal;
    const slug = slugSchema.safeParse((await ctx.params).slug);
    if (!slug.success) return jsonError(400, "bad_request", firstError(slug.error));
    const refused = await refuseUnit(request, auth.caller, slug.data);
    if (refused) return refused;
    const unit = await getOrgUnit(slug.data);
    if (!unit) return jsonError(404, "not_found", `Không tìm thấy đơn vị “${slug.data}”.`);
    return jsonOk({ data: unit });
  });
}

import { handle, jsonError, jsonOk } from "@/lib/api/http";
import { getOrgUnit } from "@/lib/data/org-units";
import { firstError, slugSchema } from "@/lib/validation/params";

export async function GET(_request: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const slug = slugSchema.safeParse((await ctx.params).slug);
    if (!slug.success) return jsonError(400, "bad_request", firstError(slug.error));
    const unit = await getOrgUnit(slug.data);
    if (!unit) return jsonError(404, "not_found", `Không tìm thấy đơn vị “${slug.data}”.`);
    return jsonOk({ data: unit });
  });
}

import { handle, jsonError, parseQuery } from "@/lib/api/http";
import { apiReadScope, authorizeApi } from "@/lib/auth/access";
import { apiMayReadDrafts } from "@/lib/auth/drafts";
import { resolveTerm } from "@/lib/data/terms";
import { loadBrief, renderBriefPdf } from "@/lib/services/brief";
import { documentFileName, documentResponse } from "@/lib/services/document-download";
import { firstError, slugSchema } from "@/lib/validation/params";
import { briefQuerySchema } from "@/lib/validation/party-report";

/** GET /api/v1/org-units/{slug}/brief?year=|term=&format=pdf&demo=0&draft=1: the committee's brief of a ward. */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const auth = await authorizeApi(request);
    if ("refusal" in auth) return auth.refusal;
    const slug = slugSchema.safeParse((await ctx.params).slug);
    if (!slug.success) return jsonError(400, "bad_request", firstError(slug.error));
    const read = await apiReadScope(request, auth.caller, slug.data);
    if ("refusal" in read) return read.refusal;
    const query = parseQuery(request.url, briefQuerySchema);
    if (!query.ok) return query.response;
    const q = query.data;
    if (q.draft && !(await apiMayReadDrafts(auth.caller, slug.data)))
      return jsonError(403, "forbidden", "Chỉ cán bộ và Đảng ủy của phường xem được bản dự thảo.");
    const term = await resolveTerm(q.term);
    if (!term) return jsonError(404, "not_found", `Không có nhiệm kỳ “${q.term}”.`);
    if (q.year !== undefined && (q.year < term.startYear || q.year > term.endYear))
      return jsonError(400, "bad_request", `Năm ${q.year} không thuộc nhiệm kỳ ${term.slug}.`);
    const brief = await loadBrief({
      wardSlug: slug.data,
      term,
      year: q.year ?? null,
      includeDemo: q.demo,
      draft: q.draft,
      scope: read.scope,
      now: new Date(),
    });
    if (!brief) return jsonError(404, "not_found", `Không tìm thấy phường “${slug.data}”.`);
    const name = documentFileName(
      ["tom-tat", slug.data, q.year ? String(q.year) : term.slug, q.draft ? "du-thao" : undefined],
      "pdf",
    );
    return documentResponse(await renderBriefPdf(brief), "pdf", name);
  });
}

import { handle, jsonError, parseQuery } from "@/lib/api/http";
import { apiReadScope, authorizeApi } from "@/lib/auth/access";
import { apiMayReadDrafts } from "@/lib/auth/drafts";
import { resolveTerm } from "@/lib/data/terms";
import { documentFileName, documentResponse, todayInVietnam } from "@/lib/services/document-download";
import { loadPartyReport, renderPartyReport } from "@/lib/services/party-report";
import { firstError, slugSchema } from "@/lib/validation/params";
import { reportQuerySchema } from "@/lib/validation/party-report";

/** GET /api/v1/org-units/{slug}/report?term=|year=&format=docx|pdf&programme=&demo=0&draft=1: the ward's report. */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const auth = await authorizeApi(request);
    if ("refusal" in auth) return auth.refusal;
    const slug = slugSchema.safeParse((await ctx.params).slug);
    if (!slug.success) return jsonError(400, "bad_request", firstError(slug.error));
    const read = await apiReadScope(request, auth.caller, slug.data);
    if ("refusal" in read) return read.refusal;
    const query = parseQuery(request.url, reportQuerySchema);
    if (!query.ok) return query.response;
    const q = query.data;
    if (q.draft && !(await apiMayReadDrafts(auth.caller, slug.data)))
      return jsonError(403, "forbidden", "Chỉ cán bộ và Đảng ủy của phường xem được bản dự thảo.");
    const term = await resolveTerm(q.term);
    if (!term) return jsonError(404, "not_found", `Không có nhiệm kỳ “${q.term}”.`);
    if (q.year !== undefined && (q.year < term.startYear || q.year > term.endYear))
      return jsonError(400, "bad_request", `Năm ${q.year} không thuộc nhiệm kỳ ${term.slug}.`);
    const doc = await loadPartyReport({
      wardSlug: slug.data,
      term,
      year: q.year ?? null,
      programmeSlug: q.programme,
      includeDemo: q.demo,
      draft: q.draft,
      scope: read.scope,
      date: todayInVietnam(),
    });
    if (!doc) return jsonError(404, "not_found", `Không tìm thấy phường “${slug.data}” hoặc chương trình đã chọn.`);
    const body = await renderPartyReport(doc, q.format);
    const name = documentFileName(
      ["bao-cao", slug.data, q.year ? String(q.year) : term.slug, q.programme, q.draft ? "du-thao" : undefined],
      q.format,
    );
    return documentResponse(body, q.format, name);
  });
}

import { jsonError } from "@/lib/api/http";
import { documentTerm, orgUnitGet } from "@/lib/api/org-unit-route";
import { documentFileName, documentResponse, todayInVietnam } from "@/lib/services/document-download";
import { loadPartyReport, renderPartyReport } from "@/lib/services/party-report";
import { reportQuerySchema } from "@/lib/validation/party-report";

/** GET /api/v1/org-units/{slug}/report?term=|year=&format=docx|pdf&programme=&demo=0&draft=1: the ward's report. */
export const GET = orgUnitGet(reportQuerySchema, async ({ caller, slug, scope, query: q }) => {
  const resolved = await documentTerm(caller, slug, q);
  if ("refusal" in resolved) return resolved.refusal;
  const { term } = resolved;
  const doc = await loadPartyReport({
    wardSlug: slug,
    term,
    year: q.year ?? null,
    programmeSlug: q.programme,
    includeDemo: q.demo,
    draft: q.draft,
    scope,
    date: todayInVietnam(),
  });
  if (!doc) return jsonError(404, "not_found", `Không tìm thấy phường “${slug}” hoặc chương trình đã chọn.`);
  const body = await renderPartyReport(doc, q.format);
  const name = documentFileName(
    ["bao-cao", slug, q.year ? String(q.year) : term.slug, q.programme, q.draft ? "du-thao" : undefined],
    q.format,
  );
  return documentResponse(body, q.format, name);
});

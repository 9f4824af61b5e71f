import { jsonError } from "@/lib/api/http";
import { documentTerm, orgUnitGet } from "@/lib/api/org-unit-route";
import { loadBrief, renderBriefPdf } from "@/lib/services/brief";
import { documentFileName, documentResponse } from "@/lib/services/document-download";
import { briefQuerySchema } from "@/lib/validation/party-report";

/** GET /api/v1/org-units/{slug}/brief?year=|term=&format=pdf&demo=0&draft=1: the committee's brief of a ward. */
export const GET = orgUnitGet(briefQuerySchema, async ({ caller, slug, scope, query: q }) => {
  const resolved = await documentTerm(caller, slug, q);
  if ("refusal" in resolved) return resolved.refusal;
  const { term } = resolved;
  const brief = await loadBrief({
    wardSlug: slug,
    term,
    year: q.year ?? null,
    includeDemo: q.demo,
    draft: q.draft,
    scope,
    now: new Date(),
  });
  if (!brief) return jsonError(404, "not_found", `Không tìm thấy phường “${slug}”.`);
  const name = documentFileName(
    ["tom-tat", slug, q.year ? String(q.year) : term.slug, q.draft ? "du-thao" : undefined],
    "pdf",
  );
  return documentResponse(await renderBriefPdf(brief), "pdf", name);
});

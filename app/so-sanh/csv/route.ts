import { handle, jsonError, parseQuery } from "@/lib/api/http";
import { apiReadScope, authorizeApi } from "@/lib/auth/access";
import { getIndicatorComparison } from "@/lib/data/compare";
import { resolveTerm } from "@/lib/data/terms";
import { comparisonCsv } from "@/lib/format/compare-csv";
import { toCsv } from "@/lib/format/csv";
import { compareQuerySchema, parsePeriod } from "@/lib/validation/compare";

// The whole ranking of /so-sanh as CSV, made on the server: the page sends only the rows it shows.
// Same parameters and access as the page (read on the unit whose children are compared).
export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const auth = await authorizeApi(request);
    if ("refusal" in auth) return auth.refusal;
    const query = parseQuery(request.url, compareQuerySchema);
    if (!query.ok) return query.response;
    const read = await apiReadScope(request, auth.caller, query.data.parent);
    if ("refusal" in read) return read.refusal;
    const term = await resolveTerm(query.data.term);
    const data =
      term &&
      (await getIndicatorComparison(
        term,
        { ...query.data, period: parsePeriod(query.data.period), q: undefined, page: 1, all: true },
        read.scope,
      ));
    if (!data) return jsonError(404, "not_found", "Không tìm thấy nội dung so sánh này.");
    const { fileName, header, rows } = comparisonCsv(data);
    return new Response(toCsv(header, rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  });
}

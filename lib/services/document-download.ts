import "server-only";
import { REPORT_CONTENT_TYPE, type ReportFormat } from "./party-report";

/** Today's date in Vietnam (UTC+7), as a Date to be read in UTC: the date a document carries. */
export function todayInVietnam(now = new Date()): Date {
  const local = new Date(now.getTime() + 7 * 3600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

/** "bao-cao-ngoc-thuy-2015-2020.docx": ASCII, from URL-safe parts. */
export function documentFileName(parts: Array<string | undefined>, format: ReportFormat): string {
  return `${parts.filter(Boolean).join("-").toLowerCase()}.${format}`;
}

/** A document download: never cached (figures change with approvals), saved under its name. */
export function documentResponse(body: Buffer, format: ReportFormat, fileName: string): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": REPORT_CONTENT_TYPE[format],
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}

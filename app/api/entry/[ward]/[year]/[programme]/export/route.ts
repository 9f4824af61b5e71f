import { handle, jsonError, parseQuery } from "@/lib/api/http";
import { logAccess } from "@/lib/auth/access-log";
import { can, unitsWith } from "@/lib/auth/permissions";
import { viewerFromHeaders } from "@/lib/auth/session";
import { getEntryFileGrid } from "@/lib/data/entry-file-grid";
import { getUnitScope } from "@/lib/data/org-units";
import { subtreeScope } from "@/lib/data/scope";
import { fileSlug } from "@/lib/format/csv";
import { entryGridToCsv } from "@/lib/format/entry-csv";
import { entryGridParamsSchema, exportQuerySchema } from "@/lib/validation/entry-file";
import { firstError } from "@/lib/validation/params";
import { writeEntryWorkbook } from "@/lib/xlsx/write-entry-workbook";

type Params = { ward: string; year: string; programme: string };

/** The entry grid of one (ward, year, programme) as .xlsx or .csv: a signed-in person who may read the ward. */
export async function GET(request: Request, ctx: { params: Promise<Params> }): Promise<Response> {
  return handle(async () => {
    const viewer = await viewerFromHeaders(request.headers);
    const target = `GET ${new URL(request.url).pathname}`;
    if (!viewer || viewer.mustChangePassword) return jsonError(401, "unauthorized", "Cần đăng nhập.");
    const params = entryGridParamsSchema.safeParse(await ctx.params);
    if (!params.success) return jsonError(400, "bad_request", firstError(params.error));
    const query = parseQuery(request.url, exportQuerySchema);
    if (!query.ok) return query.response;
    const { ward, year, programme } = params.data;
    const unit = await getUnitScope(ward);
    if (!unit) return jsonError(404, "not_found", `Không tìm thấy đơn vị “${ward}”.`);
    if (!can(viewer, "read", unit)) {
      await logAccess({ event: "REFUSED", userId: viewer.userId, target });
      return jsonError(403, "forbidden", "Không có quyền xem đơn vị này.");
    }
    const grid = await getEntryFileGrid({
      wardSlug: ward,
      year,
      programmeSlug: programme,
      scope: subtreeScope(unitsWith(viewer, "read")),
    });
    if (!grid)
      return jsonError(404, "not_found", `Không có chương trình “${programme}” năm ${year} cho đơn vị “${ward}”.`);
    const name = `nhap-lieu-${grid.ward.slug}-${grid.year}-${fileSlug(grid.programme.slug)}`;
    const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
    if (query.data.format === "csv") {
      return new Response(entryGridToCsv(grid), {
        headers: {
          ...headers,
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${name}.csv"`,
        },
      });
    }
    const body = await writeEntryWorkbook(grid);
    return new Response(new Uint8Array(body), {
      headers: {
        ...headers,
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${name}.xlsx"`,
      },
    });
  });
}

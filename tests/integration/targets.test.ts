// Targets set in the app: the grid (a default for every ward and one ward's override), the file import
// (preview → apply, all or nothing), the API listing what applies to a ward (each saying whether it is
// the ward's own or the inherited default, with its source), and the dashboards' reader picking them up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, type World, browserHeaders, createWorld, dropWorld, signInCookie } from "./auth-fixtures";
import { type EntryCatalogue, ENTRY_PROGRAMME, createEntryCatalogue } from "./entry-fixtures";
import { request } from "./next-request";

let world: World;
let cat: EntryCatalogue;
let actions: typeof import("@/lib/actions/targets");
let staffCookie = "";
let termPeriod = 0;

beforeAll(async () => {
  world = await createWorld();
  cat = await createEntryCatalogue(world);
  staffCookie = await signInCookie(world.users.staff.username);
  actions = await import("@/lib/actions/targets");
  // the file names a ward as people write it
  await world.database.prisma.orgUnit.update({ where: { id: world.units.boDe }, data: { shortName: "Bồ Đề" } });
  termPeriod = (await world.database.prisma.period.findFirstOrThrow({ where: { termId: cat.termId, kind: "TERM" } }))
    .id;
}, 120_000);
afterAll(() => dropWorld(world));

const prisma = () => world.database.prisma;
const asStaff = () => {
  request.headers = browserHeaders(staffCookie);
};
const formOf = (o: Record<string, string | number | File>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v instanceof File ? v : String(v));
  return f;
};
const where = { unit: "long-bien", term: "2015-2020", programme: ENTRY_PROGRAMME };
const doc = { sourceTitle: "Nghị quyết Đại hội Đảng bộ phường", sourceDate: "2015-08-20" };
const cellName = (code: string, periodId: number, unitId: number | null = null) =>
  `${cat.indicators[code]}:${periodId}:${unitId ?? ""}`;
const snapshot = async () => ({
  targets: await prisma().target.findMany({ orderBy: { id: "asc" } }),
  audit: await prisma().auditLog.count(),
});
const csv = (text: string, name = "chi-tieu.csv") => new File([`\ufeff${text}`], name, { type: "text/csv" });

describe("target grid", () => {
  it("sets defaults for every ward and one ward's override, with the document, audited", async () => {
    asStaff();
    const r = await actions.saveTargetGridAction(
      null,
      formOf({
        ...where,
        ...doc,
        [`c:${cellName("vi-pham", cat.periods[2019])}`]: "≤ 40",
        [`v:${cellName("vi-pham", cat.periods[2019])}`]: 0,
        [`c:${cellName("tien-xu-phat", termPeriod)}`]: "≥ 100.000.000",
        [`v:${cellName("tien-xu-phat", termPeriod)}`]: 0,
        [`c:${cellName("vi-pham", cat.periods[2019], world.units.ngocThuy)}`]: "trên 70",
        [`v:${cellName("vi-pham", cat.periods[2019], world.units.ngocThuy)}`]: 0,
        [`c:${cellName("vp-mai-che", cat.periods[2019])}`]: "",
        [`v:${cellName("vp-mai-che", cat.periods[2019])}`]: 0,
      }),
    );
    expect(r).toMatchObject({ ok: true, message: "Đã lưu chỉ tiêu: 3 mới, 0 sửa, 0 xóa." });
    const own = await prisma().target.findFirstOrThrow({
      where: { indicatorId: cat.indicators["vi-pham"], orgUnitId: world.units.ngocThuy },
      include: { source: true },
    });
    expect(own).toMatchObject({ comparison: "GT", qualifier: "MORE_THAN", version: 1 });
    expect(own.value.toString()).toBe("70");
    expect(own.source).toMatchObject({ kind: "REPORT", title: doc.sourceTitle });
    expect(own.source.issuedOn?.toISOString().slice(0, 10)).toBe("2015-08-20");
    expect(await prisma().auditLog.count({ where: { entity: "target", action: "CREATE" } })).toBe(12);

    // the dashboards' reader: Ngọc Thụy gets its own target, Bồ Đề the default
    const { getTargets } = await import("@/lib/data/targets");
    const all = { all: true } as const;
    const nt = await getTargets({
      termId: cat.termId,
      indicatorCodes: ["vi-pham"],
      orgUnitSlug: "ngoc-thuy",
      scope: all,
    });
    const bd = await getTargets({ termId: cat.termId, indicatorCodes: ["vi-pham"], orgUnitSlug: "bo-de", scope: all });
    expect(nt.get("vi-pham")?.years[2019]).toMatchObject({ comparison: "GT", value: "70", isDemo: false });
    expect(bd.get("vi-pham")?.years[2019]).toMatchObject({ comparison: "LTE", value: "40" });
  });

  it("refuses a cell that is not a number and a stale cell, writing nothing", async () => {
    asStaff();
    const before = await snapshot();
    const bad = await actions.saveTargetGridAction(
      null,
      formOf({
        ...where,
        ...doc,
        [`c:${cellName("vi-pham", cat.periods[2018])}`]: "≥ năm mươi",
        [`c:${cellName("tien-xu-phat", cat.periods[2018])}`]: "≥ 5",
      }),
    );
    expect(bad).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Chưa lưu: Vi phạm đã xử lý, năm 2018: Chỉ nhập chữ số, ví dụ 1.691 hoặc 90,5; không nhập chữ.",
    });
    // someone saved 2019 meanwhile: this screen still shows version 0 for a cell that now exists
    const stale = await actions.saveTargetGridAction(
      null,
      formOf({
        ...where,
        ...doc,
        [`c:${cellName("tien-xu-phat", cat.periods[2018])}`]: "≥ 5",
        [`c:${cellName("vi-pham", cat.periods[2019])}`]: "≤ 30",
        [`v:${cellName("vi-pham", cat.periods[2019])}`]: 0,
      }),
    );
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(stale.message).toContain("Vi phạm đã xử lý, năm 2019");
    expect(await snapshot()).toEqual(before);
  });

  it("the API lists what applies to a ward: its own target and the inherited defaults, with source", async () => {
    const { GET } = await import("@/app/api/v1/org-units/[slug]/targets/route");
    const res = await GET(
      new Request(`${ORIGIN}/api/v1/org-units/ngoc-thuy/targets?term=2015-2020`, {
        headers: browserHeaders(await signInCookie(world.users.official.username)),
      }),
      { params: Promise.resolve({ slug: "ngoc-thuy" }) },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Record<string, unknown>[] };
    expect(body.data).toEqual([
      {
        programme: "03-CTr/QU",
        indicator: "tien-xu-phat",
        name: "Tiền xử phạt",
        unit: "đồng",
        period: "term",
        comparison: "GTE",
        value: "100000000",
        qualifier: "EXACT",
        appliesAs: "default",
        source: { title: doc.sourceTitle, issuedOn: "2015-08-20", kind: "REPORT" },
      },
      expect.objectContaining({ indicator: "vi-pham", period: 2019, value: "70", appliesAs: "unit" }),
    ]);
  });
});

describe("target file import", () => {
  const file = (rows: string) => csv(`Mã chỉ tiêu;Năm;Phường;Chỉ tiêu\r\n${rows}`);

  it("refuses a file with an unknown indicator, naming it, and changes nothing", async () => {
    asStaff();
    const before = await snapshot();
    const f = file("vi-pham;2018;;≤ 45\r\nkhong-co;2018;;≥ 1\r\n");
    const preview = await actions.previewTargetImport(null, formOf({ ...where, ...doc, file: f }));
    expect(preview.ok).toBe(true);
    expect(preview.message).toBe("Tệp có 1 dòng lỗi: sửa tệp rồi xem trước lại. Chưa ghi gì.");
    expect(preview.data?.canApply).toBe(false);
    expect(preview.data?.rows[1]).toMatchObject({
      row: 3,
      status: "invalid",
      message: "Dòng 3: không có chỉ tiêu mã “khong-co” trong chương trình 03-CTr/QU nhiệm kỳ Nhiệm kỳ 2015–2020.",
    });
    const apply = await actions.applyTargetImport(
      null,
      formOf({ ...where, ...doc, file: f, fingerprint: preview.data!.fingerprint }),
    );
    expect(apply).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Tệp còn dòng lỗi: sửa tệp rồi xem trước lại.",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("previews, then applies the same file: all rows in one go; a file changed after the preview is refused", async () => {
    asStaff();
    const f = file("vi-pham;2018;;≤ 45\r\nvi-pham;2018;Bồ Đề;≤ 20\r\ntien-xu-phat;Cả nhiệm kỳ;;≥ 120.000.000\r\n");
    const preview = await actions.previewTargetImport(null, formOf({ ...where, ...doc, file: f }));
    expect(preview.data?.counts).toEqual({ new: 2, changed: 1, unchanged: 0, cleared: 0, invalid: 0 });
    expect(preview.data?.rows[2]).toMatchObject({ status: "changed", before: "≥ 100.000.000", after: "≥ 120.000.000" });
    const before = await snapshot();
    const other = file("vi-pham;2018;;≤ 46\r\n");
    const mismatch = await actions.applyTargetImport(
      null,
      formOf({ ...where, ...doc, file: other, fingerprint: preview.data!.fingerprint }),
    );
    expect(mismatch).toMatchObject({ ok: false, code: "conflict" });
    expect(await snapshot()).toEqual(before);
    const apply = await actions.applyTargetImport(
      null,
      formOf({ ...where, ...doc, file: f, fingerprint: preview.data!.fingerprint }),
    );
    expect(apply).toMatchObject({ ok: true, message: "Đã lưu chỉ tiêu: 2 mới, 1 sửa, 0 xóa." });
    const bd = await prisma().target.findFirstOrThrow({
      where: { indicatorId: cat.indicators["vi-pham"], orgUnitId: world.units.boDe },
    });
    expect(bd.value.toString()).toBe("20");
    // the same file again changes nothing
    const again = await actions.previewTargetImport(null, formOf({ ...where, ...doc, file: f }));
    expect(again.data?.counts).toMatchObject({ unchanged: 3, new: 0, changed: 0 });
  });

  it("a ward official may not set targets", async () => {
    request.headers = browserHeaders(await signInCookie(world.users.official.username));
    const r = await actions.saveTargetGridAction(null, formOf({ ...where, ...doc }));
    expect(r).toMatchObject({ ok: false, code: "forbidden" });
  });
});

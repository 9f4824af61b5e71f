// The catalogue set up in the app: a term created by copying an earlier one, indicators edited and
// reordered, deletions — each through the server actions, with the refusals answering in Vietnamese
// and changing nothing (no row, no audit row).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, type World, browserHeaders, createWorld, dropWorld, signInCookie } from "./auth-fixtures";
import { type EntryCatalogue, createEntryCatalogue } from "./entry-fixtures";
import { request } from "./next-request";

let world: World;
let cat: EntryCatalogue;
let actions: typeof import("@/lib/actions/catalogue");
let staffCookie = "";

beforeAll(async () => {
  world = await createWorld();
  cat = await createEntryCatalogue(world);
  staffCookie = await signInCookie(world.users.staff.username);
  actions = await import("@/lib/actions/catalogue");
}, 120_000);
afterAll(() => dropWorld(world));

const prisma = () => world.database.prisma;
const asStaff = () => {
  request.headers = browserHeaders(staffCookie);
};
const formOf = (o: Record<string, string | number>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, String(v));
  return f;
};
/** Everything the catalogue holds, to show a refusal changed nothing. */
const snapshot = async () => ({
  terms: await prisma().term.findMany({ orderBy: { id: "asc" } }),
  programmes: await prisma().programme.findMany({ orderBy: { id: "asc" } }),
  indicators: await prisma().indicator.findMany({ orderBy: { id: "asc" } }),
  audit: await prisma().auditLog.count(),
});

const indicatorForm = (id: number, version: number, o: Record<string, string> = {}) =>
  formOf({
    unit: "long-bien",
    id,
    version,
    name: "Vi phạm đã xử lý",
    unitLabel: "trường hợp",
    valueType: "COUNT",
    aggregation: "SUM",
    direction: "NEUTRAL",
    collectionLevel: "WARD",
    categories: "",
    description: "",
    ...o,
  });

describe("terms", () => {
  it("copies 2015–2020 into 2020–2025 and that into 2025–2030: programmes, sections, indicators, rules, no figures", async () => {
    asStaff();
    const first = await actions.createTermAction(
      null,
      formOf({ unit: "long-bien", startYear: 2020, endYear: 2025, copyFrom: "2015-2020" }),
    );
    expect(first).toMatchObject({
      ok: true,
      message: "Đã tạo nhiệm kỳ 2020–2025, sao chép 1 chương trình, 2 mục, 6 chỉ tiêu từ nhiệm kỳ 2015–2020.",
    });
    const second = await actions.createTermAction(
      null,
      formOf({ unit: "long-bien", startYear: 2025, endYear: 2030, copyFrom: "2020-2025", name: "Nhiệm kỳ XXV" }),
    );
    expect(second.ok).toBe(true);
    const term = await prisma().term.findUniqueOrThrow({
      where: { slug: "2025-2030" },
      include: { periods: { orderBy: [{ kind: "asc" }, { year: "asc" }] } },
    });
    expect(term.name).toBe("Nhiệm kỳ XXV");
    expect(term.periods.map((p) => p.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030, null]);
    const p = await prisma().programme.findFirstOrThrow({
      where: { termId: term.id },
      include: { indicators: { include: { parent: true, section: true } }, rules: true },
    });
    expect(p.slug).toBe("03-CTr-QU");
    const byCode = new Map(p.indicators.map((i) => [i.code, i]));
    // sub-rows keep their parent, in the new programme
    expect(byCode.get("vp-mai-che")?.parent?.code).toBe("vi-pham");
    expect(byCode.get("vp-mai-che")?.parent?.programmeId).toBe(p.id);
    expect(byCode.get("ty-le-tdp-van-hoa")?.section.code).toBe("van-hoa");
    expect(byCode.get("tdp-van-hoa")).toMatchObject({ collectionLevel: "RESIDENTIAL_GROUP", wardFromGroups: true });
    expect(p.rules.map((r) => r.code)).toEqual(["vp-loai"]);
    expect(await prisma().result.count({ where: { period: { termId: term.id } } })).toBe(0);
    // the API lists the new terms, and the new term's programme
    request.headers = browserHeaders(staffCookie);
    const { GET } = await import("@/app/api/v1/terms/route");
    const res = await GET(new Request(`${ORIGIN}/api/v1/terms`, { headers: browserHeaders(staffCookie) }));
    expect(((await res.json()) as { data: { slug: string }[] }).data.map((t) => t.slug)).toEqual([
      "2025-2030",
      "2020-2025",
      "2015-2020",
    ]);
    const programmes = await import("@/app/api/v1/programmes/route");
    const pr = await programmes.GET(
      new Request(`${ORIGIN}/api/v1/programmes?term=2025-2030`, { headers: browserHeaders(staffCookie) }),
    );
    const body = (await pr.json()) as { data: { slug: string; sections: { indicators: unknown[] }[] }[] };
    expect(body.data.map((x) => x.slug)).toEqual(["03-CTr-QU"]);
    expect(body.data[0].sections.flatMap((s) => s.indicators)).toHaveLength(6);
    // audited: who created the term, and each copied indicator
    expect(
      await prisma().auditLog.findMany({
        where: { entity: "term", entityId: String(term.id) },
        select: { field: true, newValue: true, actor: true },
        orderBy: { field: "asc" },
      }),
    ).toContainEqual({ field: "copiedFrom", newValue: "2020-2025", actor: world.users.staff.id });
    expect(await prisma().auditLog.count({ where: { entity: "indicator", action: "CREATE" } })).toBeGreaterThan(12);
  });

  it("refuses a term that exists, with the reason, changing nothing", async () => {
    asStaff();
    const before = await snapshot();
    const r = await actions.createTermAction(
      null,
      formOf({ unit: "long-bien", startYear: 2020, endYear: 2025, copyFrom: "2015-2020" }),
    );
    expect(r).toMatchObject({ ok: false, code: "conflict", message: "Nhiệm kỳ 2020–2025 đã có." });
    const bad = await actions.createTermAction(null, formOf({ unit: "long-bien", startYear: 2030, endYear: 2026 }));
    expect(bad).toMatchObject({ ok: false, code: "invalid", message: "Năm cuối phải sau năm đầu nhiệm kỳ." });
    expect(await snapshot()).toEqual(before);
  });
});

describe("indicators", () => {
  it("refuses changing the type of an indicator with values, naming why, and changes nothing", async () => {
    asStaff();
    const id = cat.indicators["vi-pham"];
    const before = await snapshot();
    const r = await actions.saveIndicator(null, indicatorForm(id, 1, { valueType: "DECIMAL", unitLabel: "vụ" }));
    expect(r.ok).toBe(false);
    expect(r.code).toBe("locked");
    expect(r.message).toBe(
      "Không thể đổi đơn vị tính, kiểu giá trị: chỉ tiêu đã có 4 số liệu được nhập hoặc công bố, đổi sẽ làm sai nghĩa các số đã lưu. Hãy tạo chỉ tiêu mới cho nhiệm kỳ sau; chưa có gì được lưu.",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("renames an indicator and marks it headline: versioned, audited field by field; a stale version is refused", async () => {
    asStaff();
    const id = cat.indicators["vi-pham"];
    const r = await actions.saveIndicator(
      null,
      indicatorForm(id, 1, { name: "Vi phạm trật tự đô thị đã xử lý", headline: "on", categories: "linh_vuc=trat_tu" }),
    );
    expect(r).toMatchObject({ ok: true, message: "Đã lưu 3 thay đổi của chỉ tiêu.", data: { version: 2 } });
    const rows = await prisma().auditLog.findMany({
      where: { entity: "indicator", entityId: String(id), action: "UPDATE" },
      select: { field: true, oldValue: true, newValue: true },
      orderBy: { field: "asc" },
    });
    expect(rows).toEqual([
      { field: "categories", oldValue: "{}", newValue: '{"linh_vuc":"trat_tu"}' },
      { field: "headline", oldValue: "false", newValue: "true" },
      { field: "name", oldValue: "Vi phạm đã xử lý", newValue: "Vi phạm trật tự đô thị đã xử lý" },
    ]);
    const stale = await actions.saveIndicator(null, indicatorForm(id, 1, { name: "Tên khác" }));
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect((await prisma().indicator.findUniqueOrThrow({ where: { id } })).name).toBe(
      "Vi phạm trật tự đô thị đã xử lý",
    );
  });

  it("changes the type of an indicator without values (the copy in 2025–2030)", async () => {
    asStaff();
    const i = await prisma().indicator.findFirstOrThrow({
      where: { code: "tien-xu-phat", programme: { term: { slug: "2025-2030" } } },
    });
    const r = await actions.saveIndicator(
      null,
      indicatorForm(i.id, i.version, { name: "Tiền xử phạt", unitLabel: "triệu đồng", valueType: "DECIMAL" }),
    );
    expect(r.ok).toBe(true);
    expect(await prisma().indicator.findUniqueOrThrow({ where: { id: i.id } })).toMatchObject({
      unit: "triệu đồng",
      valueType: "DECIMAL",
      version: i.version + 1,
    });
  });

  it("moves an indicator up among its siblings, by button", async () => {
    asStaff();
    const ids = await prisma().indicator.findMany({
      where: { programme: { term: { slug: "2025-2030" } }, section: { code: "trat-tu" }, parentId: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true, code: true, version: true },
    });
    expect(ids.map((i) => i.code)).toEqual(["vi-pham", "tien-xu-phat"]);
    const r = await actions.moveIndicatorAction(
      null,
      formOf({ unit: "long-bien", id: ids[1].id, version: ids[1].version, direction: "up" }),
    );
    expect(r).toMatchObject({ ok: true, message: "Đã đổi thứ tự." });
    const after = await prisma().indicator.findMany({
      where: { programme: { term: { slug: "2025-2030" } }, section: { code: "trat-tu" }, parentId: null },
      orderBy: { sortOrder: "asc" },
      select: { code: true },
    });
    expect(after.map((i) => i.code)).toEqual(["tien-xu-phat", "vi-pham"]);
  });
});

describe("deletions", () => {
  it("refuses deleting a programme with figures and entries, in Vietnamese, deleting nothing", async () => {
    asStaff();
    await prisma().submission.create({
      data: { orgUnitId: world.units.ngocThuy, periodId: cat.periods[2020], programmeId: cat.programmeId },
    });
    const p = await prisma().programme.findUniqueOrThrow({ where: { id: cat.programmeId } });
    const before = await snapshot();
    const r = await actions.deleteProgrammeAction(null, formOf({ unit: "long-bien", id: p.id, version: p.version }));
    expect(r).toMatchObject({
      ok: false,
      code: "locked",
      message:
        "Không thể xóa: đã có 5 số liệu, 1 kỳ nhập liệu hoặc bản ghi gắn với mục này. Chỉ xóa được mục chưa có số liệu, chỉ tiêu hay kỳ nhập liệu nào; chưa có gì bị xóa.",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("deletes an unused programme (the 2025–2030 copy) with its sections and indicators, audited", async () => {
    asStaff();
    const p = await prisma().programme.findFirstOrThrow({ where: { term: { slug: "2025-2030" } } });
    const r = await actions.deleteProgrammeAction(null, formOf({ unit: "long-bien", id: p.id, version: p.version }));
    expect(r).toMatchObject({ ok: true, message: "Đã xóa chương trình." });
    expect(await prisma().indicator.count({ where: { programmeId: p.id } })).toBe(0);
    expect(
      await prisma().auditLog.count({ where: { entity: "programme", entityId: String(p.id), action: "DELETE" } }),
    ).toBeGreaterThan(0);
  });

  it("a ward official, or staff naming a unit they do not manage, is refused and nothing changes", async () => {
    request.headers = browserHeaders(await signInCookie(world.users.official.username));
    const p = await prisma().programme.findFirstOrThrow({ where: { term: { slug: "2020-2025" } } });
    const ref = { unit: "long-bien", id: p.id, version: p.version };
    expect(await actions.deleteProgrammeAction(null, formOf(ref))).toMatchObject({ ok: false, code: "forbidden" });
    request.headers = browserHeaders(await signInCookie(world.users.admin.username));
    expect(await actions.deleteProgrammeAction(null, formOf(ref))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await prisma().programme.count({ where: { id: p.id } })).toBe(1);
  });
});

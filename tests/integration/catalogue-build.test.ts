// A programme built from scratch in the app: created in a new term, edited (versioned, audited field by
// field), sections added, renamed and reordered, indicators added (with a category sub-row and its
// rule) — through the server actions, refusals answering in Vietnamese and changing nothing. Then the
// whole path a ward takes on it: entry, review, approval, the dashboard and the API read it back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, type World, browserHeaders, createWorld, dropWorld, signInCookie } from "./auth-fixtures";
import { request } from "./next-request";

type Result = { ok: boolean; message?: string; code?: string; fieldErrors?: Record<string, string[]>; data?: unknown };
type Who = "staff" | "official" | "committee" | "otherOfficial";

let world: World;
let actions: typeof import("@/lib/actions/catalogue");
const cookies = new Map<Who, string>();

beforeAll(async () => {
  world = await createWorld();
  actions = await import("@/lib/actions/catalogue");
  const { createTerm } = await import("@/lib/data/catalogue");
  await createTerm({
    actor: { userId: world.users.staff.id, name: "thử" },
    name: "Nhiệm kỳ 2025–2030",
    startYear: 2025,
    endYear: 2030,
    copyFrom: null,
    issuerIds: [],
  });
}, 120_000);
afterAll(() => dropWorld(world));

const prisma = () => world.database.prisma;
const formOf = (o: Record<string, string | number>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, String(v));
  return f;
};
async function as(
  who: Who,
  fn: (prev: null, form: FormData) => Promise<unknown>,
  fields: Record<string, string | number>,
): Promise<Result> {
  if (!cookies.has(who)) cookies.set(who, await signInCookie(world.users[who].username));
  request.headers = browserHeaders(cookies.get(who));
  return (await fn(null, formOf(fields))) as Result;
}
const snapshot = async () => ({
  programmes: await prisma().programme.findMany({ orderBy: { id: "asc" }, include: { appliesTo: true } }),
  sections: await prisma().indicatorSection.findMany({ orderBy: { id: "asc" } }),
  indicators: await prisma().indicator.findMany({ orderBy: { id: "asc" } }),
  rules: await prisma().indicatorRule.findMany({ orderBy: { id: "asc" } }),
  audit: await prisma().auditLog.count(),
});

const PROGRAMME = {
  unit: "long-bien",
  term: "2025-2030",
  code: "05-CTr/QU",
  number: 5,
  title: "Chương trình chuyển đổi số",
  summary: "Chuyển đổi số trong hệ thống chính trị",
  issuedOn: "2025-11-20",
  appliesTo: "ngoc-thuy",
};
const INDICATOR = {
  unit: "long-bien",
  name: "Thủ tục hành chính giải quyết trực tuyến",
  unitLabel: "thủ tục",
  valueType: "COUNT",
  aggregation: "SUM",
  direction: "HIGHER_IS_BETTER",
  collectionLevel: "WARD",
  headline: "on",
  categories: "",
  description: "",
};
const ids = { programme: 0, sections: [] as number[], indicator: 0 };

describe("a programme from scratch", () => {
  it("creates a programme in the new term with its issuer, date and applied ward; audited field by field", async () => {
    const r = await as("staff", actions.createProgrammeAction, PROGRAMME);
    expect(r).toMatchObject({ ok: true, message: "Đã tạo chương trình 05-CTr/QU. Hãy thêm mục và chỉ tiêu." });
    const p = await prisma().programme.findFirstOrThrow({
      where: { code: "05-CTr/QU" },
      include: { appliesTo: true, term: true },
    });
    ids.programme = p.id;
    expect(p).toMatchObject({
      slug: "05-CTr-QU",
      number: 5,
      issuerId: world.units.district,
      version: 1,
      term: { slug: "2025-2030" },
    });
    expect(p.issuedOn?.toISOString().slice(0, 10)).toBe("2025-11-20");
    expect(p.appliesTo.map((a) => a.orgUnitId)).toEqual([world.units.ngocThuy]);
    const rows = await prisma().auditLog.findMany({ where: { entity: "programme", entityId: String(p.id) } });
    expect(Object.fromEntries(rows.map((x) => [x.field, x.newValue]))).toMatchObject({
      code: "05-CTr/QU",
      title: "Chương trình chuyển đổi số",
      issuer: "long-bien",
      issuedOn: "2025-11-20",
      appliesTo: "ngoc-thuy",
    });
  });

  it("refuses a taken code, a unit outside the issuer and a ward official, changing nothing", async () => {
    const before = await snapshot();
    expect(await as("staff", actions.createProgrammeAction, PROGRAMME)).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Số hiệu “05-CTr/QU” đã có. Chưa có gì được lưu.",
      fieldErrors: { code: ["Số hiệu “05-CTr/QU” đã có."] },
    });
    expect(
      await as("staff", actions.createProgrammeAction, { ...PROGRAMME, code: "06-CTr/QU", appliesTo: "ha-noi" }),
    ).toMatchObject({ ok: false, message: "Đơn vị “ha-noi” không thuộc đơn vị ban hành. Chưa có gì được lưu." });
    // the city is above the district: staff of the district may not issue for it
    expect(
      await as("staff", actions.createProgrammeAction, { ...PROGRAMME, unit: "ha-noi", code: "07-CTr/TU" }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(await as("official", actions.createProgrammeAction, { ...PROGRAMME, code: "08-CTr/QU" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(
      await as("staff", actions.createProgrammeAction, { ...PROGRAMME, code: "09", issuedOn: "2025-02-30" }),
    ).toMatchObject({ ok: false, code: "invalid", fieldErrors: { issuedOn: ["Ngày không hợp lệ."] } });
    expect(await snapshot()).toEqual(before);
  });

  it("edits the programme at its version: field by field in the audit, a stale form refused", async () => {
    const edit = { ...PROGRAMME, id: ids.programme, version: 1, title: "Chuyển đổi số giai đoạn 2025–2030" };
    const { term: _t, ...fields } = edit;
    expect(await as("staff", actions.updateProgrammeAction, { ...fields, appliesTo: "ngoc-thuy bo-de" })).toMatchObject(
      {
        ok: true,
        message: "Đã lưu 2 thay đổi của chương trình.",
        data: { version: 2 },
      },
    );
    const p = await prisma().programme.findUniqueOrThrow({
      where: { id: ids.programme },
      include: { appliesTo: true },
    });
    expect(p.title).toBe("Chuyển đổi số giai đoạn 2025–2030");
    expect(p.appliesTo.map((a) => a.orgUnitId).sort()).toEqual([world.units.ngocThuy, world.units.boDe].sort());
    const changes = await prisma().auditLog.findMany({
      where: { entity: "programme", entityId: String(ids.programme), action: "UPDATE" },
      orderBy: { field: "asc" },
    });
    expect(changes.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ["appliesTo", "ngoc-thuy", "bo-de, ngoc-thuy"],
      ["title", "Chương trình chuyển đổi số", "Chuyển đổi số giai đoạn 2025–2030"],
    ]);
    const before = await snapshot();
    expect(await as("staff", actions.updateProgrammeAction, { ...fields, title: "Cũ" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("adds two sections, renames one (history kept) and moves it up by button", async () => {
    for (const [code, name] of [
      ["hanh-chinh", "Hành chính"],
      ["ha-tang-so", "Hạ tầng số"],
    ]) {
      expect(
        await as("staff", actions.createSectionAction, { unit: "long-bien", programme: ids.programme, code, name }),
      ).toMatchObject({ ok: true, message: `Đã thêm mục “${name}”.` });
    }
    const sections = await prisma().indicatorSection.findMany({
      where: { programmeId: ids.programme },
      orderBy: { sortOrder: "asc" },
    });
    ids.sections = sections.map((s) => s.id);
    expect(sections.map((s) => s.code)).toEqual(["hanh-chinh", "ha-tang-so"]);
    expect(
      await as("staff", actions.createSectionAction, {
        unit: "long-bien",
        programme: ids.programme,
        code: "hanh-chinh",
        name: "Lặp",
      }),
    ).toMatchObject({ ok: false, message: "Số hiệu “hanh-chinh” đã có. Chưa có gì được lưu." });

    expect(
      await as("staff", actions.renameSectionAction, {
        unit: "long-bien",
        id: ids.sections[0],
        version: 1,
        name: "Cải cách hành chính",
      }),
    ).toMatchObject({ ok: true, data: { version: 2 } });
    const renamed = await prisma().auditLog.findFirstOrThrow({
      where: { entity: "indicator_section", entityId: String(ids.sections[0]), field: "name" },
      orderBy: { id: "desc" },
    });
    expect([renamed.oldValue, renamed.newValue]).toEqual(["Hành chính", "Cải cách hành chính"]);

    expect(
      await as("staff", actions.moveSectionAction, {
        unit: "long-bien",
        id: ids.sections[1],
        version: 1,
        direction: "up",
      }),
    ).toMatchObject({ ok: true, message: "Đã đổi thứ tự mục." });
    const order = await prisma().indicatorSection.findMany({
      where: { programmeId: ids.programme },
      orderBy: { sortOrder: "asc" },
      select: { code: true },
    });
    expect(order.map((s) => s.code)).toEqual(["ha-tang-so", "hanh-chinh"]);
    // the other section moved too: its old version is stale now
    expect(
      await as("staff", actions.moveSectionAction, {
        unit: "long-bien",
        id: ids.sections[0],
        version: 2,
        direction: "up",
      }),
    ).toMatchObject({ ok: false, code: "conflict" });
  });

  it("adds an indicator, a category sub-row with its rule; cross-field rules refused by the shared schema", async () => {
    const add = (o: Record<string, string | number>) =>
      as("staff", actions.createIndicatorAction, { ...INDICATOR, section: ids.sections[0], ...o });
    expect(await add({ code: "tthc-truc-tuyen" })).toMatchObject({
      ok: true,
      message: "Đã thêm chỉ tiêu “Thủ tục hành chính giải quyết trực tuyến”.",
    });
    expect(
      await add({
        code: "tthc-muc-4",
        name: "Trong đó: mức độ 4",
        parent: "tthc-truc-tuyen",
        subRowsAtMostParent: "on",
      }),
    ).toMatchObject({ ok: true });
    const rows = await prisma().indicator.findMany({
      where: { programmeId: ids.programme },
      orderBy: { id: "asc" },
      include: { parent: true },
    });
    ids.indicator = rows[0].id;
    expect(rows.map((r) => [r.code, r.headline, r.parent?.code ?? null])).toEqual([
      ["tthc-truc-tuyen", true, null],
      ["tthc-muc-4", true, "tthc-truc-tuyen"],
    ]);
    expect(await prisma().indicatorRule.findMany({ where: { programmeId: ids.programme } })).toMatchObject([
      {
        code: "tthc-truc-tuyen-dong-con-khong-vuot",
        kind: "SUM_AT_MOST",
        left: ["tthc-muc-4"],
        right: "tthc-truc-tuyen",
      },
    ]);
    const created = await prisma().auditLog.findMany({
      where: { entity: "indicator", entityId: String(ids.indicator), action: "CREATE" },
    });
    expect(Object.fromEntries(created.map((c) => [c.field, c.newValue]))).toMatchObject({
      code: "tthc-truc-tuyen",
      unit: "thủ tục",
      valueType: "COUNT",
      section: "hanh-chinh",
    });

    const before = await snapshot();
    expect(await add({ code: "tthc-truc-tuyen" })).toMatchObject({
      ok: false,
      fieldErrors: { code: ["Số hiệu “tthc-truc-tuyen” đã có."] },
    });
    expect(await add({ code: "ty-le", valueType: "PERCENT", aggregation: "SUM" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        aggregation: ["Tỷ lệ (%) không cộng dồn qua các năm được: hãy chọn trung bình, năm gần nhất hoặc cao nhất."],
      },
    });
    expect(await add({ code: "tu-to", wardFromGroups: "on" })).toMatchObject({
      ok: false,
      fieldErrors: { wardFromGroups: ["Chỉ tính số của phường từ các tổ khi chỉ tiêu được thu thập theo tổ dân phố."] },
    });
    expect(await add({ code: "con-cua-con", parent: "tthc-muc-4" })).toMatchObject({
      ok: false,
      fieldErrors: { parent: [expect.stringContaining("đã là dòng phân loại")] },
    });
    expect(await add({ code: "mo-coi", parent: "khong-co" })).toMatchObject({
      ok: false,
      fieldErrors: { parent: ["Chương trình không có chỉ tiêu mã “khong-co”."] },
    });
    // the edit form shares the schema: the same cross-field rule refuses there too
    expect(
      await as("staff", actions.saveIndicator, {
        ...INDICATOR,
        id: ids.indicator,
        version: 1,
        valueType: "COUNT",
        aggregation: "YEARS_ACHIEVED",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { aggregation: [expect.stringContaining("Có/Không")] } });
    expect(await snapshot()).toEqual(before);
  });

  it("lists the new programme in GET /api/v1/programmes?term=2025-2030", async () => {
    request.headers = browserHeaders(cookies.get("staff"));
    const { GET } = await import("@/app/api/v1/programmes/route");
    const res = await GET(
      new Request(`${ORIGIN}/api/v1/programmes?term=2025-2030`, { headers: browserHeaders(cookies.get("official")) }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.term).toMatchObject({ slug: "2025-2030" });
    expect(body.data).toEqual([
      expect.objectContaining({
        code: "05-CTr/QU",
        slug: "05-CTr-QU",
        title: "Chuyển đổi số giai đoạn 2025–2030",
        issuer: { slug: "long-bien", name: "long-bien" },
        sections: [
          expect.objectContaining({ code: "ha-tang-so", name: "Hạ tầng số", indicators: [] }),
          expect.objectContaining({
            code: "hanh-chinh",
            name: "Cải cách hành chính",
            indicators: [
              expect.objectContaining({ code: "tthc-truc-tuyen", parentCode: null, headline: true }),
              expect.objectContaining({ code: "tthc-muc-4", parentCode: "tthc-truc-tuyen" }),
            ],
          }),
        ],
      }),
    ]);
  });
});

describe("the ward works on it unchanged", () => {
  it("entry, review, approval, then the dashboard shows the figure against a target set in the app", async () => {
    const { ngocThuy } = world.units;
    const { getEntryGrid } = await import("@/lib/data/entry-grid");
    const grid = await getEntryGrid({
      wardSlug: "ngoc-thuy",
      year: 2026,
      programmeSlug: "05-CTr-QU",
      scope: "ward",
      readable: { all: true },
    });
    expect(grid).not.toBeNull();
    expect(grid!.layout.map((s) => s.name)).toEqual(["Hạ tầng số", "Cải cách hành chính"]);

    // a target for the whole term set in the grid of the catalogue
    const target = await import("@/lib/actions/targets");
    const period = await prisma().period.findFirstOrThrow({ where: { term: { slug: "2025-2030" }, kind: "TERM" } });
    expect(
      await as("staff", target.saveTargetGridAction, {
        unit: "long-bien",
        term: "2025-2030",
        programme: "05-CTr-QU",
        sourceTitle: "Nghị quyết Đại hội thử",
        sourceDate: "",
        [`c:${ids.indicator}:${period.id}:`]: "≥ 100",
      }),
    ).toMatchObject({ ok: true });

    const save = await import("@/lib/data/entry-save");
    const year = await prisma().period.findFirstOrThrow({ where: { term: { slug: "2025-2030" }, year: 2026 } });
    const saved = await save.saveEntryValues(
      { userId: world.users.official.id, name: "Cán bộ phường thử" },
      { wardId: ngocThuy, periodId: year.id, programmeId: ids.programme },
      [
        {
          indicatorId: ids.indicator,
          orgUnitId: ngocThuy,
          value: "120",
          qualifier: "EXACT",
          note: null,
          outlierConfirmed: false,
          baseVersion: 0,
        },
      ],
    );
    expect(saved.ok).toBe(true);

    const review = await import("@/lib/actions/review");
    const version = async () =>
      (
        await prisma().submission.findFirstOrThrow({
          where: { orgUnitId: ngocThuy, periodId: year.id, programmeId: ids.programme },
        })
      ).version;
    const fields = async () => ({ ward: "ngoc-thuy", year: 2026, programme: "05-CTr-QU", version: await version() });
    expect(await as("official", review.submitForReview, await fields())).toMatchObject({ ok: true });
    expect(await as("committee", review.approveSubmission, await fields())).toMatchObject({
      ok: true,
      data: { status: "APPROVED" },
    });

    const { getProgrammeDashboard } = await import("@/lib/data/programme-dashboard");
    const { getTermBySlug } = await import("@/lib/data/terms");
    const dashboard = await getProgrammeDashboard({
      wardSlug: "ngoc-thuy",
      programmeSlug: "05-CTr-QU",
      term: (await getTermBySlug("2025-2030"))!,
      scope: { all: true },
    });
    const shown = dashboard!.headline.find((i) => i.code === "tthc-truc-tuyen")!;
    expect(shown.figure).toMatchObject({ value: "120" });
    expect(shown.status).toBe("exceeded");
  });

  it("a programme issued by the ward's own party committee is found by the ward's entry and review", async () => {
    expect(
      await as("staff", actions.createProgrammeAction, {
        ...PROGRAMME,
        unit: "ngoc-thuy",
        code: "01-CTr/DU",
        appliesTo: "",
      }),
    ).toMatchObject({ ok: true });
    const p = await prisma().programme.findFirstOrThrow({ where: { code: "01-CTr/DU" } });
    expect(p.issuerId).toBe(world.units.ngocThuy);
    const { getEntryGrid } = await import("@/lib/data/entry-grid");
    const { resolveReviewTarget } = await import("@/lib/data/review-target");
    const where = { wardSlug: "ngoc-thuy", year: 2026, programmeSlug: "01-CTr-DU" };
    expect(await getEntryGrid({ ...where, scope: "ward", readable: { all: true } })).not.toBeNull();
    expect(await resolveReviewTarget({ ...where, scope: { all: true } })).toMatchObject({ programmeId: p.id });
    // another ward's entry does not see it
    expect(await getEntryGrid({ ...where, wardSlug: "bo-de", scope: "ward", readable: { all: true } })).toBeNull();
  });

  it("a figure now stored locks the indicator's type and the programme's code, with the reason", async () => {
    const before = await snapshot();
    expect(
      await as("staff", actions.saveIndicator, { ...INDICATOR, id: ids.indicator, version: 1, valueType: "DECIMAL" }),
    ).toMatchObject({ ok: false, code: "locked", message: expect.stringContaining("Không thể đổi kiểu giá trị") });
    const p = await prisma().programme.findUniqueOrThrow({ where: { id: ids.programme } });
    expect(
      await as("staff", actions.updateProgrammeAction, {
        ...PROGRAMME,
        id: ids.programme,
        version: p.version,
        title: p.title,
        appliesTo: "ngoc-thuy bo-de",
        code: "05-CTr/QU-moi",
      }),
    ).toMatchObject({
      ok: false,
      code: "locked",
      message: expect.stringContaining("Không thể đổi số hiệu: chương trình đã có số liệu"),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("deleting a sub-row takes it out of its parent's rule; the rule goes with its last sub-row", async () => {
    const sub = await prisma().indicator.findFirstOrThrow({
      where: { programmeId: ids.programme, code: "tthc-muc-4" },
    });
    expect(
      await as("staff", actions.deleteIndicatorAction, { unit: "long-bien", id: sub.id, version: sub.version }),
    ).toMatchObject({ ok: true, message: "Đã xóa chỉ tiêu." });
    expect(await prisma().indicatorRule.count({ where: { programmeId: ids.programme } })).toBe(0);
    const gone = await prisma().auditLog.findMany({ where: { entity: "indicator_rule", action: "DELETE" } });
    expect(gone.find((g) => g.field === "left")).toMatchObject({ oldValue: "tthc-muc-4", newValue: null });
  });
});

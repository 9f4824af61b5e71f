// Land-clearance projects, their yearly progress and achievements written through the server actions:
// each write one transaction with its audit rows; stale versions, other wards, read-only roles and
// reported records refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type World, browserHeaders, createWorld, dropWorld, signInCookie } from "./auth-fixtures";
import { type LandClearanceFixtures, createLandClearanceFixtures, formOf } from "./land-clearance-fixtures";
import { request } from "./next-request";

type Who = "official" | "committee" | "staff" | "otherOfficial";
let world: World;
let fx: LandClearanceFixtures;
const cookies = new Map<Who, string>();
let lc: typeof import("@/lib/actions/land-clearance");
let ach: typeof import("@/lib/actions/achievements");

beforeAll(async () => {
  world = await createWorld();
  fx = await createLandClearanceFixtures(world);
  for (const who of ["official", "committee", "staff", "otherOfficial"] as const)
    cookies.set(who, await signInCookie(world.users[who].username));
  lc = await import("@/lib/actions/land-clearance");
  ach = await import("@/lib/actions/achievements");
}, 120_000);
afterAll(() => dropWorld(world));

function as(who: Who) {
  request.headers = browserHeaders(cookies.get(who));
}
const prisma = () => world.database.prisma;
const auditRows = (entity: string, entityId: number) =>
  prisma().auditLog.findMany({
    where: { entity, entityId: String(entityId) },
    orderBy: { id: "asc" },
    select: { action: true, field: true, oldValue: true, newValue: true, actor: true },
  });
const auditCount = () => prisma().auditLog.count();

const NT = "ngoc-thuy";
const projectForm = (o: Record<string, string | number>) =>
  formOf({ ward: NT, term: "2015-2020", version: 0, status: "IN_PROGRESS", ...o });

describe("land-clearance projects", () => {
  it("creates a project with the ward's ENTRY source, on programme 03, with one audit row per field given", async () => {
    as("official");
    const r = await lc.saveLandClearanceProject(
      null,
      projectForm({
        name: "Đường gom",
        startYear: "2017",
        endYear: "2019",
        householdsAffected: "1.250",
        areaM2: "12.500,5",
        compensationDong: "305.000.000 đ",
      }),
    );
    expect(r).toMatchObject({ ok: true, message: "Đã thêm dự án “Đường gom”.", data: { version: 1 } });
    const p = await prisma().landClearanceProject.findUniqueOrThrow({
      where: { id: r.data!.id },
      include: { source: true },
    });
    expect(p).toMatchObject({
      orgUnitId: world.units.ngocThuy,
      termId: fx.termId,
      programmeId: fx.programmeId,
      householdsAffected: 1250,
      version: 1,
    });
    expect(p.areaM2?.toFixed()).toBe("12500.5");
    expect(p.compensationDong?.toFixed()).toBe("305000000");
    expect(p.source).toMatchObject({ key: "entry:ngoc-thuy", kind: "ENTRY" });
    const audit = await auditRows("land_clearance_project", p.id);
    expect(
      audit.every((a) => a.action === "CREATE" && a.actor === world.users.official.id && a.oldValue === null),
    ).toBe(true);
    expect(Object.fromEntries(audit.map((a) => [a.field, a.newValue]))).toEqual({
      name: "Đường gom",
      startYear: "2017",
      endYear: "2019",
      status: "IN_PROGRESS",
      householdsAffected: "1250",
      areaM2: "12500.5",
      compensationDong: "305000000",
    });
    // a draft of the ward's 2017 submission on programme 03: the dashboards do not show it before approval
    expect(p.submissionId).toBe(
      (
        await prisma().submission.findFirstOrThrow({
          where: { orgUnitId: world.units.ngocThuy, programmeId: fx.programmeId, period: { year: 2017 } },
        })
      ).id,
    );
    expect(p.approvalEventId).toBeNull();
    const { getLandClearanceProjects } = await import("@/lib/data/records");
    expect(
      (
        await getLandClearanceProjects({
          wardSlug: NT,
          termId: fx.termId,
          scope: { all: true },
          programmeSlug: "03-CTr-QU",
        })
      ).map((x) => x.name),
    ).not.toContain("Đường gom");
  });

  it("creates the ward's ENTRY source on first use, with the shared key and title", async () => {
    as("otherOfficial");
    expect(await prisma().source.findUnique({ where: { key: "entry:bo-de" } })).toBeNull();
    const r = await lc.saveLandClearanceProject(null, projectForm({ ward: "bo-de", name: "Dự án Bồ Đề" }));
    expect(r.ok).toBe(true);
    const source = await prisma().source.findUniqueOrThrow({ where: { key: "entry:bo-de" } });
    expect(source).toMatchObject({ kind: "ENTRY", title: "Số liệu do phường bo-de nhập, Đảng ủy phường duyệt" });
    expect(
      await prisma().auditLog.count({ where: { entity: "source", entityId: String(source.id), action: "CREATE" } }),
    ).toBe(1);
  });

  it("refuses invalid figures and cross-field errors with messages by field, writing nothing", async () => {
    as("official");
    const before = await auditCount();
    const r = await lc.saveLandClearanceProject(
      null,
      projectForm({ name: "Sai", householdsAffected: "1,5", startYear: "2019", endYear: "2016" }),
    );
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys(r.fieldErrors!)).toEqual(["householdsAffected"]);
    const years = await lc.saveLandClearanceProject(
      null,
      projectForm({ name: "Sai", startYear: "2019", endYear: "2016" }),
    );
    expect(years.fieldErrors).toEqual({ endYear: ["Năm kết thúc không được trước năm bắt đầu."] });
    const outside = await lc.saveLandClearanceProject(null, projectForm({ name: "Sai", startYear: "2014" }));
    expect(outside.fieldErrors?.startYear?.[0]).toMatch(/trong nhiệm kỳ 2015–2020/);
    const duplicate = await lc.saveLandClearanceProject(null, projectForm({ name: "Dự án phường nhập" }));
    expect(duplicate.fieldErrors).toEqual({ name: ["Phường đã có dự án cùng tên trong nhiệm kỳ này."] });
    expect(await auditCount()).toBe(before);
    expect(await prisma().landClearanceProject.count({ where: { name: "Sai" } })).toBe(0);
  });

  it("edits a project: version moves on, audit old → new for the changed fields only", async () => {
    as("official");
    const r = await lc.saveLandClearanceProject(
      null,
      projectForm({
        id: fx.project,
        version: 1,
        name: "Dự án phường nhập",
        startYear: "2016",
        endYear: "2019",
        householdsAffected: "24",
        areaM2: "5.000",
        status: "COMPLETED",
      }),
    );
    expect(r).toMatchObject({ ok: true, data: { id: fx.project, version: 2 } });
    const audit = await auditRows("land_clearance_project", fx.project);
    expect(audit.map((a) => [a.action, a.field, a.oldValue, a.newValue])).toEqual([
      ["UPDATE", "status", "UNKNOWN", "COMPLETED"],
      ["UPDATE", "householdsAffected", "20", "24"],
    ]);
  });

  it("refuses a stale version with the saved values, and writes nothing", async () => {
    as("official");
    const before = await auditCount();
    const r = await lc.saveLandClearanceProject(
      null,
      projectForm({ id: fx.project, version: 1, name: "Dự án phường nhập", householdsAffected: "99" }),
    );
    expect(r).toMatchObject({ ok: false, code: "conflict" });
    expect(r.data?.saved?.version).toBe(2);
    expect(r.data?.saved?.fields).toContainEqual({
      field: "householdsAffected",
      label: "Số hộ bị ảnh hưởng",
      value: "24",
    });
    expect(r.data?.saved?.fields).toContainEqual({ field: "status", label: "Tình trạng", value: "Hoàn thành" });
    const p = await prisma().landClearanceProject.findUniqueOrThrow({ where: { id: fx.project } });
    expect(p).toMatchObject({ version: 2, householdsAffected: 24 });
    expect(await auditCount()).toBe(before);
    // a stale delete too
    expect(await lc.deleteLandClearanceProject(null, formOf({ ward: NT, id: fx.project, version: 1 }))).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await prisma().landClearanceProject.count({ where: { id: fx.project } })).toBe(1);
  });

  it("keeps reported projects as reported: editing or deleting is refused with a clear message", async () => {
    as("official");
    const before = await auditCount();
    const edit = await lc.saveLandClearanceProject(
      null,
      projectForm({ id: fx.reportedProject, version: 1, name: "Đường 25m (báo cáo)", householdsAffected: "10" }),
    );
    expect(edit).toMatchObject({ ok: false, code: "locked" });
    expect(edit.message).toMatch(/lấy từ “Báo cáo thử”.*nhập tiến độ theo năm/);
    expect(
      (await lc.deleteLandClearanceProject(null, formOf({ ward: NT, id: fx.reportedProject, version: 1 }))).code,
    ).toBe("locked");
    expect(await prisma().landClearanceProject.findUniqueOrThrow({ where: { id: fx.reportedProject } })).toMatchObject({
      version: 1,
      householdsAffected: null,
    });
    expect(await auditCount()).toBe(before);
  });

  it("refuses another ward's official, read-only roles, and another ward's record under one's own ward", async () => {
    const before = await auditCount();
    for (const who of ["otherOfficial", "committee", "staff"] as const) {
      as(who);
      const r = await lc.saveLandClearanceProject(
        null,
        projectForm({ id: fx.project, version: 2, name: "Dự án phường nhập", householdsAffected: "1" }),
      );
      expect(r.code, who).toBe("forbidden");
      expect(
        (
          await lc.saveLandClearanceProgress(
            null,
            formOf({ ward: NT, projectId: fx.project, year: 2019, version: 0, householdsHandedOver: "1" }),
          )
        ).code,
        who,
      ).toBe("forbidden");
    }
    // Bồ Đề's official naming their own ward but Ngọc Thụy's records
    as("otherOfficial");
    expect(
      (await lc.saveLandClearanceProject(null, projectForm({ ward: "bo-de", id: fx.project, version: 2, name: "x" })))
        .code,
    ).toBe("not-found");
    expect(
      (
        await lc.saveLandClearanceProgress(
          null,
          formOf({ ward: "bo-de", projectId: fx.project, year: 2019, version: 0, householdsHandedOver: "1" }),
        )
      ).code,
    ).toBe("not-found");
    expect(
      (await lc.deleteLandClearanceProgress(null, formOf({ ward: "bo-de", id: fx.progressToDelete, version: 1 }))).code,
    ).toBe("not-found");
    // a residential group is not a ward
    as("official");
    expect((await lc.saveLandClearanceProject(null, projectForm({ ward: "ngoc-thuy-to-1", name: "Tổ" }))).code).toBe(
      "not-found",
    );
    expect(await auditCount()).toBe(before);
    expect(await prisma().landClearanceProject.findUniqueOrThrow({ where: { id: fx.project } })).toMatchObject({
      version: 2,
      householdsAffected: 24,
    });
  });
});

describe("yearly progress", () => {
  const progress = (o: Record<string, string | number>) =>
    formOf({ ward: NT, projectId: fx.project, version: 0, ...o });

  it("adds a year, edits it, and audits each change", async () => {
    as("official");
    const add = await lc.saveLandClearanceProgress(
      null,
      progress({ year: 2018, householdsHandedOver: "10", areaM2: "2.000,25", compensationDong: "1.500.000.000" }),
    );
    expect(add).toMatchObject({ ok: true, message: "Đã lưu tiến độ năm 2018.", data: { version: 1 } });
    const id = add.data!.id!;
    const edit = await lc.saveLandClearanceProgress(
      null,
      progress({
        year: 2018,
        version: 1,
        householdsHandedOver: "12",
        areaM2: "2.000,25",
        compensationDong: "1.500.000.000",
        note: "Bàn giao đợt 2",
      }),
    );
    expect(edit).toMatchObject({ ok: true, data: { id, version: 2 } });
    const row = await prisma().landClearanceProgress.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      year: 2018,
      householdsHandedOver: 12,
      note: "Bàn giao đợt 2",
      version: 2,
      updatedById: world.users.official.id,
    });
    const audit = await auditRows("land_clearance_progress", id);
    expect(
      audit
        .filter((a) => a.action === "CREATE")
        .map((a) => a.field)
        .sort(),
    ).toEqual(["areaM2", "compensationDong", "householdsHandedOver", "year"]);
    expect(audit.filter((a) => a.action === "UPDATE").map((a) => [a.field, a.oldValue, a.newValue])).toEqual([
      ["householdsHandedOver", "10", "12"],
      ["note", null, "Bàn giao đợt 2"],
    ]);
    const { getLandClearanceProjects } = await import("@/lib/data/records");
    // a draft until the committee approves 2018: neither the (draft) project nor its year on the dashboards
    expect(row.approvalEventId).toBeNull();
    expect(
      (await getLandClearanceProjects({ wardSlug: NT, termId: fx.termId, scope: { all: true } })).find(
        (p) => p.name === "Dự án phường nhập",
      ),
    ).toBeUndefined();
  });

  it("keeps households handed over over all years within the households affected, and the year within the project", async () => {
    as("official");
    const before = await auditCount();
    // 5 (2017) + 12 (2018) + 8 > 24
    const over = await lc.saveLandClearanceProgress(null, progress({ year: 2019, householdsHandedOver: "8" }));
    expect(over).toMatchObject({ ok: false, code: "invalid" });
    expect(over.fieldErrors?.householdsHandedOver?.[0]).toMatch(/\(25\).*\(24\)/);
    const area = await lc.saveLandClearanceProgress(null, progress({ year: 2019, areaM2: "2.000" }));
    expect(area.fieldErrors).toHaveProperty("areaM2");
    const outside = await lc.saveLandClearanceProgress(null, progress({ year: 2020, householdsHandedOver: "1" }));
    expect(outside.fieldErrors?.year?.[0]).toMatch(/thời gian của dự án/);
    // lowering the project's households below what was handed over is refused too
    const project = await lc.saveLandClearanceProject(
      null,
      projectForm({
        id: fx.project,
        version: 2,
        name: "Dự án phường nhập",
        startYear: "2016",
        endYear: "2019",
        householdsAffected: "16",
        areaM2: "5.000",
        status: "COMPLETED",
      }),
    );
    expect(project.fieldErrors?.householdsAffected?.[0]).toMatch(/nhỏ hơn tổng số hộ đã bàn giao/);
    expect(await auditCount()).toBe(before);
  });

  it("refuses a stale version of a year, and a second 'new' entry of a year that exists meanwhile", async () => {
    as("official");
    const before = await auditCount();
    const stale = await lc.saveLandClearanceProgress(
      null,
      progress({ year: 2018, version: 1, householdsHandedOver: "11" }),
    );
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(stale.data?.saved?.version).toBe(2);
    const again = await lc.saveLandClearanceProgress(
      null,
      progress({ year: 2018, version: 0, householdsHandedOver: "11" }),
    );
    expect(again.code).toBe("conflict");
    expect(
      await prisma().landClearanceProgress.findFirstOrThrow({ where: { projectId: fx.project, year: 2018 } }),
    ).toMatchObject({ version: 2, householdsHandedOver: 12 });
    expect(await auditCount()).toBe(before);
  });

  it("adds progress to a reported project (entered by the ward, the project itself untouched)", async () => {
    as("official");
    const r = await lc.saveLandClearanceProgress(
      null,
      formOf({ ward: NT, projectId: fx.reportedProject, year: 2019, version: 0, householdsHandedOver: "7" }),
    );
    expect(r.ok).toBe(true);
    expect(await prisma().landClearanceProject.findUniqueOrThrow({ where: { id: fx.reportedProject } })).toMatchObject({
      version: 1,
      sourceId: fx.reportSourceId,
    });
  });

  it("deletes a year's progress, and a project with its progress, every row audited", async () => {
    as("official");
    const one = await lc.deleteLandClearanceProgress(null, formOf({ ward: NT, id: fx.progressToDelete, version: 1 }));
    expect(one).toMatchObject({ ok: true });
    expect(await prisma().landClearanceProgress.count({ where: { id: fx.progressToDelete } })).toBe(0);
    expect(
      (await auditRows("land_clearance_progress", fx.progressToDelete))
        .filter((a) => a.action === "DELETE")
        .map((a) => [a.field, a.oldValue]),
    ).toEqual([
      ["year", "2017"],
      ["householdsHandedOver", "5"],
      ["areaM2", "1000"],
    ]);
    const progressIds = (
      await prisma().landClearanceProgress.findMany({ where: { projectId: fx.projectToDelete }, select: { id: true } })
    ).map((p) => p.id);
    const all = await lc.deleteLandClearanceProject(null, formOf({ ward: NT, id: fx.projectToDelete, version: 1 }));
    expect(all).toMatchObject({ ok: true, message: "Đã xóa dự án và tiến độ các năm của nó." });
    expect(await prisma().landClearanceProject.count({ where: { id: fx.projectToDelete } })).toBe(0);
    expect(
      await prisma().auditLog.count({
        where: {
          entity: "land_clearance_project",
          entityId: String(fx.projectToDelete),
          action: "DELETE",
          field: "name",
          oldValue: "Dự án để xóa",
        },
      }),
    ).toBe(1);
    for (const id of progressIds)
      expect(
        await prisma().auditLog.count({
          where: { entity: "land_clearance_progress", entityId: String(id), action: "DELETE" },
        }),
      ).toBeGreaterThan(0);
  });
});

describe("achievements", () => {
  const form = (o: Record<string, string | number>) =>
    formOf({ ward: NT, term: "2015-2020", version: 0, kind: "GREEN_CLEAN_BEAUTIFUL", status: "ACHIEVED", ...o });

  it("creates one for a residential group of the ward, edits it, and audits both", async () => {
    as("official");
    const r = await ach.saveAchievement(
      null,
      form({
        title: "Tổ 1 đạt Xanh – Sạch – Đẹp",
        year: "2019",
        subject: "ngoc-thuy-to-1",
        recognitionLevel: "DISTRICT",
        programme: "03-CTr-QU",
      }),
    );
    expect(r).toMatchObject({ ok: true, data: { version: 1 } });
    const a = await prisma().achievement.findUniqueOrThrow({ where: { id: r.data!.id }, include: { source: true } });
    expect(a).toMatchObject({
      subjectOrgUnitId: world.units.group,
      programmeId: fx.programmeId,
      recognitionLevel: "DISTRICT",
      year: 2019,
    });
    expect(a.source.key).toBe("entry:ngoc-thuy");
    const e = await ach.saveAchievement(
      null,
      form({
        id: a.id,
        version: 1,
        title: "Tổ 1 đạt Xanh – Sạch – Đẹp",
        year: "2020",
        subject: "ngoc-thuy-to-1",
        recognitionLevel: "DISTRICT",
        programme: "03-CTr-QU",
      }),
    );
    expect(e).toMatchObject({ ok: true, data: { version: 2 } });
    expect(
      (await auditRows("achievement", a.id))
        .filter((x) => x.action === "UPDATE")
        .map((x) => [x.field, x.oldValue, x.newValue]),
    ).toEqual([["year", "2019", "2020"]]);
    const { getAchievements } = await import("@/lib/data/records");
    // a draft (moved with its year to the 2020 submission): not on the dashboards before approval
    expect(
      (
        await prisma().achievement.findUniqueOrThrow({
          where: { id: a.id },
          select: { submission: { select: { period: { select: { year: true } } } } },
        })
      ).submission?.period.year,
    ).toBe(2020);
    expect(
      (await getAchievements(fx.termId, { ward: NT, programme: "03-CTr-QU" }, { all: true })).map((x) => x.title),
    ).not.toContain("Tổ 1 đạt Xanh – Sạch – Đẹp");
    expect(await getAchievements(fx.termId, { subject: "ngoc-thuy-to-1" }, { all: true })).toEqual([]);
  });

  it("refuses a group outside the ward, a year outside the term, a stale version, a reported achievement", async () => {
    as("official");
    const before = await auditCount();
    expect((await ach.saveAchievement(null, form({ title: "X", subject: "bo-de" }))).fieldErrors).toHaveProperty(
      "subject",
    );
    expect((await ach.saveAchievement(null, form({ title: "X", year: "2021" }))).fieldErrors).toHaveProperty("year");
    expect(
      (
        await ach.saveAchievement(
          null,
          form({ id: fx.achievement, version: 3, kind: "OTHER", title: "Danh hiệu phường nhập" }),
        )
      ).code,
    ).toBe("conflict");
    expect(
      (
        await ach.saveAchievement(
          null,
          form({ id: fx.reportedAchievement, version: 1, kind: "OTHER", title: "Sửa báo cáo" }),
        )
      ).code,
    ).toBe("locked");
    expect((await ach.deleteAchievement(null, formOf({ ward: NT, id: fx.reportedAchievement, version: 1 }))).code).toBe(
      "locked",
    );
    as("committee");
    expect((await ach.deleteAchievement(null, formOf({ ward: NT, id: fx.achievement, version: 1 }))).code).toBe(
      "forbidden",
    );
    expect(await auditCount()).toBe(before);
  });

  it("deletes one entered in the app, audited", async () => {
    as("official");
    expect(
      await ach.deleteAchievement(null, formOf({ ward: NT, id: fx.achievementToDelete, version: 1 })),
    ).toMatchObject({ ok: true });
    expect(await prisma().achievement.count({ where: { id: fx.achievementToDelete } })).toBe(0);
    expect(
      await prisma().auditLog.count({
        where: { entity: "achievement", entityId: String(fx.achievementToDelete), action: "DELETE", field: "title" },
      }),
    ).toBe(1);
  });
});

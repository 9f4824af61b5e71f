// Land-clearance projects, their yearly progress and achievements entered by a ward are reviewed with
// the ward's figures of their year and programme: drafts (seen only by the ward's officials and
// committee) until the committee approves that submission, then published and locked — refused by the
// save path and by the database — until district staff unlock it; a change after the unlock is a
// draft again until the next approval.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type World, browserHeaders, createWorld, dropWorld, signInCookie } from "./auth-fixtures";
import { type LandClearanceFixtures, createLandClearanceFixtures, formOf } from "./land-clearance-fixtures";
import { request } from "./next-request";

type Who = "official" | "committee" | "staff";
let world: World;
let fx: LandClearanceFixtures;
const cookies = new Map<Who, string>();
let lc: typeof import("@/lib/actions/land-clearance");
let ach: typeof import("@/lib/actions/achievements");
let records: typeof import("@/lib/data/records");
let gpmb: typeof import("@/lib/data/land-clearance");
let workflow: typeof import("@/lib/data/submission-workflow");
let wardOverview: typeof import("@/lib/data/ward-overview");
let dashboards: typeof import("@/lib/data/programme-dashboard");

beforeAll(async () => {
  world = await createWorld();
  fx = await createLandClearanceFixtures(world);
  for (const who of ["official", "committee", "staff"] as const)
    cookies.set(who, await signInCookie(world.users[who].username));
  lc = await import("@/lib/actions/land-clearance");
  ach = await import("@/lib/actions/achievements");
  records = await import("@/lib/data/records");
  gpmb = await import("@/lib/data/land-clearance");
  workflow = await import("@/lib/data/submission-workflow");
  wardOverview = await import("@/lib/data/ward-overview");
  dashboards = await import("@/lib/data/programme-dashboard");
}, 120_000);
afterAll(() => dropWorld(world));

const as = (who: Who) => {
  request.headers = browserHeaders(cookies.get(who));
};
const prisma = () => world.database.prisma;
const NT = "ngoc-thuy";
const ALL = { all: true } as const;
const TERM = { id: 0, slug: "2015-2020", name: "Nhiệm kỳ 2015–2020", startYear: 2015, endYear: 2020 };
const term = () => ({ ...TERM, id: fx.termId });

/**
 * What the public reads: the dashboards' records, and /gpmb without drafts. The ward's overview and
 * programme dashboard, kept per process (lib/data/unit-page-cache.ts), show the same records at once.
 */
async function publicView() {
  const page = await gpmb.getGpmbPage({ wardSlug: NT, term: term(), scope: ALL, drafts: false });
  const [overview, dashboard] = await Promise.all([
    wardOverview.getWardOverview(NT, term(), ALL),
    dashboards.getProgrammeDashboard({ wardSlug: NT, programmeSlug: "03-CTr-QU", term: term(), scope: ALL }),
  ]);
  expect(overview!.projects).toEqual(
    await records.getLandClearanceProjects({ wardSlug: NT, termId: fx.termId, scope: ALL }),
  );
  expect(overview!.achievements).toEqual(await records.getAchievements(fx.termId, { ward: NT }, ALL));
  expect(dashboard!.projects).toEqual(
    await records.getLandClearanceProjects({ wardSlug: NT, termId: fx.termId, scope: ALL, programmeSlug: "03-CTr-QU" }),
  );
  expect(dashboard!.achievements).toEqual(
    await records.getAchievements(fx.termId, { ward: NT, programme: "03-CTr-QU" }, ALL),
  );
  return {
    projects: (await records.getLandClearanceProjects({ wardSlug: NT, termId: fx.termId, scope: ALL })).map((p) => ({
      name: p.name,
      years: p.progress.map((y) => y.year),
    })),
    achievements: (await records.getAchievements(fx.termId, { ward: NT }, ALL)).map((a) => a.title),
    gpmbProjects: page!.projects.map((p) => p.name),
    gpmbAchievements: page!.achievements.map((a) => a.title),
  };
}

/** Sends a transition on the ward's 2019 submission of programme 03 as `who`, from its current version. */
async function transition(
  who: "official" | "committee" | "staff",
  action: "SUBMIT" | "APPROVE" | "UNLOCK",
  comment: string | null = null,
) {
  const periodId = (await prisma().period.findFirstOrThrow({ where: { termId: fx.termId, kind: "YEAR", year: 2019 } }))
    .id;
  const sub = await prisma().submission.findFirstOrThrow({
    where: { orgUnitId: world.units.ngocThuy, periodId, programmeId: fx.programmeId },
  });
  const user = world.users[who];
  const target = {
    wardId: world.units.ngocThuy,
    periodId,
    programmeId: fx.programmeId,
    wardSlug: NT,
    wardShortName: NT,
  };
  return workflow.transitionSubmission({
    actor: { userId: user.id, name: user.username },
    target,
    action,
    expectedVersion: sub.version,
    comment,
  });
}

let projectId = 0;
let progressId = 0;
let achievementId = 0;
const PROJECT = "Mở rộng đường Ngọc Thụy";
const ACHIEVEMENT = "Tuyến phố văn minh đô thị Tổ 1";
const projectForm = (o: Record<string, string | number>) =>
  formOf({
    ward: NT,
    term: "2015-2020",
    version: 0,
    status: "IN_PROGRESS",
    name: PROJECT,
    startYear: "2019",
    endYear: "2020",
    householdsAffected: "40",
    ...o,
  });
const achievementForm = (o: Record<string, string | number>) =>
  formOf({
    ward: NT,
    term: "2015-2020",
    version: 0,
    kind: "CIVILISED_STREET",
    status: "ACHIEVED",
    year: "2019",
    title: ACHIEVEMENT,
    programme: "03-CTr-QU",
    ...o,
  });

describe("records entered by the ward go through review", () => {
  it("are drafts of the year's submission: on /gpmb for the ward's officials and committee only, marked, never on the dashboards", async () => {
    as("official");
    const p = await lc.saveLandClearanceProject(null, projectForm({}));
    expect(p.ok).toBe(true);
    projectId = p.data!.id!;
    // progress of 2019 on a project of 2016 (itself a draft of 2016)
    const y = await lc.saveLandClearanceProgress(
      null,
      formOf({ ward: NT, projectId: fx.project, year: "2019", version: 0, householdsHandedOver: "4" }),
    );
    expect(y.ok).toBe(true);
    progressId = y.data!.id!;
    const a = await ach.saveAchievement(null, achievementForm({}));
    expect(a.ok).toBe(true);
    achievementId = a.data!.id!;

    expect(await publicView()).toEqual({
      projects: [{ name: "Đường 25m (báo cáo)", years: [] }],
      achievements: ["Danh hiệu theo báo cáo"],
      gpmbProjects: ["Đường 25m (báo cáo)"],
      gpmbAchievements: ["Danh hiệu theo báo cáo"],
    });
    const overview = await (await import("@/lib/data/ward-overview")).getWardOverview(NT, term(), ALL);
    expect(overview?.projects.map((x) => x.name)).toEqual(["Đường 25m (báo cáo)"]);
    const dashboard = await (
      await import("@/lib/data/programme-dashboard")
    ).getProgrammeDashboard({ wardSlug: NT, programmeSlug: "03-CTr-QU", term: term(), scope: ALL });
    expect(dashboard?.achievements.map((x) => x.title)).toEqual(["Danh hiệu theo báo cáo"]);

    const drafts = await gpmb.getGpmbPage({ wardSlug: NT, term: term(), scope: ALL, drafts: true });
    expect(drafts!.projects.find((x) => x.name === PROJECT)?.review).toEqual({ state: "draft" });
    expect(drafts!.projects.find((x) => x.id === fx.project)?.progress.find((x) => x.year === 2019)?.review).toEqual({
      state: "draft",
    });
    expect(drafts!.achievements.find((x) => x.title === ACHIEVEMENT)?.review).toEqual({ state: "draft" });
    expect(drafts!.projects.find((x) => x.id === fx.reportedProject)?.review).toEqual({ state: "source" });

    // who may see the drafts on /gpmb
    const { mayReadDrafts } = await import("@/lib/auth/may-edit");
    const seen: Record<string, boolean> = {};
    for (const who of ["official", "committee", "staff"] as const) {
      as(who);
      seen[who] = await mayReadDrafts(NT);
    }
    request.headers = browserHeaders(undefined);
    seen.anonymous = await mayReadDrafts(NT);
    expect(seen).toEqual({ official: true, committee: true, staff: false, anonymous: false });
  });

  it("are locked once sent: the save path refuses with a Vietnamese message", async () => {
    expect(await transition("official", "SUBMIT")).toMatchObject({ ok: true, status: "SUBMITTED" });
    as("official");
    const r = await lc.saveLandClearanceProject(
      null,
      projectForm({ id: projectId, version: 1, householdsAffected: "41" }),
    );
    expect(r).toMatchObject({ ok: false, code: "locked" });
    expect(r.message).toBe(
      "Số liệu năm 2019 của phường đã gửi, chờ Đảng ủy phường duyệt: bản ghi này không thêm, sửa, xóa được cho đến khi Đảng ủy trả lại.",
    );
  });

  it("are published by the approval, labelled with who approved them and when", async () => {
    const r = await transition("committee", "APPROVE");
    expect(r).toMatchObject({ ok: true, status: "APPROVED", published: { records: 3 } });
    expect(await publicView()).toEqual({
      projects: [
        { name: PROJECT, years: [] },
        { name: "Đường 25m (báo cáo)", years: [] },
      ],
      achievements: ["Danh hiệu theo báo cáo", ACHIEVEMENT],
      gpmbProjects: ["Đường 25m (báo cáo)", PROJECT],
      gpmbAchievements: ["Danh hiệu theo báo cáo", ACHIEVEMENT],
    });
    // the 2019 progress is approved, but its project (a draft of 2016) is not published yet
    expect(
      (await records.getLandClearanceProjects({ wardSlug: NT, termId: fx.termId, scope: ALL })).some(
        (x) => x.name === "Dự án phường nhập",
      ),
    ).toBe(false);
    const page = await gpmb.getGpmbPage({ wardSlug: NT, term: term(), scope: ALL, drafts: false });
    expect(page!.projects.find((x) => x.name === PROJECT)?.review).toMatchObject({
      state: "approved",
      by: world.users.committee.username,
    });
    expect(page!.achievements.find((x) => x.title === ACHIEVEMENT)?.review).toMatchObject({
      state: "approved",
      by: world.users.committee.username,
    });
    const audit = await prisma().auditLog.count({
      where: {
        field: "approval",
        entity: { in: ["land_clearance_project", "land_clearance_progress", "achievement"] },
      },
    });
    expect(audit).toBe(3);
  });

  it("are locked after approval: every save and delete through the app is refused, nothing changes", async () => {
    as("official");
    const before = await prisma().auditLog.count();
    const locked =
      "Số liệu năm 2019 của phường đã được Đảng ủy phường duyệt và khóa: bản ghi này không thêm, sửa, xóa được; muốn sửa, cán bộ quận, thành phố phải mở khóa.";
    const answers = [
      await lc.saveLandClearanceProject(null, projectForm({ id: projectId, version: 1, householdsAffected: "41" })),
      await lc.deleteLandClearanceProject(null, formOf({ ward: NT, id: projectId, version: 1 })),
      await lc.saveLandClearanceProgress(
        null,
        formOf({ ward: NT, projectId: fx.project, year: "2019", version: 1, householdsHandedOver: "5" }),
      ),
      await lc.deleteLandClearanceProgress(null, formOf({ ward: NT, id: progressId, version: 1 })),
      await ach.saveAchievement(null, achievementForm({ id: achievementId, version: 1, note: "sửa sau duyệt" })),
      await ach.deleteAchievement(null, formOf({ ward: NT, id: achievementId, version: 1 })),
      // nor added to the approved year, nor moved into it
      await lc.saveLandClearanceProject(null, projectForm({ name: "Dự án mới năm 2019" })),
      await ach.saveAchievement(
        null,
        achievementForm({ id: fx.achievement, version: 1, title: "Danh hiệu phường nhập", year: "2019" }),
      ),
    ];
    for (const a of answers) expect(a).toMatchObject({ ok: false, code: "locked", message: locked });
    expect(await prisma().auditLog.count()).toBe(before);
    expect(
      (await prisma().landClearanceProject.findUniqueOrThrow({ where: { id: projectId } })).householdsAffected,
    ).toBe(40);
  });

  it("are locked in the database too, for any writer", async () => {
    const refused = /is locked: submission \d+ is APPROVED/;
    await expect(
      prisma().$executeRaw`UPDATE land_clearance_project SET households_affected = 99 WHERE id = ${projectId}`,
    ).rejects.toThrow(refused);
    await expect(prisma().$executeRaw`DELETE FROM land_clearance_progress WHERE id = ${progressId}`).rejects.toThrow(
      refused,
    );
    await expect(
      prisma().$executeRaw`UPDATE achievement SET title = 'khác' WHERE id = ${achievementId}`,
    ).rejects.toThrow(refused);
    const sub = (await prisma().achievement.findUniqueOrThrow({ where: { id: achievementId } })).submissionId!;
    await expect(
      prisma()
        .$executeRaw`INSERT INTO achievement (org_unit_id, term_id, kind, title, source_id, submission_id, updated_at) VALUES (${world.units.ngocThuy}, ${fx.termId}, 'OTHER', 'lén thêm', ${fx.entrySourceId}, ${sub}, now())`,
    ).rejects.toThrow(refused);
    // an entered record cannot escape review by having no submission, nor claim an approval it never had
    await expect(
      prisma()
        .$executeRaw`INSERT INTO achievement (org_unit_id, term_id, kind, title, source_id, updated_at) VALUES (${world.units.ngocThuy}, ${fx.termId}, 'OTHER', 'không duyệt', ${fx.entrySourceId}, now())`,
    ).rejects.toThrow(/needs its submission/);
    const approval = (await prisma().achievement.findUniqueOrThrow({ where: { id: achievementId } })).approvalEventId!;
    await expect(
      prisma().$executeRaw`UPDATE achievement SET approval_event_id = ${approval} WHERE id = ${fx.achievement}`,
    ).rejects.toThrow(/must name an approval of its submission/);
  });

  it("are reopened by an unlock: a change is a draft again until the next approval; unchanged ones stay published", async () => {
    expect(await transition("staff", "UNLOCK", "Sửa số hộ")).toMatchObject({ ok: true, status: "DRAFT" });
    as("official");
    const r = await lc.saveLandClearanceProject(
      null,
      projectForm({ id: projectId, version: 1, householdsAffected: "41" }),
    );
    expect(r).toMatchObject({ ok: true, data: { version: 2 } });
    const view = await publicView();
    expect(view.gpmbProjects).toEqual(["Đường 25m (báo cáo)"]);
    expect(view.achievements).toEqual(["Danh hiệu theo báo cáo", ACHIEVEMENT]);
    expect(
      (await gpmb.getGpmbPage({ wardSlug: NT, term: term(), scope: ALL, drafts: true }))!.projects.find(
        (x) => x.id === projectId,
      )?.review,
    ).toEqual({ state: "draft" });

    expect(await transition("official", "SUBMIT")).toMatchObject({ ok: true });
    expect(await transition("committee", "APPROVE")).toMatchObject({ ok: true, published: { records: 1 } });
    const again = await records.getLandClearanceProjects({ wardSlug: NT, termId: fx.termId, scope: ALL });
    expect(again.find((x) => x.name === PROJECT)?.householdsAffected).toBe(41);
  });
});

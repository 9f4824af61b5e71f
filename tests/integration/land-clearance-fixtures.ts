// Land-clearance records for the access tests' small world (auth-fixtures.ts): the 2015–2020 term,
// programme 03 holding the "du-an-gpmb" indicator, and in Ngọc Thụy one reported project, projects
// and achievements entered by the ward (to edit and to delete), one year's progress. Upserts for the
// catalogue, so that another fixture creating the same term or programme does not collide. Entered
// records belong to the ward's (draft) submission of their year on programme 03, as the app writes them.
import type { World } from "./auth-fixtures";

export type LandClearanceFixtures = {
  termId: number;
  programmeId: number;
  reportSourceId: number;
  entrySourceId: number;
  /** reported (source REPORT): read-only in the app */
  reportedProject: number;
  reportedAchievement: number;
  /** entered by the ward: one to edit, one to delete (with its progress) */
  project: number;
  projectToDelete: number;
  progressToDelete: number;
  achievement: number;
  achievementToDelete: number;
};

export async function createLandClearanceFixtures(world: World): Promise<LandClearanceFixtures> {
  const { prisma } = world.database;
  const term = await prisma.term.upsert({
    where: { slug: "2015-2020" },
    create: { slug: "2015-2020", name: "Nhiệm kỳ 2015–2020", startYear: 2015, endYear: 2020 },
    update: {},
  });
  const programme = await prisma.programme.upsert({
    where: { issuerId_termId_code: { issuerId: world.units.district, termId: term.id, code: "03-CTr/QU" } },
    create: {
      termId: term.id,
      issuerId: world.units.district,
      number: 3,
      code: "03-CTr/QU",
      slug: "03-CTr-QU",
      title: "Chương trình 03",
      summary: "Hạ tầng đô thị",
    },
    update: {},
  });
  const section = await prisma.indicatorSection.upsert({
    where: { programmeId_code: { programmeId: programme.id, code: "gpmb" } },
    create: { programmeId: programme.id, code: "gpmb", name: "Giải phóng mặt bằng" },
    update: {},
  });
  await prisma.indicator.upsert({
    where: { programmeId_code: { programmeId: programme.id, code: "du-an-gpmb" } },
    create: {
      programmeId: programme.id,
      sectionId: section.id,
      code: "du-an-gpmb",
      name: "Dự án GPMB",
      unit: "dự án",
      valueType: "COUNT",
      aggregation: "SUM",
      direction: "NEUTRAL",
    },
    update: {},
  });
  const source = (key: string, kind: "REPORT" | "ENTRY", title: string) =>
    prisma.source.upsert({ where: { key }, create: { key, kind, title }, update: {} }).then((s) => s.id);
  const reportSourceId = await source("bao-cao-thu", "REPORT", "Báo cáo thử");
  const entrySourceId = await source(
    "entry:ngoc-thuy",
    "ENTRY",
    "Số liệu do phường ngoc-thuy nhập, Đảng ủy phường duyệt",
  );

  const base = { orgUnitId: world.units.ngocThuy, termId: term.id, programmeId: programme.id };
  /** The ward's submission of `year` on programme 03 (a draft when new). */
  const submission = async (year: number) => {
    const period = { termId: term.id, kind: "YEAR" as const, year };
    const periodId = (await prisma.period.upsert({ where: { termId_kind_year: period }, create: period, update: {} }))
      .id;
    const key = { orgUnitId: world.units.ngocThuy, periodId, programmeId: programme.id };
    return (await prisma.submission.upsert({ where: { orgUnitId_periodId_programmeId: key }, create: key, update: {} }))
      .id;
  };
  const project = (name: string, sourceId: number, extra: object = {}) =>
    prisma.landClearanceProject.create({ data: { ...base, name, sourceId, ...extra } }).then((p) => p.id);
  const reportedProject = await project("Đường 25m (báo cáo)", reportSourceId);
  const entered = await project("Dự án phường nhập", entrySourceId, {
    startYear: 2016,
    endYear: 2019,
    householdsAffected: 20,
    areaM2: "5000",
    submissionId: await submission(2016),
  });
  const projectToDelete = await project("Dự án để xóa", entrySourceId, { submissionId: await submission(2020) });
  const progressToDelete = (
    await prisma.landClearanceProgress.create({
      data: {
        projectId: entered,
        year: 2017,
        householdsHandedOver: 5,
        areaM2: "1000",
        updatedById: world.users.official.id,
        submissionId: await submission(2017),
      },
    })
  ).id;
  await prisma.landClearanceProgress.create({
    data: {
      projectId: projectToDelete,
      year: 2018,
      householdsHandedOver: 1,
      updatedById: world.users.official.id,
      submissionId: await submission(2018),
    },
  });

  const achievement = async (title: string, sourceId: number) =>
    prisma.achievement
      .create({
        data: {
          ...base,
          kind: "OTHER",
          status: "ACHIEVED",
          year: 2018,
          title,
          sourceId,
          ...(sourceId === entrySourceId ? { submissionId: await submission(2018) } : {}),
        },
      })
      .then((a) => a.id);
  return {
    termId: term.id,
    programmeId: programme.id,
    reportSourceId,
    entrySourceId,
    reportedProject,
    reportedAchievement: await achievement("Danh hiệu theo báo cáo", reportSourceId),
    project: entered,
    projectToDelete,
    progressToDelete,
    achievement: await achievement("Danh hiệu phường nhập", entrySourceId),
    achievementToDelete: await achievement("Danh hiệu để xóa", entrySourceId),
  };
}

/** A FormData of `fields` (what the forms of /{ward}/gpmb post). */
export function formOf(fields: Record<string, string | number>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, String(v));
  return fd;
}

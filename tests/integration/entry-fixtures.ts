// A small programme for the entry tests, added to the access world (auth-fixtures.ts): the term
// 2015–2020 with its periods, programme 03-CTr-QU issued by Long Biên with ward indicators (a
// total with two category sub-rows and a rule that they may not exceed it, a rate, a yes/no), a
// yes/no indicator per residential group whose ward share is derived, a second group, and the
// ward's published figures of 2017–2019 (history for the outlier check).
import type { World } from "./auth-fixtures";

export type EntryCatalogue = {
  termId: number;
  programmeId: number;
  periods: Record<number, number>;
  indicators: Record<string, number>;
  group2: number;
};

export const ENTRY_PROGRAMME = "03-CTr-QU";

export async function createEntryCatalogue(world: World): Promise<EntryCatalogue> {
  const { prisma } = world.database;
  // other fixtures of the same world may have made the term and its years already
  const term = await prisma.term.upsert({
    where: { slug: "2015-2020" },
    create: { slug: "2015-2020", name: "Nhiệm kỳ 2015–2020", startYear: 2015, endYear: 2020 },
    update: {},
  });
  const periods: Record<number, number> = {};
  for (let y = 2015; y <= 2020; y++) {
    periods[y] = (
      await prisma.period.upsert({
        where: { termId_kind_year: { termId: term.id, kind: "YEAR", year: y } },
        create: { termId: term.id, kind: "YEAR", year: y },
        update: {},
      })
    ).id;
  }
  if (!(await prisma.period.findFirst({ where: { termId: term.id, kind: "TERM" } })))
    await prisma.period.create({ data: { termId: term.id, kind: "TERM", year: null } });
  const programme = await prisma.programme.create({
    data: {
      termId: term.id,
      issuerId: world.units.district,
      number: 3,
      code: "03-CTr/QU",
      slug: ENTRY_PROGRAMME,
      title: "Hạ tầng đô thị",
      summary: "Thử",
    },
  });
  const section = await prisma.indicatorSection.create({
    data: { programmeId: programme.id, code: "trat-tu", name: "Trật tự đô thị", sortOrder: 1 },
  });
  const culture = await prisma.indicatorSection.create({
    data: { programmeId: programme.id, code: "van-hoa", name: "Văn hóa", sortOrder: 0 },
  });
  const indicators: Record<string, number> = {};
  const add = async (code: string, data: Record<string, unknown>) => {
    indicators[code] = (
      await prisma.indicator.create({
        data: {
          programmeId: programme.id,
          sectionId: section.id,
          code,
          unit: "trường hợp",
          valueType: "COUNT",
          aggregation: "SUM",
          direction: "NEUTRAL",
          ...data,
        } as never,
      })
    ).id;
  };
  await add("vi-pham", { name: "Vi phạm đã xử lý", sortOrder: 1 });
  await add("vp-mai-che", { name: "Mái che", parentId: indicators["vi-pham"], sortOrder: 2 });
  await add("vp-buc-be", { name: "Bục bệ", parentId: indicators["vi-pham"], sortOrder: 3 });
  await add("tien-xu-phat", { name: "Tiền xử phạt", unit: "đồng", valueType: "MONEY", sortOrder: 4 });
  await add("ty-le-tdp-van-hoa", {
    name: "Tổ dân phố văn hóa",
    unit: "%",
    valueType: "PERCENT",
    aggregation: "AVERAGE",
    sectionId: culture.id,
    sortOrder: 1,
  });
  await add("tdp-van-hoa", {
    name: "Đạt Tổ dân phố văn hóa",
    unit: "năm",
    valueType: "BOOLEAN",
    aggregation: "YEARS_ACHIEVED",
    collectionLevel: "RESIDENTIAL_GROUP",
    wardFromGroups: true,
    sectionId: culture.id,
    sortOrder: 2,
  });
  await prisma.indicatorRule.create({
    data: {
      programmeId: programme.id,
      code: "vp-loai",
      kind: "SUM_AT_MOST",
      left: ["vp-mai-che", "vp-buc-be"],
      right: "vi-pham",
      description: "Các loại vi phạm không vượt tổng số.",
    },
  });
  const group2 = (
    await prisma.orgUnit.create({
      data: {
        slug: "ngoc-thuy-to-2",
        name: "Tổ 2",
        shortName: "Tổ 2",
        level: "RESIDENTIAL_GROUP",
        parentId: world.units.ngocThuy,
        sortOrder: 2,
        validFrom: new Date("2015-01-01"),
      },
    })
  ).id;
  const source = await prisma.source.create({
    data: { key: "bao-cao-thu", kind: "REPORT", title: "Báo cáo thử", issuedOn: new Date("2019-11-05") },
  });
  const history: Array<[string, number, string]> = [
    ["vi-pham", 2017, "50"],
    ["vi-pham", 2018, "55"],
    ["vi-pham", 2019, "60"],
    ["vi-pham", 2020, "58"],
    ["tien-xu-phat", 2019, "48400000"],
  ];
  for (const [code, year, value] of history) {
    await prisma.result.create({
      data: {
        indicatorId: indicators[code],
        orgUnitId: world.units.ngocThuy,
        periodId: periods[year],
        value,
        sourceId: source.id,
        recordedBy: "seed",
      },
    });
  }
  return { termId: term.id, programmeId: programme.id, periods, indicators, group2 };
}

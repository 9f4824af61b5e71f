// The catalogue kept in the server process (lib/data/catalogue-cache.ts): terms and programmes are
// read from the database once per catalogue version, and every write of a catalogue table or an org
// unit (in any process: here the test's own client, as another instance would) is seen by the next
// read. A write made with the triggers switched off shows that the rows really come from memory.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type TestDatabase, createMigratedDatabase } from "../setup/db";

let database: TestDatabase;
let termId: number;
let districtId: number;

beforeAll(async () => {
  database = await createMigratedDatabase();
  vi.stubEnv("DATABASE_URL", database.url);
  vi.resetModules();
  (globalThis as { prisma?: unknown }).prisma = undefined;
  const { prisma } = database;
  const city = await prisma.orgUnit.create({
    data: {
      slug: "ha-noi",
      name: "Thành phố Hà Nội",
      shortName: "Hà Nội",
      level: "CITY",
      validFrom: new Date("2015-01-01"),
    },
  });
  districtId = (
    await prisma.orgUnit.create({
      data: {
        slug: "long-bien",
        name: "Quận Long Biên",
        shortName: "Long Biên",
        level: "DISTRICT",
        parentId: city.id,
        validFrom: new Date("2015-01-01"),
      },
    })
  ).id;
  termId = (
    await prisma.term.create({
      data: { slug: "2015-2020", name: "Nhiệm kỳ 2015–2020", startYear: 2015, endYear: 2020 },
    })
  ).id;
  const programme = await prisma.programme.create({
    data: {
      termId,
      issuerId: districtId,
      number: 3,
      code: "03-CTr/QU",
      slug: "03-CTr-QU",
      title: "Hạ tầng",
      summary: "",
    },
  });
  const section = await prisma.indicatorSection.create({
    data: { programmeId: programme.id, code: "trat-tu", name: "Trật tự đô thị", sortOrder: 1 },
  });
  await prisma.indicator.create({
    data: {
      programmeId: programme.id,
      sectionId: section.id,
      code: "vi-pham",
      name: "Vi phạm đã xử lý",
      unit: "trường hợp",
      valueType: "COUNT",
      aggregation: "SUM",
      direction: "NEUTRAL",
    },
  });
}, 120_000);

afterAll(async () => {
  const g = globalThis as { prisma?: { $disconnect(): Promise<void> } };
  await g.prisma?.$disconnect();
  g.prisma = undefined;
  vi.unstubAllEnvs();
  await database?.drop();
});

/** A write the triggers do not see (as if nothing had changed): only a superuser can do this. */
async function unseenWrite(sql: string) {
  await database.prisma.$transaction([
    database.prisma.$executeRawUnsafe("SET LOCAL session_replication_role = replica"),
    database.prisma.$executeRawUnsafe(sql),
  ]);
}

const indicatorNames = (programmes: { sections: { indicators: { name: string }[] }[] }[]) =>
  programmes.flatMap((p) => p.sections.flatMap((s) => s.indicators.map((i) => i.name)));

describe("the catalogue kept between requests", () => {
  it("programmes: served from memory while nothing changes, read again after any catalogue write", async () => {
    const { getProgrammes } = await import("@/lib/data/programmes");
    const { prisma } = database;
    expect(indicatorNames(await getProgrammes(termId))).toEqual(["Vi phạm đã xử lý"]);

    // from memory: a change the version does not know of is not seen
    await unseenWrite(`UPDATE indicator SET name = 'Không thấy' WHERE code = 'vi-pham'`);
    expect(indicatorNames(await getProgrammes(termId))).toEqual(["Vi phạm đã xử lý"]);

    // a real write (any catalogue table) is seen by the next read
    await prisma.indicator.updateMany({ where: { code: "vi-pham" }, data: { name: "Vi phạm trật tự" } });
    expect(indicatorNames(await getProgrammes(termId))).toEqual(["Vi phạm trật tự"]);
    await prisma.indicatorSection.updateMany({ where: { code: "trat-tu" }, data: { name: "Trật tự" } });
    expect((await getProgrammes(termId))[0].sections[0].name).toBe("Trật tự");
    // the issuer is an org unit: renaming it is a change too
    await prisma.orgUnit.update({ where: { id: districtId }, data: { name: "Quận Long Biên (mới)" } });
    expect((await getProgrammes(termId))[0].issuer.name).toBe("Quận Long Biên (mới)");
    // a write inside a transaction is seen once it commits
    await prisma.$transaction(async (tx) => {
      await tx.programme.updateMany({ where: { slug: "03-CTr-QU" }, data: { title: "Hạ tầng đô thị" } });
      await tx.indicator.updateMany({ where: { code: "vi-pham" }, data: { headline: true } });
    });
    const after = await getProgrammes(termId);
    expect(after[0].title).toBe("Hạ tầng đô thị");
    expect(after[0].sections[0].indicators[0].headline).toBe(true);
  });

  it("the units a programme applies to: a change is seen by the next read for that unit", async () => {
    const { getProgrammes } = await import("@/lib/data/programmes");
    const { prisma } = database;
    const ward = (slug: string) =>
      prisma.orgUnit.create({
        data: {
          slug,
          name: `Phường ${slug}`,
          shortName: slug,
          level: "WARD",
          parentId: districtId,
          validFrom: new Date("2015-01-01"),
        },
      });
    const [a, b] = [await ward("phuong-a"), await ward("phuong-b")];
    const programmeId = (await prisma.programme.findFirstOrThrow({ where: { slug: "03-CTr-QU" } })).id;
    const codesFor = async (unitSlug: string) => (await getProgrammes(termId, { unitSlug })).map((p) => p.slug);
    expect(await codesFor("phuong-b")).toEqual(["03-CTr-QU"]);
    // only programme_unit is written (the programme row is not): ward B no longer has it, ward A has
    await prisma.programmeUnit.create({ data: { programmeId, orgUnitId: a.id } });
    expect(await codesFor("phuong-a")).toEqual(["03-CTr-QU"]);
    expect(await codesFor("phuong-b")).toEqual([]);
    expect((await getProgrammes(termId))[0].appliesTo).toEqual(["phuong-a"]);
    await prisma.programmeUnit.deleteMany({ where: { programmeId } });
    expect(await codesFor("phuong-b")).toEqual(["03-CTr-QU"]);
    await prisma.orgUnit.deleteMany({ where: { id: { in: [a.id, b.id] } } });
  });

  it("each caller gets its own copy", async () => {
    const { getProgrammes } = await import("@/lib/data/programmes");
    const first = await getProgrammes(termId);
    first[0].sections[0].indicators[0].name = "Đã sửa trong bộ nhớ";
    first.pop();
    const second = await getProgrammes(termId);
    expect(second).toHaveLength(1);
    expect(indicatorNames(second)).toEqual(["Vi phạm trật tự"]);
  });

  it("terms: a new term is the latest at once; a renamed one answers with its new name", async () => {
    const { getLatestTerm, getTermBySlug, getPreviousTerm, resolveTerm } = await import("@/lib/data/terms");
    const { prisma } = database;
    expect((await getLatestTerm())?.slug).toBe("2015-2020");
    expect(await getTermBySlug("2020-2025")).toBeNull();
    await prisma.term.create({
      data: { slug: "2020-2025", name: "Nhiệm kỳ 2020–2025", startYear: 2020, endYear: 2025 },
    });
    expect((await getLatestTerm())?.slug).toBe("2020-2025");
    expect((await resolveTerm(undefined))?.slug).toBe("2020-2025");
    expect((await getPreviousTerm({ startYear: 2020 }))?.slug).toBe("2015-2020");
    expect(await getPreviousTerm({ startYear: 2015 })).toBeNull();
    await prisma.term.update({ where: { slug: "2020-2025" }, data: { name: "Nhiệm kỳ XX" } });
    expect((await resolveTerm("2020-2025"))?.name).toBe("Nhiệm kỳ XX");
    await prisma.term.delete({ where: { slug: "2020-2025" } });
    expect((await getLatestTerm())?.slug).toBe("2015-2020");
    expect(await getTermBySlug("2020-2025")).toBeNull();
  });
});

describe("what the server keeps is bounded", () => {
  it("by bytes: large answers push out the least recently used, the newest stay kept", async () => {
    const { cachedCatalogue } = await import("@/lib/data/catalogue-cache");
    const reads: string[] = [];
    // one megabyte each (2 bytes a character serialised): 40 of them are more than is kept
    const big = (key: string) => async () => {
      reads.push(key);
      return { key, text: "đ".repeat(512 * 1024) };
    };
    for (let i = 0; i < 40; i++) await cachedCatalogue(`big-${i}`, big(`big-${i}`));
    expect(reads).toHaveLength(40);
    reads.length = 0;
    // the newest are still kept: no read
    expect((await cachedCatalogue("big-39", big("big-39"))).key).toBe("big-39");
    expect((await cachedCatalogue("big-30", big("big-30"))).key).toBe("big-30");
    expect(reads).toEqual([]);
    // the oldest were let go: read again
    expect((await cachedCatalogue("big-0", big("big-0"))).key).toBe("big-0");
    expect(reads).toEqual(["big-0"]);
  });
});

import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Qualifier } from "../../lib/generated/prisma/enums";
import { PROGRAMMES, TERM } from "./catalogue";
import { DEMO_SOURCE, demoTargets, demoValues } from "./demo";
import { orgUnitSeeds } from "./org-units";
import { REPORT_SOURCE, REPORT_WARD, REPORTED_ACHIEVEMENTS, REPORTED_PROJECTS, REPORTED_VALUES } from "./report";
import { syncResults, type ResultSeed } from "./results";
import { day, emptyCounts, SEED_ACTOR, syncRow, type Counts, type Tx } from "./sync";

export type SeedOptions = { demo: boolean };
export type SeedReport = Record<string, Counts>;

const ISSUER = "long-bien";

/**
 * Loads the org units, the 2015–2020 term, the three programmes and their indicators, every
 * figure of the Ngọc Thụy report and, when `demo` is set, the demonstration data. Idempotent, and
 * all-or-nothing (one transaction). Values entered by people (another source) are never touched.
 */
export async function seed(prisma: PrismaClient, options: SeedOptions): Promise<SeedReport> {
  return prisma.$transaction((tx) => seedIn(tx, options), { timeout: 300_000, maxWait: 30_000 });
}

/** The transaction and the per-entity counts every step of the seed adds to. */
type Seeding = { tx: Tx; counts: (entity: string) => Counts };
type Ids<K = string> = Map<K, number>;
type Term = { id: number };
type PeriodKey = number | "term";

async function seedIn(tx: Tx, { demo }: SeedOptions): Promise<SeedReport> {
  const report: SeedReport = {};
  const s: Seeding = { tx, counts: (entity) => (report[entity] ??= emptyCounts()) };
  const sourceIds = await seedSources(s, demo ? [REPORT_SOURCE, DEMO_SOURCE] : [REPORT_SOURCE]);
  const unitIds = await seedOrgUnits(s);
  const { term, periodIds } = await seedTerm(s);
  const { programmeIds, indicatorIds } = await seedProgrammes(s, { term, issuerId: unitIds.get(ISSUER)! });
  const reportSourceId = sourceIds.get(REPORT_SOURCE.key)!;
  const demoSourceId = demo ? sourceIds.get(DEMO_SOURCE.key)! : null;
  report.result = await seedResults(tx, { indicatorIds, unitIds, periodIds, reportSourceId, demoSourceId });
  const reported = { term, wardId: unitIds.get(REPORT_WARD)!, programmeIds, sourceId: reportSourceId };
  await seedReportedProjects(s, reported);
  await seedReportedAchievements(s, { ...reported, unitIds });
  if (demoSourceId !== null) await seedDemoTargets(s, { indicatorIds, periodIds, sourceId: demoSourceId });
  else report.target = await removeDemoTargets(tx);
  return report;
}

async function seedSources(
  { tx, counts }: Seeding,
  sources: (typeof REPORT_SOURCE | typeof DEMO_SOURCE)[],
): Promise<Ids> {
  const sourceIds: Ids = new Map();
  for (const s of sources) {
    const desired = { kind: s.kind, title: s.title, issuedOn: day(s.issuedOn), publisher: s.publisher, note: s.note };
    const row = await syncRow(
      tx,
      "source",
      counts("source"),
      {
        find: () => tx.source.findUnique({ where: { key: s.key } }),
        create: () => tx.source.create({ data: { key: s.key, ...desired } }),
        update: () => tx.source.update({ where: { key: s.key }, data: desired }),
      },
      desired,
    );
    sourceIds.set(s.key, row.id);
  }
  return sourceIds;
}

/** Org units, parents before children. */
async function seedOrgUnits({ tx, counts }: Seeding): Promise<Ids> {
  const unitIds: Ids = new Map();
  for (const u of orgUnitSeeds()) {
    const desired = {
      name: u.name,
      shortName: u.shortName,
      level: u.level,
      parentId: u.parentSlug ? unitIds.get(u.parentSlug)! : null,
      sortOrder: u.sortOrder,
      validFrom: day(u.validFrom),
      validTo: day(u.validTo),
    };
    const data = { ...desired, validFrom: day(u.validFrom)! };
    const row = await syncRow(
      tx,
      "org_unit",
      counts("org_unit"),
      {
        find: () => tx.orgUnit.findUnique({ where: { slug: u.slug } }),
        create: () => tx.orgUnit.create({ data: { slug: u.slug, ...data } }),
        update: () => tx.orgUnit.update({ where: { slug: u.slug }, data }),
      },
      desired,
    );
    unitIds.set(u.slug, row.id);
  }
  return unitIds;
}

/** The term and its periods (each year, and the whole term); a period is only ever added. */
async function seedTerm({ tx, counts }: Seeding): Promise<{ term: Term; periodIds: Ids<PeriodKey> }> {
  const termDesired = { name: TERM.name, startYear: TERM.startYear, endYear: TERM.endYear };
  const term = await syncRow(
    tx,
    "term",
    counts("term"),
    {
      find: () => tx.term.findUnique({ where: { slug: TERM.slug } }),
      create: () => tx.term.create({ data: { slug: TERM.slug, ...termDesired } }),
      update: () => tx.term.update({ where: { slug: TERM.slug }, data: termDesired }),
    },
    termDesired,
  );
  const periodIds: Ids<PeriodKey> = new Map();
  const existingPeriods = await tx.period.findMany({
    where: { termId: term.id },
    select: { id: true, kind: true, year: true },
  });
  for (const p of existingPeriods) periodIds.set(p.kind === "TERM" ? "term" : p.year!, p.id);
  for (const key of [
    "term" as const,
    ...Array.from({ length: TERM.endYear - TERM.startYear + 1 }, (_, i) => TERM.startYear + i),
  ]) {
    if (periodIds.has(key)) {
      counts("period").unchanged++;
      continue;
    }
    const created = await tx.period.create({
      data: { termId: term.id, kind: key === "term" ? "TERM" : "YEAR", year: key === "term" ? null : key },
    });
    await tx.auditLog.create({
      data: {
        actor: SEED_ACTOR,
        action: "CREATE",
        entity: "period",
        entityId: String(created.id),
        newValue: String(key),
      },
    });
    counts("period").created++;
    periodIds.set(key, created.id);
  }
  return { term, periodIds };
}

type ProgrammeSeed = (typeof PROGRAMMES)[number];

/** Programmes with their sections, indicators and cross-field rules. */
async function seedProgrammes(
  s: Seeding,
  { term, issuerId }: { term: Term; issuerId: number },
): Promise<{ programmeIds: Ids; indicatorIds: Ids }> {
  const { tx, counts } = s;
  const indicatorIds: Ids = new Map();
  const programmeIds: Ids = new Map();
  for (const p of PROGRAMMES) {
    const progDesired = { number: p.number, slug: p.slug, title: p.title, summary: p.summary };
    const programme = await syncRow(
      tx,
      "programme",
      counts("programme"),
      {
        find: () =>
          tx.programme.findUnique({ where: { issuerId_termId_code: { issuerId, termId: term.id, code: p.code } } }),
        create: () => tx.programme.create({ data: { issuerId, termId: term.id, code: p.code, ...progDesired } }),
        update: () =>
          tx.programme.update({
            where: { issuerId_termId_code: { issuerId, termId: term.id, code: p.code } },
            data: progDesired,
          }),
      },
      progDesired,
    );
    programmeIds.set(p.code, programme.id);
    await seedSectionsAndIndicators(s, { programme: p, programmeId: programme.id, indicatorIds });
    await seedRules(s, { programme: p, programmeId: programme.id });
  }
  return { programmeIds, indicatorIds };
}

/** A programme's sections and their indicators, in order; adds each indicator's id to `indicatorIds`. */
async function seedSectionsAndIndicators(
  { tx, counts }: Seeding,
  { programme: p, programmeId, indicatorIds }: { programme: ProgrammeSeed; programmeId: number; indicatorIds: Ids },
): Promise<void> {
  for (const [si, s] of p.sections.entries()) {
    const secDesired = { name: s.name, sortOrder: si + 1 };
    const where = { programmeId_code: { programmeId, code: s.code } };
    const section = await syncRow(
      tx,
      "indicator_section",
      counts("indicator_section"),
      {
        find: () => tx.indicatorSection.findUnique({ where }),
        create: () => tx.indicatorSection.create({ data: { programmeId, code: s.code, ...secDesired } }),
        update: () => tx.indicatorSection.update({ where, data: secDesired }),
      },
      secDesired,
    );

    for (const [ii, i] of s.indicators.entries()) {
      const desired = {
        sectionId: section.id,
        parentId: i.parent ? indicatorIds.get(i.parent)! : null,
        name: i.name,
        unit: i.unit,
        valueType: i.valueType,
        aggregation: i.aggregation,
        direction: i.direction,
        collectionLevel: i.collectionLevel ?? "WARD",
        wardFromGroups: i.wardFromGroups ?? false,
        categories: i.categories ?? {},
        headline: i.headline ?? false,
        sortOrder: ii + 1,
        description: i.description ?? null,
      };
      const iwhere = { programmeId_code: { programmeId, code: i.code } };
      const row = await syncRow(
        tx,
        "indicator",
        counts("indicator"),
        {
          find: () => tx.indicator.findUnique({ where: iwhere }),
          create: () => tx.indicator.create({ data: { programmeId, code: i.code, ...desired } }),
          update: () => tx.indicator.update({ where: iwhere, data: desired }),
        },
        desired,
      );
      indicatorIds.set(i.code, row.id);
    }
  }
}

/**
 * Cross-field rules, once the indicators they name exist. Rules are never deleted here: nothing
 * records whether a rule came from the seed, and the seed must not remove one a person made.
 */
async function seedRules(
  { tx, counts }: Seeding,
  { programme: p, programmeId }: { programme: ProgrammeSeed; programmeId: number },
): Promise<void> {
  const codes = new Set(p.sections.flatMap((s) => s.indicators.map((i) => i.code)));
  for (const r of p.rules ?? []) {
    for (const code of [...r.left, r.right])
      if (!codes.has(code)) fail(`Quy tắc ${r.code}: chỉ tiêu không có trong chương trình ${p.code}: ${code}`);
    const desired = { kind: r.kind, left: r.left, right: r.right, description: r.description };
    const rwhere = { programmeId_code: { programmeId, code: r.code } };
    await syncRow(
      tx,
      "indicator_rule",
      counts("indicator_rule"),
      {
        find: () => tx.indicatorRule.findUnique({ where: rwhere }),
        create: () => tx.indicatorRule.create({ data: { programmeId, code: r.code, ...desired } }),
        update: () => tx.indicatorRule.update({ where: rwhere, data: desired }),
      },
      desired,
    );
  }
}

/** Reported figures, then demo (which never takes a reported figure's place); demo off removes seeded demo. */
async function seedResults(
  tx: Tx,
  ids: {
    indicatorIds: Ids;
    unitIds: Ids;
    periodIds: Ids<PeriodKey>;
    reportSourceId: number;
    /** null: no demo data */
    demoSourceId: number | null;
  },
): Promise<Counts> {
  const toSeed = (
    v: { indicator: string; orgUnit: string; year?: number; value: string },
    sourceId: number,
    extra: { qualifier?: Qualifier; note?: string | null } = {},
  ): ResultSeed => ({
    indicatorId: ids.indicatorIds.get(v.indicator) ?? fail(`Chỉ tiêu không có trong danh mục: ${v.indicator}`),
    orgUnitId: ids.unitIds.get(v.orgUnit) ?? fail(`Đơn vị không có: ${v.orgUnit}`),
    periodId: ids.periodIds.get(v.year ?? "term") ?? fail(`Kỳ không có: ${v.year}`),
    value: v.value,
    qualifier: extra.qualifier ?? "EXACT",
    note: extra.note ?? null,
    sourceId,
  });
  const results: ResultSeed[] = REPORTED_VALUES.map((v) =>
    toSeed({ ...v, orgUnit: v.orgUnit ?? REPORT_WARD }, ids.reportSourceId, { qualifier: v.qualifier, note: v.note }),
  );
  const { demoSourceId } = ids;
  if (demoSourceId !== null) results.push(...demoValues().map((v) => toSeed(v, demoSourceId)));
  return syncResults(tx, results, { removeOtherSeededDemo: demoSourceId === null });
}

type Reported = { term: Term; wardId: number; programmeIds: Ids; sourceId: number };

/** Land-clearance projects named in the report. */
async function seedReportedProjects(
  { tx, counts }: Seeding,
  { term, wardId, programmeIds, sourceId }: Reported,
): Promise<void> {
  for (const p of REPORTED_PROJECTS) {
    const desired = {
      programmeId: programmeIds.get(p.programme) ?? fail(`Chương trình không có: ${p.programme}`),
      status: p.status,
      forcedEnforcements: p.forcedEnforcements,
      note: p.note,
      sourceId,
    };
    const where = { orgUnitId_termId_name: { orgUnitId: wardId, termId: term.id, name: p.name } };
    await syncRow(
      tx,
      "land_clearance_project",
      counts("land_clearance_project"),
      {
        find: () => tx.landClearanceProject.findUnique({ where }),
        create: () =>
          tx.landClearanceProject.create({ data: { orgUnitId: wardId, termId: term.id, name: p.name, ...desired } }),
        update: () => tx.landClearanceProject.update({ where, data: { ...desired, version: { increment: 1 } } }),
      },
      desired,
    );
  }
}

/** Achievements named in the report. */
async function seedReportedAchievements(
  { tx, counts }: Seeding,
  { term, wardId, programmeIds, sourceId, unitIds }: Reported & { unitIds: Ids },
): Promise<void> {
  for (const a of REPORTED_ACHIEVEMENTS) {
    const key = { orgUnitId: wardId, termId: term.id, kind: a.kind, title: a.title, year: a.year };
    const desired = {
      programmeId: programmeIds.get(a.programme) ?? fail(`Chương trình không có: ${a.programme}`),
      status: a.status,
      subjectOrgUnitId: a.subject ? unitIds.get(a.subject)! : null,
      recognitionLevel: a.recognitionLevel ?? null,
      note: a.note ?? null,
      sourceId,
    };
    await syncRow(
      tx,
      "achievement",
      counts("achievement"),
      {
        // findFirst: `year` may be null, which a compound unique key cannot look up.
        find: () => tx.achievement.findFirst({ where: key }),
        create: () => tx.achievement.create({ data: { ...key, ...desired } }),
        update: () => tx.achievement.updateManyAndReturn({ where: key, data: desired }).then((rows) => rows[0]),
      },
      desired,
    );
  }
}

/** Illustrative targets (demo only). */
async function seedDemoTargets(
  { tx, counts }: Seeding,
  { indicatorIds, periodIds, sourceId }: { indicatorIds: Ids; periodIds: Ids<PeriodKey>; sourceId: number },
): Promise<void> {
  for (const t of demoTargets()) {
    const key = {
      indicatorId: indicatorIds.get(t.indicator)!,
      periodId: periodIds.get(t.year ?? "term")!,
      orgUnitId: null,
    };
    const desired = { comparison: t.comparison, value: t.value, sourceId };
    await syncRow(
      tx,
      "target",
      counts("target"),
      {
        find: () => tx.target.findFirst({ where: key }),
        create: () => tx.target.create({ data: { ...key, ...desired } }),
        update: () => tx.target.updateManyAndReturn({ where: key, data: desired }).then((rows) => rows[0]),
      },
      desired,
    );
  }
}

async function removeDemoTargets(tx: Tx): Promise<Counts> {
  const counts = emptyCounts();
  const rows = await tx.target.findMany({ where: { source: { kind: "DEMO" } }, select: { id: true, value: true } });
  if (rows.length === 0) return counts;
  await tx.target.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  await tx.auditLog.createMany({
    data: rows.map((r) => ({
      actor: SEED_ACTOR,
      action: "DELETE" as const,
      entity: "target",
      entityId: String(r.id),
      oldValue: r.value.toString(),
    })),
  });
  counts.deleted = rows.length;
  return counts;
}

function fail(message: string): never {
  throw new Error(message);
}

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

async function seedIn(tx: Tx, { demo }: SeedOptions): Promise<SeedReport> {
  const report: SeedReport = {};
  const counts = (entity: string) => (report[entity] ??= emptyCounts());

  // Sources
  const sourceIds = new Map<string, number>();
  for (const s of demo ? [REPORT_SOURCE, DEMO_SOURCE] : [REPORT_SOURCE]) {
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

  // Org units, parents before children
  const unitIds = new Map<string, number>();
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

  // Term and its periods
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
  const periodIds = new Map<number | "term", number>();
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

  // Programmes, sections, indicators
  const indicatorIds = new Map<string, number>();
  const programmeIds = new Map<string, number>();
  for (const p of PROGRAMMES) {
    const issuerId = unitIds.get(ISSUER)!;
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

    for (const [si, s] of p.sections.entries()) {
      const secDesired = { name: s.name, sortOrder: si + 1 };
      const where = { programmeId_code: { programmeId: programme.id, code: s.code } };
      const section = await syncRow(
        tx,
        "indicator_section",
        counts("indicator_section"),
        {
          find: () => tx.indicatorSection.findUnique({ where }),
          create: () =>
            tx.indicatorSection.create({ data: { programmeId: programme.id, code: s.code, ...secDesired } }),
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
        const iwhere = { programmeId_code: { programmeId: programme.id, code: i.code } };
        const row = await syncRow(
          tx,
          "indicator",
          counts("indicator"),
          {
            find: () => tx.indicator.findUnique({ where: iwhere }),
            create: () => tx.indicator.create({ data: { programmeId: programme.id, code: i.code, ...desired } }),
            update: () => tx.indicator.update({ where: iwhere, data: desired }),
          },
          desired,
        );
        indicatorIds.set(i.code, row.id);
      }
    }

    // Cross-field rules, once the indicators they name exist. Rules are never deleted here: nothing
    // records whether a rule came from the seed, and the seed must not remove one a person made.
    const codes = new Set(p.sections.flatMap((s) => s.indicators.map((i) => i.code)));
    for (const r of p.rules ?? []) {
      for (const code of [...r.left, r.right])
        if (!codes.has(code)) fail(`Quy tắc ${r.code}: chỉ tiêu không có trong chương trình ${p.code}: ${code}`);
      const desired = { kind: r.kind, left: r.left, right: r.right, description: r.description };
      const rwhere = { programmeId_code: { programmeId: programme.id, code: r.code } };
      await syncRow(
        tx,
        "indicator_rule",
        counts("indicator_rule"),
        {
          find: () => tx.indicatorRule.findUnique({ where: rwhere }),
          create: () => tx.indicatorRule.create({ data: { programmeId: programme.id, code: r.code, ...desired } }),
          update: () => tx.indicatorRule.update({ where: rwhere, data: desired }),
        },
        desired,
      );
    }
  }

  const reportSourceId = sourceIds.get(REPORT_SOURCE.key)!;
  const wardId = unitIds.get(REPORT_WARD)!;

  // Reported figures, then demo (which never takes a reported figure's place)
  const toSeed = (
    indicator: string,
    orgUnit: string,
    year: number | undefined,
    value: string,
    sourceId: number,
    qualifier: Qualifier = "EXACT",
    note: string | null = null,
  ): ResultSeed => ({
    indicatorId: indicatorIds.get(indicator) ?? fail(`Chỉ tiêu không có trong danh mục: ${indicator}`),
    orgUnitId: unitIds.get(orgUnit) ?? fail(`Đơn vị không có: ${orgUnit}`),
    periodId: periodIds.get(year ?? "term") ?? fail(`Kỳ không có: ${year}`),
    value,
    qualifier,
    note,
    sourceId,
  });
  const results: ResultSeed[] = REPORTED_VALUES.map((v) =>
    toSeed(v.indicator, v.orgUnit ?? REPORT_WARD, v.year, v.value, reportSourceId, v.qualifier, v.note ?? null),
  );
  if (demo) {
    const demoSourceId = sourceIds.get(DEMO_SOURCE.key)!;
    results.push(...demoValues().map((v) => toSeed(v.indicator, v.orgUnit, v.year, v.value, demoSourceId)));
  }
  report.result = await syncResults(tx, results, { removeOtherSeededDemo: !demo });

  // Land-clearance projects and achievements named in the report
  for (const p of REPORTED_PROJECTS) {
    const desired = {
      programmeId: programmeIds.get(p.programme) ?? fail(`Chương trình không có: ${p.programme}`),
      status: p.status,
      forcedEnforcements: p.forcedEnforcements,
      note: p.note,
      sourceId: reportSourceId,
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
  for (const a of REPORTED_ACHIEVEMENTS) {
    const key = { orgUnitId: wardId, termId: term.id, kind: a.kind, title: a.title, year: a.year };
    const desired = {
      programmeId: programmeIds.get(a.programme) ?? fail(`Chương trình không có: ${a.programme}`),
      status: a.status,
      subjectOrgUnitId: a.subject ? unitIds.get(a.subject)! : null,
      recognitionLevel: a.recognitionLevel ?? null,
      note: a.note ?? null,
      sourceId: reportSourceId,
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

  // Illustrative targets
  if (demo) {
    const demoSourceId = sourceIds.get(DEMO_SOURCE.key)!;
    for (const t of demoTargets()) {
      const key = {
        indicatorId: indicatorIds.get(t.indicator)!,
        periodId: periodIds.get(t.year ?? "term")!,
        orgUnitId: null,
      };
      const desired = { comparison: t.comparison, value: t.value, sourceId: demoSourceId };
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
  } else {
    report.target = await removeDemoTargets(tx);
  }
  return report;
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

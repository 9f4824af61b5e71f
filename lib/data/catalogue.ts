import "server-only";
// The catalogue set up in the app: terms (empty or copied from a previous term), programmes, their
// sections and indicators. Every write is one transaction, versioned where it edits, and audited field
// by field. A programme is managed by whoever holds `manageCatalogue` on its issuing unit: the
// callers pass `issuerIds` (the units where the person holds that action, with those below), and a
// programme issued elsewhere reads as absent.
import { type AuditValue } from "@/lib/domain/audit-diff";
import type { IndicatorDefinition } from "@/lib/domain/indicator-definition";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Failure } from "@/lib/result";
import { type Actor, type Tx, audit } from "./record-write";
import { isoDay } from "./serialize";
import { swapSortOrder } from "./sort-order";

export type TermListItem = {
  slug: string;
  name: string;
  startYear: number;
  endYear: number;
  programmeCount: number;
};

/** Every term, newest first (the catalogue is not unit data). */
export async function listTerms(): Promise<TermListItem[]> {
  const rows = await db().term.findMany({
    orderBy: { startYear: "desc" },
    select: { slug: true, name: true, startYear: true, endYear: true, _count: { select: { programmes: true } } },
  });
  return rows.map(({ _count, ...t }) => ({ ...t, programmeCount: _count.programmes }));
}

export const termSlug = (startYear: number, endYear: number) => `${startYear}-${endYear}`;

export type CreateTermOutcome =
  | { ok: true; slug: string; copied: { programmes: number; sections: number; indicators: number } }
  | Failure<"conflict", { slug: string }>
  | Failure<"not-found", { slug: string }>;

/**
 * Creates a term with its periods (each year and the whole term), empty or with a copy of the
 * programmes of `copyFrom` issued by `issuerIds` (sections, indicators with their category sub-rows,
 * cross-field rules, the units they apply to; never figures or targets). Refused when a term with
 * those years exists.
 */
export async function createTerm({
  actor,
  name,
  startYear,
  endYear,
  copyFrom,
  issuerIds,
}: {
  actor: Actor;
  name: string;
  startYear: number;
  endYear: number;
  copyFrom: string | null;
  issuerIds: readonly number[];
}): Promise<CreateTermOutcome> {
  const slug = termSlug(startYear, endYear);
  try {
    return await db().$transaction(async (tx) => {
      const source = copyFrom ? await tx.term.findUnique({ where: { slug: copyFrom }, select: { id: true } }) : null;
      if (copyFrom && !source) return { ok: false, code: "not-found", slug: copyFrom } as const;
      if (await tx.term.findUnique({ where: { slug }, select: { id: true } }))
        return { ok: false, code: "conflict", slug } as const;
      const term = await tx.term.create({ data: { slug, name, startYear, endYear }, select: { id: true } });
      await tx.period.createMany({
        data: [
          ...Array.from({ length: endYear - startYear + 1 }, (_, i) => ({
            termId: term.id,
            kind: "YEAR" as const,
            year: startYear + i,
          })),
          { termId: term.id, kind: "TERM" as const, year: null },
        ],
      });
      await audit({
        tx,
        actor,
        action: "CREATE",
        entity: "term",
        entityId: term.id,
        before: {},
        after: { slug, name, startYear, endYear, copiedFrom: copyFrom },
        context: { term: slug },
      });
      const copied = source
        ? await copyProgrammes({ tx, actor, fromTermId: source.id, toTermId: term.id, issuerIds, termSlug: slug })
        : { programmes: 0, sections: 0, indicators: 0 };
      return { ok: true, slug, copied } as const;
    });
  } catch (e) {
    // two creations of the same term at once: the unique slug lets one in
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      return { ok: false, code: "conflict", slug };
    throw e;
  }
}

export const indicatorFields = {
  code: true,
  name: true,
  unit: true,
  valueType: true,
  aggregation: true,
  direction: true,
  collectionLevel: true,
  wardFromGroups: true,
  categories: true,
  headline: true,
  sortOrder: true,
  description: true,
} as const;

/** What the audit log keeps of an indicator (categories as their JSON text). */
export function indicatorAudit(
  i: Omit<IndicatorDefinition, "categories"> & {
    code: string;
    categories: unknown;
    sortOrder: number;
    parentCode?: string | null;
    section?: string;
  },
): Record<string, AuditValue> {
  // only the indicator's own fields: callers pass whole rows (ids, versions, relations) too
  const out: Record<string, AuditValue> = {
    code: i.code,
    name: i.name,
    unit: i.unit,
    valueType: i.valueType,
    aggregation: i.aggregation,
    direction: i.direction,
    collectionLevel: i.collectionLevel,
    wardFromGroups: i.wardFromGroups,
    categories: JSON.stringify(i.categories ?? {}),
    headline: i.headline,
    sortOrder: i.sortOrder,
    description: i.description,
  };
  if (i.parentCode !== undefined) out.parentCode = i.parentCode;
  if (i.section !== undefined) out.section = i.section;
  return out;
}

async function copyProgrammes({
  tx,
  actor,
  fromTermId,
  toTermId,
  issuerIds,
  termSlug: slug,
}: {
  tx: Tx;
  actor: Actor;
  fromTermId: number;
  toTermId: number;
  issuerIds: readonly number[];
  termSlug: string;
}): Promise<{ programmes: number; sections: number; indicators: number }> {
  const programmes = await tx.programme.findMany({
    where: { termId: fromTermId, issuerId: { in: [...issuerIds] } },
    orderBy: [{ number: "asc" }, { code: "asc" }],
    select: {
      id: true,
      issuerId: true,
      number: true,
      code: true,
      slug: true,
      title: true,
      summary: true,
      issuedOn: true,
      appliesTo: { select: { orgUnitId: true } },
      rules: { select: { code: true, kind: true, left: true, right: true, description: true } },
      sections: {
        orderBy: { sortOrder: "asc" },
        select: {
          id: true,
          code: true,
          name: true,
          sortOrder: true,
          indicators: {
            orderBy: { sortOrder: "asc" },
            select: { ...indicatorFields, id: true, parentId: true },
          },
        },
      },
    },
  });
  let sections = 0;
  let indicators = 0;
  for (const p of programmes) {
    const created = await tx.programme.create({
      data: {
        termId: toTermId,
        issuerId: p.issuerId,
        number: p.number,
        code: p.code,
        slug: p.slug,
        title: p.title,
        summary: p.summary,
        issuedOn: p.issuedOn,
        appliesTo: { create: p.appliesTo.map((a) => ({ orgUnitId: a.orgUnitId })) },
        rules: { create: p.rules },
      },
      select: { id: true },
    });
    await audit({
      tx,
      actor,
      action: "CREATE",
      entity: "programme",
      entityId: created.id,
      before: {},
      after: { code: p.code, title: p.title, summary: p.summary, number: p.number, issuedOn: isoDay(p.issuedOn) },
      context: { term: slug, copiedFrom: p.id },
    });
    const sectionIds = new Map<number, number>();
    for (const s of p.sections) {
      const section = await tx.indicatorSection.create({
        data: { programmeId: created.id, code: s.code, name: s.name, sortOrder: s.sortOrder },
        select: { id: true },
      });
      sectionIds.set(s.id, section.id);
      sections++;
    }
    // parents before their category sub-rows (in any section), so that the sub-rows find them
    const all = p.sections
      .flatMap((s) => s.indicators.map((i) => ({ ...i, sectionId: s.id, sectionCode: s.code })))
      .sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
    const newIds = new Map<number, number>();
    const codeOf = new Map(all.map((i) => [i.id, i.code]));
    for (const { id, parentId, sectionId, sectionCode, ...i } of all) {
      const ind = await tx.indicator.create({
        data: {
          ...i,
          categories: i.categories ?? {},
          programmeId: created.id,
          sectionId: sectionIds.get(sectionId)!,
          parentId: parentId === null ? null : (newIds.get(parentId) ?? null),
        },
        select: { id: true },
      });
      newIds.set(id, ind.id);
      indicators++;
      await audit({
        tx,
        actor,
        action: "CREATE",
        entity: "indicator",
        entityId: ind.id,
        before: {},
        after: indicatorAudit({
          ...i,
          section: sectionCode,
          parentCode: parentId === null ? null : codeOf.get(parentId),
        }),
        context: { term: slug, programme: p.code, copiedFrom: id },
      });
    }
  }
  return { programmes: programmes.length, sections, indicators };
}

/** How many stored things use an indicator (or a programme's indicators). */
export type Uses = { values: number; targets: number; entries: number };

export type CatalogueWriteOutcome =
  | { ok: true; version: number; changed: number }
  | Failure<"not-found">
  | Failure<"conflict">
  /** `fields`: what may not change once values exist (empty for a refused deletion) */
  | Failure<"locked", { fields: string[]; uses: Uses }>;

export class Refused extends Error {
  constructor(readonly outcome: Exclude<CatalogueWriteOutcome, { ok: true }>) {
    super(outcome.code);
  }
}

/** Runs a write: a `Refused` thrown inside its transaction rolls it back and becomes the outcome. */
export async function refusing<T>(run: () => Promise<T>): Promise<T | Exclude<CatalogueWriteOutcome, { ok: true }>> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof Refused) return e.outcome;
    throw e;
  }
}

/** Figures (published or entered) and targets of the given indicators: one query. */
export async function usesOf(tx: Tx, indicatorIds: number[]): Promise<Uses> {
  const [row] = await tx.$queryRaw<{ values: number; targets: number; entries: number }[]>`
    SELECT (SELECT count(*)::int FROM result WHERE indicator_id = ANY(${indicatorIds}::int[]))
         + (SELECT count(*)::int FROM entry_value WHERE indicator_id = ANY(${indicatorIds}::int[])) AS values,
           (SELECT count(*)::int FROM target WHERE indicator_id = ANY(${indicatorIds}::int[])) AS targets,
           0 AS entries`;
  return row;
}

/** The indicator, locked, if its programme is issued by one of `issuerIds`. */
async function lockIndicator(tx: Tx, indicatorId: number, issuerIds: readonly number[]) {
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT i.id FROM indicator i JOIN programme p ON p.id = i.programme_id
     WHERE i.id = ${indicatorId} AND p.issuer_id = ANY(${[...issuerIds]}::int[])
       FOR UPDATE OF i`;
  if (locked.length === 0) throw new Refused({ ok: false, code: "not-found" });
  return tx.indicator.findUniqueOrThrow({
    where: { id: indicatorId },
    select: {
      ...indicatorFields,
      id: true,
      version: true,
      programmeId: true,
      sectionId: true,
      parentId: true,
      programme: { select: { code: true, term: { select: { slug: true } } } },
    },
  });
}

export type IndicatorChange = IndicatorDefinition;

/** What may not change once an indicator has figures: it would reinterpret the stored numbers. */
export const MEANING_FIELDS = ["unit", "valueType", "aggregation"] as const;

/**
 * Edits an indicator at `expectedVersion`. A change of unit, value type or aggregation rule is refused
 * (naming the fields) once the indicator has figures, published or entered. Audited field by field.
 */
export async function updateIndicator({
  actor,
  indicatorId,
  expectedVersion,
  issuerIds,
  fields,
}: {
  actor: Actor;
  indicatorId: number;
  expectedVersion: number;
  issuerIds: readonly number[];
  fields: IndicatorChange;
}): Promise<CatalogueWriteOutcome> {
  return refusing(() =>
    db().$transaction(async (tx) => {
      const cur = await lockIndicator(tx, indicatorId, issuerIds);
      if (cur.version !== expectedVersion) throw new Refused({ ok: false, code: "conflict" });
      const before = indicatorAudit(cur);
      const after = indicatorAudit({ ...cur, ...fields });
      const meaning = MEANING_FIELDS.filter((f) => before[f] !== after[f]);
      if (meaning.length > 0) {
        const uses = await usesOf(tx, [indicatorId]);
        if (uses.values > 0) throw new Refused({ ok: false, code: "locked", fields: [...meaning], uses });
      }
      const changed = await audit({
        tx,
        actor,
        action: "UPDATE",
        entity: "indicator",
        entityId: indicatorId,
        before,
        after,
        context: {
          term: cur.programme.term.slug,
          programme: cur.programme.code,
          indicator: cur.code,
          version: cur.version + 1,
        },
      });
      if (changed === 0) return { ok: true, version: cur.version, changed: 0 };
      await tx.indicator.update({ where: { id: indicatorId }, data: { ...fields, version: { increment: 1 } } });
      return { ok: true, version: cur.version + 1, changed };
    }),
  );
}

/**
 * Moves an indicator one place up or down among its siblings (same section and parent): the two swap
 * their order, both versions bump, both audited.
 */
export async function moveIndicator({
  actor,
  indicatorId,
  expectedVersion,
  direction,
  issuerIds,
}: {
  actor: Actor;
  indicatorId: number;
  expectedVersion: number;
  direction: "up" | "down";
  issuerIds: readonly number[];
}): Promise<CatalogueWriteOutcome> {
  return refusing(() =>
    db().$transaction(async (tx) => {
      const cur = await lockIndicator(tx, indicatorId, issuerIds);
      if (cur.version !== expectedVersion) throw new Refused({ ok: false, code: "conflict" });
      const moved = await swapSortOrder({
        tx,
        actor,
        table: "indicator",
        siblings: { sectionId: cur.sectionId, parentId: cur.parentId },
        item: { id: indicatorId, code: cur.code, sortOrder: cur.sortOrder },
        direction,
        context: { term: cur.programme.term.slug, programme: cur.programme.code },
      });
      if (!moved) return { ok: true, version: cur.version, changed: 0 };
      return { ok: true, version: cur.version + 1, changed: 1 };
    }),
  );
}

/** Deletes an indicator (and nothing else) when no figure, target, entry or sub-row uses it. */
export async function deleteIndicator({
  actor,
  indicatorId,
  expectedVersion,
  issuerIds,
}: {
  actor: Actor;
  indicatorId: number;
  expectedVersion: number;
  issuerIds: readonly number[];
}): Promise<CatalogueWriteOutcome> {
  return refusing(() =>
    db().$transaction(async (tx) => {
      const cur = await lockIndicator(tx, indicatorId, issuerIds);
      if (cur.version !== expectedVersion) throw new Refused({ ok: false, code: "conflict" });
      const uses = await usesOf(tx, [indicatorId]);
      const children = await tx.indicator.count({ where: { parentId: indicatorId } });
      if (uses.values + uses.targets > 0 || children > 0)
        throw new Refused({ ok: false, code: "locked", fields: [], uses: { ...uses, entries: children } });
      await tx.indicator.delete({ where: { id: indicatorId } });
      const context = { term: cur.programme.term.slug, programme: cur.programme.code };
      await audit({
        tx,
        actor,
        action: "DELETE",
        entity: "indicator",
        entityId: indicatorId,
        before: indicatorAudit(cur),
        after: {},
        context,
      });
      await dropFromRules({ tx, actor, programmeId: cur.programmeId, code: cur.code, context });
      return { ok: true, version: cur.version, changed: 1 };
    }),
  );
}

/**
 * The programme's cross-field rules without a deleted indicator: a rule on it (its right side) goes,
 * and it leaves the sums it was part of (a rule left with nothing to add up goes). Audited.
 */
async function dropFromRules({
  tx,
  actor,
  programmeId,
  code,
  context,
}: {
  tx: Tx;
  actor: Actor;
  programmeId: number;
  code: string;
  context: Record<string, AuditValue>;
}) {
  const rules = await tx.indicatorRule.findMany({
    where: { programmeId, OR: [{ right: code }, { left: { has: code } }] },
    select: { id: true, code: true, left: true, right: true, description: true },
  });
  for (const r of rules) {
    const left = r.left.filter((c) => c !== code);
    const before = { code: r.code, left: r.left.join(", "), right: r.right, description: r.description };
    if (r.right === code || left.length === 0) {
      await tx.indicatorRule.delete({ where: { id: r.id } });
      await audit({
        tx,
        actor,
        action: "DELETE",
        entity: "indicator_rule",
        entityId: r.id,
        before,
        after: {},
        context,
      });
    } else {
      await tx.indicatorRule.update({ where: { id: r.id }, data: { left } });
      await audit({
        tx,
        actor,
        action: "UPDATE",
        entity: "indicator_rule",
        entityId: r.id,
        before: { left: before.left },
        after: { left: left.join(", ") },
        context: { ...context, rule: r.code },
      });
    }
  }
}

/**
 * Deletes a programme with its sections, indicators and rules when nothing stored uses it: no figure,
 * target, submission (a period of entry opened), land-clearance project or achievement.
 */
export async function deleteProgramme({
  actor,
  programmeId,
  expectedVersion,
  issuerIds,
}: {
  actor: Actor;
  programmeId: number;
  expectedVersion: number;
  issuerIds: readonly number[];
}): Promise<CatalogueWriteOutcome> {
  return refusing(() =>
    db().$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: number }[]>`
        SELECT id FROM programme WHERE id = ${programmeId} AND issuer_id = ANY(${[...issuerIds]}::int[]) FOR UPDATE`;
      if (locked.length === 0) throw new Refused({ ok: false, code: "not-found" });
      const p = await tx.programme.findUniqueOrThrow({
        where: { id: programmeId },
        select: {
          version: true,
          code: true,
          title: true,
          summary: true,
          number: true,
          issuedOn: true,
          term: { select: { slug: true } },
          indicators: { select: { id: true } },
          _count: { select: { submissions: true, landClearance: true, achievements: true } },
        },
      });
      if (p.version !== expectedVersion) throw new Refused({ ok: false, code: "conflict" });
      const ids = p.indicators.map((i) => i.id);
      const uses = await usesOf(tx, ids);
      uses.entries = p._count.submissions + p._count.landClearance + p._count.achievements;
      if (uses.values + uses.targets + uses.entries > 0)
        throw new Refused({ ok: false, code: "locked", fields: [], uses });
      await tx.indicatorRule.deleteMany({ where: { programmeId } });
      // sub-rows before their parents
      await tx.indicator.deleteMany({ where: { programmeId, parentId: { not: null } } });
      await tx.indicator.deleteMany({ where: { programmeId } });
      await tx.indicatorSection.deleteMany({ where: { programmeId } });
      await tx.programme.delete({ where: { id: programmeId } });
      await audit({
        tx,
        actor,
        action: "DELETE",
        entity: "programme",
        entityId: programmeId,
        before: { code: p.code, title: p.title, summary: p.summary, number: p.number, issuedOn: isoDay(p.issuedOn) },
        after: {},
        context: { term: p.term.slug, indicators: ids.length },
      });
      return { ok: true, version: p.version, changed: 1 };
    }),
  );
}

export type EditableIndicator = IndicatorDefinition & {
  id: number;
  version: number;
  code: string;
  /** a category sub-row of another indicator */
  isSubRow: boolean;
  /** figures (published or entered): unit, type and aggregation are then fixed */
  hasValues: boolean;
};
export type EditableProgramme = {
  id: number;
  version: number;
  code: string;
  slug: string;
  number: number;
  title: string;
  summary: string;
  issuer: { slug: string; name: string };
  issuedOn: string | null;
  /** slugs of the units it applies to (none: every unit below its issuer) */
  appliesTo: string[];
  /** the same units with their names, in the order of the slugs */
  appliesToUnits: { slug: string; name: string }[];
  sections: { id: number; version: number; code: string; name: string; indicators: EditableIndicator[] }[];
};

/**
 * The programmes of a term issued by `issuerIds`, with what the edit page needs (ids, versions,
 * whether an indicator has figures: one grouped query for all of them).
 */
export async function getEditableCatalogue(
  termSlug: string,
  issuerIds: readonly number[],
): Promise<EditableProgramme[]> {
  const rows = await db().programme.findMany({
    where: { term: { slug: termSlug }, issuerId: { in: [...issuerIds] } },
    orderBy: [{ number: "asc" }, { code: "asc" }],
    select: {
      id: true,
      version: true,
      code: true,
      slug: true,
      number: true,
      title: true,
      summary: true,
      issuedOn: true,
      issuer: { select: { slug: true, name: true } },
      appliesTo: { select: { orgUnit: { select: { slug: true, name: true } } } },
      sections: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: {
          id: true,
          version: true,
          code: true,
          name: true,
          indicators: {
            orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
            select: { ...indicatorFields, id: true, version: true, parentId: true },
          },
        },
      },
    },
  });
  const ids = rows.flatMap((p) => p.sections.flatMap((s) => s.indicators.map((i) => i.id)));
  const used = await db().$queryRaw<{ id: number }[]>`
    SELECT DISTINCT indicator_id AS id FROM result WHERE indicator_id = ANY(${ids}::int[])
    UNION SELECT DISTINCT indicator_id FROM entry_value WHERE indicator_id = ANY(${ids}::int[])`;
  const withValues = new Set(used.map((u) => u.id));
  return rows.map((p) => ({
    ...p,
    issuedOn: isoDay(p.issuedOn),
    appliesTo: p.appliesTo.map((a) => a.orgUnit.slug).sort(),
    appliesToUnits: p.appliesTo.map((a) => a.orgUnit).sort((a, b) => a.slug.localeCompare(b.slug)),
    sections: p.sections.map((s) => ({
      ...s,
      // each parent followed by its sub-rows, as the entry form shows them
      indicators: s.indicators
        .filter((i) => i.parentId === null || !s.indicators.some((x) => x.id === i.parentId))
        .flatMap((i) => [i, ...s.indicators.filter((c) => c.parentId === i.id)])
        .map(({ parentId, sortOrder: _o, categories, ...i }) => ({
          ...i,
          categories: (categories ?? {}) as Record<string, string>,
          isSubRow: parentId !== null,
          hasValues: withValues.has(i.id),
        })),
    })),
  }));
}

/** Slug and name of the given units, by level then name (the units a person manages the catalogue of). */
export async function unitRefs(ids: readonly number[]): Promise<{ slug: string; name: string }[]> {
  return db().orgUnit.findMany({
    where: { id: { in: [...ids] } },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: { slug: true, name: true },
  });
}

/**
 * The units that may issue a programme for a person: those where they manage the catalogue and every
 * unit below them down to the wards (a ward's own party committee issues programmes too).
 */
export async function issuerChoices(ids: readonly number[]): Promise<{ slug: string; name: string }[]> {
  return db().orgUnit.findMany({
    // former units too: a district issued programmes while it existed
    where: { id: { in: [...ids] }, level: { not: "RESIDENTIAL_GROUP" } },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: { slug: true, name: true },
  });
}

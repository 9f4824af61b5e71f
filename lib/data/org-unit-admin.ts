import "server-only";
// The administrators' writes on org units: add, rename (the former name kept), retire, population
// and households per year, and reorganisations (merge, split) recorded as successions. Each write
// is one transaction under the row lock of the unit(s) it changes, checks the version the form was
// opened at, and writes one audit row per changed field. Refusals roll back and come out as facts
// (lib/domain/org-units.ts words them).
import { db } from "@/lib/db";
import { type AuditValue, diffFields } from "@/lib/domain/audit-diff";
import { type OrgUnitRefusal, childLevels, dayBefore } from "@/lib/domain/org-units";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import type { Failure } from "@/lib/result";
import type { Actor } from "./entry-save";
import { isoDay } from "./serialize";

type Tx = Prisma.TransactionClient;

export type OrgUnitWriteOutcome =
  | { ok: true; id: number; slug: string; version: number }
  | Failure<"invalid", { refusal: OrgUnitRefusal }>
  | Failure<"conflict">
  | Failure<"not-found">;

class Refused extends Error {
  constructor(readonly outcome: Exclude<OrgUnitWriteOutcome, { ok: true }>) {
    super(outcome.code);
  }
}
const refuse = (refusal: OrgUnitRefusal): never => {
  throw new Refused({ ok: false, code: "invalid", refusal });
};

async function run(work: (tx: Tx) => Promise<OrgUnitWriteOutcome>): Promise<OrgUnitWriteOutcome> {
  try {
    return await db().$transaction(work);
  } catch (e) {
    if (e instanceof Refused) return e.outcome;
    throw e;
  }
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function audit({
  tx,
  actor,
  row,
  before,
  after,
}: {
  tx: Tx;
  actor: Actor;
  row: { action: "CREATE" | "UPDATE"; entity: string; entityId: string | number; context: Prisma.InputJsonObject };
  before: Record<string, AuditValue>;
  after: Record<string, AuditValue>;
}): Promise<void> {
  const changes = diffFields(before, after);
  if (changes.length === 0) return;
  await tx.auditLog.createMany({
    data: changes.map((c) => ({
      actor: actor.userId,
      action: row.action,
      entity: row.entity,
      entityId: String(row.entityId),
      field: c.field,
      oldValue: c.oldValue,
      newValue: c.newValue,
      context: { ...row.context, actorName: actor.name },
    })),
  });
}

type LockedUnit = {
  id: number;
  slug: string;
  name: string;
  short_name: string;
  level: OrgLevel;
  parent_id: number | null;
  valid_from: Date;
  valid_to: Date | null;
  version: number;
};

async function lockUnits(tx: Tx, ids: readonly number[]): Promise<LockedUnit[]> {
  return tx.$queryRaw<LockedUnit[]>`
    SELECT id, slug, name, short_name, level, parent_id, valid_from, valid_to, version
    FROM org_unit WHERE id = ANY(${[...ids]}::int[]) ORDER BY id FOR UPDATE`;
}

/** Is the unit active on `on` (yyyy-mm-dd)? */
const activeOn = (u: { valid_from: Date; valid_to: Date | null }, on: string) =>
  u.valid_from <= day(on) && (!u.valid_to || u.valid_to >= day(on));

/** Refuses a name already carried by another unit active under the same parent (diacritics and case ignored). */
async function checkNameFree(
  tx: Tx,
  unit: { parentId: number | null; name: string; exceptId?: number; parentName: string | null },
): Promise<void> {
  const clash = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM org_unit
    WHERE parent_id IS NOT DISTINCT FROM ${unit.parentId}::int AND valid_to IS NULL
      AND vi_fold(name) = vi_fold(${unit.name}) AND id <> ${unit.exceptId ?? 0}
    LIMIT 1`;
  if (clash.length > 0) refuse({ rule: "name-taken", name: unit.name, parent: unit.parentName });
}

/** A slug in use, or once used (its addresses redirect to that unit), is refused; `ownId` may take back its own. */
async function checkSlugFree(tx: Tx, slug: string, ownId?: number): Promise<void> {
  const [current, former] = await Promise.all([
    tx.orgUnit.findUnique({ where: { slug }, select: { id: true } }),
    tx.orgUnitFormerSlug.findUnique({ where: { slug }, select: { orgUnitId: true } }),
  ]);
  if (current || (former && former.orgUnitId !== ownId)) refuse({ rule: "slug-taken", slug });
}

export type NewUnit = {
  slug: string;
  name: string;
  shortName: string;
  level: OrgLevel;
  validFrom: string;
};

async function insertUnit(
  tx: Tx,
  actor: Actor,
  input: NewUnit & { parent: { id: number; name: string; level: OrgLevel } | null; context?: Prisma.InputJsonObject },
): Promise<{ id: number; slug: string; version: number }> {
  const { parent } = input;
  if (!childLevels(parent?.level ?? null).includes(input.level))
    refuse({ rule: "level-not-allowed", level: input.level, parentLevel: parent?.level ?? null });
  await checkSlugFree(tx, input.slug);
  await checkNameFree(tx, { parentId: parent?.id ?? null, name: input.name, parentName: parent?.name ?? null });
  const sortOrder = await tx.orgUnit.count({ where: { parentId: parent?.id ?? null } });
  const created = await tx.orgUnit.create({
    data: {
      slug: input.slug,
      name: input.name,
      shortName: input.shortName,
      level: input.level,
      parentId: parent?.id ?? null,
      sortOrder: sortOrder + 1,
      validFrom: day(input.validFrom),
    },
    select: { id: true, slug: true, version: true },
  });
  await audit({
    tx,
    actor,
    row: {
      action: "CREATE",
      entity: "org_unit",
      entityId: created.id,
      context: { orgUnit: input.slug, ...input.context },
    },
    before: {},
    after: {
      slug: input.slug,
      name: input.name,
      shortName: input.shortName,
      level: input.level,
      parent: parent?.name ?? null,
      validFrom: input.validFrom,
    },
  });
  return created;
}

async function grantRole(
  tx: Tx,
  actor: Actor,
  grant: { userId: string; role: Prisma.RoleAssignmentCreateManyInput["role"]; orgUnitId: number; slug: string },
) {
  const inserted = await tx.roleAssignment.createMany({
    data: [{ userId: grant.userId, role: grant.role, orgUnitId: grant.orgUnitId }],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return;
  await audit({
    tx,
    actor,
    row: { action: "CREATE", entity: "role_assignment", entityId: grant.userId, context: { orgUnit: grant.slug } },
    before: {},
    after: { role: grant.role, orgUnit: grant.slug },
  });
}

/**
 * Adds a unit under `parentId` (null: a city at the top, whose creator becomes its administrator,
 * so that someone may manage it).
 */
export async function createOrgUnit(
  actor: Actor,
  input: NewUnit & { parentId: number | null },
): Promise<OrgUnitWriteOutcome> {
  return run(async (tx) => {
    let parent: { id: number; name: string; level: OrgLevel } | null = null;
    if (input.parentId !== null) {
      const [p] = await lockUnits(tx, [input.parentId]);
      if (!p) return { ok: false, code: "not-found" };
      if (!activeOn(p, input.validFrom)) refuse({ rule: "not-active", unit: p.name, on: input.validFrom });
      parent = { id: p.id, name: p.name, level: p.level };
    }
    const created = await insertUnit(tx, actor, { ...input, parent });
    if (parent === null)
      await grantRole(tx, actor, {
        userId: actor.userId,
        role: "ADMINISTRATOR",
        orgUnitId: created.id,
        slug: created.slug,
      });
    return { ok: true, ...created };
  });
}

async function lockOne(tx: Tx, id: number, version: number): Promise<LockedUnit> {
  const [u] = await lockUnits(tx, [id]);
  if (!u) throw new Refused({ ok: false, code: "not-found" });
  if (u.version !== version) throw new Refused({ ok: false, code: "conflict" });
  return u;
}

async function bump(tx: Tx, id: number, data: Prisma.OrgUnitUpdateInput) {
  return tx.orgUnit.update({ where: { id }, data: { ...data, version: { increment: 1 } }, select: { version: true } });
}

/**
 * Renames a unit from `effectiveOn`, and changes its slug when `slug` is given: the former name is
 * kept with the last day it was used, and the former slug too (its addresses then redirect here).
 */
export async function renameOrgUnit(
  actor: Actor,
  input: { id: number; version: number; name: string; shortName: string; slug?: string; effectiveOn: string },
): Promise<OrgUnitWriteOutcome> {
  return run(async (tx) => {
    const u = await lockOne(tx, input.id, input.version);
    const slug = input.slug || u.slug;
    const renamed = u.name !== input.name || u.short_name !== input.shortName;
    if (!renamed && slug === u.slug) refuse({ rule: "same-name" });
    if (day(input.effectiveOn) <= u.valid_from)
      refuse({ rule: "date-before-start", unit: u.name, validFrom: isoDay(u.valid_from)! });
    if (!activeOn(u, input.effectiveOn)) refuse({ rule: "not-active", unit: u.name, on: input.effectiveOn });
    const lastDay = day(dayBefore(input.effectiveOn));
    if (renamed) {
      const parent = u.parent_id
        ? await tx.orgUnit.findUnique({ where: { id: u.parent_id }, select: { name: true } })
        : null;
      await checkNameFree(tx, {
        parentId: u.parent_id,
        name: input.name,
        exceptId: u.id,
        parentName: parent?.name ?? null,
      });
      await tx.orgUnitFormerName.create({
        data: { orgUnitId: u.id, name: u.name, shortName: u.short_name, validTo: lastDay, changedById: actor.userId },
      });
    }
    if (slug !== u.slug) {
      await checkSlugFree(tx, slug, u.id);
      // a slug taken back is no longer a former one; the current one becomes former (then redirects)
      await tx.orgUnitFormerSlug.deleteMany({ where: { slug, orgUnitId: u.id } });
      await tx.orgUnit.update({ where: { id: u.id }, data: { slug } });
      await tx.orgUnitFormerSlug.create({
        data: { slug: u.slug, orgUnitId: u.id, validTo: lastDay, changedById: actor.userId },
      });
    }
    const { version } = await bump(tx, u.id, { name: input.name, shortName: input.shortName });
    await audit({
      tx,
      actor,
      row: {
        action: "UPDATE",
        entity: "org_unit",
        entityId: u.id,
        context: { orgUnit: slug, effectiveOn: input.effectiveOn },
      },
      before: { name: u.name, shortName: u.short_name, slug: u.slug },
      after: { name: input.name, shortName: input.shortName, slug },
    });
    return { ok: true, id: u.id, slug, version };
  });
}

/**
 * Moves a unit under another parent from `effectiveOn` (e.g. a ward formerly under a district, now
 * directly under the city). The former parent is kept with its last day; org_unit.path of the unit
 * and everything below it follows (database triggers), so every read scope follows at once: the
 * former parent's people no longer reach it, the new parent's do.
 */
export async function moveOrgUnit(
  actor: Actor,
  input: { id: number; version: number; parentId: number; effectiveOn: string },
): Promise<OrgUnitWriteOutcome> {
  return run(async (tx) => {
    const u = await lockOne(tx, input.id, input.version);
    const [p] = await lockUnits(tx, [input.parentId]);
    if (!p) return { ok: false, code: "not-found" };
    if (p.id === u.parent_id) refuse({ rule: "same-parent", parent: p.name });
    const [{ below }] = await tx.$queryRaw<{ below: boolean }[]>`
      SELECT ${u.id}::int = ANY(path) AS below FROM org_unit WHERE id = ${p.id}`;
    if (below) refuse({ rule: "below-itself", unit: u.name, parent: p.name });
    if (!childLevels(p.level).includes(u.level))
      refuse({ rule: "level-not-allowed", level: u.level, parentLevel: p.level });
    if (day(input.effectiveOn) <= u.valid_from)
      refuse({ rule: "date-before-start", unit: u.name, validFrom: isoDay(u.valid_from)! });
    if (!activeOn(u, input.effectiveOn)) refuse({ rule: "not-active", unit: u.name, on: input.effectiveOn });
    // a retired unit (merged, split or closed) takes no unit: said so, with its last day
    if (p.valid_to && p.valid_to < day(input.effectiveOn))
      refuse({ rule: "parent-retired", parent: p.name, lastDay: isoDay(p.valid_to)! });
    if (!activeOn(p, input.effectiveOn)) refuse({ rule: "not-active", unit: p.name, on: input.effectiveOn });
    await checkNameFree(tx, { parentId: p.id, name: u.name, exceptId: u.id, parentName: p.name });
    const former = u.parent_id
      ? await tx.orgUnit.findUnique({ where: { id: u.parent_id }, select: { slug: true } })
      : null;
    await tx.orgUnitFormerParent.create({
      data: {
        orgUnitId: u.id,
        parentId: u.parent_id,
        validTo: day(dayBefore(input.effectiveOn)),
        changedById: actor.userId,
      },
    });
    const sortOrder = await tx.orgUnit.count({ where: { parentId: p.id } });
    const { version } = await bump(tx, u.id, { parent: { connect: { id: p.id } }, sortOrder: sortOrder + 1 });
    await audit({
      tx,
      actor,
      row: {
        action: "UPDATE",
        entity: "org_unit",
        entityId: u.id,
        context: { orgUnit: u.slug, effectiveOn: input.effectiveOn },
      },
      before: { parent: former?.slug ?? null },
      after: { parent: p.slug },
    });
    return { ok: true, id: u.id, slug: u.slug, version };
  });
}

async function checkRetirable(tx: Tx, u: LockedUnit, lastDay: string): Promise<void> {
  if (day(lastDay) < u.valid_from)
    refuse({ rule: "date-before-start", unit: u.name, validFrom: isoDay(u.valid_from)! });
  if (u.valid_to && u.valid_to < day(lastDay)) refuse({ rule: "not-active", unit: u.name, on: lastDay });
  const open = await tx.submission.count({ where: { orgUnitId: u.id, status: { not: "APPROVED" } } });
  if (open > 0) refuse({ rule: "open-submissions", unit: u.name, count: open });
}

async function activeChildren(tx: Tx, parentId: number, on: string) {
  return tx.orgUnit.findMany({
    where: { parentId, OR: [{ validTo: null }, { validTo: { gte: day(on) } }] },
    select: { id: true, shortName: true },
    orderBy: { sortOrder: "asc" },
  });
}

async function endUnit({
  tx,
  actor,
  u,
  lastDay,
  context,
}: {
  tx: Tx;
  actor: Actor;
  u: LockedUnit;
  lastDay: string;
  context: Prisma.InputJsonObject;
}) {
  const { version } = await bump(tx, u.id, { validTo: day(lastDay) });
  await audit({
    tx,
    actor,
    row: { action: "UPDATE", entity: "org_unit", entityId: u.id, context: { orgUnit: u.slug, ...context } },
    before: { validTo: isoDay(u.valid_to) },
    after: { validTo: lastDay },
  });
  return version;
}

/** Retires a unit: `lastDay` is its last day. Refused while its figures are in review or units below it are active. */
export async function retireOrgUnit(
  actor: Actor,
  input: { id: number; version: number; lastDay: string },
): Promise<OrgUnitWriteOutcome> {
  return run(async (tx) => {
    const u = await lockOne(tx, input.id, input.version);
    await checkRetirable(tx, u, input.lastDay);
    const children = await activeChildren(tx, u.id, dayAfter(input.lastDay));
    if (children.length > 0)
      refuse({ rule: "active-children", unit: u.name, children: children.map((c) => c.shortName) });
    const version = await endUnit({ tx, actor, u, lastDay: input.lastDay, context: {} });
    return { ok: true, id: u.id, slug: u.slug, version };
  });
}

function dayAfter(iso: string): string {
  const d = day(iso);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Population and households of one year (`version` 0: none recorded yet). The unit's own
 * population/households (per-capita comparisons) follow its latest recorded year.
 */
export async function saveYearFigure(
  actor: Actor,
  input: { id: number; year: number; version: number; population: number | null; households: number | null },
): Promise<OrgUnitWriteOutcome> {
  return run(async (tx) => {
    const [u] = await lockUnits(tx, [input.id]);
    if (!u) return { ok: false, code: "not-found" };
    const key = { orgUnitId_year: { orgUnitId: u.id, year: input.year } };
    const cur = await tx.orgUnitYearFigure.findUnique({ where: key });
    if ((cur?.version ?? 0) !== input.version) return { ok: false, code: "conflict" };
    const data = { population: input.population, households: input.households, updatedById: actor.userId };
    const saved = cur
      ? await tx.orgUnitYearFigure.update({ where: key, data: { ...data, version: { increment: 1 } } })
      : await tx.orgUnitYearFigure.create({ data: { orgUnitId: u.id, year: input.year, ...data } });
    await audit({
      tx,
      actor,
      row: {
        action: cur ? "UPDATE" : "CREATE",
        entity: "org_unit_year_figure",
        entityId: saved.id,
        context: { orgUnit: u.slug, year: input.year },
      },
      before: cur ? { population: cur.population, households: cur.households } : {},
      after: { population: input.population, households: input.households },
    });
    const latest = await tx.orgUnitYearFigure.findFirst({ where: { orgUnitId: u.id }, orderBy: { year: "desc" } });
    if (latest?.year === input.year)
      await tx.orgUnit.update({
        where: { id: u.id },
        data: { population: input.population, households: input.households },
      });
    return { ok: true, id: saved.id, slug: u.slug, version: saved.version };
  });
}

export type Reorganisation = {
  /** the former units (a merge: two or more; a split: one) */
  predecessorIds: number[];
  /** the new units, each with the part of the predecessor(s) it takes (1 for a merge) */
  successors: { slug: string; name: string; shortName: string; share: string }[];
  /** under which unit the new units sit */
  parentId: number;
  /** the first day of the new units; the former ones end the day before */
  effectiveOn: string;
  /** give the new units the roles people held on the former ones */
  carryRoles: boolean;
  /** units where the person may manage units: the former ones must lie there */
  manageable: readonly number[];
  note: string | null;
};

/**
 * Merges several units into one, or splits one into several, from `effectiveOn`: the new units are
 * created, the former ones retired the day before, a succession recorded for each pair (with its
 * share), and, if asked, the roles held on the former units granted on the new ones — all in one
 * transaction. After a merge, the former units' active residential groups move to the new unit.
 */
export async function reorganise(actor: Actor, input: Reorganisation): Promise<OrgUnitWriteOutcome> {
  const kind = input.predecessorIds.length > 1 ? "merge" : "split";
  return run(async (tx) => {
    const lastDay = dayBefore(input.effectiveOn);
    const units = await lockUnits(tx, [...new Set([input.parentId, ...input.predecessorIds])]);
    const parent = units.find((u) => u.id === input.parentId);
    const former = input.predecessorIds.map((id) => units.find((u) => u.id === id));
    if (!parent || former.some((f) => !f)) return { ok: false, code: "not-found" };
    const predecessors = former as LockedUnit[];
    for (const p of predecessors) {
      if (!input.manageable.includes(p.id)) refuse({ rule: "outside-scope", unit: p.name });
      if (!activeOn(p, lastDay)) refuse({ rule: "not-active", unit: p.name, on: lastDay });
      if (day(input.effectiveOn) <= p.valid_from)
        refuse({ rule: "date-before-start", unit: p.name, validFrom: isoDay(p.valid_from)! });
      await checkRetirable(tx, p, lastDay);
    }
    if (new Set(predecessors.map((p) => p.level)).size > 1) refuse({ rule: "levels-differ" });
    const children = await Promise.all(predecessors.map((p) => activeChildren(tx, p.id, input.effectiveOn)));
    if (kind === "split") {
      const open = children.flat();
      if (open.length > 0)
        refuse({ rule: "active-children", unit: predecessors[0].name, children: open.map((c) => c.shortName) });
    }
    const context = { reorganisation: kind, effectiveOn: input.effectiveOn, from: predecessors.map((p) => p.slug) };
    // the former units end first, so that their names are free for a successor that keeps one
    for (const p of predecessors) await endUnit({ tx, actor, u: p, lastDay, context });
    const created = [];
    for (const s of input.successors) {
      const unit = await insertUnit(tx, actor, {
        ...s,
        level: predecessors[0].level,
        validFrom: input.effectiveOn,
        parent: { id: parent.id, name: parent.name, level: parent.level },
        context,
      });
      created.push({ ...unit, share: s.share });
      for (const p of predecessors) {
        await tx.orgUnitSuccession.create({
          data: {
            predecessorId: p.id,
            successorId: unit.id,
            effectiveOn: day(input.effectiveOn),
            share: s.share,
            note: input.note,
          },
        });
        await audit({
          tx,
          actor,
          row: { action: "CREATE", entity: "org_unit_succession", entityId: `${p.id}-${unit.id}`, context },
          before: {},
          after: { predecessor: p.slug, successor: unit.slug, effectiveOn: input.effectiveOn, share: s.share },
        });
      }
    }
    if (kind === "merge") {
      const target = created[0];
      for (const group of children.flat()) {
        await tx.orgUnit.update({ where: { id: group.id }, data: { parentId: target.id, version: { increment: 1 } } });
        await audit({
          tx,
          actor,
          row: { action: "UPDATE", entity: "org_unit", entityId: group.id, context },
          before: { parent: predecessors[children.findIndex((list) => list.includes(group))].slug },
          after: { parent: target.slug },
        });
      }
    }
    if (input.carryRoles) {
      const roles = await tx.roleAssignment.findMany({
        where: { orgUnitId: { in: input.predecessorIds } },
        select: { userId: true, role: true },
      });
      for (const unit of created)
        for (const r of roles) await grantRole(tx, actor, { ...r, orgUnitId: unit.id, slug: unit.slug });
    }
    return { ok: true, ...created[0] };
  });
}

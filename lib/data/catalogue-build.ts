import "server-only";
// Building a programme from scratch in a term: the programme itself (and later edits of its fields),
// its sections (added, renamed, reordered) and its indicators (added, optionally as a category
// sub-row with the rule that the sub-rows do not exceed their parent). Same rules as the rest of the
// catalogue (./catalogue.ts): only programmes issued by `issuerIds` are found, every write is one
// transaction, edits check the version the form showed, every field change is audited.
import { type AuditValue } from "@/lib/domain/audit-diff";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Failure } from "@/lib/result";
import {
  type CatalogueWriteOutcome,
  type IndicatorChange,
  Refused,
  indicatorAudit,
  refusing,
  usesOf,
} from "./catalogue";
import { type Actor, type Tx, audit } from "./record-write";
import { isoDay } from "./serialize";
import { swapSortOrder } from "./sort-order";

/** Why a field of a new or edited item is refused (the action words it). */
export type FieldRefusal = Failure<
  "invalid",
  {
    field: string;
    reason: "taken" | "outside" | "unknown-unit" | "no-parent" | "parent-is-sub-row";
    value: string;
  }
>;

export type BuildOutcome =
  | { ok: true; id: number; version: number; changed: number }
  | Exclude<CatalogueWriteOutcome, { ok: true }>
  | FieldRefusal;

class FieldRefused extends Error {
  constructor(readonly outcome: FieldRefusal) {
    super(outcome.reason);
  }
}

const refuseField = (field: string, reason: FieldRefusal["reason"], value: string): never => {
  throw new FieldRefused({ ok: false, code: "invalid", field, reason, value });
};

/** Runs a build step: a refusal thrown inside the transaction rolls it back and becomes the outcome. */
async function building(run: () => Promise<BuildOutcome>): Promise<BuildOutcome> {
  try {
    return await refusing(run);
  } catch (e) {
    if (e instanceof FieldRefused) return e.outcome;
    throw e;
  }
}

/** "03-CTr/QU" → "03-CTr-QU": the programme's code made safe for URLs. */
export const programmeSlug = (code: string) => code.replace(/[/.]+/g, "-");

export type ProgrammeFields = {
  code: string;
  number: number;
  title: string;
  summary: string;
  /** yyyy-mm-dd or null */
  issuedOn: string | null;
  /** slugs of the units it applies to (in the issuer's subtree); none: every unit below the issuer */
  appliesTo: string[];
};

/** The applied units' ids, each checked to lie in the issuer's subtree (or be the issuer). */
async function appliedUnits(tx: Tx, issuerId: number, slugs: string[]): Promise<number[]> {
  if (slugs.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: number; slug: string; inside: boolean }[]>`
    SELECT id, slug, ${issuerId}::int = ANY(path) AS inside FROM org_unit WHERE slug = ANY(${slugs}::text[])`;
  for (const slug of slugs) {
    const row = rows.find((r) => r.slug === slug);
    if (!row) refuseField("appliesTo", "unknown-unit", slug);
    else if (!row.inside) refuseField("appliesTo", "outside", slug);
  }
  return rows.map((r) => r.id);
}

/** What the audit log keeps of a programme. */
function programmeAudit(p: {
  code: string;
  number: number;
  title: string;
  summary: string;
  issuedOn: string | null;
  issuer: string;
  appliesTo: string[];
}): Record<string, AuditValue> {
  return { ...p, appliesTo: [...p.appliesTo].sort().join(", ") };
}

async function checkCodeFree(
  tx: Tx,
  { termId, issuerId, code, except }: { termId: number; issuerId: number; code: string; except?: number },
) {
  const taken = await tx.programme.findFirst({
    where: {
      termId,
      issuerId,
      OR: [{ code }, { slug: programmeSlug(code) }],
      ...(except ? { id: { not: except } } : {}),
    },
    select: { id: true },
  });
  if (taken) refuseField("code", "taken", code);
}

/** Two writers of the same unique code at once: the database lets one in, the other is told so. */
function uniqueClash(e: unknown, field: string, value: string): BuildOutcome | null {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
    return { ok: false, code: "invalid", field, reason: "taken", value };
  return null;
}

/**
 * Tạo chương trình: a programme of `termSlug` issued by `issuerId` (one of `issuerIds`), with no
 * sections yet. Refused when the term is unknown, the code is taken for that issuer and term, or an
 * applied unit lies outside the issuer.
 */
export async function createProgramme({
  actor,
  termSlug,
  issuerId,
  issuerIds,
  fields,
}: {
  actor: Actor;
  termSlug: string;
  issuerId: number;
  issuerIds: readonly number[];
  fields: ProgrammeFields;
}): Promise<BuildOutcome> {
  if (!issuerIds.includes(issuerId)) return { ok: false, code: "not-found" };
  try {
    return await building(() =>
      db().$transaction(async (tx) => {
        const term = await tx.term.findUnique({ where: { slug: termSlug }, select: { id: true } });
        if (!term) throw new Refused({ ok: false, code: "not-found" });
        await checkCodeFree(tx, { termId: term.id, issuerId, code: fields.code });
        const units = await appliedUnits(tx, issuerId, fields.appliesTo);
        const issuer = await tx.orgUnit.findUniqueOrThrow({ where: { id: issuerId }, select: { slug: true } });
        const created = await tx.programme.create({
          data: {
            termId: term.id,
            issuerId,
            number: fields.number,
            code: fields.code,
            slug: programmeSlug(fields.code),
            title: fields.title,
            summary: fields.summary,
            issuedOn: fields.issuedOn ? new Date(`${fields.issuedOn}T00:00:00Z`) : null,
            appliesTo: { create: units.map((orgUnitId) => ({ orgUnitId })) },
          },
          select: { id: true, version: true },
        });
        const changed = await audit({
          tx,
          actor,
          action: "CREATE",
          entity: "programme",
          entityId: created.id,
          before: {},
          after: programmeAudit({ ...fields, issuer: issuer.slug }),
          context: { term: termSlug },
        });
        return { ok: true, id: created.id, version: created.version, changed };
      }),
    );
  } catch (e) {
    const clash = uniqueClash(e, "code", fields.code);
    if (clash) return clash;
    throw e;
  }
}

/** The programme, locked, if issued by one of `issuerIds`. */
async function lockProgramme(tx: Tx, programmeId: number, issuerIds: readonly number[]) {
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM programme WHERE id = ${programmeId} AND issuer_id = ANY(${[...issuerIds]}::int[]) FOR UPDATE`;
  if (locked.length === 0) throw new Refused({ ok: false, code: "not-found" });
  return tx.programme.findUniqueOrThrow({
    where: { id: programmeId },
    select: {
      id: true,
      version: true,
      termId: true,
      issuerId: true,
      code: true,
      number: true,
      title: true,
      summary: true,
      issuedOn: true,
      issuer: { select: { slug: true } },
      term: { select: { slug: true } },
      appliesTo: { select: { orgUnit: { select: { slug: true } } } },
      indicators: { select: { id: true } },
      _count: { select: { submissions: true, landClearance: true, achievements: true } },
    },
  });
}

/**
 * Sửa chương trình at `expectedVersion`: code, number, title, summary, issue date, issuing unit (one of
 * `issuerIds`) and the units it applies to. Once anything is stored for the programme (figures,
 * targets, entry periods, records) its code and issuing unit stay: the addresses, files and
 * wards' entry find it by them.
 */
export async function updateProgramme({
  actor,
  programmeId,
  expectedVersion,
  issuerId,
  issuerIds,
  fields,
}: {
  actor: Actor;
  programmeId: number;
  expectedVersion: number;
  issuerId: number;
  issuerIds: readonly number[];
  fields: ProgrammeFields;
}): Promise<BuildOutcome> {
  if (!issuerIds.includes(issuerId)) return { ok: false, code: "not-found" };
  try {
    return await building(() =>
      db().$transaction(async (tx) => {
        const cur = await lockProgramme(tx, programmeId, issuerIds);
        if (cur.version !== expectedVersion) throw new Refused({ ok: false, code: "conflict" });
        const issuer = await tx.orgUnit.findUniqueOrThrow({ where: { id: issuerId }, select: { slug: true } });
        const before = programmeAudit({
          code: cur.code,
          number: cur.number,
          title: cur.title,
          summary: cur.summary,
          issuedOn: isoDay(cur.issuedOn),
          issuer: cur.issuer.slug,
          appliesTo: cur.appliesTo.map((a) => a.orgUnit.slug),
        });
        const after = programmeAudit({ ...fields, issuer: issuer.slug });
        const identity = (["code", "issuer"] as const).filter((f) => before[f] !== after[f]);
        if (identity.length > 0) {
          const uses = await usesOf(
            tx,
            cur.indicators.map((i) => i.id),
          );
          uses.entries = cur._count.submissions + cur._count.landClearance + cur._count.achievements;
          if (uses.values + uses.targets + uses.entries > 0)
            throw new Refused({ ok: false, code: "locked", fields: [...identity], uses });
          await checkCodeFree(tx, { termId: cur.termId, issuerId, code: fields.code, except: programmeId });
        }
        const units = await appliedUnits(tx, issuerId, fields.appliesTo);
        const changed = await audit({
          tx,
          actor,
          action: "UPDATE",
          entity: "programme",
          entityId: programmeId,
          before,
          after,
          context: { term: cur.term.slug, programme: cur.code, version: cur.version + 1 },
        });
        if (changed === 0) return { ok: true, id: programmeId, version: cur.version, changed: 0 };
        await tx.programme.update({
          where: { id: programmeId },
          data: {
            issuerId,
            code: fields.code,
            slug: programmeSlug(fields.code),
            number: fields.number,
            title: fields.title,
            summary: fields.summary,
            issuedOn: fields.issuedOn ? new Date(`${fields.issuedOn}T00:00:00Z`) : null,
            version: { increment: 1 },
          },
        });
        if (before.appliesTo !== after.appliesTo) {
          await tx.programmeUnit.deleteMany({ where: { programmeId } });
          await tx.programmeUnit.createMany({ data: units.map((orgUnitId) => ({ programmeId, orgUnitId })) });
        }
        return { ok: true, id: programmeId, version: cur.version + 1, changed };
      }),
    );
  } catch (e) {
    const clash = uniqueClash(e, "code", fields.code);
    if (clash) return clash;
    throw e;
  }
}

/** Thêm mục: a section at the end of the programme. */
export async function createSection({
  actor,
  programmeId,
  issuerIds,
  code,
  name,
}: {
  actor: Actor;
  programmeId: number;
  issuerIds: readonly number[];
  code: string;
  name: string;
}): Promise<BuildOutcome> {
  try {
    return await building(() =>
      db().$transaction(async (tx) => {
        const p = await lockProgramme(tx, programmeId, issuerIds);
        if (await tx.indicatorSection.findFirst({ where: { programmeId, code }, select: { id: true } }))
          refuseField("code", "taken", code);
        const last = await tx.indicatorSection.aggregate({ where: { programmeId }, _max: { sortOrder: true } });
        const sortOrder = (last._max.sortOrder ?? 0) + 1;
        const s = await tx.indicatorSection.create({
          data: { programmeId, code, name, sortOrder },
          select: { id: true, version: true },
        });
        const changed = await audit({
          tx,
          actor,
          action: "CREATE",
          entity: "indicator_section",
          entityId: s.id,
          before: {},
          after: { code, name, sortOrder },
          context: { term: p.term.slug, programme: p.code },
        });
        return { ok: true, id: s.id, version: s.version, changed };
      }),
    );
  } catch (e) {
    const clash = uniqueClash(e, "code", code);
    if (clash) return clash;
    throw e;
  }
}

/** The section, locked, if its programme is issued by one of `issuerIds`. */
async function lockSection(tx: Tx, sectionId: number, issuerIds: readonly number[]) {
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT s.id FROM indicator_section s JOIN programme p ON p.id = s.programme_id
     WHERE s.id = ${sectionId} AND p.issuer_id = ANY(${[...issuerIds]}::int[])
       FOR UPDATE OF s`;
  if (locked.length === 0) throw new Refused({ ok: false, code: "not-found" });
  return tx.indicatorSection.findUniqueOrThrow({
    where: { id: sectionId },
    select: {
      id: true,
      version: true,
      code: true,
      name: true,
      sortOrder: true,
      programmeId: true,
      programme: { select: { code: true, term: { select: { slug: true } } } },
    },
  });
}

/** Đổi tên mục at `expectedVersion` (its code stays; the old name stays in the audit log). */
export async function renameSection({
  actor,
  sectionId,
  expectedVersion,
  issuerIds,
  name,
}: {
  actor: Actor;
  sectionId: number;
  expectedVersion: number;
  issuerIds: readonly number[];
  name: string;
}): Promise<BuildOutcome> {
  return building(() =>
    db().$transaction(async (tx) => {
      const cur = await lockSection(tx, sectionId, issuerIds);
      if (cur.version !== expectedVersion) throw new Refused({ ok: false, code: "conflict" });
      const changed = await audit({
        tx,
        actor,
        action: "UPDATE",
        entity: "indicator_section",
        entityId: sectionId,
        before: { name: cur.name },
        after: { name },
        context: { term: cur.programme.term.slug, programme: cur.programme.code, section: cur.code },
      });
      if (changed === 0) return { ok: true, id: sectionId, version: cur.version, changed: 0 };
      await tx.indicatorSection.update({ where: { id: sectionId }, data: { name, version: { increment: 1 } } });
      return { ok: true, id: sectionId, version: cur.version + 1, changed };
    }),
  );
}

/**
 * Moves a section one place up or down in its programme: the two swap their order, both versions
 * bump, both audited (as indicators are moved).
 */
export async function moveSection({
  actor,
  sectionId,
  expectedVersion,
  direction,
  issuerIds,
}: {
  actor: Actor;
  sectionId: number;
  expectedVersion: number;
  direction: "up" | "down";
  issuerIds: readonly number[];
}): Promise<BuildOutcome> {
  return building(() =>
    db().$transaction(async (tx) => {
      const cur = await lockSection(tx, sectionId, issuerIds);
      if (cur.version !== expectedVersion) throw new Refused({ ok: false, code: "conflict" });
      const moved = await swapSortOrder({
        tx,
        actor,
        table: "indicatorSection",
        siblings: { programmeId: cur.programmeId },
        item: { id: sectionId, code: cur.code, sortOrder: cur.sortOrder },
        direction,
        context: { term: cur.programme.term.slug, programme: cur.programme.code },
      });
      if (!moved) return { ok: true, id: sectionId, version: cur.version, changed: 0 };
      return { ok: true, id: sectionId, version: cur.version + 1, changed: 1 };
    }),
  );
}

/** The rule "the sub-rows of `parent` together do not exceed it": one per parent, its code derived. */
export const subRowRuleCode = (parentCode: string) => `${parentCode}-dong-con-khong-vuot`;

/**
 * Thêm chỉ tiêu at the end of a section (or of its parent's sub-rows). `parentCode`: the indicator of
 * the same programme it is a category sub-row of; with `subRowsAtMostParent` the programme's rule
 * that the parent's sub-rows together do not exceed it gains this indicator (created if absent), and
 * the entry form and the server check it from then on.
 */
export async function createIndicator({
  actor,
  sectionId,
  issuerIds,
  code,
  parentCode,
  subRowsAtMostParent,
  fields,
}: {
  actor: Actor;
  sectionId: number;
  issuerIds: readonly number[];
  code: string;
  parentCode: string | null;
  subRowsAtMostParent: boolean;
  fields: IndicatorChange;
}): Promise<BuildOutcome> {
  try {
    return await building(() =>
      db().$transaction(async (tx) => {
        const s = await lockSection(tx, sectionId, issuerIds);
        const programmeId = s.programmeId;
        // one writer of a programme's indicators at a time: codes and rules stay consistent
        await tx.$queryRaw`SELECT id FROM programme WHERE id = ${programmeId} FOR UPDATE`;
        if (await tx.indicator.findFirst({ where: { programmeId, code }, select: { id: true } }))
          refuseField("code", "taken", code);
        const parent = parentCode
          ? await tx.indicator.findFirst({
              where: { programmeId, code: parentCode },
              select: { id: true, name: true, parentId: true },
            })
          : null;
        if (parentCode && !parent) refuseField("parent", "no-parent", parentCode);
        if (parent && parent.parentId !== null) refuseField("parent", "parent-is-sub-row", parentCode ?? "");
        const last = await tx.indicator.aggregate({
          where: { sectionId, parentId: parent?.id ?? null },
          _max: { sortOrder: true },
        });
        const sortOrder = (last._max.sortOrder ?? 0) + 1;
        const created = await tx.indicator.create({
          data: { ...fields, programmeId, sectionId, code, parentId: parent?.id ?? null, sortOrder },
          select: { id: true, version: true },
        });
        const context = { term: s.programme.term.slug, programme: s.programme.code };
        let changed = await audit({
          tx,
          actor,
          action: "CREATE",
          entity: "indicator",
          entityId: created.id,
          before: {},
          after: indicatorAudit({ ...fields, code, sortOrder, section: s.code, parentCode: parentCode || null }),
          context,
        });
        if (parent && parentCode && subRowsAtMostParent)
          changed += await addToSubRowRule({
            tx,
            actor,
            programmeId,
            parentCode,
            parentName: parent.name,
            code,
            context,
          });
        return { ok: true, id: created.id, version: created.version, changed };
      }),
    );
  } catch (e) {
    const clash = uniqueClash(e, "code", code);
    if (clash) return clash;
    throw e;
  }
}

async function addToSubRowRule({
  tx,
  actor,
  programmeId,
  parentCode,
  parentName,
  code,
  context,
}: {
  tx: Tx;
  actor: Actor;
  programmeId: number;
  parentCode: string;
  parentName: string;
  code: string;
  context: Record<string, AuditValue>;
}): Promise<number> {
  const ruleCode = subRowRuleCode(parentCode);
  const rule = await tx.indicatorRule.findFirst({
    where: { programmeId, code: ruleCode },
    select: { id: true, left: true, right: true, description: true },
  });
  if (rule) {
    const left = [...rule.left, code];
    await tx.indicatorRule.update({ where: { id: rule.id }, data: { left } });
    return audit({
      tx,
      actor,
      action: "UPDATE",
      entity: "indicator_rule",
      entityId: rule.id,
      before: { left: rule.left.join(", ") },
      after: { left: left.join(", ") },
      context: { ...context, rule: ruleCode },
    });
  }
  const description = `Các dòng phân loại của “${parentName}” cộng lại không vượt quá chỉ tiêu này.`;
  const created = await tx.indicatorRule.create({
    data: { programmeId, code: ruleCode, kind: "SUM_AT_MOST", left: [code], right: parentCode, description },
    select: { id: true },
  });
  return audit({
    tx,
    actor,
    action: "CREATE",
    entity: "indicator_rule",
    entityId: created.id,
    before: {},
    after: { code: ruleCode, kind: "SUM_AT_MOST", left: code, right: parentCode, description },
    context,
  });
}

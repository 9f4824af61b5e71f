import "server-only";
// The four-eyes rule of review: the person who sent a ward's figures does not approve them too,
// unless the ward's district (or city) allows it. The setting lives on the unit (org_unit.
// allow_self_approval): null means "not set here", and the ward's nearest ancestor that sets it
// decides; none set means no.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "./entry-save";
import { type ReadScope, scopeWhere } from "./scope";

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

export const SELF_APPROVAL_REFUSED =
  "Bạn là người đã gửi duyệt số liệu này nên không thể tự duyệt: người gửi và người duyệt phải là hai người khác nhau. " +
  "Hãy nhờ một thành viên khác của Đảng ủy phường duyệt (quận, thành phố có thể cho phép tự duyệt trên trang Tiến độ nhập liệu).";

export type SelfApprovalSetting = {
  /** this unit's own setting (null: not set here) */
  own: boolean | null;
  /** what applies to the wards below it */
  effective: boolean;
  /** the unit whose setting applies (null: none is set, the default applies) */
  fromName: string | null;
};

/** The setting that applies at `unitId`: its own, else its nearest ancestor's, else false. */
async function effectiveSetting(
  client: Client,
  unitId: number,
): Promise<{ allow: boolean; fromId: number | null; fromName: string | null }> {
  const rows = await client.$queryRaw<{ id: number; name: string; allow: boolean }[]>`
    WITH RECURSIVE up(id, parent_id, name, allow, depth) AS (
      SELECT id, parent_id, name, allow_self_approval, 0 FROM org_unit WHERE id = ${unitId}
      UNION ALL
      SELECT u.id, u.parent_id, u.name, u.allow_self_approval, up.depth + 1 FROM org_unit u JOIN up ON u.id = up.parent_id
    )
    SELECT id, name, allow FROM up WHERE allow IS NOT NULL ORDER BY depth LIMIT 1`;
  const row = rows[0];
  return row
    ? { allow: row.allow, fromId: row.id, fromName: row.name }
    : { allow: false, fromId: null, fromName: null };
}

/**
 * Why `actor` may not approve this submission, or null. Called inside the approval's transaction,
 * under the submission's row lock: the last SUBMIT event is the one being approved.
 */
export async function selfApprovalRefusal({
  tx,
  submissionId,
  wardId,
  actor,
}: {
  tx: Prisma.TransactionClient;
  submissionId: number;
  wardId: number;
  actor: Actor;
}): Promise<string | null> {
  const sent = await tx.submissionEvent.findFirst({
    where: { submissionId, action: "SUBMIT" },
    orderBy: { id: "desc" },
    select: { actorId: true },
  });
  if (!sent || sent.actorId !== actor.userId) return null;
  return (await effectiveSetting(tx, wardId)).allow ? null : SELF_APPROVAL_REFUSED;
}

/** For the review panel: would approving this (ward, period, programme) be refused as the person's own sending? */
export async function isOwnSendingBlocked(
  target: { wardId: number; periodId: number; programmeId: number },
  userId: string,
): Promise<boolean> {
  const sent = await db().submissionEvent.findFirst({
    where: {
      action: "SUBMIT",
      submission: { orgUnitId: target.wardId, periodId: target.periodId, programmeId: target.programmeId },
    },
    orderBy: { id: "desc" },
    select: { actorId: true },
  });
  return sent?.actorId === userId && !(await effectiveSetting(db(), target.wardId)).allow;
}

/** The setting of a district or city, as its page shows it. */
export async function getSelfApprovalSetting(unitId: number): Promise<SelfApprovalSetting> {
  const unit = await db().orgUnit.findUnique({ where: { id: unitId }, select: { allowSelfApproval: true } });
  const effective = await effectiveSetting(db(), unitId);
  return { own: unit?.allowSelfApproval ?? null, effective: effective.allow, fromName: effective.fromName };
}

/** Sets (or, with null, clears) the unit's own setting; audited in the same transaction. */
export async function setSelfApproval(
  actor: Actor,
  unitId: number,
  allow: boolean | null,
): Promise<{ changed: boolean }> {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { allow: boolean | null }[]
    >`SELECT allow_self_approval AS allow FROM org_unit WHERE id = ${unitId} FOR UPDATE`;
    const old = rows[0]?.allow ?? null;
    if (old === allow) return { changed: false };
    await tx.orgUnit.update({ where: { id: unitId }, data: { allowSelfApproval: allow } });
    await tx.auditLog.create({
      data: {
        actor: actor.userId,
        action: "UPDATE",
        entity: "org_unit",
        entityId: String(unitId),
        field: "allowSelfApproval",
        oldValue: old === null ? null : String(old),
        newValue: allow === null ? null : String(allow),
        context: { actorName: actor.name },
      },
    });
    return { changed: true };
  });
}

/** A district or city inside `scope` (where the person may set review rules), by slug. */
export async function findRuleUnit(slug: string, scope: ReadScope): Promise<{ id: number; name: string } | null> {
  const unit = await db().orgUnit.findFirst({
    where: { slug, level: { in: ["DISTRICT", "CITY"] }, ...scopeWhere(scope) },
    select: { id: true, name: true },
  });
  return unit;
}

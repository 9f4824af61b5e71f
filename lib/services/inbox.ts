import "server-only";
// The person's inbox ("Việc cần làm"), loaded once per request: the home page's list and the
// header's count share it. What is waiting follows the person's grants (lib/auth/permissions.ts).
import { cache } from "react";
import { canManageAccounts, unitsWith } from "@/lib/auth/permissions";
import { ACCOUNT_LIMIT } from "@/lib/auth/rate-limit-policy";
import type { Viewer } from "@/lib/auth/session";
import { type Inbox, countLateWards, getInbox } from "@/lib/data/inbox";
import { todayInVietnam } from "@/lib/format/date-time";

/** A ward official is reminded of a due date this many days ahead (and after it has passed). */
export const DEADLINE_SOON_DAYS = 14;

/** Null for someone with no role (nothing can wait for them). */
export const loadInbox = cache(async (viewer: Viewer | null): Promise<Inbox | null> => {
  if (!viewer || viewer.grants.length === 0) return null;
  return getInbox({
    userId: viewer.userId,
    roots: {
      approve: unitsWith(viewer, "approve"),
      edit: unitsWith(viewer, "editValues"),
      deadlines: unitsWith(viewer, "manageDeadlines"),
      unlock: unitsWith(viewer, "unlockValues"),
      accounts: canManageAccounts(viewer),
    },
    today: todayInVietnam(),
    soonDays: DEADLINE_SOON_DAYS,
    // as many failures as lock an account out: someone is guessing
    burstFailures: ACCOUNT_LIMIT,
  });
});

/**
 * How many wards of each late item are late (`${district}:${year}`): the home page's list names them;
 * the header's count needs only the items.
 */
export const loadLateWardCounts = cache(async (viewer: Viewer | null): Promise<Map<string, number>> => {
  if (!viewer || viewer.grants.length === 0) return new Map();
  return countLateWards(unitsWith(viewer, "manageDeadlines"), todayInVietnam());
});

/** How many things wait: each listed item once, the accounts to change their password as one. */
export function inboxCount(inbox: Inbox): number {
  return (
    inbox.awaitingApproval.length +
    inbox.returned.length +
    inbox.questions.length +
    inbox.deadlines.length +
    inbox.lateWards.length +
    inbox.unlockRequests.length +
    inbox.refusedUnlocks.length +
    (inbox.mustChangePassword > 0 ? 1 : 0) +
    inbox.signInBursts.length
  );
}

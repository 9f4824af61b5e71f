import "server-only";
// What the review panel beside the entry form shows: the submission's state, deadline, completeness
// and history, and the transitions the viewer is offered (the server refuses the others anyway).
import { cache } from "react";
import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";
import { getUnitScope } from "@/lib/data/org-units";
import { getChangedRows } from "@/lib/data/changes";
import { askableIndicators, getFigureThreads } from "@/lib/data/figure-comments";
import { getSubmissionPanel } from "@/lib/data/review";
import { isOwnSendingBlocked } from "@/lib/data/review-settings";
import { resolveReviewTarget } from "@/lib/data/review-target";
import type { ReadScope } from "@/lib/data/scope";
import { getUnlockRequests } from "@/lib/data/unlock-requests";
import { availableActions } from "@/lib/domain/submission-workflow";

/**
 * Null when the ward, year or programme is not found within `scope` (the page's reader scope). Loaded
 * once per request (the arguments are compared one by one, `scope` by reference): the review panel and
 * the entry grid (questions beside each figure) share it.
 */
export const loadSubmissionPanel = cache(async function loadSubmissionPanel(
  wardSlug: string,
  year: number,
  programmeSlug: string,
  scope: ReadScope,
) {
  const [target, viewer, unit] = await Promise.all([
    resolveReviewTarget({ wardSlug, year, programmeSlug, scope }),
    getViewer(),
    getUnitScope(wardSlug),
  ]);
  if (!target || !unit) return null;
  const panel = await getSubmissionPanel(target, scope);
  if (!panel) return null;
  const offered = availableActions(panel.state === "NOT_STARTED" ? "DRAFT" : panel.state, (a) => can(viewer, a, unit));
  // four-eyes: the person who sent the figures is not offered to approve them (the server refuses it too)
  const ownSending = !!viewer && offered.includes("APPROVE") && (await isOwnSendingBlocked(target, viewer.userId));
  const available = ownSending ? offered.filter((a) => a !== "APPROVE") : offered;
  // questions on figures: the committee asks and the ward answers until the figures are approved
  const open = panel.state !== "APPROVED";
  const canAsk = open && can(viewer, "approve", unit);
  const canAnswer = open && can(viewer, "editValues", unit);
  // reviewers (the committee, the district who unlocks) see what changed against the published figures
  const reviewer = can(viewer, "approve", unit) || can(viewer, "unlockValues", unit);
  const [threads, indicators, changed, unlockRequests] = await Promise.all([
    getFigureThreads(target, scope),
    canAsk ? askableIndicators(target.programmeId) : [],
    reviewer ? getChangedRows(target, scope) : null,
    getUnlockRequests(target, scope),
  ]);
  // unlock requests: the ward's officials ask while the figures are approved; those who may unlock decide
  const unlock = {
    requests: unlockRequests,
    canRequest: panel.state === "APPROVED" && can(viewer, "editValues", unit),
    canDecide: panel.state === "APPROVED" && can(viewer, "unlockValues", unit),
  };
  return {
    target,
    panel,
    available,
    ownSending,
    changed,
    questions: { threads, indicators, canAsk, canAnswer },
    unlock,
  };
});

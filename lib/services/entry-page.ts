import "server-only";
// What both entry pages check and load: the reader, whether they may edit, and the grid.
import { notFound } from "next/navigation";
import { cache } from "react";
import { pageReadScope, requirePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/permissions";
import { lockedReason } from "@/lib/domain/entry-grid";
import { programmeSlugSchema, slugSchema } from "@/lib/validation/params";
import { getEntryGrid } from "@/lib/data/entry-grid";
import type { EntryScope } from "@/lib/domain/entry-grid-assembly";
import { getUnitScope } from "@/lib/data/org-units";

export type EntryPageParams = { ward: string; year: string; programme: string };

export const loadEntryPage = cache(async (params: EntryPageParams, scope: EntryScope) => {
  const ward = slugSchema.safeParse(params.ward);
  const programme = programmeSlugSchema.safeParse(params.programme);
  if (!ward.success || !programme.success || !/^\d{4}$/.test(params.year)) notFound();
  const viewer = await requirePage("read", ward.data);
  const readable = await pageReadScope(ward.data);
  const [unit, loaded] = await Promise.all([
    getUnitScope(ward.data),
    getEntryGrid({ wardSlug: ward.data, year: Number(params.year), programmeSlug: programme.data, scope, readable }),
  ]);
  if (!unit || !loaded) notFound();
  const { grid } = loaded;
  return {
    viewer,
    grid,
    readable,
    canEdit: can(viewer, "editValues", unit),
    locked: lockedReason(grid.submission.status),
  };
});

// The preamble the review tests share: a world with the review fixtures (made before the file's own
// hooks, dropped after its tests), the ward Ngọc Thụy's submission of one year, and form actions
// called as one of the world's people (each signed in once), as Next would for their request.
import { afterAll, beforeAll } from "vitest";
import {
  type ReviewFixtures,
  type World,
  browserHeaders,
  createReviewFixtures,
  createWorld,
  dropWorld,
  signInCookie,
} from "./auth-fixtures";
import { request } from "./next-request";

export type Who = keyof World["users"];
type FormAction = (prev: null, form: FormData) => Promise<unknown>;

export function reviewWorld(year: number) {
  let world: World;
  let fx: ReviewFixtures;
  const cookies = new Map<Who, string>();
  beforeAll(async () => {
    world = await createWorld();
    fx = await createReviewFixtures(world);
  }, 120_000);
  afterAll(() => dropWorld(world));

  const submissionWhere = () => ({
    orgUnitId_periodId_programmeId: {
      orgUnitId: world.units.ngocThuy,
      periodId: fx.periods[year],
      programmeId: fx.programmeId,
    },
  });

  return {
    get world() {
      return world;
    },
    get fx() {
      return fx;
    },
    /** The submission (it must exist). */
    submission: () => world.database.prisma.submission.findUniqueOrThrow({ where: submissionWhere() }),
    /** The target of lib/data's review functions. */
    target: () => ({ wardId: world.units.ngocThuy, periodId: fx.periods[year], programmeId: fx.programmeId }),
    /**
     * The submission's fields as a screen loaded now sends them (its version; 1 before the first
     * save), then `extra`.
     */
    async submissionFields(extra: Record<string, string | number> = {}) {
      const sub = await world.database.prisma.submission.findUnique({ where: submissionWhere() });
      return { ward: "ngoc-thuy", year, programme: fx.programmeSlug, version: sub?.version ?? 1, ...extra };
    },
    /** Calls `action` as `who` with a form of exactly `fields`. */
    async as<R = { ok: boolean; code?: string; message?: string }>(
      who: Who,
      action: FormAction,
      fields: Record<string, string | number>,
    ): Promise<R> {
      if (!cookies.has(who)) cookies.set(who, await signInCookie(world.users[who].username));
      request.headers = browserHeaders(cookies.get(who));
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.set(k, String(v));
      return (await action(null, form)) as R;
    },
  };
}

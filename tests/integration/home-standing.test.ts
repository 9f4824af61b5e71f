// "Tình hình số liệu năm …" on the home page, against PostgreSQL: for the current year of the latest
// term, a ward's officials see their own ward programme by programme with its state and deadline;
// district staff see their district's wards counted by state and late; staff of a city see each of
// its districts. Each reader sees only their own units, whatever units are asked for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countProgress } from "@/lib/domain/submission-workflow";
import {
  PASSWORD,
  type ReviewFixtures,
  type World,
  browserHeaders,
  createReviewFixtures,
  createWorld,
  dropWorld,
  signInCookie,
} from "./auth-fixtures";

let world: World;
let fx: ReviewFixtures;
let standing: typeof import("@/lib/services/home-standing");
let review: typeof import("@/lib/data/review");
let giaLam = 0;
let trauQuy = 0;
// the latest term of this world is 2015–2020: the home page opens on its nearest year
const YEAR = 2020;
const NOW = new Date("2026-12-03T06:00:00Z");

/** The read scope the home page gives `username`. */
async function scopeOf(username: string) {
  const { viewerFromHeaders } = await import("@/lib/auth/session");
  const { readScope } = await import("@/lib/auth/access");
  const viewer = await viewerFromHeaders(browserHeaders(await signInCookie(username)));
  expect(viewer, username).not.toBeNull();
  return readScope(viewer);
}

beforeAll(async () => {
  world = await createWorld();
  fx = await createReviewFixtures(world);
  const { prisma } = world.database;
  // a second district of the city, with a ward: outside Long Biên's staff's reach
  const unit = (slug: string, level: "DISTRICT" | "WARD", parentId: number) =>
    prisma.orgUnit
      .create({ data: { slug, name: slug, shortName: slug, level, parentId, validFrom: new Date("2015-01-01") } })
      .then((u) => u.id);
  giaLam = await unit("gia-lam", "DISTRICT", world.units.city);
  trauQuy = await unit("trau-quy", "WARD", giaLam);
  const { createAccount } = await import("@/lib/auth/accounts");
  await createAccount(prisma, {
    username: "can.bo.tp",
    name: "can.bo.tp",
    password: PASSWORD,
    roles: [{ role: "DISTRICT_STAFF", orgUnitId: world.units.city }],
  });
  // Ngọc Thụy has sent 2020; Bồ Đề has not started; Long Biên's deadline has passed
  await prisma.submission.create({
    data: {
      orgUnitId: world.units.ngocThuy,
      periodId: fx.periods[YEAR],
      programmeId: fx.programmeId,
      status: "SUBMITTED",
    },
  });
  await prisma.deadline.create({
    data: {
      districtId: world.units.district,
      periodId: fx.periods[YEAR],
      dueOn: new Date("2020-12-31"),
      setById: world.users.staff.id,
    },
  });
  standing = await import("@/lib/services/home-standing");
  review = await import("@/lib/data/review");
});

afterAll(() => dropWorld(world));

const cellsOf = (s: { cells: { programmeSlug: string; programmeCode: string; state: string }[] }) =>
  s.cells.map(({ programmeSlug, programmeCode, state }) => ({ programmeSlug, programmeCode, state }));

describe("the home page's year standing", () => {
  it("shows a ward's officials their own ward, programme by programme, and no other ward", async () => {
    const mine = await standing.loadYearStanding(await scopeOf(world.users.official.username));
    expect(mine?.year).toBe(YEAR);
    expect(mine?.districts).toEqual([]);
    expect(mine?.wards.map((w) => ({ slug: w.slug, dueOn: w.dueOn, cells: cellsOf(w) }))).toEqual([
      {
        slug: "ngoc-thuy",
        dueOn: "2020-12-31",
        cells: [{ programmeSlug: "01-CT-QU", programmeCode: "01-CT/QU", state: "SUBMITTED" }],
      },
    ]);

    const other = await standing.loadYearStanding(await scopeOf(world.users.otherOfficial.username));
    expect(other?.wards.map((w) => ({ slug: w.slug, cells: cellsOf(w) }))).toEqual([
      { slug: "bo-de", cells: [{ programmeSlug: "01-CT-QU", programmeCode: "01-CT/QU", state: "NOT_STARTED" }] },
    ]);
  });

  it("counts a district's wards by state and late for its staff, without the city's other district", async () => {
    const s = await standing.loadYearStanding(await scopeOf(world.users.staff.username));
    expect(s?.wards).toEqual([]);
    expect(s?.moreDistricts).toBe(0);
    expect(
      s?.districts.map((d) => ({ slug: d.slug, wards: d.wards, programmes: d.programmes, dueOn: d.dueOn })),
    ).toEqual([{ slug: "long-bien", wards: 2, programmes: 1, dueOn: "2020-12-31" }]);
    const counts = countProgress(s!.districts[0].cells, s!.districts[0].dueOn, NOW);
    expect(counts).toMatchObject({ total: 2, late: 1 });
    expect(counts.byState).toMatchObject({ SUBMITTED: 1, NOT_STARTED: 1, APPROVED: 0, DRAFT: 0, RETURNED: 0 });
  });

  it("shows staff of a city each of its districts", async () => {
    const s = await standing.loadYearStanding(await scopeOf("can.bo.tp"));
    expect(s?.wards).toEqual([]);
    expect(s?.districts.map((d) => ({ slug: d.slug, wards: d.wards, programmes: d.programmes }))).toEqual([
      { slug: "gia-lam", wards: 1, programmes: 0 },
      { slug: "long-bien", wards: 2, programmes: 1 },
    ]);
  });

  it("never shows units outside the reader's scope, even when they are asked for", async () => {
    const scope = await scopeOf(world.users.official.username);
    const s = await review.getYearStanding({
      rootIds: [world.units.ngocThuy, world.units.boDe, world.units.district, giaLam, trauQuy],
      year: YEAR,
      scope,
    });
    expect(s?.wards.map((w) => w.slug)).toEqual(["ngoc-thuy"]);
    expect(s?.districts).toEqual([]);
    // a person without grants of their own sees no standing at all
    expect(await standing.loadYearStanding({ rootIds: [] })).toBeNull();
  });
});

// Since 1 July 2025 there are no districts: wards sit directly under their city. The progress page,
// deadlines, the ward hub, the home standing, the inbox and the reminders work for a city parent too.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ORIGIN,
  PASSWORD,
  type ReviewFixtures,
  type World,
  createReviewFixtures,
  createWorld,
  dropWorld,
  signInCookie,
} from "./auth-fixtures";
import { request } from "./next-request";

type Result = { ok: boolean; code?: string; data?: { dueOn: string; version: number } };

let world: World;
let fx: ReviewFixtures;
let hue = 0;
let thuanHoa = 0;
const users: Record<"cityStaff" | "otherCityStaff" | "official", { id: string; username: string }> = {} as never;
const YEAR = 2020;

async function as(
  who: keyof typeof users,
  fn: (prev: null, form: FormData) => Promise<unknown>,
  fields: Record<string, string | number>,
): Promise<Result> {
  request.headers = new Headers({
    host: "ctk.test",
    origin: ORIGIN,
    "x-forwarded-for": "198.51.100.7",
    cookie: await signInCookie(users[who].username),
  });
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, String(v));
  return (await fn(null, form)) as Result;
}

beforeAll(async () => {
  vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:9");
  vi.stubEnv("MAIL_FROM", "Theo dõi CTr toàn khóa <ctk@quan.test>");
  vi.stubEnv("AUTH_URL", ORIGIN);
  world = await createWorld();
  fx = await createReviewFixtures(world);
  const { prisma } = world.database;
  const unit = (slug: string, level: "CITY" | "WARD", parentId: number | null) =>
    prisma.orgUnit
      .create({ data: { slug, name: slug, shortName: slug, level, parentId, validFrom: new Date("2015-01-01") } })
      .then((u) => u.id);
  hue = await unit("hue", "CITY", null);
  thuanHoa = await unit("thuan-hoa", "WARD", hue);
  await unit("phu-xuan", "WARD", hue);
  await prisma.programme.create({
    data: {
      termId: fx.termId,
      issuerId: hue,
      number: 1,
      code: "01-CT/TU",
      slug: "01-CT-TU",
      title: "Chương trình của thành phố",
      summary: "Thử",
    },
  });
  const { createAccount } = await import("@/lib/auth/accounts");
  const make = async (username: string, role: "DISTRICT_STAFF" | "WARD_OFFICIAL", orgUnitId: number) => ({
    username,
    id: (await createAccount(prisma, { username, name: username, password: PASSWORD, roles: [{ role, orgUnitId }] }))
      .id,
  });
  users.cityStaff = await make("can.bo.hue", "DISTRICT_STAFF", hue);
  users.otherCityStaff = await make("can.bo.ha_noi", "DISTRICT_STAFF", world.units.city);
  users.official = await make("can.bo.thuan_hoa", "WARD_OFFICIAL", thuanHoa);
  await prisma.user.update({ where: { id: users.official.id }, data: { email: "can.bo@thuan-hoa.test" } });
}, 120_000);
afterAll(() => dropWorld(world));

describe("wards directly under a city", () => {
  it("city staff set the city's deadline; staff of another city are refused", async () => {
    const actions = await import("@/lib/actions/review");
    const form = { district: "hue", year: YEAR, dueOn: "2021-03-31", version: "0" };
    const refused = await as("otherCityStaff", actions.saveDeadline, form);
    expect(refused.ok).toBe(false);
    expect(["forbidden", "not-found"]).toContain(refused.code);
    expect(await as("official", actions.saveDeadline, form)).toMatchObject({ ok: false });
    expect(await as("cityStaff", actions.saveDeadline, form)).toMatchObject({
      ok: true,
      data: { dueOn: "2021-03-31", version: 1 },
    });
    const row = await world.database.prisma.deadline.findFirstOrThrow({ where: { districtId: hue } });
    expect(row.dueOn.toISOString().slice(0, 10)).toBe("2021-03-31");
  });

  it("the progress page shows the city's own wards × programmes with the city's deadline", async () => {
    const review = await import("@/lib/data/review");
    const { ALL_UNITS, subtreeScope } = await import("@/lib/data/scope");
    const progress = await review.getDistrictProgress("hue", YEAR, subtreeScope([hue]));
    expect(progress).not.toBeNull();
    expect(progress!.district).toMatchObject({ slug: "hue", level: "CITY" });
    expect(progress!.deadline?.dueOn).toBe("2021-03-31");
    expect(progress!.programmes.map((p) => p.slug)).toEqual(["01-CT-TU"]);
    expect(progress!.wards.map((w) => w.slug).sort()).toEqual(["phu-xuan", "thuan-hoa"]);
    expect(progress!.wards.every((w) => w.cells.length === 1)).toBe(true);
    // a city without direct wards still resolves through its districts (Hà Nội here)
    expect((await review.getDistrictProgress("ha-noi", YEAR, ALL_UNITS))?.wards).toEqual([]);
    // the default unit of a city reader with direct wards is that city
    expect(await review.firstDistrictWithin([hue])).toBe("hue");
    expect(await review.firstDistrictWithin([world.units.city])).toBe("long-bien");
  });

  it("the ward hub shows the city's deadline", async () => {
    const review = await import("@/lib/data/review");
    const { subtreeScope } = await import("@/lib/data/scope");
    const hub = await review.getEntryHub(
      "thuan-hoa",
      { id: fx.termId, slug: "2015-2020", name: "Nhiệm kỳ" },
      subtreeScope([thuanHoa]),
    );
    expect(hub?.years.find((y) => y.year === YEAR)?.deadline).toBe("2021-03-31");
    expect(hub?.years.find((y) => y.year === 2019)?.deadline).toBeNull();
  });

  it("the home standing of a city reader counts the city's direct wards as a row", async () => {
    const review = await import("@/lib/data/review");
    const { subtreeScope } = await import("@/lib/data/scope");
    const standing = await review.getYearStanding({ rootIds: [hue], year: YEAR, scope: subtreeScope([hue]) });
    expect(standing?.districts).toEqual([
      expect.objectContaining({ slug: "hue", dueOn: "2021-03-31", wards: 2, programmes: 1 }),
    ]);
    // counted per programme and state: both wards' cells of the city's programme
    expect(standing?.districts[0].cells).toEqual([
      { programmeSlug: "01-CT-TU", programmeCode: expect.any(String), state: expect.any(String), count: 2 },
    ]);
    const own = await review.getYearStanding({ rootIds: [thuanHoa], year: YEAR, scope: subtreeScope([thuanHoa]) });
    expect(own?.wards).toEqual([expect.objectContaining({ slug: "thuan-hoa", dueOn: "2021-03-31" })]);
  });

  it("the ward official's inbox lists the city's deadline due soon, and a reminder is queued", async () => {
    const { prisma } = world.database;
    const { todayInVietnam } = await import("@/lib/format/date-time");
    const today = todayInVietnam();
    const inSeven = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000);
    await prisma.deadline.updateMany({ where: { districtId: hue }, data: { dueOn: inSeven } });
    const { getInbox } = await import("@/lib/data/inbox");
    const inbox = await getInbox({
      roots: { approve: [], edit: [thuanHoa], deadlines: [], accounts: false },
      today,
      soonDays: 14,
      burstFailures: 5,
    });
    expect(inbox.deadlines).toEqual([
      {
        ward: { slug: "thuan-hoa", name: "thuan-hoa" },
        year: YEAR,
        dueOn: inSeven.toISOString().slice(0, 10),
        openProgrammes: 1,
      },
    ]);
    // the queue's tables, as `npm start` prepares them (no worker: the notice stays queued)
    await (await import("@/lib/mail/queue")).prepareMailQueue({ url: world.database.url });
    const notices = await import("@/lib/data/mail-notices");
    expect(await notices.queueDeadlineReminders(today)).toBe(1);
    const queued = await prisma.mailNotice.findMany({ select: { userId: true, subject: true } });
    expect(queued).toEqual([{ userId: users.official.id, subject: expect.stringContaining("thuan-hoa") }]);
  });
});

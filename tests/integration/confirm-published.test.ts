// "Xác nhận số liệu đã công bố": the published figures a year's form starts from become the ward's
// entries in one ordinary save (versioned, audited), leaving alone what the ward entered itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, type World, createWorld, dropWorld, signInCookie } from "./auth-fixtures";
import { ENTRY_PROGRAMME, type EntryCatalogue, createEntryCatalogue } from "./entry-fixtures";
import { request } from "./next-request";

let world: World;
let cat: EntryCatalogue;
let actions: typeof import("@/lib/actions/entry");

beforeAll(async () => {
  world = await createWorld();
  cat = await createEntryCatalogue(world);
  actions = await import("@/lib/actions/entry");
}, 120_000);
afterAll(() => dropWorld(world));

async function as(who: "official" | "committee") {
  request.headers = new Headers({
    host: "ctk.test",
    origin: ORIGIN,
    "x-forwarded-for": "198.51.100.9",
    cookie: await signInCookie(world.users[who].username),
  });
}

function confirm(year: number, page = "ward") {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ward: "ngoc-thuy", year: String(year), programme: ENTRY_PROGRAMME, page }))
    form.set(k, v);
  return actions.confirmPublished(null, form);
}

function saveOne(indicator: string, raw: string, year: number) {
  const form = new FormData();
  const rows = [{ indicator, unit: "ngoc-thuy", raw, qualifier: "EXACT", baseVersion: 0 }];
  form.set("ward", "ngoc-thuy");
  form.set("payload", JSON.stringify({ ward: "ngoc-thuy", year, programme: ENTRY_PROGRAMME, rows }));
  return actions.saveEntry(null, form);
}

const entered = (year: number) =>
  world.database.prisma.entryValue.findMany({
    where: { orgUnitId: world.units.ngocThuy, submission: { periodId: cat.periods[year] } },
    select: { indicatorId: true, value: true, version: true, updatedById: true },
    orderBy: { indicatorId: "asc" },
  });
const audits = () => world.database.prisma.auditLog.count({ where: { entity: "entry_value" } });

describe("confirmPublished", () => {
  it("takes every published-only figure of the year as the ward's entry, audited, once", async () => {
    await as("official");
    // the ward typed its own money figure for 2019: the report's 48.400.000 must not replace it
    expect((await saveOne("tien-xu-phat", "50.000.000", 2019)).ok).toBe(true);
    const auditBefore = await audits();
    const submissionBefore = await world.database.prisma.submission.findFirstOrThrow({
      where: { orgUnitId: world.units.ngocThuy, periodId: cat.periods[2019] },
      select: { version: true },
    });

    const r = await confirm(2019);
    expect(r.ok).toBe(true);
    expect(r.data?.saved).toEqual([{ unit: "ngoc-thuy", indicator: "vi-pham", version: 1, value: "60" }]);

    const rows = await entered(2019);
    expect(rows.map((v) => [v.indicatorId, String(v.value), v.version])).toEqual(
      [
        [cat.indicators["vi-pham"], "60", 1],
        [cat.indicators["tien-xu-phat"], "50000000", 1],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    expect(rows.every((v) => v.updatedById === world.users.official.id)).toBe(true);
    expect(await audits()).toBe(auditBefore + 1);
    const submissionAfter = await world.database.prisma.submission.findFirstOrThrow({
      where: { orgUnitId: world.units.ngocThuy, periodId: cat.periods[2019] },
      select: { version: true, status: true },
    });
    expect(submissionAfter).toEqual({ version: submissionBefore.version + 1, status: "DRAFT" });

    // a second click finds nothing left and writes nothing
    const again = await confirm(2019);
    expect(again).toMatchObject({ ok: true, message: "Không còn số liệu đã công bố nào cần xác nhận." });
    expect(await audits()).toBe(auditBefore + 1);
  });

  it("starts the year's submission when none exists", async () => {
    await as("official");
    const r = await confirm(2018);
    expect(r.ok).toBe(true);
    expect((await entered(2018)).map((v) => String(v.value))).toEqual(["55"]);
  });

  it("is refused to the committee and writes nothing", async () => {
    await as("committee");
    const before = await audits();
    const r = await confirm(2017);
    expect(r).toMatchObject({ ok: false, code: "forbidden" });
    expect(await entered(2017)).toEqual([]);
    expect(await audits()).toBe(before);
  });

  it("refuses a grid name it does not know", async () => {
    await as("official");
    const r = await confirm(2017, "tat-ca");
    expect(r).toMatchObject({ ok: false, code: "invalid", message: "Bảng nhập không hợp lệ." });
  });
});

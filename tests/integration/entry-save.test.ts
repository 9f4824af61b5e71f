// The entry form's save action against PostgreSQL: what it writes, what it refuses, and that a
// refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Qualifier } from "@/lib/domain/enums";
import { ORIGIN, type World, createWorld, dropWorld, signInCookie } from "./auth-fixtures";
import { ENTRY_PROGRAMME, type EntryCatalogue, createEntryCatalogue } from "./entry-fixtures";
import { request } from "./next-request";

type Row = {
  indicator: string;
  unit?: string;
  raw: string;
  baseVersion: number;
  qualifier?: Qualifier;
  note?: string;
  outlierConfirmed?: boolean;
};

let world: World;
let cat: EntryCatalogue;
let actions: typeof import("@/lib/actions/entry");

beforeAll(async () => {
  world = await createWorld();
  cat = await createEntryCatalogue(world);
  actions = await import("@/lib/actions/entry");
}, 120_000);
afterAll(() => dropWorld(world));

async function as(who: "official" | "committee" | "otherOfficial" = "official") {
  request.headers = new Headers({
    host: "ctk.test",
    origin: ORIGIN,
    "x-forwarded-for": "198.51.100.7",
    cookie: await signInCookie(world.users[who].username),
  });
}

function save(rows: Row[], year = 2020) {
  const form = new FormData();
  form.set("ward", "ngoc-thuy");
  form.set(
    "payload",
    JSON.stringify({
      ward: "ngoc-thuy",
      year,
      programme: ENTRY_PROGRAMME,
      rows: rows.map((r) => ({ unit: "ngoc-thuy", qualifier: "EXACT", ...r })),
    }),
  );
  return actions.saveEntry(null, form);
}

const counts = async () => ({
  values: await world.database.prisma.entryValue.count(),
  audit: await world.database.prisma.auditLog.count({ where: { entity: "entry_value" } }),
});

async function stored(code: string, unit = world.units.ngocThuy, year = 2019) {
  return world.database.prisma.entryValue.findFirst({
    where: { indicatorId: cat.indicators[code], orgUnitId: unit, submission: { periodId: cat.periods[year] } },
    select: { value: true, version: true, note: true, qualifier: true },
  });
}

describe("saveEntry", () => {
  it("saves a full programme in Vietnamese format, one audit row per value", async () => {
    await as();
    const before = await counts();
    const r = await save(
      [
        { indicator: "vi-pham", raw: "62", baseVersion: 0 },
        { indicator: "vp-mai-che", raw: "30", baseVersion: 0 },
        { indicator: "vp-buc-be", raw: "12", baseVersion: 0, qualifier: "MORE_THAN" },
        { indicator: "tien-xu-phat", raw: "48.500.000", baseVersion: 0, note: "Theo biên lai" },
      ],
      2019,
    );
    expect(r.ok, r.message).toBe(true);
    const after = await counts();
    expect(after.values - before.values).toBe(4);
    expect(after.audit - before.audit).toBe(4);
    expect(r.data?.saved?.find((s) => s.indicator === "tien-xu-phat")).toMatchObject({ version: 1, value: "48500000" });
    const money = await stored("tien-xu-phat");
    expect(money?.value?.toFixed()).toBe("48500000");
    expect(money?.note).toBe("Theo biên lai");
    expect((await stored("vp-buc-be"))?.qualifier).toBe("MORE_THAN");
  });

  it("writes audit rows only for changed values", async () => {
    await as();
    const before = await counts();
    const r = await save(
      [
        { indicator: "vi-pham", raw: "62", baseVersion: 1 }, // unchanged
        { indicator: "vp-mai-che", raw: "31", baseVersion: 1 },
      ],
      2019,
    );
    expect(r.ok, r.message).toBe(true);
    const after = await counts();
    expect(after.audit - before.audit).toBe(1);
    expect(r.data?.saved).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ indicator: "vi-pham", version: 1 }),
        expect.objectContaining({ indicator: "vp-mai-che", version: 2 }),
      ]),
    );
    const audit = await world.database.prisma.auditLog.findFirst({
      where: { entity: "entry_value" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ oldValue: "30", newValue: "31", action: "UPDATE", actor: world.users.official.id });
  });

  it("refuses invalid input and a broken rule, and changes nothing", async () => {
    await as();
    const before = await counts();
    const bad = await save([{ indicator: "vi-pham", raw: "1,5", baseVersion: 1 }], 2019);
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    expect(bad.fieldErrors?.["ngoc-thuy:vi-pham"]?.[0]).toContain("Vi phạm đã xử lý");
    const rule = await save([{ indicator: "vi-pham", raw: "40", baseVersion: 1 }], 2019);
    expect(rule).toMatchObject({ ok: false, code: "invalid" });
    // the rule is shown on every row it involves, including the stored sub-rows
    expect(rule.fieldErrors?.["ngoc-thuy:vp-mai-che"]?.join(" ")).toContain("vượt quá");
    expect(await counts()).toEqual(before);
    expect((await stored("vi-pham"))?.value?.toFixed()).toBe("62");
  });

  it("asks for a confirmation and a note for an outlier", async () => {
    await as();
    // 2020: history 50, 55, 60; the published 58 is the starting value (version 0)
    const refused = await save([{ indicator: "vi-pham", raw: "5.800", baseVersion: 0 }]);
    expect(refused).toMatchObject({ ok: false, code: "invalid" });
    expect(refused.fieldErrors?.["ngoc-thuy:vi-pham"]?.join(" ")).toContain("khác xa");
    const confirmedWithoutNote = await save([
      { indicator: "vi-pham", raw: "5.800", baseVersion: 0, outlierConfirmed: true },
    ]);
    expect(confirmedWithoutNote.ok).toBe(false);
    const ok = await save([
      {
        indicator: "vi-pham",
        raw: "5.800",
        baseVersion: 0,
        outlierConfirmed: true,
        note: "Gộp cả đợt ra quân đặc biệt",
      },
    ]);
    expect(ok.ok, ok.message).toBe(true);
  });

  it("returns both values on a conflict and overwrites nothing", async () => {
    await as();
    const before = await counts();
    // someone else saved vp-mai-che (now version 2); this screen still has version 1
    const r = await save([{ indicator: "vp-mai-che", raw: "35", baseVersion: 1 }], 2019);
    expect(r).toMatchObject({ ok: false, code: "conflict" });
    const c = r.data?.conflicts?.[0];
    expect(c).toMatchObject({
      unit: "ngoc-thuy",
      indicator: "vp-mai-che",
      theirs: { value: "31", version: 2, byName: world.users.official.username },
    });
    expect(await counts()).toEqual(before);
    // keeping mine: resent with the newer version
    const again = await save([{ indicator: "vp-mai-che", raw: "35", baseVersion: 2 }], 2019);
    expect(again.ok).toBe(true);
  });

  it("derives the ward's share of cultural groups from the groups in the same save", async () => {
    await as();
    const r = await save([
      { indicator: "tdp-van-hoa", unit: "ngoc-thuy-to-1", raw: "1", baseVersion: 0 },
      { indicator: "tdp-van-hoa", unit: "ngoc-thuy-to-2", raw: "0", baseVersion: 0 },
    ]);
    expect(r.ok, r.message).toBe(true);
    expect(r.data?.derived).toEqual([
      expect.objectContaining({ unit: "ngoc-thuy", indicator: "ty-le-tdp-van-hoa", value: "50", version: 1 }),
    ]);
    const ward = await stored("ty-le-tdp-van-hoa", world.units.ngocThuy, 2020);
    expect(ward?.value?.toFixed()).toBe("50");
    expect(ward?.note).toBe("Tính từ 1/2 tổ dân phố.");
    // the client's figure for the ward is never taken
    const forged = await save([{ indicator: "ty-le-tdp-van-hoa", unit: "ngoc-thuy", raw: "100", baseVersion: 1 }]);
    expect(forged).toMatchObject({ ok: false, code: "invalid" });
    const next = await save([{ indicator: "tdp-van-hoa", unit: "ngoc-thuy-to-2", raw: "1", baseVersion: 1 }]);
    expect(next.data?.derived?.[0]).toMatchObject({ value: "100", version: 2 });
  });

  it("refuses a submitted or approved submission", async () => {
    await as();
    const { prisma } = world.database;
    await prisma.submission.updateMany({ where: { periodId: cat.periods[2019] }, data: { status: "SUBMITTED" } });
    const before = await counts();
    const r = await save([{ indicator: "vi-pham", raw: "63", baseVersion: 1 }], 2019);
    expect(r).toMatchObject({ ok: false, code: "locked" });
    expect(r.message).toContain("Đã gửi, chờ Đảng ủy duyệt");
    await prisma.submission.updateMany({ where: { periodId: cat.periods[2019] }, data: { status: "APPROVED" } });
    expect(await save([{ indicator: "vi-pham", raw: "63", baseVersion: 1 }], 2019)).toMatchObject({
      ok: false,
      code: "locked",
    });
    expect(await counts()).toEqual(before);
    await prisma.submission.updateMany({ where: { periodId: cat.periods[2019] }, data: { status: "DRAFT" } });
  });

  it("refuses those who may not edit this ward", async () => {
    await as("committee");
    expect(await save([{ indicator: "vi-pham", raw: "1", baseVersion: 1 }], 2019)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    await as("otherOfficial");
    expect(await save([{ indicator: "vi-pham", raw: "1", baseVersion: 1 }], 2019)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });

  it("saves a full programme quickly", async () => {
    await as();
    const rows: Row[] = [
      { indicator: "vi-pham", raw: "70", baseVersion: 0 },
      { indicator: "vp-mai-che", raw: "20", baseVersion: 0 },
      { indicator: "vp-buc-be", raw: "10", baseVersion: 0 },
      { indicator: "tien-xu-phat", raw: "1.000.000", baseVersion: 0 },
    ];
    const started = performance.now();
    const r = await save(rows, 2018);
    const ms = performance.now() - started;
    expect(r.ok, r.message).toBe(true);
    expect(ms).toBeLessThan(2000); // generous for a shared CI machine; typical is far less
  });
});

describe("loadValueHistory", () => {
  it("lists who changed a value, when, from what to what, with the note", async () => {
    await as("committee");
    const r = await actions.loadValueHistory("ngoc-thuy", 2019, ENTRY_PROGRAMME, "ngoc-thuy", "vp-mai-che");
    expect(r.ok).toBe(true);
    expect(r.data?.map((h) => [h.oldValue, h.newValue])).toEqual([
      ["31", "35"],
      ["30", "31"],
      [null, "30"],
    ]);
    expect(r.data?.[0].who).toBe(world.users.official.username);
    await as("otherOfficial");
    expect(await actions.loadValueHistory("ngoc-thuy", 2019, ENTRY_PROGRAMME, "ngoc-thuy", "vp-mai-che")).toMatchObject(
      { ok: false, code: "forbidden" },
    );
  });
});

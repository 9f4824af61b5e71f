import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seed } from "@/prisma/seed";
import { createMigratedDatabase, type TestDatabase } from "../setup/db";

// The seed must hold every figure of the Ngọc Thụy report, and nothing the report does not say.
// The report's text is read here and compared with what the database returns.

const REPORT_TEXT = readFileSync(
  path.join(__dirname, "../../prisma/seed/source/ngoc-thuy-2015-2020-report.txt"),
  "utf8",
);
const SOURCE_TITLE = "Báo cáo của Đảng ủy phường Ngọc Thụy";

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createMigratedDatabase();
  prisma = database.prisma;
  await seed(prisma, { demo: true });
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

async function termValue(code: string, ward = "ngoc-thuy") {
  const rows = await prisma.result.findMany({
    where: { indicator: { code }, orgUnit: { slug: ward }, period: { kind: "TERM" } },
    select: { value: true, qualifier: true, source: { select: { title: true, issuedOn: true, kind: true } } },
  });
  expect(rows, `one term value for ${code}`).toHaveLength(1);
  return rows[0];
}

describe("the report's figures, read back from the database", () => {
  // [indicator, value as the report writes it, "trên"?]
  const expected: Array<[string, string, boolean?]> = [
    ["toa-dam-sinh-hoat-chi-bo", "100"],
    ["ktgs-chuyen-de-chi-bo", "161"],
    ["ktgs-chuyen-de-dang-vien", "84"],
    ["kt-dau-hieu-vi-pham-chi-bo", "04"],
    ["kt-dau-hieu-vi-pham-dang-vien", "5"],
    ["tdp-co-to-dan-van", "38"],
    ["ho-so-dung-han", "100"],
    ["ho-so-cham-muon", "0"],
    ["tu-kiem-tra-cong-vu", "15"],
    ["kiem-tra-dot-xuat", "6"],
    ["khen-thuong-cbcc", "60"],
    ["tien-khen-thuong", "18.000.000"],
    ["can-bo-tin-hoc-co-ban", "100"],
    ["cbcc-chuan-cntt", "100"],
    ["co-quan-dien-tu", "3"],
    ["ty-le-gia-dinh-van-hoa", "90", true],
    ["ty-le-tdp-van-hoa", "73", true],
    ["bo-quy-tac-ung-xu", "02"],
    ["hoi-vien-clb-moi-truong", "500", true],
    ["cam-ket-ho-kinh-doanh", "500", true],
    ["to-roi-tuyen-truyen", "300", true],
    ["ra-quan-xu-ly", "190"],
    ["bien-ban-nhac-nho", "160"],
    ["vp-bien-quang-cao", "176"],
    ["vp-mai-che", "71"],
    ["vp-buc-be", "66"],
    ["xu-phat-vi-pham", "1.691"],
    ["tien-xu-phat-vi-pham", "305.000.000", true],
    ["thu-giu-rau-cu-qua", "860"],
    ["cong-trinh-co-phep", "1.947"],
    ["cong-trinh-khong-phep", "38"],
    ["ctkp-yeu-cau-cap-phep", "34"],
    ["ctkp-dinh-chi", "4"],
    ["cong-trinh-sai-phep", "53"],
    ["xu-phat-vphc-xay-dung", "37"],
    ["tien-xu-phat-xay-dung", "92.500.000"],
    ["thue-xay-dung", "10.934.000.000"],
    ["du-an-gpmb", "15"],
    ["cong-khai-gpmb", "100"],
    ["cuong-che-gpmb", "0"],
  ];

  it.each(expected)("%s = %s", async (code, written, moreThan) => {
    const row = await termValue(code);
    expect(Number(row.value.toFixed())).toBe(Number(written.replace(/\./g, "")));
    expect(row.qualifier).toBe(moreThan ? "MORE_THAN" : "EXACT");
    expect(row.source.kind).toBe("REPORT");
    expect(row.source.title).toBe(SOURCE_TITLE);
    expect(row.source.issuedOn?.toISOString().slice(0, 10)).toBe("2019-11-05");
  });

  it("keeps the e-government years as years and Tổ 22's title as its own", async () => {
    const years = await prisma.result.findMany({
      where: {
        indicator: { code: "co-quan-dien-tu" },
        orgUnit: { slug: "ngoc-thuy" },
        period: { kind: "YEAR" },
        source: { kind: "REPORT" },
      },
      select: { period: { select: { year: true } }, value: true },
      orderBy: { period: { year: "asc" } },
    });
    expect(years.map((y) => [y.period.year, y.value.toFixed()])).toEqual([
      [2015, "1"],
      [2017, "1"],
      [2018, "1"],
    ]);
    const tdp22 = await prisma.result.findFirst({
      where: { indicator: { code: "tdp-xanh-sach-dep" }, orgUnit: { slug: "ngoc-thuy-to-22" }, period: { year: 2018 } },
      select: { value: true, source: { select: { kind: true } } },
    });
    expect(tdp22?.value.toFixed()).toBe("1");
    expect(tdp22?.source.kind).toBe("REPORT");
  });

  it("never splits a five-year total into reported years", async () => {
    const reportedYears = await prisma.result.findMany({
      where: { source: { kind: "REPORT" }, period: { kind: "YEAR" } },
      select: { indicator: { select: { code: true } } },
    });
    expect(new Set(reportedYears.map((r) => r.indicator.code))).toEqual(
      new Set(["co-quan-dien-tu", "tdp-xanh-sach-dep"]),
    );
  });

  it("holds the named land-clearance projects and achievements with their years", async () => {
    const projects = await prisma.landClearanceProject.findMany({
      where: { orgUnit: { slug: "ngoc-thuy" } },
      select: { name: true, forcedEnforcements: true },
    });
    expect(projects.map((p) => p.name).sort()).toEqual(
      [
        "Đường 25m trường Pháp",
        "Đường 40m Ngọc Thụy – Ngọc Lâm",
        "Đường 40m theo hình thức BT và các ô đất đối ứng hai bên đường",
      ].sort(),
    );
    expect(projects.every((p) => p.forcedEnforcements === 0)).toBe(true);
    const achievements = await prisma.achievement.findMany({
      select: { kind: true, year: true, subjectOrgUnit: { select: { slug: true } } },
      orderBy: [{ year: "asc" }, { kind: "asc" }],
    });
    const summary = achievements.map((a) => `${a.kind}:${a.year}:${a.subjectOrgUnit?.slug ?? ""}`);
    expect(summary).toEqual(
      expect.arrayContaining([
        "E_GOVERNMENT:2015:",
        "E_GOVERNMENT:2017:",
        "E_GOVERNMENT:2018:",
        "CIVILISED_MARKET:2017:ngoc-thuy-to-25",
        "GREEN_CLEAN_BEAUTIFUL:2018:ngoc-thuy-to-22",
        "CIVILISED_STREET:2020:",
      ]),
    );
  });
});

describe("every number written in the report has its place in the database", () => {
  /** Numbers of the report with a little context, "1.691" read as 1691 and "10 tỷ 934 triệu đồng" as one amount. */
  function reportNumbers(): Array<{ token: string; value: number; context: string }> {
    const out: Array<{ token: string; value: number; context: string }> = [];
    const text = REPORT_TEXT.replace(/(\d+) tỷ (\d+) triệu/g, (_m, ty, trieu) =>
      String(Number(ty) * 1e9 + Number(trieu) * 1e6),
    );
    for (const m of text.matchAll(/\d+(?:[.,/:]\d+)*/g)) {
      const token = m[0];
      const context = text.slice(Math.max(0, m.index - 40), m.index + token.length + 20).replace(/\s+/g, " ");
      if (/^\d{1,3}(\.\d{3})+$/.test(token)) out.push({ token, value: Number(token.replace(/\./g, "")), context });
      else if (/^\d+(,\d+)+$/.test(token))
        for (const part of token.split(",")) out.push({ token: part, value: Number(part), context });
      else out.push({ token, value: Number(token), context });
    }
    return out;
  }

  it("finds each one among the stored figures, years, names and source details", async () => {
    const [results, achievements, projects, programmes, terms, sources] = await Promise.all([
      prisma.result.findMany({
        where: { source: { kind: "REPORT" } },
        select: {
          value: true,
          note: true,
          period: { select: { year: true } },
          orgUnit: { select: { shortName: true } },
        },
      }),
      prisma.achievement.findMany({ select: { year: true, title: true, note: true } }),
      prisma.landClearanceProject.findMany({ select: { name: true } }),
      prisma.programme.findMany({ select: { number: true } }),
      prisma.term.findMany({ select: { startYear: true, endYear: true, name: true } }),
      prisma.source.findMany({ where: { kind: "REPORT" }, select: { note: true, issuedOn: true } }),
    ]);
    const known = new Set<number>();
    const texts: string[] = [];
    for (const r of results) {
      known.add(Number(r.value.toFixed()));
      if (r.period.year) known.add(r.period.year);
      texts.push(r.note ?? "", r.orgUnit.shortName);
    }
    for (const a of achievements) {
      if (a.year) known.add(a.year);
      texts.push(a.title, a.note ?? "");
    }
    texts.push(...projects.map((p) => p.name), ...sources.map((s) => s.note ?? ""));
    known.add(programmes.length); // "3 Chương trình"
    for (const p of programmes) known.add(p.number);
    for (const t of terms)
      known
        .add(t.startYear)
        .add(t.endYear)
        .add(t.endYear - t.startYear); // "5 năm"
    const issued = sources[0].issuedOn!.toISOString().slice(0, 10).split("-").reverse().join("/");
    for (const t of texts) for (const n of t.match(/\d+/g) ?? []) known.add(Number(n));

    const missing = reportNumbers().filter(({ token, value, context }) => {
      if (known.has(value)) return false;
      if (token === issued) return false; // the date of the report, stored as the source's date
      if (texts.some((t) => t.includes(token))) return false; // e.g. "14:04", "5/2020"
      if (/thứ \d$/.test(context.slice(0, context.indexOf(token) + token.length))) return false; // a weekday, not a figure
      if (/giai đoạn 2016 ?- ?2020/.test(context)) return false; // the period named in a directive's title
      return true;
    });
    expect(missing).toEqual([]);
  });

  it("stores no reported figure that the report does not write", async () => {
    const results = await prisma.result.findMany({
      where: { source: { kind: "REPORT" } },
      select: { value: true, indicator: { select: { code: true, valueType: true } } },
    });
    const written = new Set(reportNumbers().map((n) => n.value));
    const zeroPhrases = ["không có hồ sơ chậm muộn", "chưa có trường hợp phải tổ chức cưỡng chế"];
    const invented = results.filter(({ value, indicator }) => {
      const v = Number(value.toFixed());
      if (indicator.valueType === "BOOLEAN" && v === 1) return false; // "đạt" stated in words
      if (v === 0) return !zeroPhrases.some((p) => REPORT_TEXT.includes(p));
      return !written.has(v);
    });
    expect(invented).toEqual([]);
    expect(results.filter((r) => Number(r.value.toFixed()) === 0)).toHaveLength(zeroPhrases.length);
  });
});

// The ward's term report, generated from the database: every figure of the source report appears
// with its qualifier and unit, and no figure appears that the database does not hold. The .docx is
// read back, converted by LibreOffice to PDF and read by poppler with every diacritic intact.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PartyDocument } from "@/lib/documents/party-report";
import { formatNumber } from "@/lib/format/vi";
import { moneyInUnits } from "@/lib/format/vi-words";
import { unzipWithinLimits } from "@/lib/xlsx/zip-guard";
import { seed } from "@/prisma/seed";
import { REPORTED_ACHIEVEMENTS, REPORTED_PROJECTS, REPORTED_VALUES } from "@/prisma/seed/report";
import { type TestDatabase, createMigratedDatabase } from "../setup/db";

let database: TestDatabase;
let doc: PartyDocument;
let text: string;
let service: typeof import("@/lib/services/party-report");
let docMod: typeof import("@/lib/documents/party-report");
let indicators: Map<string, { name: string; unit: string; valueType: string }>;
const work = mkdtempSync(path.join(tmpdir(), "ctk-report-"));

beforeAll(async () => {
  database = await createMigratedDatabase();
  // the demo data is seeded too: demo=0 must leave it out
  await seed(database.prisma, { demo: true });
  vi.stubEnv("DATABASE_URL", database.url);
  vi.resetModules();
  (globalThis as { prisma?: unknown }).prisma = undefined;
  service = await import("@/lib/services/party-report");
  docMod = await import("@/lib/documents/party-report");
  const { getTermBySlug } = await import("@/lib/data/terms");
  const term = (await getTermBySlug("2015-2020"))!;
  doc = (await service.loadPartyReport({
    wardSlug: "ngoc-thuy",
    term,
    year: null,
    includeDemo: false,
    draft: false,
    scope: { all: true },
    date: new Date("2019-11-05T00:00:00Z"),
  }))!;
  text = docMod.documentText(doc);
  const rows = await database.prisma.indicator.findMany({
    select: { code: true, name: true, unit: true, valueType: true },
  });
  indicators = new Map(rows.map((r) => [r.code, r]));
}, 180_000);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await database?.drop();
});

/** The line of the report that gives an indicator's figures. */
function lineOf(code: string): string {
  const name = indicators.get(code)!.name;
  const lines = text.split("\n").filter((l) => l.startsWith(`- ${name}:`));
  expect(lines, `one line for ${code}`).toHaveLength(1);
  return lines[0];
}

/** The figure as the source report writes it, with its qualifier and unit. */
function expectedWords(v: (typeof REPORTED_VALUES)[number]): string {
  const ind = indicators.get(v.indicator)!;
  const on = v.qualifier === "MORE_THAN" ? "trên " : "";
  if (ind.valueType === "MONEY") {
    // the report's own words: "trên 305.000.000đ", "10 tỷ 934 triệu đồng"
    const m = v.quote.match(/(trên )?[\d.]+đ|\d+ tỷ \d+ triệu đồng/);
    expect(m, v.quote).not.toBeNull();
    return m![0];
  }
  if (ind.valueType === "PERCENT") return `${on}${formatNumber(v.value)}%`;
  if (ind.valueType === "BOOLEAN" && ind.unit === "đạt") return v.value === "1" ? ": đạt" : "chưa đạt";
  return `${on}${formatNumber(v.value)} ${ind.unit}`;
}

describe("the 2015–2020 term report of Ngọc Thụy (report figures only)", () => {
  it("is laid out as a party document", () => {
    expect(doc.issuers).toEqual(["ĐẢNG BỘ QUẬN LONG BIÊN", "ĐẢNG ỦY PHƯỜNG NGỌC THỤY", "*"]);
    expect(doc.partyName).toBe("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(doc.number).toMatch(/^Số\s+-BC\/ĐU$/);
    expect(doc.placeDate).toBe("Ngọc Thụy, ngày 05 tháng 11 năm 2019");
    expect(doc.title).toBe("BÁO CÁO");
    expect(doc.subject).toContain("nhiệm kỳ 2015–2020");
    expect(doc.signature).toMatchObject({ onBehalf: "T/M ĐẢNG ỦY", title: "BÍ THƯ" });
    expect(text).not.toContain("DỰ THẢO");
    expect(text).not.toContain("minh họa");
  });

  it("carries every ward figure of the source report with its qualifier and unit", () => {
    const wardTerm = REPORTED_VALUES.filter((v) => !v.orgUnit && v.year === undefined);
    expect(wardTerm.length).toBeGreaterThan(40);
    for (const v of wardTerm) expect(lineOf(v.indicator), v.quote).toContain(expectedWords(v));
    // figures given for years stay years; "trên" stays on every figure that has it
    expect(lineOf("co-quan-dien-tu")).toBe(
      "- Đạt mô hình cơ quan điện tử: cả nhiệm kỳ 3 năm; năm 2015: đạt; năm 2017: đạt; năm 2018: đạt.",
    );
    expect(lineOf("ty-le-gia-dinh-van-hoa")).toContain("bình quân đạt trên 90%");
    expect(lineOf("thue-xay-dung")).toContain("10 tỷ 934 triệu đồng");
    expect(lineOf("xu-phat-vi-pham")).toContain("1.691 trường hợp");
  });

  it("names the report's achievements (Tổ 22 in 2018 among them) and its projects", () => {
    for (const a of REPORTED_ACHIEVEMENTS) expect(text).toContain(a.title);
    expect(text).toContain("Năm 2018: Tổ dân phố 22 đạt Tổ dân phố Xanh – Sạch – Đẹp cấp Quận.");
    for (const p of REPORTED_PROJECTS) expect(text).toContain(`- ${p.name}.`);
  });

  it("holds no figure the database does not hold", async () => {
    const results = await database.prisma.result.findMany({
      where: { orgUnit: { slug: "ngoc-thuy" }, source: { kind: { not: "DEMO" } } },
      select: { value: true, indicator: { select: { code: true } } },
    });
    const allowed = new Map<string, string[]>();
    for (const r of results) {
      const fixed = r.value.toFixed();
      const v = fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
      const forms = [formatNumber(v), moneyInUnits(v).replace(/ đồng$/, "")];
      allowed.set(r.indicator.code, [...(allowed.get(r.indicator.code) ?? []), ...forms]);
    }
    const figureLines = text.split("\n").filter((l) => l.startsWith("- ") && l.includes(":"));
    expect(figureLines.length).toBeGreaterThan(40);
    for (const line of figureLines) {
      const code = [...indicators].find(([, i]) => line.startsWith(`- ${i.name}:`))?.[0];
      if (!code) {
        // an achievement of a year: only the year is a number
        expect(line.replace(/Năm 20\d\d/g, "").replace(/Tổ dân phố \d+|Tổ \d+|\d+m/g, ""), line).not.toMatch(/\d/);
        continue;
      }
      let rest = line.slice(indicators.get(code)!.name.length + 3).replace(/năm 20(1[5-9]|20)/g, "");
      // longest first, so "305.000.000" is taken whole before "305"
      for (const form of [...(allowed.get(code) ?? [])].sort((a, b) => b.length - a.length))
        rest = rest.split(form).join("");
      expect(rest, line).not.toMatch(/\d/);
    }
  });

  it("leaves out demo figures with demo=0 and labels them otherwise", async () => {
    const { getTermBySlug } = await import("@/lib/data/terms");
    const term = (await getTermBySlug("2015-2020"))!;
    const withDemo = (await service.loadPartyReport({
      wardSlug: "ngoc-thuy",
      term,
      year: 2017,
      includeDemo: true,
      draft: false,
      scope: { all: true },
      date: new Date("2018-01-15T00:00:00Z"),
    }))!;
    const t = docMod.documentText(withDemo);
    expect(withDemo.subject).toBe(
      "Sơ kết thực hiện 3 Chương trình công tác toàn khóa của Quận ủy năm 2017 trên địa bàn phường Ngọc Thụy",
    );
    expect(t).toContain("(số liệu minh họa)");
    expect(t).toContain("dữ liệu minh họa, không phải số liệu thật");
  });

  it("writes a .docx whose text reads back, and LibreOffice's PDF of it keeps every diacritic", async () => {
    const docx = await service.renderPartyReport(doc, "docx");
    const unzipped = await unzipWithinLimits(docx, { entries: 100, totalBytes: 20e6, partBytes: 10e6 });
    expect(unzipped.ok).toBe(true);
    if (!unzipped.ok) return;
    const xml = unzipped.parts.find((p) => p.name === "word/document.xml")!.data.toString("utf8");
    const docxText = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
    for (const s of [
      "ĐẢNG ỦY PHƯỜNG NGỌC THỤY",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Ngọc Thụy, ngày 05 tháng 11 năm 2019",
      "BÁO CÁO",
      "bình quân đạt trên 90%",
      "trên 305.000.000đ",
      "10 tỷ 934 triệu đồng",
      "T/M ĐẢNG ỦY",
      "BÍ THƯ",
      "Nơi nhận:",
    ])
      expect(docxText).toContain(s);
    const styles = unzipped.parts.find((p) => p.name === "word/styles.xml")!.data.toString("utf8");
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('w:pStyle w:val="Heading1"');

    const file = path.join(work, "bao-cao.docx");
    writeFileSync(file, docx);
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${work}/lo`, "--headless", "--convert-to", "pdf", "--outdir", work, file],
      { stdio: "ignore", timeout: 120_000 },
    );
    const pdfText = execFileSync("pdftotext", [path.join(work, "bao-cao.pdf"), "-"], {
      encoding: "utf8",
    }).replace(/\s+/g, " ");
    for (const s of [
      "ĐẢNG ỦY PHƯỜNG NGỌC THỤY",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Ngọc Thụy, ngày 05 tháng 11 năm 2019",
      "Kiểm tra, giám sát chuyên đề đối với chi bộ: cả nhiệm kỳ 161 lượt",
      "bình quân đạt trên 90%",
      "Tổ dân phố 22 đạt Tổ dân phố Xanh – Sạch – Đẹp cấp Quận",
      "Hồ sơ, đơn thư được giải quyết trước và trong hạn",
    ])
      expect(pdfText).toContain(s);
  }, 180_000);

  it("writes the same report as PDF, on A4, with its text extractable", async () => {
    const pdf = await service.renderPartyReport(doc, "pdf");
    const file = path.join(work, "report.pdf");
    writeFileSync(file, pdf);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    const pdfText = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(pdfText).toContain("ĐẢNG ỦY PHƯỜNG NGỌC THỤY");
    expect(pdfText).toContain("Đạt mô hình cơ quan điện tử: cả nhiệm kỳ 3 năm");
    expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("the report's tables", () => {
  type TableBlock = Extract<PartyDocument["body"][number], { kind: "table" }>;
  const tables = () => doc.body.filter((b): b is TableBlock => b.kind === "table");
  const norm = (t: string) => t.replace(/\s+/g, " ").trim();

  it("give the yearly figures of a section over the term, and the category sub-rows under their parent", () => {
    expect(tables().length).toBeGreaterThan(0);
    const egov = tables().find((t) => t.rows.some((r) => r[0] === "Đạt mô hình cơ quan điện tử"))!;
    expect(egov.header).toEqual(
      expect.arrayContaining(["Chỉ tiêu", "Năm 2015", "Năm 2017", "Năm 2018", "Cả nhiệm kỳ"]),
    );
    const row = egov.rows.find((r) => r[0] === "Đạt mô hình cơ quan điện tử")!;
    expect(row[egov.header.indexOf("Năm 2017")]).toBe("đạt");
    expect(row[egov.header.indexOf("Cả nhiệm kỳ")]).toBe("3 năm");
    // only the years the data holds are columns: no empty year
    for (const t of tables())
      t.header.forEach((h, i) => {
        if (h.startsWith("Năm "))
          expect(
            t.rows.some((r) => r[i] !== "—"),
            `${t.caption} ${h}`,
          ).toBe(true);
      });
    // a category sub-row sits under its parent, named "– …"
    const kinds = tables().find((t) => t.rows.some((r) => r[0].startsWith("– ")));
    expect(kinds, "a table with category sub-rows").toBeDefined();
    expect(documentTextHasTables()).toBe(true);
  });

  function documentTextHasTables(): boolean {
    return tables().every((t) => text.includes(t.caption) && text.includes(t.header.join(" | ")));
  }

  it("are real Word tables in the .docx and ruled tables in the PDF, with the same cells", async () => {
    const docx = await service.renderPartyReport(doc, "docx");
    const unzipped = await unzipWithinLimits(docx, { entries: 100, totalBytes: 20e6, partBytes: 10e6 });
    if (!unzipped.ok) throw new Error("docx unreadable");
    const xml = unzipped.parts.find((p) => p.name === "word/document.xml")!.data.toString("utf8");
    const cellText = (c: string) => [...c.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    const unescape = (t: string) => t.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    const wordRows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
      [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => unescape(cellText(tc[0]))).join(" | "),
    );
    for (const t of tables()) {
      expect(xml).toContain(t.caption);
      for (const r of [t.header, ...t.rows]) expect(wordRows).toContain(r.join(" | "));
    }
    // Word sees the header row as one to repeat on each page
    expect(xml).toContain("<w:tblHeader/>");

    const file = path.join(work, "tables.pdf");
    writeFileSync(file, await service.renderPartyReport(doc, "pdf"));
    const pdfText = norm(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }));
    for (const t of tables()) {
      expect(pdfText).toContain(norm(t.caption));
      for (const r of t.rows) for (const c of r) expect(pdfText).toContain(norm(c));
    }
  });
});

describe("the ward's own paragraphs", () => {
  it("are saved versioned and audited, carried into the report, and refused when stale or when the year is approved", async () => {
    const paragraphs = await import("@/lib/data/report-paragraphs");
    const { getTermBySlug } = await import("@/lib/data/terms");
    const term = (await getTermBySlug("2015-2020"))!;
    const ward = await database.prisma.orgUnit.findUniqueOrThrow({
      where: { slug: "ngoc-thuy" },
      select: { id: true },
    });
    const actor = { userId: "u-official", name: "Cán bộ phường" };
    const period = { termId: term.id, year: 2016 };
    const save = (text: string, version: number) =>
      paragraphs.saveReportParagraph({ actor, wardId: ward.id, period, kind: "LESSONS", text, version });

    expect(await save("Phải bám sát cơ sở.", 0)).toEqual({ ok: true, version: 1 });
    expect(await save("Phải bám sát cơ sở, lắng nghe nhân dân.", 1)).toEqual({ ok: true, version: 2 });
    // a screen that still shows version 1 is refused with what is stored now
    expect(await save("Bản cũ ghi đè", 1)).toMatchObject({
      ok: false,
      code: "conflict",
      current: { text: "Phải bám sát cơ sở, lắng nghe nhân dân.", version: 2 },
    });
    const audit = await database.prisma.auditLog.findMany({
      where: { entity: "report_paragraph" },
      orderBy: { id: "asc" },
      select: { action: true, oldValue: true, newValue: true, actor: true },
    });
    expect(audit).toEqual([
      { action: "CREATE", oldValue: null, newValue: "Phải bám sát cơ sở.", actor: "u-official" },
      {
        action: "UPDATE",
        oldValue: "Phải bám sát cơ sở.",
        newValue: "Phải bám sát cơ sở, lắng nghe nhân dân.",
        actor: "u-official",
      },
    ]);

    const doc = (await service.loadPartyReport({
      wardSlug: "ngoc-thuy",
      term,
      year: 2016,
      includeDemo: false,
      draft: false,
      scope: { all: true },
      date: new Date("2017-01-10T00:00:00Z"),
    }))!;
    const t = docMod.documentText(doc);
    expect(t).toContain("BÀI HỌC KINH NGHIỆM\nPhải bám sát cơ sở, lắng nghe nhân dân.");

    // every programme's figures of 2016 approved: the year's report is closed
    const programmes = await database.prisma.programme.findMany({ where: { termId: term.id }, select: { id: true } });
    const year = await database.prisma.period.findFirstOrThrow({ where: { termId: term.id, year: 2016 } });
    for (const p of programmes)
      await database.prisma.submission.upsert({
        where: { orgUnitId_periodId_programmeId: { orgUnitId: ward.id, periodId: year.id, programmeId: p.id } },
        create: { orgUnitId: ward.id, periodId: year.id, programmeId: p.id, status: "APPROVED" },
        update: { status: "APPROVED" },
      });
    expect(await save("Sau khi khóa", 2)).toEqual({ ok: false, code: "locked" });
    expect(await paragraphs.getReportParagraphs({ wardSlug: "ngoc-thuy", period, scope: { all: true } })).toMatchObject(
      { LESSONS: { text: "Phải bám sát cơ sở, lắng nghe nhân dân.", version: 2 } },
    );
  });

  it("a draft says DỰ THẢO and marks figures not approved", async () => {
    const { getTermBySlug } = await import("@/lib/data/terms");
    const term = (await getTermBySlug("2015-2020"))!;
    const ward = await database.prisma.orgUnit.findUniqueOrThrow({
      where: { slug: "ngoc-thuy" },
      select: { id: true },
    });
    const programme = await database.prisma.programme.findFirstOrThrow({ where: { code: "03-CTr/QU" } });
    const indicator = await database.prisma.indicator.findFirstOrThrow({
      where: { code: "ra-quan-xu-ly", programmeId: programme.id },
    });
    const year = await database.prisma.period.findFirstOrThrow({ where: { termId: term.id, year: 2020 } });
    const submission = await database.prisma.submission.upsert({
      where: { orgUnitId_periodId_programmeId: { orgUnitId: ward.id, periodId: year.id, programmeId: programme.id } },
      create: { orgUnitId: ward.id, periodId: year.id, programmeId: programme.id, status: "DRAFT" },
      update: { status: "DRAFT" },
    });
    await database.prisma.entryValue.create({
      data: {
        submissionId: submission.id,
        indicatorId: indicator.id,
        orgUnitId: ward.id,
        value: "47",
        updatedById: "u",
      },
    });
    const load = (draft: boolean) =>
      service.loadPartyReport({
        wardSlug: "ngoc-thuy",
        term,
        year: 2020,
        programmeSlug: "03-CTr-QU",
        includeDemo: false,
        draft,
        scope: { all: true },
        date: new Date("2020-12-01T00:00:00Z"),
      });
    const draft = (await load(true))!;
    expect(draft.draft).toBe(true);
    expect(docMod.documentText(draft)).toContain("Đợt ra quân xử lý vi phạm trật tự đô thị: 47 đợt (chưa duyệt).");
    const pdf = await service.renderPartyReport(draft, "pdf");
    const file = path.join(work, "draft.pdf");
    writeFileSync(file, pdf);
    const pagesText = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" })
      .split("\f")
      .filter((p) => p.trim());
    for (const page of pagesText) expect(page).toContain("DỰ THẢO");
    const final = docMod.documentText((await load(false))!);
    expect(final).not.toContain("47 đợt");
    expect(final).not.toContain("DỰ THẢO");
  });
});

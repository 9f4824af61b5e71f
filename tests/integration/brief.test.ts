// The committee's brief of a ward: the headline indicators with figure, target, status, change and
// source; its PDF fits two A4 pages for programme 03's ward (Ngọc Thụy, which holds the most figures).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TermSummary } from "@/lib/data/terms";
import type { Brief } from "@/lib/documents/brief";
import { seed } from "@/prisma/seed";
import { type TestDatabase, createMigratedDatabase } from "../setup/db";

let database: TestDatabase;
let service: typeof import("@/lib/services/brief");
let term: TermSummary;
const work = mkdtempSync(path.join(tmpdir(), "ctk-brief-"));

beforeAll(async () => {
  database = await createMigratedDatabase();
  await seed(database.prisma, { demo: true });
  vi.stubEnv("DATABASE_URL", database.url);
  vi.resetModules();
  (globalThis as { prisma?: unknown }).prisma = undefined;
  service = await import("@/lib/services/brief");
  const { getTermBySlug } = await import("@/lib/data/terms");
  term = (await getTermBySlug("2015-2020"))!;
}, 180_000);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await database?.drop();
});

const load = (year: number | null, includeDemo = true, draft = false, forTerm = term) =>
  service.loadBrief({
    wardSlug: "ngoc-thuy",
    term: forTerm,
    year,
    includeDemo,
    draft,
    scope: { all: true },
    now: new Date(),
  });

function pages(pdf: Buffer, name: string): { count: number; text: string } {
  const file = path.join(work, name);
  writeFileSync(file, pdf);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return {
    count: Number(info.match(/Pages:\s+(\d+)/)![1]),
    text: execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " "),
  };
}

describe("the brief of Ngọc Thụy", () => {
  it("gives the term's headline figures with their source, status and no invented change", async () => {
    const brief = (await load(null, false))!;
    expect(brief.programmes.map((p) => p.code)).toEqual(["01-CT/QU", "02-CTr/QU", "03-CTr/QU"]);
    const rows = brief.programmes.flatMap((p) => p.rows);
    const fine = rows.find((r) => r.code === "xu-phat-vi-pham")!;
    expect(fine).toMatchObject({
      figure: "1.691 trường hợp",
      // 2015–2020 is the first term the database holds
      change: "— (không có nhiệm kỳ trước)",
      source: "Báo cáo của Đảng ủy phường Ngọc Thụy, 05/11/2019",
    });
    expect(rows.find((r) => r.code === "tien-xu-phat-vi-pham")!.figure).toBe("trên 305.000.000đ");
    // demo=0: no demo figure, and no illustrative target either
    expect(rows.every((r) => r.source !== "Minh họa" && r.target === "—")).toBe(true);
  });

  it("gives a year's figures against the year before, with the review state of each programme", async () => {
    const brief = (await load(2019))!;
    expect(brief.periodLabel).toBe("năm 2019");
    for (const p of brief.programmes) expect(p.state).not.toBeNull();
    const rows = brief.programmes.flatMap((p) => p.rows);
    expect(rows.some((r) => /^[+−]/.test(r.change) || r.change === "không đổi")).toBe(true);
    for (const r of rows) if (r.figure === "—") expect(r.flags).toContain("thiếu số liệu");
    expect(brief.ahead.length + brief.behind.length).toBeGreaterThan(0);
  });

  it("fits two A4 pages as PDF, for the year and for the term", async () => {
    for (const year of [2019, null]) {
      const { count, text } = pages(await service.renderBriefPdf((await load(year))!), `brief-${year}.pdf`);
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(2);
      expect(text).toContain("Chương trình 03-CTr/QU");
      expect(text).toContain("Phường Ngọc Thụy");
    }
  });

  it("as a draft, shows the ward's figures not yet approved, marked, and says DỰ THẢO on every PDF page", async () => {
    const ward = await database.prisma.orgUnit.findUniqueOrThrow({
      where: { slug: "ngoc-thuy" },
      select: { id: true },
    });
    const indicator = await database.prisma.indicator.findFirstOrThrow({
      where: { code: "xu-phat-vi-pham", programme: { termId: term.id } },
      select: { id: true, programmeId: true },
    });
    const year = await database.prisma.period.findFirstOrThrow({ where: { termId: term.id, year: 2020 } });
    const submission = await database.prisma.submission.upsert({
      where: {
        orgUnitId_periodId_programmeId: { orgUnitId: ward.id, periodId: year.id, programmeId: indicator.programmeId },
      },
      create: { orgUnitId: ward.id, periodId: year.id, programmeId: indicator.programmeId, status: "DRAFT" },
      update: { status: "DRAFT" },
    });
    await database.prisma.entryValue.create({
      data: {
        submissionId: submission.id,
        indicatorId: indicator.id,
        orgUnitId: ward.id,
        value: "412",
        updatedById: "u",
      },
    });
    const rowOf = (b: Brief) => b.programmes.flatMap((p) => p.rows).find((r) => r.code === "xu-phat-vi-pham")!;

    const final = (await load(2020, false))!;
    expect(final.draft).toBe(false);
    expect(rowOf(final).figure).not.toContain("412");
    expect(rowOf(final).flags).toContain("chưa duyệt");

    const draft = (await load(2020, false, true))!;
    expect(draft.draft).toBe(true);
    expect(rowOf(draft)).toMatchObject({ figure: "412 trường hợp (chưa duyệt)", source: "Phường nhập, chưa duyệt" });
    expect(draft.notes.join(" ")).toContain("Bản dự thảo");
    const file = path.join(work, "brief-draft.pdf");
    writeFileSync(file, await service.renderBriefPdf(draft));
    const pdfPages = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" })
      .split("\f")
      .filter((p) => p.trim());
    expect(pdfPages.length).toBeGreaterThan(0);
    for (const page of pdfPages) expect(page).toContain("DỰ THẢO");
    expect(pdfPages.join(" ").replace(/\s+/g, " ")).toContain("412 trường hợp (chưa duyệt)");
  });

  it("compares a term with the previous term's figure of the same indicator, and says why when it can't", async () => {
    const { createTerm } = await import("@/lib/data/catalogue");
    const units = await database.prisma.orgUnit.findMany({ select: { id: true } });
    const created = await createTerm({
      actor: { userId: "u-staff", name: "Cán bộ quận" },
      name: "Nhiệm kỳ 2020–2025",
      startYear: 2020,
      endYear: 2025,
      copyFrom: "2015-2020",
      issuerIds: units.map((u) => u.id),
    });
    expect(created.ok).toBe(true);
    const { getTermBySlug } = await import("@/lib/data/terms");
    const next = (await getTermBySlug("2020-2025"))!;
    const ward = await database.prisma.orgUnit.findUniqueOrThrow({
      where: { slug: "ngoc-thuy" },
      select: { id: true },
    });
    const [fines, renamed] = await Promise.all(
      ["xu-phat-vi-pham", "tien-xu-phat-vi-pham"].map((code) =>
        database.prisma.indicator.findFirstOrThrow({ where: { code, programme: { termId: next.id } } }),
      ),
    );
    // the money indicator is redefined in the new term (another unit): it is not compared
    await database.prisma.indicator.update({ where: { id: renamed.id }, data: { unit: "triệu đồng" } });
    const termPeriod = await database.prisma.period.findFirstOrThrow({ where: { termId: next.id, kind: "TERM" } });
    const source = await database.prisma.source.findFirstOrThrow({ where: { kind: "REPORT" }, select: { id: true } });
    for (const [indicatorId, value] of [
      [fines.id, "1800"],
      [renamed.id, "400"],
    ] as const)
      await database.prisma.result.create({
        data: {
          indicatorId,
          orgUnitId: ward.id,
          periodId: termPeriod.id,
          value,
          sourceId: source.id,
          recordedBy: "test",
        },
      });

    const brief = (await load(null, false, false, next))!;
    const rows = brief.programmes.flatMap((p) => p.rows);
    // 1.800 against the 1.691 of 2015–2020
    expect(rows.find((r) => r.code === "xu-phat-vi-pham")!.change).toBe("+109 trường hợp");
    expect(rows.find((r) => r.code === "tien-xu-phat-vi-pham")!.change).toBe(
      "— (nhiệm kỳ 2015-2020 không có chỉ tiêu này)",
    );
  });
});

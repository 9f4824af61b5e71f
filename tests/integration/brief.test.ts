// The committee's brief of a ward: the headline indicators with figure, target, status, change and
// source; its PDF fits two A4 pages for programme 03's ward (Ngọc Thụy, which holds the most figures).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TermSummary } from "@/lib/data/terms";
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

const load = (year: number | null, includeDemo = true) =>
  service.loadBrief({ wardSlug: "ngoc-thuy", term, year, includeDemo, scope: { all: true }, now: new Date() });

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
      change: "—",
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
});

import { afterAll, describe, expect, it } from "vitest";
import { viFold } from "@/lib/domain/vi-fold";
import { createPrismaClient } from "../setup/db";

// A search typed in the browser (viFold) must match rows filtered in SQL (vi_fold): one key, two places.
const prisma = createPrismaClient();
afterAll(() => prisma.$disconnect());

describe("vi_fold() in the database", () => {
  it("folds every Vietnamese letter, either case, exactly as viFold does", async () => {
    const samples = [
      "Ngọc Thụy",
      "PHƯỜNG ĐỨC GIANG",
      "Thượng Thanh",
      "Bồ Đề",
      "Việt Hưng",
      "Tổ 12A",
      "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ",
      "ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ",
    ];
    const rows = await prisma.$queryRaw<{ folded: string }[]>`
      SELECT vi_fold(s) AS folded FROM unnest(${samples}::text[]) WITH ORDINALITY AS t(s, n) ORDER BY n`;
    expect(rows.map((r) => r.folded)).toEqual(samples.map(viFold));
  });
});

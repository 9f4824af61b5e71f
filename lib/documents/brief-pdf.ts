import "server-only";
import type { Brief, BriefRow } from "./brief";
import { newPdf, pdfBuffer } from "./pdf";

// The brief on A4 portrait: one table per programme, then the leaders and laggards. Small type
// (8,5 pt) so that the three programmes fit on one or two pages.

const CM = 72 / 2.54;
const MARGINS = { top: 1.5 * CM, bottom: 1.5 * CM, left: 1.5 * CM, right: 1.5 * CM };
const COLUMNS: Array<{ title: string; width: number; cell: (r: BriefRow) => string }> = [
  { title: "Chỉ tiêu", width: 0.27, cell: (r) => r.name },
  { title: "Số liệu", width: 0.13, cell: (r) => r.figure },
  { title: "Chỉ tiêu đề ra", width: 0.1, cell: (r) => r.target },
  { title: "Đánh giá", width: 0.09, cell: (r) => r.statusLabel },
  { title: "So với kỳ trước", width: 0.1, cell: (r) => r.change },
  { title: "Lưu ý", width: 0.13, cell: (r) => r.flags.join("; ") || "—" },
  { title: "Nguồn", width: 0.18, cell: (r) => r.source },
];
const SIZE = 8.5;
const PAD = 2.5;

export async function writeBriefPdf(brief: Brief): Promise<Buffer> {
  const pdf = newPdf({ draft: brief.draft, title: brief.title, margins: MARGINS });
  const left = MARGINS.left;
  const width = pdf.page.width - MARGINS.left - MARGINS.right;
  const widths = COLUMNS.map((c) => c.width * width);
  const bottom = () => pdf.page.height - MARGINS.bottom;

  const row = (cells: string[], bold: boolean) => {
    pdf.font(bold ? "bold" : "regular").fontSize(SIZE);
    const h = Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: widths[i] - 2 * PAD }))) + 2 * PAD;
    if (pdf.y + h > bottom()) pdf.addPage();
    const y = pdf.y;
    let x = left;
    cells.forEach((c, i) => {
      pdf.rect(x, y, widths[i], h).lineWidth(0.4).stroke("#555555");
      pdf.fillColor("black").text(c, x + PAD, y + PAD, { width: widths[i] - 2 * PAD });
      x += widths[i];
    });
    pdf.x = left;
    pdf.y = y + h;
  };

  pdf.font("bold").fontSize(12).text(brief.title, left, pdf.y, { width, align: "center" });
  pdf.moveDown(0.4);
  for (const p of brief.programmes) {
    pdf.moveDown(0.3);
    const state = p.state ? ` – ${p.state}${p.late ? " (trễ hạn)" : ""}` : "";
    pdf.font("bold").fontSize(9.5).text(`Chương trình ${p.code}${state}`, left, pdf.y, { width });
    pdf.moveDown(0.15);
    row(
      COLUMNS.map((c) => c.title),
      true,
    );
    for (const r of p.rows)
      row(
        COLUMNS.map((c) => c.cell(r)),
        false,
      );
  }
  const list = (title: string, rows: BriefRow[]) => {
    pdf.moveDown(0.4);
    pdf.font("bold").fontSize(9.5).text(title, left, pdf.y, { width });
    pdf.font("regular").fontSize(SIZE);
    if (rows.length === 0) pdf.text("Không có chỉ tiêu nào (cần chỉ tiêu đề ra và số liệu).", left, pdf.y, { width });
    rows.forEach((r, i) =>
      pdf.text(`${i + 1}. ${r.name}: ${r.figure} (chỉ tiêu ${r.target}, ${r.statusLabel.toLowerCase()})`, left, pdf.y, {
        width,
      }),
    );
  };
  list("Ba chỉ tiêu vượt xa nhất so với chỉ tiêu đề ra", brief.ahead);
  list("Ba chỉ tiêu còn cách xa nhất", brief.behind);
  if (brief.notes.length > 0) {
    pdf.moveDown(0.4);
    pdf.font("italic").fontSize(SIZE).text(brief.notes.join(" "), left, pdf.y, { width });
  }
  return pdfBuffer(pdf);
}

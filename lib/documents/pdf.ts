import "server-only";
import PDFDocument from "pdfkit";
import { assertFonts, PDF_FONTS } from "./fonts";
import { DRAFT_MARK, type DocBlock, type PartyDocument } from "./party-report";

// The same document as the .docx, as PDF (A4, margins of Hướng dẫn 36-HD/VPTW), with Noto Serif
// embedded (subset) so every Vietnamese letter shows on any computer.

const CM = 72 / 2.54;
export const A4 = { width: 595.28, height: 841.89 };
const MARGINS = { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: 1.5 * CM };

type Pdf = InstanceType<typeof PDFDocument>;

/** A PDF document on A4 with the fonts registered, DỰ THẢO on every page of a draft. */
export function newPdf(opts: { draft: boolean; title: string; margins?: typeof MARGINS }): Pdf {
  assertFonts();
  const pdf = new PDFDocument({
    size: "A4",
    margins: opts.margins ?? MARGINS,
    font: PDF_FONTS.regular,
    info: { Title: opts.title },
    bufferPages: true,
  });
  pdf.registerFont("regular", PDF_FONTS.regular);
  pdf.registerFont("bold", PDF_FONTS.bold);
  pdf.registerFont("italic", PDF_FONTS.italic);
  pdf.registerFont("boldItalic", PDF_FONTS.boldItalic);
  if (opts.draft) {
    const mark = () => {
      const { x, y } = pdf;
      pdf
        .font("bold")
        .fontSize(12)
        .fillColor("#c00000")
        .text(DRAFT_MARK, pdf.page.margins.left, 0.8 * CM, {
          width: pdf.page.width - pdf.page.margins.left - pdf.page.margins.right,
          align: "right",
          lineBreak: false,
        })
        .fillColor("black");
      pdf.x = x;
      pdf.y = y;
    };
    mark();
    pdf.on("pageAdded", mark);
  }
  return pdf;
}

export function pdfBuffer(pdf: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.end();
  });
}

function writeBlock(pdf: Pdf, b: DocBlock, width: number): void {
  const x = pdf.page.margins.left;
  switch (b.kind) {
    case "heading":
      pdf.moveDown(b.level === 1 ? 0.6 : 0.4);
      pdf
        .font(b.level === 3 ? "boldItalic" : "bold")
        .fontSize(13)
        .text(b.text, x, pdf.y, { width, align: "left" });
      pdf.moveDown(0.2);
      return;
    case "figure":
      pdf
        .font("regular")
        .fontSize(13)
        .text(b.text, x, pdf.y, { width, align: "justify", indent: 1.27 * CM });
      pdf.moveDown(0.2);
      return;
    case "paragraph":
      pdf
        .font(b.italic ? "italic" : "regular")
        .fontSize(13)
        .text(b.text, x, pdf.y, { width, align: "justify", indent: 1.27 * CM });
      pdf.moveDown(0.3);
      return;
    case "table":
      pdf.moveDown(0.2);
      pdf.font("italic").fontSize(11).text(b.caption, x, pdf.y, { width });
      pdf.moveDown(0.2);
      writeTable(pdf, b, width);
      pdf.moveDown(0.4);
  }
}

const CELL_PAD = 3;

/**
 * A ruled table, as in the .docx: the first column wider, the header row bold and repeated on a
 * new page, each row as tall as its tallest cell.
 */
export function writeTable(pdf: Pdf, b: { header: string[]; rows: string[][] }, width: number, size = 10): void {
  const left = pdf.page.margins.left;
  const first = b.header.length > 2 ? 0.3 : 0.6;
  const widths = b.header.map((_, i) => (i === 0 ? first : (1 - first) / (b.header.length - 1)) * width);
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;
  const heightOf = (cells: string[], bold: boolean) => {
    pdf.font(bold ? "bold" : "regular").fontSize(size);
    return Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: widths[i] - 2 * CELL_PAD }))) + 2 * CELL_PAD;
  };
  const row = (cells: string[], bold: boolean, h: number) => {
    const y = pdf.y;
    let x = left;
    pdf.font(bold ? "bold" : "regular").fontSize(size);
    cells.forEach((c, i) => {
      pdf.rect(x, y, widths[i], h).lineWidth(0.5).stroke("#000000");
      pdf.fillColor("black").text(c, x + CELL_PAD, y + CELL_PAD, {
        width: widths[i] - 2 * CELL_PAD,
        align: i === 0 ? "left" : "center",
      });
      x += widths[i];
    });
    pdf.x = left;
    pdf.y = y + h;
  };
  const headerHeight = heightOf(b.header, true);
  // a header alone at the foot of a page goes to the next one with its first row
  if (pdf.y + headerHeight + (b.rows[0] ? heightOf(b.rows[0], false) : 0) > bottom()) pdf.addPage();
  row(b.header, true, headerHeight);
  for (const r of b.rows) {
    const h = heightOf(r, false);
    if (pdf.y + h > bottom()) {
      pdf.addPage();
      row(b.header, true, headerHeight);
    }
    row(r, false, h);
  }
}

/** The report as PDF. */
export async function writeReportPdf(doc: PartyDocument): Promise<Buffer> {
  const pdf = newPdf({ draft: doc.draft, title: `${doc.title} – ${doc.subject}` });
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const leftW = width * 0.45;
  const rightX = left + leftW;
  const rightW = width - leftW;
  const top = pdf.y;

  pdf.fontSize(12);
  doc.issuers.forEach((t, i) => {
    pdf.font(i > 0 && t !== "*" ? "bold" : "regular").text(t, left, pdf.y, { width: leftW, align: "center" });
  });
  pdf.font("regular").text(doc.number, left, pdf.y, { width: leftW, align: "center" });
  const leftBottom = pdf.y;
  pdf
    .font("bold")
    .text(doc.partyName, rightX, top, { width: rightW, align: "center", underline: true })
    .moveDown(0.6)
    .font("italic")
    .text(doc.placeDate, rightX, pdf.y, { width: rightW, align: "center" });
  pdf.y = Math.max(leftBottom, pdf.y) + 18;

  pdf.font("bold").fontSize(15).text(doc.title, left, pdf.y, { width, align: "center" });
  pdf.fontSize(13).text(doc.subject, left, pdf.y, { width, align: "center" });
  pdf.font("regular").text("-----", left, pdf.y, { width, align: "center" });
  pdf.moveDown(0.5);

  for (const b of doc.body) writeBlock(pdf, b, width);

  pdf.moveDown(0.5);
  pdf.font("italic").fontSize(11).text(doc.sourcesNote, left, pdf.y, { width, align: "justify" });
  pdf.moveDown(1);
  if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 130) pdf.addPage();
  const signTop = pdf.y;
  pdf
    .font("boldItalic")
    .fontSize(12)
    .text("Nơi nhận:", left, signTop, { width: width / 2 });
  pdf.font("regular").fontSize(11);
  for (const r of doc.recipients) pdf.text(`- ${r}`, left, pdf.y, { width: width / 2 });
  pdf
    .font("bold")
    .fontSize(13)
    .text(doc.signature.onBehalf, left + width / 2, signTop, { width: width / 2, align: "center" })
    .text(doc.signature.title, left + width / 2, pdf.y, { width: width / 2, align: "center" })
    .moveDown(3)
    .text(doc.signature.name || " ", left + width / 2, pdf.y, { width: width / 2, align: "center" });
  return pdfBuffer(pdf);
}

import "server-only";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { DRAFT_MARK, type DocBlock, type PartyDocument } from "./party-report";

// A .docx officials edit further: real Word styles (Normal, Heading 1–3, "Figure", "Issuer"), so a
// change of style in Word changes every paragraph of its kind; Times New Roman 14 pt on A4 with the
// margins of Hướng dẫn 36-HD/VPTW (top and bottom 2 cm, left 3 cm, right 1,5 cm).

const FONT = "Times New Roman";
const PT = 2; // docx sizes are half-points
const CM = 567; // twips per centimetre

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

const centred = (text: string, opts: { bold?: boolean; italic?: boolean; underline?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    style: "Issuer",
    children: [
      new TextRun({ text, bold: opts.bold, italics: opts.italic, underline: opts.underline ? {} : undefined }),
    ],
  });

function headerTable(doc: PartyDocument): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([...doc.issuers.map((t, i) => centred(t, { bold: i > 0 && t !== "*" })), centred(doc.number)], 45),
          cell(
            [
              centred(doc.partyName, { bold: true, underline: true }),
              centred(""),
              centred(doc.placeDate, { italic: true }),
            ],
            55,
          ),
        ],
      }),
    ],
  });
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** A real Word table (header row repeated on each page), 11 pt so that a term's years fit the width. */
function figureTable(b: Extract<DocBlock, { kind: "table" }>): Table {
  const first = b.header.length > 2 ? 30 : 60;
  const other = (100 - first) / (b.header.length - 1);
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: i === 0 ? first : other, type: WidthType.PERCENTAGE },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          style: "TableText",
          alignment: i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [new TextRun({ text, bold })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: GRID,
    rows: [
      new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, i, true)) }),
      ...b.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

function block(b: DocBlock): Paragraph | Table | Array<Paragraph | Table> {
  switch (b.kind) {
    case "heading":
      return new Paragraph({
        heading:
          b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
        children: [new TextRun(b.text)],
      });
    case "figure":
      return new Paragraph({ style: "Figure", children: [new TextRun(b.text)] });
    case "paragraph":
      return new Paragraph({ children: [new TextRun({ text: b.text, italics: b.italic })] });
    case "table":
      return [new Paragraph({ style: "TableCaption", children: [new TextRun(b.caption)] }), figureTable(b)];
  }
}

/** The report as a .docx file. */
export async function writeDocx(doc: PartyDocument): Promise<Buffer> {
  const draftHeader = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: DRAFT_MARK, bold: true, color: "C00000", size: 13 * PT })],
      }),
    ],
  });
  const document = new Document({
    creator: doc.issuers.filter((t) => t !== "*").join(" – "),
    title: `${doc.title} – ${doc.subject}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 14 * PT }, paragraph: { spacing: { after: 120, line: 300 } } },
        heading1: {
          run: { font: FONT, size: 14 * PT, bold: true, color: "000000" },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading2: {
          run: { font: FONT, size: 14 * PT, bold: true, color: "000000" },
          paragraph: { spacing: { before: 180, after: 120 } },
        },
        heading3: {
          run: { font: FONT, size: 14 * PT, bold: true, italics: true, color: "000000" },
          paragraph: { spacing: { before: 120, after: 60 } },
        },
      },
      paragraphStyles: [
        {
          id: "Issuer",
          name: "Issuer",
          basedOn: "Normal",
          run: { font: FONT, size: 13 * PT },
          paragraph: { spacing: { after: 0, line: 240 } },
        },
        {
          id: "Figure",
          name: "Figure",
          basedOn: "Normal",
          run: { font: FONT, size: 14 * PT },
          paragraph: { indent: { firstLine: Math.round(1.27 * CM) }, alignment: AlignmentType.JUSTIFIED },
        },
        {
          id: "TableCaption",
          name: "Table Caption",
          basedOn: "Normal",
          run: { font: FONT, size: 12 * PT, italics: true },
          paragraph: { spacing: { before: 120, after: 60 } },
        },
        {
          id: "TableText",
          name: "Table Text",
          basedOn: "Normal",
          run: { font: FONT, size: 11 * PT },
          paragraph: { spacing: { after: 0, line: 240 } },
        },
        {
          id: "DocTitle",
          name: "Document Title",
          basedOn: "Normal",
          run: { font: FONT, size: 15 * PT, bold: true },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 0 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(21 * CM), height: Math.round(29.7 * CM) },
            margin: { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: Math.round(1.5 * CM) },
          },
        },
        headers: doc.draft ? { default: draftHeader, first: draftHeader } : undefined,
        children: [
          headerTable(doc),
          new Paragraph({ style: "DocTitle", children: [new TextRun(doc.title)] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: doc.subject, bold: true })],
          }),
          centred("-----"),
          ...doc.body.flatMap(block),
          new Paragraph({ children: [new TextRun({ text: doc.sourcesNote, italics: true, size: 12 * PT })] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            rows: [
              new TableRow({
                children: [
                  new TableCell({
                    borders: NO_BORDERS,
                    width: { size: 50, type: WidthType.PERCENTAGE },
                    children: [
                      new Paragraph({
                        children: [new TextRun({ text: "Nơi nhận:", bold: true, italics: true, size: 12 * PT })],
                      }),
                      ...doc.recipients.map(
                        (r) => new Paragraph({ children: [new TextRun({ text: `- ${r}`, size: 11 * PT })] }),
                      ),
                    ],
                  }),
                  new TableCell({
                    borders: NO_BORDERS,
                    width: { size: 50, type: WidthType.PERCENTAGE },
                    children: [
                      centred(doc.signature.onBehalf, { bold: true }),
                      centred(doc.signature.title, { bold: true }),
                      centred(""),
                      centred(""),
                      centred(doc.signature.name, { bold: true }),
                    ],
                  }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * The thin jsPDF step: lays a sheet out with jsPDF's own text measures, then
 * draws the operations. jsPDF is loaded only here, only when exporting, and is
 * given a TTF that covers every language of the app (its built-in fonts cannot
 * draw Arabic). Metadata stays neutral: no names, no room, no participant.
 */
import type { jsPDF as JsPdf } from 'jspdf';
import { skipArabicParserWithoutArabic } from './documentEvents';
import { addSharedFont } from './fontCache';
import {
  layoutCards,
  layoutSheet,
  tileLayout,
  type Colour,
  type DrawOp,
  type Layout,
  type PrintSheet,
} from './layout';

export type PdfFont = { fileName: string; base64: string };
export type PaperChoice = { widthMm: number; heightMm: number; tiledA4?: boolean };

const RGB: Record<Colour, [number, number, number]> = {
  ink: [26, 26, 26],
  muted: [90, 90, 90],
  band: [16, 36, 62],
  paper: [255, 255, 255],
  red: [179, 38, 30],
  yellow: [242, 194, 0],
  green: [30, 125, 50],
  rule: [190, 190, 190],
};
const FONT = 'WorkshopSans';

/** What a PDF's metadata says: by default no title and the kit as creator. */
export type PdfMeta = { title: string; creator: string };
const DEFAULT_META: PdfMeta = { title: '', creator: 'Security Workshop Kit' };

async function newDocument(
  paper: { widthMm: number; heightMm: number },
  font: PdfFont,
  meta: PdfMeta,
): Promise<JsPdf> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({
    unit: 'mm',
    format: [paper.widthMm, paper.heightMm],
    orientation: paper.widthMm > paper.heightMm ? 'landscape' : 'portrait',
    compress: true,
    putOnlyUsedFonts: true,
  });
  // Parsed once per session, not once per PDF (see fontCache).
  addSharedFont(doc, jsPDF.API, font, FONT);
  skipArabicParserWithoutArabic(doc, jsPDF.API);
  doc.setFont(FONT, 'normal');
  doc.setProperties({
    title: meta.title,
    subject: '',
    author: '',
    keywords: '',
    creator: meta.creator,
  });
  return doc;
}

/** Lays out each sheet on the paper (tiled over A4 when asked) and draws them into one PDF. */
export async function renderSheets(
  sheets: readonly PrintSheet[],
  paper: PaperChoice,
  font: PdfFont,
  footer?: (page: number, pages: number) => string,
  meta: PdfMeta = DEFAULT_META,
): Promise<ArrayBuffer> {
  const target = paper.tiledA4 ? { widthMm: 210, heightMm: 297 } : paper;
  const doc = await newDocument(target, font, meta);
  const measure = (text: string, sizePt: number) => {
    doc.setFontSize(sizePt);
    return doc.getTextWidth(text);
  };
  let first = true;
  for (const sheet of sheets) {
    let layout: Layout =
      'kind' in sheet
        ? layoutCards(sheet, paper, measure, footer)
        : layoutSheet(sheet, paper, measure, footer);
    if (paper.tiledA4) layout = tileLayout(layout);
    for (let page = 1; page <= layout.pages; page += 1) {
      if (!first) doc.addPage([target.widthMm, target.heightMm]);
      first = false;
      for (const op of layout.ops) if (op.page === page) draw(doc, op);
    }
  }
  return doc.output('arraybuffer');
}

function draw(doc: JsPdf, op: DrawOp): void {
  const [r, g, b] = RGB[op.colour];
  if (op.op === 'rect') {
    doc.setFillColor(r, g, b);
    doc.rect(op.x, op.y, op.w, op.h, 'F');
  } else if (op.op === 'rule') {
    doc.setDrawColor(r, g, b);
    doc.setLineWidth(0.4);
    doc.line(op.x1, op.y1, op.x2, op.y2);
  } else {
    doc.setTextColor(r, g, b);
    doc.setFontSize(op.sizePt);
    // The text is in logical order; jsPDF draws glyphs left to right, so its bidi engine reorders
    // each line, in the line's own direction (a right-aligned line is a right-to-left one unless
    // it says otherwise): else a closing bracket and full stop end up at the start of an Arabic
    // line, and "1 / 2" at the foot of an English page reads "2 / 1". Brackets are mirrored.
    doc.text(op.text, op.x, op.y, {
      align: op.align,
      isInputVisual: false,
      isOutputVisual: true,
      isInputRtl: op.rtl ?? op.align === 'right',
      isOutputRtl: false,
      isSymmetricSwapping: true,
    });
  }
}

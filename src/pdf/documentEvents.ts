/**
 * Two of jsPDF's per-document steps, done once where jsPDF does them every time,
 * through its own event hooks (a document's `internal.events`; jsPDF has no other
 * way to change them, see parallax/jsPDF#3083 for the font):
 *
 * - Writing the font. jsPDF's "putFont" handler turns the embedded TTF (about
 *   140 KB) into a string a character at a time and deflates it, for every PDF.
 *   The file is the same for every PDF with the same glyphs (fontCache.ts), so
 *   its string and its deflated stream are kept with it, and only the parts
 *   that are the document's own (its widths and its characters' map back to
 *   text) are written each time, as jsPDF writes them.
 * - The Arabic shaper. jsPDF runs it on every line of text; a line with no
 *   Arabic letter comes out of it unchanged, so such a line skips it.
 */
import type { jsPDF as JsPdf } from 'jspdf';

/** The encoded font file a document's font hands out, with what is kept of it. */
export type SharedFontFile = {
  /** The file as jsPDF writes it: one character per byte. */
  text: string;
  /** The deflated file, kept once made. */
  deflated?: string;
};

type FontMetadata = {
  Unicode: { widths: unknown[] };
  toUnicode: Record<string, number>;
  bbox: unknown;
  flags: number;
  stemV: number;
  italicAngle: number;
  ascender: number;
  decender: number;
  capHeight: number;
};
type PdfFont = {
  metadata: unknown;
  encoding: string;
  fontName: string;
  objectNumber: number;
  isAlreadyPutted?: boolean;
};
type PutFont = {
  font: PdfFont;
  out: (line: string) => void;
  newObject: () => number;
  putStream: (options: {
    data: string;
    objectId: number;
    addLength1?: boolean;
    filters?: string[];
    alreadyAppliedFilters?: string[];
    additionalKeyValues?: { key: string; value: string | number }[];
  }) => void;
};
type Api = {
  PDFObject: { convert(value: unknown): string };
  processDataByFilters(data: string, filters: string[]): { data: string; reverseChain: string };
};
type Topics = Record<string, Record<string, [(...args: unknown[]) => void, boolean]>>;

function topicsOf(doc: JsPdf): Topics {
  return (doc.internal.events as unknown as { getTopics(): Topics }).getTopics();
}

/** The ranges jsPDF's Arabic parser treats as Arabic letters (isArabicLetter). */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

function hasArabic(text: unknown): boolean {
  if (typeof text === 'string') return ARABIC.test(text);
  return Array.isArray(text) && text.some(hasArabic);
}

/** Lines with no Arabic letter pass jsPDF's Arabic parser by. */
export function skipArabicParserWithoutArabic(
  doc: JsPdf,
  /** jsPDF.API, whose processArabic is the parser's handler. */
  api: object,
): void {
  const parser = (api as { processArabic?: unknown }).processArabic;
  const handlers = topicsOf(doc).preProcessText ?? {};
  for (const entry of Object.values(handlers)) {
    const original = entry[0];
    if (original !== parser) continue;
    entry[0] = function (this: unknown, ...args: unknown[]) {
      const payload = args[0] as { text?: unknown } | undefined;
      if (payload && !hasArabic(payload.text)) return;
      original.apply(this, args);
    };
  }
}

/** jsPDF's name escaping for a font name (toPDFName): the app's font names are plain ASCII. */
function pdfName(name: string): string {
  return name.replace(
    /[^\x21-\x7e]|[#%()/<>[\]{}]/g,
    (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** jsPDF's ToUnicode map (toUnicodeCmap), from glyph ids to the characters they draw. */
function toUnicodeCmap(map: Record<string, number>): string {
  let cmap =
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo <<\n  /Registry (Adobe)\n  /Ordering (UCS)\n  /Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000><ffff>\nendcodespacerange';
  const codes = Object.keys(map).sort((a, b) => Number(a) - Number(b));
  let range: string[] = [];
  for (const code of codes) {
    if (range.length >= 100) {
      cmap += `\n${range.length} beginbfchar\n${range.join('\n')}\nendbfchar`;
      range = [];
    }
    const unicode = map[code];
    if (unicode === undefined || unicode === null) continue;
    const hex = (n: number) => `0000${n.toString(16)}`.slice(-4);
    range.push(`<${hex(Number(code))}><${hex(unicode)}>`);
  }
  if (range.length) cmap += `\n${range.length} beginbfchar\n${range.join('\n')}\nendbfchar\n`;
  return `${cmap}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
}

/**
 * Writes the shared font of a compressed document as jsPDF's Identity-H
 * handler would, with the font file's string and deflated stream made once.
 * `fileOf` answers the font file for a font this module shares, null for others
 * (those go to jsPDF's own handlers, unchanged).
 */
export function putSharedFonts(
  doc: JsPdf,
  api: object,
  fileOf: (metadata: unknown) => SharedFontFile | null,
): void {
  const { PDFObject, processDataByFilters } = api as Api;
  const handlers = topicsOf(doc).putFont ?? {};
  for (const entry of Object.values(handlers)) {
    const original = entry[0];
    entry[0] = function (this: unknown, ...args: unknown[]) {
      const { font } = args[0] as PutFont;
      if (font.encoding === 'Identity-H' && fileOf(font.metadata)) return;
      original.apply(this, args);
    };
  }
  doc.internal.events.subscribe('putFont', (args: PutFont) => {
    const { font, out, newObject, putStream } = args;
    const file = font.encoding === 'Identity-H' ? fileOf(font.metadata) : null;
    if (!file) return;
    const metadata = font.metadata as FontMetadata;
    file.deflated ??= processDataByFilters(file.text, ['FlateEncode']).data;
    const fontTable = newObject();
    putStream({
      data: file.deflated,
      objectId: fontTable,
      filters: [],
      alreadyAppliedFilters: ['/FlateDecode'],
      additionalKeyValues: [{ key: 'Length1', value: file.text.length }],
    });
    out('endobj');
    const cmap = newObject();
    putStream({ data: toUnicodeCmap(metadata.toUnicode), addLength1: true, objectId: cmap });
    out('endobj');
    const name = pdfName(font.fontName);
    const descriptor = newObject();
    out('<<');
    out('/Type /FontDescriptor');
    out(`/FontName /${name}`);
    out(`/FontFile2 ${fontTable} 0 R`);
    out(`/FontBBox ${PDFObject.convert(metadata.bbox)}`);
    out(`/Flags ${metadata.flags}`);
    out(`/StemV ${metadata.stemV}`);
    out(`/ItalicAngle ${metadata.italicAngle}`);
    out(`/Ascent ${metadata.ascender}`);
    out(`/Descent ${metadata.decender}`);
    out(`/CapHeight ${metadata.capHeight}`);
    out('>>');
    out('endobj');
    const descendant = newObject();
    out('<<');
    out('/Type /Font');
    out(`/BaseFont /${name}`);
    out(`/FontDescriptor ${descriptor} 0 R`);
    out(`/W ${PDFObject.convert(metadata.Unicode.widths)}`);
    out('/CIDToGIDMap /Identity');
    out('/DW 1000');
    out('/Subtype /CIDFontType2');
    out('/CIDSystemInfo');
    out('<<');
    out('/Supplement 0');
    out('/Registry (Adobe)');
    out(`/Ordering (${font.encoding})`);
    out('>>');
    out('>>');
    out('endobj');
    font.objectNumber = newObject();
    out('<<');
    out('/Type /Font');
    out('/Subtype /Type0');
    out(`/ToUnicode ${cmap} 0 R`);
    out(`/BaseFont /${name}`);
    out(`/Encoding /${font.encoding}`);
    out(`/DescendantFonts [${descendant} 0 R]`);
    out('>>');
    out('endobj');
    font.isAlreadyPutted = true;
  });
}

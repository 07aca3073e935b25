/**
 * Flipchart sheets as drawing operations: pure layout, no jsPDF. A sheet is a
 * title and blocks of text; the layout wraps every line to the page, continues
 * on a new page when one is full, mirrors the page for right-to-left languages,
 * and scales the lettering to the paper so an A1 sheet reads from across a room.
 */
export type PaperName = 'A1' | 'A3' | 'A4';
export const PAPER: Record<PaperName, { widthMm: number; heightMm: number }> = {
  A1: { widthMm: 594, heightMm: 841 },
  A3: { widthMm: 297, heightMm: 420 },
  A4: { widthMm: 210, heightMm: 297 },
};

export type Colour = 'ink' | 'muted' | 'band' | 'paper' | 'red' | 'yellow' | 'green' | 'rule';

export type SheetBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** A line about the sheet in another direction than the sheet's (an Arabic note on English content). */
  | { kind: 'note'; text: string; direction: 'ltr' | 'rtl' }
  | { kind: 'bullets'; items: readonly string[]; numbered?: boolean; marker?: string }
  /**
   * Items marked by severity: the colour is drawn beside a text that opens with the
   * colour's name ("Red: serious: …", from `sheets.marked`), never colour alone.
   */
  | { kind: 'marked'; items: readonly { text: string; mark: 'red' | 'yellow' | 'green' }[] }
  | { kind: 'rows'; rows: readonly (readonly [string, string])[] }
  /** A ruled table in smaller type; the header repeats on every page it spans. */
  | {
      kind: 'table';
      columns: readonly string[];
      widths?: readonly number[];
      rows: readonly (readonly string[])[];
      /** Each row at least this many lines tall: room to write by hand in a blank table. */
      rowLines?: number;
    }
  /** Ruled blank lines to write on, after an optional label ("Reason:"). */
  | { kind: 'lines'; label?: string; count: number }
  /**
   * A stretch of the year line: one column per month, the line across the middle,
   * filling the rest of the page, so sheets hung side by side make the whole year.
   */
  | { kind: 'months'; labels: readonly string[] };

export type Sheet = {
  title: string;
  subtitle?: string;
  blocks: readonly SheetBlock[];
  direction: 'ltr' | 'rtl';
  /** Printed at the foot of every page: the sources, their licence, the kit's own marks. */
  credit?: string;
  /** A sheet that should stay one sheet (results): lettering shrinks, to 70% at most, to fit. */
  fit?: boolean;
  /**
   * A sheet for the wall with room to spare: lettering grows, up to 160%, as long
   * as the sheet stays one page, so a short sheet reads from across the room.
   */
  grow?: boolean;
  /**
   * Each heading with what follows it, up to the next heading, on one page: a
   * section that does not fit what is left starts the next page (a case's
   * situation with its options and reason lines). A section taller than a page flows on.
   */
  keepSections?: boolean;
};

/** A card to cut out: a coloured band (never colour alone: its label is written), text, lines to fill. */
export type CutCard = {
  mark?: 'red' | 'yellow' | 'green';
  heading: string;
  text?: string;
  /** Labels of blank lines to fill in ("Month:"); an empty label is a plain writing line. */
  fields: readonly string[];
};

/** A page of cards to cut out, columns x rows to a page, with cut lines between them. */
export type CardSheet = {
  kind: 'cards';
  title: string;
  direction: 'ltr' | 'rtl';
  columns: number;
  rows: number;
  cards: readonly CutCard[];
  credit?: string;
};

export type DrawOp =
  | { op: 'rect'; page: number; x: number; y: number; w: number; h: number; colour: Colour }
  | { op: 'rule'; page: number; x1: number; y1: number; x2: number; y2: number; colour: Colour }
  | {
      op: 'text';
      page: number;
      /** The line's anchor: its left end, or its right end when align is 'right'. */
      x: number;
      /** Baseline. */
      y: number;
      text: string;
      sizePt: number;
      align: 'left' | 'right';
      colour: Colour;
      /**
       * The line's own direction, when it is not the one its alignment implies: a page
       * number at the right of a left-to-right sheet is still a left-to-right line.
       */
      rtl?: boolean;
    };

/** The width of a text in millimetres at a font size in points. */
export type Measure = (text: string, sizePt: number) => number;

/** Anything the renderer prints: a flowing sheet or a page of cards to cut out. */
export type PrintSheet = Sheet | CardSheet;

export type Layout = { paper: { widthMm: number; heightMm: number }; pages: number; ops: DrawOp[] };

const PT_MM = 0.3528;

/** Lettering scaled to the paper: 44 pt body text on A1, about 16 pt on A4. */
export function typeScale(widthMm: number) {
  const body = Math.round((widthMm / 594) * 44 * 10) / 10;
  return { title: body * 1.7, heading: body * 1.25, body, footer: body * 0.6 };
}

/**
 * Greedy word wrap; a word longer than the line is cut so nothing runs off the
 * page. No-break spaces (U+00A0, U+202F: French "Source : …") hold their words together.
 */
export function wrapText(
  text: string,
  widthMm: number,
  sizePt: number,
  measure: Measure,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[^\S\u00a0\u202f]+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, sizePt) <= widthMm) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (measure(rest, sizePt) > widthMm) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut), sizePt) > widthMm) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

type Footer = (page: number, pages: number) => string;
const pageNumber: Footer = (page, pages) => `${page} / ${pages}`;

/** Lettering sizes tried, largest first, for a sheet that should stay on one page. */
const FIT_SCALES = [1, 0.9, 0.8, 0.7] as const;
/** Lettering sizes tried, largest first, for a wall sheet with room to spare. */
const GROW_SCALES = [1.6, 1.45, 1.3, 1.15] as const;

export function layoutSheet(
  sheet: Sheet,
  paper: { widthMm: number; heightMm: number },
  measure: Measure,
  footer: Footer = pageNumber,
): Layout {
  const at = (scale: number): Layout => {
    const { pages, ops } = layoutAtScale(sheet, paper, measure, footer, scale);
    return { paper, pages, ops };
  };
  if (sheet.grow) {
    for (const scale of GROW_SCALES) {
      const layout = at(scale);
      if (layout.pages === 1) return layout;
    }
  }
  if (!sheet.fit) return at(1);
  for (const scale of FIT_SCALES) {
    const layout = at(scale);
    if (layout.pages === 1) return layout;
  }
  return at(1); // too long for one page: full size
}

/**
 * The credit's lines at the foot of the page, above the page number, every one
 * of them: an attribution cut short ("…") no longer names its source or licence,
 * which CC BY-SA asks for. The page's content area gives way to it.
 */
function creditLines(credit: string | undefined, width: number, sizePt: number, measure: Measure) {
  if (!credit) return [];
  return wrapText(credit, width, sizePt, measure);
}

/**
 * The title in the band at the top of every page, on one line: smaller when it
 * is long, down to body size, and only then cut, with "…" (never a bracket or a
 * number silently dropped, "(sheet 3 of").
 */
export function bandTitle(
  title: string,
  widthMm: number,
  sizePt: number,
  minSizePt: number,
  measure: Measure,
): { text: string; sizePt: number } {
  let size = sizePt;
  while (measure(title, size) > widthMm && size * 0.95 >= minSizePt) size *= 0.95;
  if (measure(title, size) <= widthMm) return { text: title, sizePt: size };
  const words = title.split(' ');
  while (words.length > 1 && measure(`${words.join(' ')} …`, size) > widthMm) words.pop();
  return { text: `${wrapText(words.join(' '), widthMm, size, measure)[0] ?? ''} …`, sizePt: size };
}

function layoutAtScale(
  sheet: Sheet,
  paper: { widthMm: number; heightMm: number },
  measure: Measure,
  footer: Footer,
  scale: number,
  /** Only measuring a section's height: no page breaks of its own to keep. */
  measuring = false,
): Layout & { endY: number } {
  const full = typeScale(paper.widthMm);
  const size = {
    // A grown sheet's title grows less: it already stands out, and a long one would take three lines.
    title: full.title * Math.min(scale, 1.2),
    heading: full.heading * scale,
    body: full.body * scale,
    footer: full.footer,
  };
  const margin = paper.widthMm * 0.07;
  const rtl = sheet.direction === 'rtl';
  const start = rtl ? paper.widthMm - margin : margin;
  const contentWidth = paper.widthMm - 2 * margin;
  const credit = creditLines(sheet.credit, contentWidth * 0.85, size.footer * 0.85, measure);
  const footerLine = size.footer * PT_MM * 1.3;
  const bottom = paper.heightMm - margin - size.footer * PT_MM * 2 - credit.length * footerLine;
  const ops: DrawOp[] = [];
  let page = 0;
  let y = 0;

  const line = (sizePt: number) => sizePt * PT_MM * 1.35;
  /** x of a text anchored `indent` mm in from the start edge. */
  const at = (indent: number) => (rtl ? start - indent : start + indent);
  const align = rtl ? 'right' : 'left';

  const bandHeight = line(full.title) * 1.6;
  const band = bandTitle(sheet.title, contentWidth, full.title * 0.8, full.body * 0.8, measure);
  const newPage = () => {
    page += 1;
    ops.push({ op: 'rect', page, x: 0, y: 0, w: paper.widthMm, h: bandHeight, colour: 'band' });
    ops.push({
      op: 'text',
      page,
      x: at(0),
      y: bandHeight * 0.66,
      text: band.text,
      sizePt: band.sizePt,
      align,
      colour: 'paper',
    });
    y = bandHeight + line(size.body);
  };
  const ruleAcross = (at: number) =>
    ops.push({
      op: 'rule',
      page,
      x1: margin,
      y1: at,
      x2: paper.widthMm - margin,
      y2: at,
      colour: 'rule',
    });
  const ensure = (height: number) => {
    if (y + height > bottom) newPage();
  };
  const write = (text: string, sizePt: number, indent: number, colour: Colour) => {
    for (const wrapped of wrapText(text, contentWidth - indent, sizePt, measure)) {
      ensure(line(sizePt));
      y += line(sizePt);
      ops.push({ op: 'text', page, x: at(indent), y, text: wrapped, sizePt, align, colour });
    }
  };

  /** How tall a run of blocks is, laid out alone at this scale on an endless page. */
  const heightOf = (blocks: readonly SheetBlock[]) => {
    const endless = { widthMm: paper.widthMm, heightMm: 100_000 };
    const probe = (of: readonly SheetBlock[]) =>
      layoutAtScale(
        { ...sheet, subtitle: undefined, credit: undefined, blocks: of },
        endless,
        measure,
        footer,
        scale,
        true,
      ).endY;
    return probe(blocks) - probe([]);
  };
  const contentTop = bandHeight + line(size.body);

  newPage();
  write(sheet.title, size.title, 0, 'ink');
  if (sheet.subtitle) write(sheet.subtitle, size.body * 0.85, 0, 'muted');
  sheet.blocks.forEach((block, index) => {
    y += line(size.body) * 0.5;
    // Not the first block: a page with only its title on it helps no one.
    if (block.kind === 'heading' && sheet.keepSections && !measuring && index > 0) {
      const next = sheet.blocks.findIndex((b, i) => i > index && b.kind === 'heading');
      const section = sheet.blocks.slice(index, next === -1 ? undefined : next);
      const height = heightOf(section) - line(size.body) * 0.5;
      if (y + height > bottom && contentTop + height <= bottom) newPage();
    }
    if (block.kind === 'heading') {
      ensure(line(size.heading) * 2.5); // never a heading alone at the foot of a page
      write(block.text, size.heading, 0, 'ink');
      ruleAcross(y + 2);
      y += 3;
    }
    if (block.kind === 'paragraph') write(block.text, size.body, 0, 'ink');
    if (block.kind === 'note') {
      const own = block.direction === 'rtl';
      for (const wrapped of wrapText(block.text, contentWidth, size.body * 0.85, measure)) {
        ensure(line(size.body));
        y += line(size.body);
        ops.push({
          op: 'text',
          page,
          x: own ? paper.widthMm - margin : margin,
          y,
          text: wrapped,
          sizePt: size.body * 0.85,
          align: own ? 'right' : 'left',
          colour: 'muted',
        });
      }
    }
    if (block.kind === 'bullets') {
      block.items.forEach((item, index) => {
        const marker = block.numbered ? `${index + 1}.` : (block.marker ?? '•');
        ensure(line(size.body));
        ops.push({
          op: 'text',
          page,
          x: at(0),
          y: y + line(size.body),
          text: marker,
          sizePt: size.body,
          align,
          colour: 'ink',
        });
        write(item, size.body, size.body * PT_MM * 1.6, 'ink');
      });
    }
    if (block.kind === 'marked') {
      for (const item of block.items) {
        const box = size.body * PT_MM * 0.9;
        ensure(line(size.body));
        const top = y + line(size.body) - box;
        ops.push({
          op: 'rect',
          page,
          x: rtl ? start - box : start,
          y: top,
          w: box,
          h: box,
          colour: item.mark,
        });
        write(item.text, size.body, box * 1.6, 'ink');
      }
    }
    if (block.kind === 'rows') {
      // As wide as the longest label (a clock range, a count), within a fifth and 45% of the line.
      const widest = Math.max(...block.rows.map(([label]) => measure(label, size.body)));
      const labelWidth = Math.min(contentWidth * 0.45, Math.max(contentWidth * 0.2, widest + 6));
      for (const [label, value] of block.rows) {
        const labelLines = wrapText(label, labelWidth - 3, size.body, measure);
        const valueLines = wrapText(value, contentWidth - labelWidth, size.body, measure);
        const count = Math.max(labelLines.length, valueLines.length);
        if (y + count * line(size.body) > bottom) newPage();
        if (y + count * line(size.body) > bottom) {
          // Taller than a page: label, then the value flowing over as many pages as it needs.
          write(label, size.body, 0, 'muted');
          write(value, size.body, 0, 'ink');
          continue;
        }
        const top = y + line(size.body);
        const put = (text: string, index: number, indent: number, colour: Colour) =>
          ops.push({
            op: 'text',
            page,
            x: at(indent),
            y: top + index * line(size.body),
            text,
            sizePt: size.body,
            align,
            colour,
          });
        labelLines.forEach((text, i) => put(text, i, 0, 'muted'));
        valueLines.forEach((text, i) => put(text, i, labelWidth, 'ink'));
        y = top + (count - 1) * line(size.body) + line(size.body) * 0.3;
        ruleAcross(y);
      }
    }
    if (block.kind === 'lines') {
      if (block.label) write(block.label, size.body, 0, 'muted');
      for (let i = 0; i < block.count; i += 1) {
        ensure(line(size.body) * 1.4);
        y += line(size.body) * 1.4;
        ruleAcross(y);
      }
    }
    if (block.kind === 'months') {
      const count = Math.max(1, block.labels.length);
      const top = y + line(size.heading) * 0.5;
      const height = bottom - top;
      const width = contentWidth / count;
      block.labels.forEach((label, i) => {
        const left = rtl ? start - (i + 1) * width : start + i * width;
        ops.push({ op: 'rule', page, x1: left, y1: top, x2: left, y2: bottom, colour: 'rule' });
        ops.push({
          op: 'text',
          page,
          x: rtl ? left + width - 2 : left + 2,
          y: top + line(size.heading),
          text: wrapText(label, width - 4, size.heading, measure)[0] ?? '',
          sizePt: size.heading,
          align,
          colour: 'ink',
        });
      });
      const end = rtl ? start - contentWidth : start + contentWidth;
      ops.push({ op: 'rule', page, x1: end, y1: top, x2: end, y2: bottom, colour: 'rule' });
      ops.push({
        op: 'rect',
        page,
        x: margin,
        y: top + height / 2 - 1,
        w: contentWidth,
        h: 2,
        colour: 'ink',
      });
      y = bottom;
    }
    if (block.kind === 'table') {
      const sizePt = size.body * 0.6;
      const pad = sizePt * PT_MM * 0.4;
      const weights = block.widths ?? block.columns.map(() => 1);
      const total = weights.reduce((sum, w) => sum + w, 0);
      // Each column at least as wide as its longest word, so no word is cut ("Responsabilidad|es").
      const longest = block.columns.map((header, column) =>
        Math.max(
          ...[header, ...block.rows.map((row) => row[column] ?? '')].flatMap((text) =>
            text.split(/\s+/).map((word) => measure(word, sizePt)),
          ),
        ),
      );
      const widths = columnWidths(
        weights.map((w) => (w / total) * contentWidth),
        longest.map((w) => w + pad * 2 + 0.5),
      );
      const lefts = widths.map((_, i) => widths.slice(0, i).reduce((sum, w) => sum + w, 0));
      const cellX = (column: number) =>
        rtl ? start - (lefts[column] ?? 0) - pad : start + (lefts[column] ?? 0) + pad;
      const drawRow = (cells: string[][], header: boolean) => {
        const count = Math.max(1, ...cells.map((lines) => lines.length));
        const height = count * line(sizePt) + pad * 2;
        if (header)
          ops.push({ op: 'rect', page, x: margin, y, w: contentWidth, h: height, colour: 'band' });
        cells.forEach((lines, column) =>
          lines.forEach((text, i) =>
            ops.push({
              op: 'text',
              page,
              x: cellX(column),
              y: y + pad + (i + 1) * line(sizePt) - line(sizePt) * 0.25,
              text,
              sizePt,
              align,
              colour: header ? 'paper' : 'ink',
            }),
          ),
        );
        // Lines between the columns, so a table printed blank can be filled in by hand.
        for (const left of lefts.slice(1)) {
          const x = rtl ? start - left : start + left;
          ops.push({ op: 'rule', page, x1: x, y1: y, x2: x, y2: y + height, colour: 'rule' });
        }
        y += height;
        ruleAcross(y);
      };
      const wrapRow = (row: readonly string[]) =>
        widths.map((w, column) => wrapText(row[column] ?? '', w - pad * 2, sizePt, measure));
      const header = wrapRow(block.columns);
      const headerHeight = Math.max(...header.map((l) => l.length)) * line(sizePt) + pad * 2;
      ensure(headerHeight + line(sizePt) * 2);
      drawRow(header, true);
      const pageTop = () => line(size.title) * 1.6 + line(size.body) + headerHeight;
      for (const row of block.rows) {
        let cells = wrapRow(row).map((lines, column) =>
          column === 0 && lines.length < (block.rowLines ?? 1)
            ? [...lines, ...Array<string>((block.rowLines ?? 1) - lines.length).fill('')]
            : lines,
        );
        const rowHeight = Math.max(1, ...cells.map((l) => l.length)) * line(sizePt) + pad * 2;
        // A row that does not fit what is left starts the next page, under the header again.
        if (y + rowHeight > bottom && pageTop() + rowHeight <= bottom) {
          newPage();
          drawRow(header, true);
        }
        // Only a row taller than a whole page goes on in pieces, the header on each page.
        while (cells.some((lines) => lines.length > 0)) {
          const room = Math.floor((bottom - y - pad * 2) / line(sizePt));
          const needed = Math.max(...cells.map((lines) => lines.length));
          if (room < Math.min(needed, 2)) {
            newPage();
            drawRow(header, true);
            continue;
          }
          const take = Math.min(room, needed);
          drawRow(
            cells.map((lines) => lines.slice(0, take)),
            false,
          );
          cells = cells.map((lines) => lines.slice(take));
        }
      }
    }
  });
  const pages = page;
  for (let p = 1; p <= pages; p += 1) {
    ops.push({
      op: 'text',
      page: p,
      x: rtl ? margin : paper.widthMm - margin,
      y: paper.heightMm - margin / 2,
      text: footer(p, pages),
      sizePt: size.footer,
      align: rtl ? 'left' : 'right',
      colour: 'muted',
      rtl,
    });
    credit.forEach((text, i) =>
      ops.push({
        op: 'text',
        page: p,
        x: start,
        y: paper.heightMm - margin / 2 - (credit.length - 1 - i) * footerLine,
        text,
        sizePt: size.footer * 0.85,
        align,
        colour: 'muted',
      }),
    );
  }
  return { paper, pages, ops, endY: y };
}

/**
 * Column widths from their shares of the line, widened to what each needs
 * (its longest word) by narrowing the columns with room to spare, in
 * proportion to that room. When the line cannot hold every column's longest
 * word, the shares stand and the longest words are cut.
 */
export function columnWidths(shares: readonly number[], needs: readonly number[]): number[] {
  const short = shares.reduce((sum, w, i) => sum + Math.max(0, (needs[i] ?? 0) - w), 0);
  const spare = shares.reduce((sum, w, i) => sum + Math.max(0, w - (needs[i] ?? 0)), 0);
  if (short === 0 || spare < short) return [...shares];
  return shares.map((w, i) => {
    const need = needs[i] ?? 0;
    return w < need ? need : w - ((w - need) / spare) * short;
  });
}

/**
 * An A1 layout cut into A4 tiles for an ordinary printer: each tile is a window
 * on the big page, with cut marks at its corners. Tiles overlap by the margin
 * that printers cannot print.
 */
export function tileLayout(layout: Layout, tile = PAPER.A4, overlapMm = 10): Layout {
  const stepX = tile.widthMm - overlapMm;
  const stepY = tile.heightMm - overlapMm;
  const columns = Math.ceil((layout.paper.widthMm - overlapMm) / stepX);
  const rows = Math.ceil((layout.paper.heightMm - overlapMm) / stepY);
  const ops: DrawOp[] = [];
  let page = 0;
  for (let source = 1; source <= layout.pages; source += 1) {
    for (let row = 0; row < rows; row += 1) {
      for (let column = 0; column < columns; column += 1) {
        page += 1;
        const dx = column * stepX;
        const dy = row * stepY;
        for (const op of layout.ops) {
          if (op.page !== source) continue;
          if (op.op === 'rule')
            ops.push({
              ...op,
              page,
              x1: op.x1 - dx,
              x2: op.x2 - dx,
              y1: op.y1 - dy,
              y2: op.y2 - dy,
            });
          else ops.push({ ...op, page, x: op.x - dx, y: op.y - dy });
        }
        ops.push(...cutMarks(page, tile, overlapMm / 2));
      }
    }
  }
  return { paper: tile, pages: page, ops };
}

function cutMarks(
  page: number,
  tile: { widthMm: number; heightMm: number },
  inset: number,
): DrawOp[] {
  const marks: DrawOp[] = [];
  const len = 4;
  for (const x of [inset, tile.widthMm - inset]) {
    for (const y of [inset, tile.heightMm - inset]) {
      marks.push({ op: 'rule', page, x1: x - len, y1: y, x2: x + len, y2: y, colour: 'muted' });
      marks.push({ op: 'rule', page, x1: x, y1: y - len, x2: x, y2: y + len, colour: 'muted' });
    }
  }
  return marks;
}

/** A card's text size, as a share of the cards' heading size, largest first. */
const CARD_TEXT_SCALES = [1.3, 1.15, 1, 0.9, 0.8, 0.7, 0.6, 0.5] as const;

/**
 * Cards to cut out, columns x rows to a page: each with its colour band and the
 * colour's name, its heading, its text, and labelled lines to fill in by hand.
 * Cut lines run between the cards; the credit sits under the grid.
 */
export function layoutCards(
  sheet: CardSheet,
  paper: { widthMm: number; heightMm: number },
  measure: Measure,
  footer: Footer = pageNumber,
): Layout {
  const size = typeScale(paper.widthMm);
  const margin = paper.widthMm * 0.05;
  const rtl = sheet.direction === 'rtl';
  const align = rtl ? 'right' : 'left';
  const contentWidth = paper.widthMm - 2 * margin;
  const credit = creditLines(sheet.credit, contentWidth * 0.85, size.footer * 0.85, measure);
  const footerLine = size.footer * PT_MM * 1.3;
  const gridTop = margin + size.heading * PT_MM * 1.6;
  const gridBottom = paper.heightMm - margin - size.footer * PT_MM * 2 - credit.length * footerLine;
  const cardWidth = contentWidth / sheet.columns;
  const cardHeight = (gridBottom - gridTop) / sheet.rows;
  const perPage = sheet.columns * sheet.rows;
  const pages = Math.max(1, Math.ceil(sheet.cards.length / perPage));
  const ops: DrawOp[] = [];
  const body = size.body * 0.9;
  const line = (sizePt: number) => sizePt * PT_MM * 1.35;
  const pad = cardWidth * 0.06;
  const small = body * 0.8;
  const band = line(body) * 1.3;
  const fieldsHeightOf = (card: CutCard) => card.fields.length * line(small) * 1.8;
  // The cards' text as large as the card lets it be, the same on every card of the sheet: a
  // role's brief fills its card instead of a corner of it, and a long one shrinks before it is cut.
  const fits = (sizePt: number) =>
    sheet.cards.every(
      (card) =>
        !card.text ||
        wrapText(card.text, cardWidth - 2 * pad, sizePt, measure).length * line(sizePt) <=
          cardHeight - band - line(body) * 0.4 - fieldsHeightOf(card) - pad,
    );
  const textSize = CARD_TEXT_SCALES.map((scale) => body * scale).find(fits) ?? body * 0.5;
  for (let page = 1; page <= pages; page += 1) {
    ops.push({
      op: 'text',
      page,
      x: rtl ? paper.widthMm - margin : margin,
      y: margin + size.heading * PT_MM,
      text: sheet.title,
      sizePt: size.heading,
      align,
      colour: 'ink',
    });
    // Cut lines: the grid's edges and the lines between cards.
    for (let c = 0; c <= sheet.columns; c += 1) {
      const x = margin + c * cardWidth;
      ops.push({ op: 'rule', page, x1: x, y1: gridTop, x2: x, y2: gridBottom, colour: 'muted' });
    }
    for (let r = 0; r <= sheet.rows; r += 1) {
      const y = gridTop + r * cardHeight;
      ops.push({
        op: 'rule',
        page,
        x1: margin,
        y1: y,
        x2: margin + contentWidth,
        y2: y,
        colour: 'muted',
      });
    }
    sheet.cards.slice((page - 1) * perPage, page * perPage).forEach((card, index) => {
      const column = index % sheet.columns;
      const row = Math.floor(index / sheet.columns);
      const left = rtl
        ? margin + (sheet.columns - 1 - column) * cardWidth
        : margin + column * cardWidth;
      const top = gridTop + row * cardHeight;
      const x = rtl ? left + cardWidth - pad : left + pad;
      const inner = cardWidth - 2 * pad;
      if (card.mark)
        ops.push({
          op: 'rect',
          page,
          x: left + 1,
          y: top + 1,
          w: cardWidth - 2,
          h: band,
          colour: card.mark,
        });
      let y = top + band * 0.75 + 1;
      ops.push({
        op: 'text',
        page,
        x,
        y,
        text: wrapText(card.heading, inner, body, measure)[0] ?? '',
        sizePt: body,
        align,
        colour: card.mark && card.mark !== 'yellow' ? 'paper' : 'ink',
      });
      y = top + band + line(body) * 0.4;
      for (const text of card.text ? wrapText(card.text, inner, textSize, measure) : []) {
        if (y + line(textSize) > top + cardHeight - fieldsHeightOf(card) - pad) break;
        y += line(textSize);
        ops.push({ op: 'text', page, x, y, text, sizePt: textSize, align, colour: 'ink' });
      }
      card.fields.forEach((label, i) => {
        const at = top + cardHeight - pad - (card.fields.length - 1 - i) * line(small) * 1.8;
        if (label)
          ops.push({
            op: 'text',
            page,
            x,
            y: at - 1,
            text: label,
            sizePt: small,
            align,
            colour: 'muted',
          });
        const labelWidth = label ? measure(label, small) + 2 : 0;
        const x1 = rtl ? left + pad : left + pad + labelWidth;
        const x2 = rtl ? left + cardWidth - pad - labelWidth : left + cardWidth - pad;
        ops.push({ op: 'rule', page, x1, y1: at, x2, y2: at, colour: 'rule' });
      });
    });
    ops.push({
      op: 'text',
      page,
      x: rtl ? margin : paper.widthMm - margin,
      y: paper.heightMm - margin / 2,
      text: footer(page, pages),
      sizePt: size.footer,
      align: rtl ? 'left' : 'right',
      colour: 'muted',
      rtl,
    });
    credit.forEach((text, i) =>
      ops.push({
        op: 'text',
        page,
        x: rtl ? paper.widthMm - margin : margin,
        y: paper.heightMm - margin / 2 - (credit.length - 1 - i) * footerLine,
        text,
        sizePt: size.footer * 0.85,
        align,
        colour: 'muted',
      }),
    );
  }
  return { paper, pages, ops };
}

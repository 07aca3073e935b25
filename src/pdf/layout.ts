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
  | { kind: 'bullets'; items: readonly string[]; numbered?: boolean }
  /** Items marked by severity: the colour is drawn and the word is written, never colour alone. */
  | {
      kind: 'marked';
      items: readonly { text: string; mark: 'red' | 'yellow' | 'green'; label: string }[];
    }
  | { kind: 'rows'; rows: readonly (readonly [string, string])[] }
  /** A ruled table in smaller type; the header repeats on every page it spans. */
  | {
      kind: 'table';
      columns: readonly string[];
      widths?: readonly number[];
      rows: readonly (readonly string[])[];
    };

export type Sheet = {
  title: string;
  subtitle?: string;
  blocks: readonly SheetBlock[];
  direction: 'ltr' | 'rtl';
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
    };

/** The width of a text in millimetres at a font size in points. */
export type Measure = (text: string, sizePt: number) => number;

export type Layout = { paper: { widthMm: number; heightMm: number }; pages: number; ops: DrawOp[] };

const PT_MM = 0.3528;

/** Lettering scaled to the paper: 44 pt body text on A1, about 16 pt on A4. */
export function typeScale(widthMm: number) {
  const body = Math.round((widthMm / 594) * 44 * 10) / 10;
  return { title: body * 1.7, heading: body * 1.25, body, footer: body * 0.6 };
}

/** Greedy word wrap; a word longer than the line is cut so nothing runs off the page. */
export function wrapText(
  text: string,
  widthMm: number,
  sizePt: number,
  measure: Measure,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
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

export function layoutSheet(
  sheet: Sheet,
  paper: { widthMm: number; heightMm: number },
  measure: Measure,
  footer: (page: number, pages: number) => string = (page, pages) => `${page} / ${pages}`,
): Layout {
  const size = typeScale(paper.widthMm);
  const margin = paper.widthMm * 0.07;
  const rtl = sheet.direction === 'rtl';
  const start = rtl ? paper.widthMm - margin : margin;
  const contentWidth = paper.widthMm - 2 * margin;
  const bottom = paper.heightMm - margin - size.footer * PT_MM * 2;
  const ops: DrawOp[] = [];
  let page = 0;
  let y = 0;

  const line = (sizePt: number) => sizePt * PT_MM * 1.35;
  /** x of a text anchored `indent` mm in from the start edge. */
  const at = (indent: number) => (rtl ? start - indent : start + indent);
  const align = rtl ? 'right' : 'left';

  const newPage = () => {
    page += 1;
    const bandHeight = line(size.title) * 1.6;
    ops.push({ op: 'rect', page, x: 0, y: 0, w: paper.widthMm, h: bandHeight, colour: 'band' });
    const titleLines = wrapText(sheet.title, contentWidth, size.title * 0.8, measure).slice(0, 1);
    ops.push({
      op: 'text',
      page,
      x: at(0),
      y: bandHeight * 0.66,
      text: titleLines[0] ?? '',
      sizePt: size.title * 0.8,
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

  newPage();
  write(sheet.title, size.title, 0, 'ink');
  if (sheet.subtitle) write(sheet.subtitle, size.body * 0.85, 0, 'muted');
  for (const block of sheet.blocks) {
    y += line(size.body) * 0.5;
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
        const marker = block.numbered ? `${index + 1}.` : '•';
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
        write(`${item.label}: ${item.text}`, size.body, box * 1.6, 'ink');
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
    if (block.kind === 'table') {
      const sizePt = size.body * 0.6;
      const pad = sizePt * PT_MM * 0.4;
      const weights = block.widths ?? block.columns.map(() => 1);
      const total = weights.reduce((sum, w) => sum + w, 0);
      const widths = weights.map((w) => (w / total) * contentWidth);
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
        y += height;
        ruleAcross(y);
      };
      const wrapRow = (row: readonly string[]) =>
        widths.map((w, column) => wrapText(row[column] ?? '', w - pad * 2, sizePt, measure));
      const header = wrapRow(block.columns);
      const headerHeight = Math.max(...header.map((l) => l.length)) * line(sizePt) + pad * 2;
      ensure(headerHeight + line(sizePt) * 2);
      drawRow(header, true);
      for (const row of block.rows) {
        let cells = wrapRow(row);
        // A row taller than what is left goes on in pieces, the header repeated on each page.
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
  }
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
    });
  }
  return { paper, pages, ops };
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

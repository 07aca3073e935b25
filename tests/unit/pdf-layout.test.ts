// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  PAPER,
  layoutSheet,
  tileLayout,
  typeScale,
  wrapText,
  type DrawOp,
} from '../../src/pdf/layout';

/** A monospace measure: each character is half its size in points, in mm. */
const measure = (text: string, sizePt: number) => text.length * sizePt * 0.2;
const texts = (ops: DrawOp[]) => ops.filter((op) => op.op === 'text');

describe('wrapping', () => {
  it('breaks between words and keeps every line within the width', () => {
    const lines = wrapText('one two three four five six seven', 20, 10, measure);
    expect(lines).toEqual(['one two', 'three four', 'five six', 'seven']); // 10 characters a line
    for (const line of lines) expect(measure(line, 10)).toBeLessThanOrEqual(20);
  });

  it('never breaks a line at a no-break space, and keeps it', () => {
    const lines = wrapText('Source\u202f: un manuel de protection', 20, 10, measure);
    expect(lines[0]).toBe('Source\u202f:');
    expect(lines.join(' ')).toBe('Source\u202f: un manuel de protection');
  });

  it('cuts a word longer than the line instead of letting it run off the page', () => {
    const lines = wrapText('x'.repeat(25), 20, 10, measure);
    expect(lines.join('')).toBe('x'.repeat(25));
    for (const line of lines) expect(measure(line, 10)).toBeLessThanOrEqual(20);
  });
});

describe('the credit line', () => {
  it('is printed whole however many lines it takes, never cut short with "…"', () => {
    const credit = Array.from(
      { length: 12 },
      (_, i) =>
        `Source ${i + 1}, its chapter. By its authors. Its publisher. Licence: CC BY-SA 4.0.`,
    ).join(' ');
    const layout = layoutSheet(
      { title: 'Plan', direction: 'ltr', credit, blocks: [{ kind: 'bullets', items: ['One'] }] },
      PAPER.A4,
      measure,
    );
    const written = texts(layout.ops).map((op) => (op.op === 'text' ? op.text : ''));
    expect(written.join(' ')).toContain(credit);
    expect(written.some((text) => text.includes('…'))).toBe(false);
  });
});

describe('a flipchart sheet', () => {
  const long = Array.from(
    { length: 60 },
    (_, i) => `Point number ${i + 1} that the group must remember`,
  );

  it('scales the lettering to the paper: marker size on A1, readable on A4', () => {
    expect(typeScale(PAPER.A1.widthMm).body).toBe(44);
    expect(typeScale(PAPER.A4.widthMm).body).toBeCloseTo(15.6, 1);
  });

  it('continues on new pages, each with the title band and a page number, and nothing below the margin', () => {
    const layout = layoutSheet(
      { title: 'Objectives', direction: 'ltr', blocks: [{ kind: 'bullets', items: long }] },
      PAPER.A4,
      measure,
    );
    expect(layout.pages).toBeGreaterThan(1);
    for (let page = 1; page <= layout.pages; page += 1) {
      const onPage = layout.ops.filter((op) => op.page === page);
      expect(onPage.some((op) => op.op === 'rect' && op.y === 0)).toBe(true);
      expect(
        texts(onPage).some((op) => op.op === 'text' && op.text === `${page} / ${layout.pages}`),
      ).toBe(true);
    }
    for (const op of texts(layout.ops)) {
      if (op.op !== 'text') continue;
      expect(op.y).toBeLessThan(PAPER.A4.heightMm);
      expect(op.x + measure(op.text, op.sizePt)).toBeLessThanOrEqual(PAPER.A4.widthMm);
    }
    const written = texts(layout.ops).map((op) => (op.op === 'text' ? op.text : ''));
    expect(written.filter((text) => text.startsWith('Point number')).length).toBeGreaterThanOrEqual(
      60,
    );
  });

  it('mirrors the page for a right-to-left language: text anchored at the right margin', () => {
    const sheet = {
      title: 'الأهداف',
      blocks: [{ kind: 'bullets' as const, items: ['تسجيل الحادث'] }],
    };
    const rtl = layoutSheet({ ...sheet, direction: 'rtl' }, PAPER.A4, measure);
    const ltr = layoutSheet({ ...sheet, direction: 'ltr' }, PAPER.A4, measure);
    const item = (ops: DrawOp[]) =>
      ops.find((op) => op.op === 'text' && op.text === 'تسجيل الحادث');
    expect(item(rtl.ops)).toMatchObject({ align: 'right' });
    expect(item(ltr.ops)).toMatchObject({ align: 'left' });
    const rtlItem = item(rtl.ops);
    const ltrItem = item(ltr.ops);
    if (rtlItem?.op !== 'text' || ltrItem?.op !== 'text') throw new Error('no item');
    expect(rtlItem.x).toBeCloseTo(PAPER.A4.widthMm - ltrItem.x, 5);
  });

  it('tiles an A1 sheet over A4 pages with cut marks', () => {
    const a1 = layoutSheet(
      { title: 'Wall', direction: 'ltr', blocks: [{ kind: 'paragraph', text: 'x' }] },
      PAPER.A1,
      measure,
    );
    const tiled = tileLayout(a1);
    expect(tiled.paper).toEqual(PAPER.A4);
    expect(tiled.pages).toBe(a1.pages * 9); // 3 × 3 A4 sheets per A1
    for (let page = 1; page <= tiled.pages; page += 1) {
      expect(
        tiled.ops.filter((op) => op.page === page && op.op === 'rule' && op.colour === 'muted'),
      ).toHaveLength(8);
    }
  });

  it('lays a table out in columns, repeats its header on every page and keeps every cell inside the page', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [
      `Measure ${i + 1} ${'word '.repeat(i % 7)}`,
      'Team',
      '$0',
    ]);
    const layout = layoutSheet(
      {
        title: 'Plan',
        direction: 'ltr',
        blocks: [
          {
            kind: 'table',
            columns: ['Security measures', 'Responsibilities', 'Costs'],
            widths: [3, 1, 1],
            rows,
          },
        ],
      },
      PAPER.A4,
      measure,
    );
    expect(layout.pages).toBeGreaterThan(1);
    for (let page = 1; page <= layout.pages; page += 1) {
      expect(
        layout.ops.some(
          (op) =>
            op.page === page && op.op === 'text' && op.text === 'Costs' && op.colour === 'paper',
        ),
      ).toBe(true);
    }
    const cells = layout.ops.filter((op) => op.op === 'text' && op.text.startsWith('Measure'));
    expect(cells).toHaveLength(40);
    for (const op of layout.ops) {
      if (op.op !== 'text') continue;
      expect(op.y).toBeLessThan(PAPER.A4.heightMm);
      expect(op.x + measure(op.text, op.sizePt)).toBeLessThanOrEqual(PAPER.A4.widthMm);
    }
  });
});

describe('a sheet whose content fell back to another language', () => {
  it('keeps the English content left to right and sets the Arabic note against the right edge', () => {
    const margin = PAPER.A4.widthMm * 0.07;
    const { ops } = layoutSheet(
      {
        title: 'Preparing a security plan',
        direction: 'ltr',
        blocks: [
          {
            kind: 'note',
            text: 'غير متوفر بعد باللغة العربية: يُعرض بالإنجليزية.',
            direction: 'rtl',
          },
          { kind: 'paragraph', text: 'A security plan is only useful if it is implemented.' },
        ],
      },
      PAPER.A4,
      measure,
    );
    const note = texts(ops).find((op) => op.text.startsWith('غير متوفر'));
    const body = texts(ops).find((op) => op.text.startsWith('A security plan'));
    expect(note).toMatchObject({ align: 'right', x: PAPER.A4.widthMm - margin, colour: 'muted' });
    expect(body).toMatchObject({ align: 'left', x: margin });
    expect(note && body && note.y < body.y).toBe(true);
  });
});

describe('sections kept on one page', () => {
  const section = (name: string, count: number) => [
    { kind: 'heading' as const, text: name },
    { kind: 'bullets' as const, items: Array.from({ length: count }, (_, i) => `${name} ${i}`) },
  ];
  const pageOf = (ops: DrawOp[], text: string) => texts(ops).find((op) => op.text === text)?.page;

  it('starts a section that does not fit what is left on the next page, whole', () => {
    const sheet = {
      title: 'Notes',
      direction: 'ltr' as const,
      keepSections: true,
      blocks: [...section('First', 20), ...section('Second', 20)],
    };
    const { ops } = layoutSheet(sheet, PAPER.A4, measure);
    expect(pageOf(ops, 'Second')).toBe(2);
    expect(pageOf(ops, 'Second 19')).toBe(2);
    // Without the setting the second section starts under the first and runs over.
    const plain = layoutSheet({ ...sheet, keepSections: false }, PAPER.A4, measure).ops;
    expect(pageOf(plain, 'Second')).toBe(1);
  });

  it('never leaves the first page with only its title', () => {
    // From a section that fits under the title to one taller than a page: some fit a page, not under the title.
    for (let count = 20; count <= 40; count += 1) {
      const sheet = {
        title: 'Notes',
        direction: 'ltr' as const,
        keepSections: true,
        blocks: section('Long', count),
      };
      const { ops } = layoutSheet(sheet, PAPER.A4, measure);
      expect({ count, page: pageOf(ops, 'Long') }).toEqual({ count, page: 1 });
    }
  });
});

// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { parsedFontCount } from '../../src/pdf/fontCache';
import type { Sheet } from '../../src/pdf/layout';
import { PAPER } from '../../src/pdf/layout';
import { renderSheets } from '../../src/pdf/render';
import { pdfFont } from '../support/pdfFont';

const out = mkdtempSync(join(tmpdir(), 'swk-font-cache-'));

const sheet = (title: string, text: string, direction: 'ltr' | 'rtl' = 'ltr'): Sheet => ({
  title,
  blocks: [{ kind: 'paragraph', text }],
  direction,
});

function textOf(bytes: ArrayBuffer, name: string): string {
  const file = join(out, `${name}.pdf`);
  writeFileSync(file, Buffer.from(bytes));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('the PDF font, parsed once per session', () => {
  it('parses DejaVu Sans once for many PDFs, each with its own text and characters', async () => {
    const first = await renderSheets([sheet('Plan', 'Lock the office door')], PAPER.A4, pdfFont);
    const parsedAfterFirst = parsedFontCount(jsPDF.API);
    const spanish = await renderSheets(
      [sheet('Plan de seguridad', '¿Quién guarda la llave? Ñandú, acción')],
      PAPER.A4,
      pdfFont,
    );
    const arabic = await renderSheets(
      [sheet('خطة الأمان', 'من يحتفظ بالمفتاح؟', 'rtl')],
      PAPER.A4,
      pdfFont,
    );
    const firstAgain = await renderSheets(
      [sheet('Plan', 'Lock the office door')],
      PAPER.A4,
      pdfFont,
    );

    expect(parsedAfterFirst).toBe(1);
    expect(parsedFontCount(jsPDF.API)).toBe(1);
    expect(textOf(first, 'first')).toContain('Lock the office door');
    expect(textOf(spanish, 'spanish')).toContain('¿Quién guarda la llave? Ñandú, acción');
    // pdftotext gives Arabic in its presentation forms, as drawn: NFKC brings back the letters.
    expect(textOf(arabic, 'arabic').normalize('NFKC')).toContain('بالمفتاح');
    // The characters of the Spanish and Arabic PDFs did not join the English one's font:
    // the same sheet gives a PDF of the same size (only its dates and id differ, not their length).
    expect(firstAgain.byteLength).toBe(first.byteLength);
    expect(textOf(firstAgain, 'again')).not.toMatch(/Quién|ñ/);
  });
});

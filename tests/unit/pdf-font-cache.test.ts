// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { encodedFontCount, parsedFontCount } from '../../src/pdf/fontCache';
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

function fontsOf(bytes: ArrayBuffer, name: string): string {
  const file = join(out, `${name}-fonts.pdf`);
  writeFileSync(file, Buffer.from(bytes));
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

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

  it('writes the font file once for the PDFs of a workshop in one script, each still readable', async () => {
    const before = encodedFontCount(jsPDF.API);
    const plan = await renderSheets(
      [sheet('Security plan', 'Who keeps the key? “Lock it” – always…')],
      PAPER.A1,
      pdfFont,
    );
    const afterOne = encodedFontCount(jsPDF.API);
    const spanish = await renderSheets(
      [sheet('Plan de seguridad', '¿Quién guarda la llave? Ñandú, acción')],
      PAPER.A1,
      pdfFont,
    );
    const french = await renderSheets(
      [sheet('Plan de sécurité', 'Qui garde la clé\u202F? « Toujours » !')],
      PAPER.A4,
      pdfFont,
    );
    const afterLatin = encodedFontCount(jsPDF.API);
    const arabic = await renderSheets(
      [sheet('خطة الأمان', 'من يحتفظ بالمفتاح؟', 'rtl')],
      PAPER.A4,
      pdfFont,
    );

    // English, Spanish and French share one file (Arabic glyphs make another).
    expect(afterOne - before).toBeLessThanOrEqual(1);
    expect(afterOne).toBeGreaterThan(0);
    expect(afterLatin).toBe(afterOne);
    expect(textOf(plan, 'plan')).toContain('Who keeps the key? “Lock it” – always…');
    expect(textOf(spanish, 'es')).toContain('¿Quién guarda la llave? Ñandú, acción');
    expect(textOf(french, 'fr')).toContain('Qui garde la clé');
    expect(textOf(arabic, 'ar').normalize('NFKC')).toContain('بالمفتاح');
    // The font is embedded with its map back to text in every one of them (pdffonts: emb, uni).
    for (const [bytes, name] of [
      [plan, 'plan'],
      [french, 'fr'],
      [arabic, 'ar'],
    ] as const) {
      expect(fontsOf(bytes, name)).toMatch(/CID TrueType\s+Identity-H\s+yes\s+no\s+yes/);
    }
  });
});

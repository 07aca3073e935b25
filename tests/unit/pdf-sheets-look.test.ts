// @vitest-environment node
/**
 * What was wrong when every sheet of the kit was looked at as a PNG (scripts/render-kit.ts),
 * each checked on the PDF as poppler reads it back (pdftotext -bbox: each word with its box,
 * in drawing order, left to right): the page number of an English page read "2 / 1", a long
 * title was cut in the band ("(sheet 3 of"), the role cards' text sat small in a corner of its
 * card, the wall sheets used a third of the flipchart, French lost its narrow space after a
 * severity's name, a case's situation ran over two pages, the plan table came three times in
 * the plan session's handouts, and a column header was cut mid-word ("Responsabilidad|es").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/content/readContentFiles';
import type { ContentLanguage } from '../../src/content/languages';
import type {
  QuizCase,
  RolePlayCase,
  Session,
  Template,
  TimelineCase,
} from '../../src/content/schema';
import { validateContent } from '../../src/content/validate';
import en from '../../src/i18n/locales/en.json';
import es from '../../src/i18n/locales/es.json';
import fr from '../../src/i18n/locales/fr.json';
import { withFrenchSpacing } from '../../src/pdf/frenchSpacing';
import {
  activityWallSheet,
  blankTemplateSheet,
  monthNames,
  quizCaseSheet,
  roleCardsSheet,
  yearLineSheets,
} from '../../src/pdf/handouts';
import { PAPER, type PrintSheet, type Sheet } from '../../src/pdf/layout';
import { renderSheets, type PaperChoice } from '../../src/pdf/render';
import { sessionHandouts } from '../../src/pdf/sessionKit';
import { pdfFont } from '../support/pdfFont';

const { library } = validateContent(readContentFiles(process.cwd()));
const out = mkdtempSync(join(tmpdir(), 'swk-look-'));

async function translator(lang: 'en' | 'es' | 'fr'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: lang,
    interpolation: { escapeValue: false },
    resources: { en: { translation: en }, es: { translation: es }, fr: { translation: fr } },
  });
  return instance.t;
}

function content<T>(kind: 'sessions' | 'cases' | 'templates', lang: ContentLanguage, id: string) {
  const entry = library[kind][lang].find((e) => e.data.id === id);
  if (!entry) throw new Error(`${kind}/${id} missing in ${lang}`);
  return entry.data as T;
}

type Word = { page: number; x: number; y: number; heightPt: number; text: string };

/** Renders the sheets, then reads each word back with its page, place and height. */
async function words(name: string, sheets: PrintSheet[], paper: PaperChoice): Promise<Word[]> {
  const file = join(out, `${name}.pdf`);
  writeFileSync(file, Buffer.from(await renderSheets(sheets, paper, pdfFont)));
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return xml
    .split('<page ')
    .slice(1)
    .flatMap((page, index) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        page: index + 1,
        x: Number(m[1]),
        y: Math.round(Number(m[2])),
        heightPt: Number(m[3]) - Number(m[2]),
        text: (m[4] ?? '')
          .replace(/&amp;/g, '&')
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'"),
      })),
    )
    .sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
}

/** Each line of a page, its words joined left to right. */
function lines(all: Word[], page: number): string[] {
  const on = all.filter((w) => w.page === page);
  return [...new Set(on.map((w) => w.y))].map((y) =>
    on
      .filter((w) => w.y === y)
      .map((w) => w.text)
      .join(' '),
  );
}

describe('the sheets as they look', () => {
  it('numbers the pages of a left-to-right sheet "1 / 2", "2 / 2", not "2 / 1"', async () => {
    const sheet: Sheet = {
      title: 'Two pages',
      direction: 'ltr',
      blocks: [{ kind: 'bullets', items: Array.from({ length: 40 }, (_, i) => `Item ${i}`) }],
    };
    const all = await words('page-numbers', [sheet], PAPER.A4);
    expect(Math.max(...all.map((w) => w.page))).toBe(2);
    expect(lines(all, 1)).toContain('1 / 2');
    expect(lines(all, 2)).toContain('2 / 2');
  });

  it('keeps a long title whole in the band at the top of the page, smaller when it must be', async () => {
    const t = await translator('en');
    const timeline = content<TimelineCase>('cases', 'en', 'own-incidents-timeline');
    const sheets = yearLineSheets(timeline, monthNames('en'), t, 'ltr');
    const all = await words('band-title', sheets, PAPER.A1);
    const title = sheets[2]?.title ?? '';
    expect(title).toBe('The year, September to December (sheet 3 of 3)');
    // The band's line (the first on the page) is the whole title, as is the heading under it.
    const third = lines(all, 3);
    expect(third[0]).toBe(title);
  });

  it("prints a role's brief as large as its card allows, not in a corner of it", async () => {
    const t = await translator('en');
    const play = content<RolePlayCase>('cases', 'en', 'role-play-followed');
    const all = await words('role-cards', [roleCardsSheet(play, t, 'ltr')], PAPER.A4);
    const witness = play.roles.find((r) => r.count === 'one');
    const [one, two] = witness?.brief.split(' ') ?? [];
    // The brief's opening two words, side by side on the card (not the same words in the credit).
    const opening = all.find((w, i) => w.text === one && all[i + 1]?.text === two);
    // Was four fifths of the card's heading ("Witness"), leaving two thirds of the card blank.
    const heading = all.find((w) => w.text === witness?.name.split(' ')[0]);
    expect((opening?.heightPt ?? 0) / (heading?.heightPt ?? 1)).toBeGreaterThan(0.95);
    // And still whole: the brief's last word is on the card.
    const last = witness?.brief.split(' ').at(-1)?.replace(/[.,]$/, '') ?? '';
    expect(all.some((w) => w.text.startsWith(last))).toBe(true);
  });

  it("letters an activity's wall sheet larger when it has the room, still on one flipchart", async () => {
    const t = await translator('en');
    const session = content<Session>('sessions', 'en', 'security-incidents');
    const item = session.agenda.find((i) => i.id === 'conclusion') ?? session.agenda.at(-1);
    if (!item) throw new Error('no agenda');
    const sheet = activityWallSheet(session, item, t, 'ltr');
    if (!sheet) throw new Error('no wall sheet');
    const grown = await words('grown', [sheet], PAPER.A1);
    const plain = await words('plain', [{ ...sheet, grow: false }], PAPER.A1);
    expect(Math.max(...grown.map((w) => w.page))).toBe(1);
    const first = (item.forParticipants[0] ?? '').split(' ')[0] ?? '';
    const height = (all: Word[]) => all.find((w) => w.text === first)?.heightPt ?? 0;
    // 44 pt body text on A1 before, a third of the flipchart used: now at least 1.3 times that.
    expect(height(grown) / height(plain)).toBeGreaterThanOrEqual(1.3);
  });

  it('gives French its narrow no-break space after the colour of a severity too', async () => {
    const t = await translator('fr');
    const timeline = content<TimelineCase>('cases', 'fr', 'own-incidents-timeline');
    const sheets = yearLineSheets(timeline, monthNames('fr'), t, 'ltr').map(withFrenchSpacing);
    const file = join(out, 'fr-year.pdf');
    writeFileSync(file, Buffer.from(await renderSheets(sheets.slice(0, 1), PAPER.A1, pdfFont)));
    // pdftotext gives the narrow space back as a plain one: a space before each colon.
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const red = timeline.severities.find((s) => s.id === 'red')?.meaning ?? '';
    expect(text).toContain(`Rouge : grave : ${red.split(' ')[0]}`);
    expect(text).not.toMatch(/grave: /);
  });

  it("keeps each of a case's situations, its options and its reason lines on one page", async () => {
    const t = await translator('en');
    const quiz = content<QuizCase>('cases', 'en', 'case-analysis-1');
    const all = await words('case-sheet', [quizCaseSheet(quiz, t, 'ltr')], PAPER.A4);
    for (const situation of quiz.situations) {
      const heading = all.find(
        (w, i) => w.text === situation.id && all[i - 1]?.text === 'Situation',
      );
      const lastWord = situation.text.split(' ').at(-1) ?? '';
      const ends = all.filter((w) => w.text === lastWord && w.page === heading?.page);
      expect({ situation: situation.id, endsOnItsPage: ends.length > 0 }).toEqual({
        situation: situation.id,
        endsOnItsPage: true,
      });
      const reasonLabels = all.filter((w) => w.page === heading?.page && w.text === 'chose');
      expect(reasonLabels.length).toBeGreaterThan(0);
    }
  });

  it("puts a template linked by several activities once in the session's handouts", async () => {
    const t = await translator('en');
    const session = content<Session>('sessions', 'en', 'security-plan');
    const linked = session.agenda.flatMap((i) => i.templates);
    expect(linked.filter((id) => id === 'security-plan-table').length).toBeGreaterThan(1);
    const titles = sessionHandouts(session, library, { t, language: 'en', direction: 'ltr' }).map(
      (s) => s.title,
    );
    expect(titles).toEqual([...new Set(titles)]);
  });

  it('never cuts a column header mid-word when the line has room for it', async () => {
    const t = await translator('es');
    const table = content<Template>('templates', 'es', 'security-plan-table');
    const all = await words('es-table', [blankTemplateSheet(table, t, 'ltr')], PAPER.A4);
    for (const column of table.columns)
      for (const word of column.label.split(' ')) expect(all.map((w) => w.text)).toContain(word);
  });
});

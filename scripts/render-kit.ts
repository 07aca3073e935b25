/**
 * Every sheet of the printable kit, in every content language, as PDFs and as
 * PNGs for a person to look at: the wall sheets on A1 (pdftoppm -r 20), the
 * handouts and the trainer's notes on A4 (-r 50), and the sheets the live tools
 * print (quiz results, the wall, the role-play record, the plan table, the run
 * sheet) from a small sample room. French gets the French spacing the export
 * gives it. Usage: npx tsx scripts/render-kit.ts [out-dir]  (default /tmp/shots-kit)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { readContentFiles } from '../src/content/readContentFiles';
import { LANGUAGES, type ContentLanguage } from '../src/content/languages';
import type { Case, Session, Template } from '../src/content/schema';
import { validateContent } from '../src/content/validate';
import ar from '../src/i18n/locales/ar.json';
import en from '../src/i18n/locales/en.json';
import es from '../src/i18n/locales/es.json';
import fr from '../src/i18n/locales/fr.json';
import { withFrenchSpacing } from '../src/pdf/frenchSpacing';
import { credited, monthNames } from '../src/pdf/handouts';
import { PAPER, type PrintSheet } from '../src/pdf/layout';
import { renderSheets, type PaperChoice } from '../src/pdf/render';
import { sessionHandouts, sessionNotes, sessionWallSheets } from '../src/pdf/sessionKit';
import {
  planTableSheet,
  quizResultsSheet,
  rolePlayRecordSheet,
  runSheet,
  wallSheet,
} from '../src/pdf/sheets';
import { pdfFont } from '../tests/support/pdfFont';

const out = process.argv[2] ?? '/tmp/shots-kit';
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'pdf'), { recursive: true });

const { library, errors } = validateContent(readContentFiles(process.cwd()));
if (errors.length > 0) throw new Error(errors.join('\n'));

async function translator(lang: ContentLanguage): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: lang,
    interpolation: { escapeValue: false },
    resources: {
      en: { translation: en },
      es: { translation: es },
      fr: { translation: fr },
      ar: { translation: ar },
    },
  });
  return instance.t;
}

const A1: PaperChoice = PAPER.A1;
const A4: PaperChoice = PAPER.A4;

async function print(name: string, sheets: PrintSheet[], paper: PaperChoice, lang: string) {
  if (sheets.length === 0) return;
  const typeset = lang === 'fr' ? sheets.map(withFrenchSpacing) : sheets;
  const bytes = await renderSheets(typeset, paper, pdfFont, (page, pages) => `${page} / ${pages}`);
  const file = join(out, 'pdf', `${name}.pdf`);
  writeFileSync(file, Buffer.from(bytes));
  const resolution = paper.widthMm > 300 ? '20' : '50';
  execFileSync('pdftoppm', ['-r', resolution, '-png', file, join(out, name)]);
  console.log(name, sheets.length, 'sheets');
}

function ofFormat<F extends Case['format']>(cases: readonly Case[], format: F) {
  return cases.find((c): c is Extract<Case, { format: F }> => c.format === format);
}

for (const lang of LANGUAGES) {
  const t = await translator(lang);
  const direction = lang === 'ar' ? 'rtl' : 'ltr';
  const options = { t, language: lang, direction } as const;
  const sessions: Session[] = library.sessions[lang].map((e) => e.data);
  for (const session of sessions) {
    const id = `${lang}-${session.id}`;
    await print(`${id}-wall-A1`, sessionWallSheets(session, library, options), A1, lang);
    await print(`${id}-handouts-A4`, sessionHandouts(session, library, options), A4, lang);
    await print(`${id}-notes-A4`, sessionNotes(session, options), A4, lang);
  }

  // The live tools' sheets, from a small sample room.
  const cases: Case[] = library.cases[lang].map((e) => e.data);
  const templates: Template[] = library.templates[lang].map((e) => e.data);
  const quiz = ofFormat(cases, 'quiz');
  const play = ofFormat(cases, 'roleplay');
  const timeline = ofFormat(cases, 'timeline');
  const live: PrintSheet[] = [];
  if (quiz)
    live.push(
      ...credited(
        [
          quizResultsSheet(
            quiz.title,
            quiz.situations.map((s, i) => ({
              situationId: s.id,
              answered: 4,
              agreement: i % 2 ? 1 : 0.5,
              divided: i % 2 === 0,
              tally: quiz.options.map((o, j) => ({
                option: o.key,
                count: i % 2 ? (j === 0 ? 4 : 0) : j < 2 ? 2 : 0,
                groupIds: [],
              })),
            })),
            (key) => quiz.options.find((o) => o.key === key)?.label ?? key,
            t,
            direction,
          ),
        ],
        t,
        quiz,
      ),
    );
  if (timeline) {
    const months = monthNames(lang);
    const year = new Date().getFullYear();
    const month = (i: number) => `${year}-${String(i + 1).padStart(2, '0')}`;
    const sample = sessions[0]?.keyMessages ?? [];
    const cards = sample.slice(0, 5).map((text, i) => ({
      id: `c${i}`,
      text,
      severity: (['red', 'yellow', 'green'] as const)[i % 3] ?? 'red',
      month: i === 4 ? null : month(i * 2),
      author: null,
      createdAt: i,
      hidden: false,
      note: i === 1 ? (sample[0] ?? null) : null,
    }));
    live.push(
      ...credited(
        [
          wallSheet(
            cards,
            {
              months: months.map((_, i) => month(i)),
              shown: new Set(['red', 'yellow', 'green'] as const),
            },
            {
              title: t('timeline.wallHeading'),
              month: (m) => months[Number(m.slice(5)) - 1] ?? m,
              notPlaced: t('timeline.notPlaced'),
            },
            t,
            direction,
            { links: [{ a: 'c0', b: 'c2' }], insights: sample.slice(0, 2) },
          ),
        ],
        t,
        timeline,
      ),
    );
  }
  if (play) live.push(...credited([rolePlayRecordSheet(play, null, t, direction)], t, play));
  const table = templates.find((tp) => tp.id === 'security-plan-table');
  if (table) live.push(...credited([planTableSheet(table, null, t, direction)], t, table));
  const incidents = sessions.find((s) => s.id === 'security-incidents');
  if (incidents) {
    let start = 9 * 60;
    const clock = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
    const rows = incidents.agenda.map((item) => {
      const from = start;
      start += item.minutes;
      return {
        clock: t('day.clockRange', { start: clock(from), end: clock(start) }),
        title: item.title,
        minutes: item.minutes,
        materials: item.materials,
        notes: [...item.points, ...item.tips],
      };
    });
    live.push(
      ...credited(
        [
          runSheet(
            incidents.title,
            '2026-12-02',
            rows,
            rows.flatMap((r) => r.materials),
            t,
            direction,
          ),
        ],
        t,
        incidents,
      ),
    );
  }
  await print(`${lang}-live-A1`, live, A1, lang);
  await print(`${lang}-live-A4`, live, A4, lang);
}

// @vitest-environment node
/**
 * The printable kit, as a trainer would check it: every wall sheet, handout and
 * trainer's sheet rendered in English, Spanish and Arabic, read back with
 * poppler (page count and size with pdfinfo, text with pdftotext), with the
 * credit line on every page and none of the facilitator's notes on what
 * participants see. Set SWK_PDF_DIR to keep the PDFs (to look at them).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/content/readContentFiles';
import type {
  Case,
  ContentLanguage,
  NarrativeCase,
  QuizCase,
  RolePlayCase,
  Session,
  Template,
  TimelineCase,
} from '../../src/content/schema';
import { validateContent } from '../../src/content/validate';
import ar from '../../src/i18n/locales/ar.json';
import en from '../../src/i18n/locales/en.json';
import es from '../../src/i18n/locales/es.json';
import {
  activityWallSheets,
  blankTemplateSheet,
  credited,
  facilitatorNotesSheets,
  incidentCardsSheet,
  monthNames,
  narrativeCaseSheet,
  quizCaseSheet,
  roleCardsSheet,
  takeAwaySheet,
  yearLineSheets,
} from '../../src/pdf/handouts';
import { PAPER, type PrintSheet } from '../../src/pdf/layout';
import { threeStepsSheet } from '../../src/pdf/sheets';
import { renderSheets, type PaperChoice } from '../../src/pdf/render';
import { pdfFont } from '../support/pdfFont';

const { library } = validateContent(readContentFiles(process.cwd()));
const out = process.env.SWK_PDF_DIR ?? mkdtempSync(join(tmpdir(), 'swk-kit-'));
mkdirSync(out, { recursive: true });
type Lang = 'en' | 'es' | 'ar';
const LANGS: readonly Lang[] = ['en', 'es', 'ar'];
const CREDIT: Record<Lang, string> = { en: 'Source:', es: 'Fuente:', ar: 'المصدر' };

async function translator(lang: Lang): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: lang,
    interpolation: { escapeValue: false }, // as in the app: nothing here is HTML
    resources: { en: { translation: en }, es: { translation: es }, ar: { translation: ar } },
  });
  return instance.t;
}

function content<T>(kind: 'sessions' | 'cases' | 'templates', lang: Lang, id: string): T {
  const contentLang: ContentLanguage = lang;
  const entry = [...library[kind][contentLang], ...library[kind].en].find((e) => e.data.id === id);
  if (!entry) throw new Error(`${kind}/${id} missing`);
  return entry.data as T;
}

const A1: PaperChoice = PAPER.A1;
const A4: PaperChoice = PAPER.A4;
const TILED: PaperChoice = { ...PAPER.A1, tiledA4: true };

/** Renders, then reads the PDF back: its pages' sizes in mm and each page's text. */
async function print(name: string, sheets: PrintSheet[], paper: PaperChoice) {
  const file = join(out, `${name}.pdf`);
  writeFileSync(file, Buffer.from(await renderSheets(sheets, paper, pdfFont)));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    .normalize('NFKC') // Arabic comes back as presentation forms
    .replace(/[\u200e\u200f\u202a-\u202e]/g, '');
  const pages = text.split('\f').slice(0, -1);
  return {
    file,
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    widthMm: Math.round(Number(size?.[1]) * 0.35278),
    heightMm: Math.round(Number(size?.[2]) * 0.35278),
    pageTexts: pages,
    flat: pages.join(' ').replace(/\s+/g, ' '),
    words: normalise(pages.join(' ')),
  };
}

/**
 * Letters and digits only, one space between words: pdftotext gives Arabic back
 * in visual runs, with the punctuation moved to the other end of each run.
 */
function normalise(text: string): string {
  // In Arabic, digits and Latin runs (an option's letter, a step's number) also move: keep the Arabic words.
  const other = /\p{Script=Arabic}/u.test(text)
    ? /[^\p{Script=Arabic}\p{M}]+/gu
    : /[^\p{L}\p{N}\p{M}]+/gu;
  return ` ${text.replace(other, ' ').trim()} `;
}

/** A text's first words, normalised, to find in a page's words. */
function opening(text: string | undefined, count = 5): string {
  return normalise(text ?? '')
    .trim()
    .split(' ')
    .slice(0, count)
    .join(' ');
}

/** Every word of an opening on the page (in Arabic, runs split by a Latin letter come back swapped). */
function expectWords(words: string, expected: string): void {
  for (const word of expected.split(' ')) expect(words).toContain(` ${word} `);
}

/** What only the facilitator should read: points, step details, tips, notes, model answers. */
function trainerTexts(sessions: Session[], cases: Case[]): string[] {
  const texts = [
    ...sessions.flatMap((s) =>
      s.agenda.flatMap((item) => [
        ...item.points,
        ...item.tips,
        ...item.steps.flatMap((step) => step.detail ?? []),
      ]),
    ),
    ...cases.flatMap((c) => {
      if (c.format === 'quiz')
        return [
          c.instructions,
          ...c.situations.flatMap((s) => Object.values(s.modelAnswers).map((a) => a.text)),
        ];
      if (c.format === 'narrative') return [c.facilitatorNote ?? '', c.lesson];
      if (c.format === 'timeline') return [...c.whenToUse, ...c.instructions, ...c.debrief];
      return [c.actions, c.careReminder, c.conclusion];
    }),
  ];
  // A distinctive opening of each, as pdftotext gives it back with lines joined.
  return texts.map((text) => opening(text, 7)).filter((words) => words.split(' ').length >= 7);
}

describe.each(LANGS)('the printable kit in %s', (lang) => {
  const incidents = content<Session>('sessions', lang, 'security-incidents');
  const planSession = content<Session>('sessions', lang, 'security-plan');
  const organisational = content<Session>('sessions', lang, 'organisational-plans-and-protocols');
  const sessions = [incidents, planSession, organisational];
  const quiz = content<QuizCase>('cases', lang, 'case-analysis-1');
  const story = content<NarrativeCase>('cases', lang, 'case-analysis-2');
  const play = content<RolePlayCase>('cases', lang, 'role-play-followed');
  const timeline = content<TimelineCase>('cases', lang, 'own-incidents-timeline');
  const templates = [
    'security-plan-table',
    'activity-security-plan',
    'organisational-plan-and-protocols',
  ].map((id) => content<Template>('templates', lang, id));
  const direction = lang === 'ar' ? 'rtl' : 'ltr';
  const hidden = trainerTexts(sessions, [quiz, story, play, timeline]);
  const expectCreditOnEveryPage = (pageTexts: string[]) => {
    for (const page of pageTexts) expect(page).toContain(CREDIT[lang]);
  };
  const expectNoTrainerText = (words: string) => {
    for (const opening of hidden) expect(words).not.toContain(` ${opening} `);
  };

  it('wall: each activity as participants read it, the three steps and the blank year line, on A1 and tiled over A4', async () => {
    const t = await translator(lang);
    const wall = [
      ...sessions.flatMap((s) => activityWallSheets(s, t, direction)),
      ...credited([threeStepsSheet(play, t, direction)], t, play),
      ...yearLineSheets(timeline, monthNames(lang), t, direction),
    ];
    const activities = sessions.flatMap((s) => s.agenda.filter((i) => i.kind === 'activity'));
    expect(wall).toHaveLength(activities.length + 1 + 3);
    const a1 = await print(`${lang}-wall-A1`, wall, A1);
    expect([a1.widthMm, a1.heightMm]).toEqual([594, 841]);
    expect(a1.pages).toBe(wall.length); // every wall sheet fits its flipchart
    for (const item of activities) expectWords(a1.words, opening(item.forParticipants[0]));
    expect(a1.flat).toContain(play.steps[0]?.title);
    for (const month of monthNames(lang)) expect(a1.flat).toContain(month);
    expectCreditOnEveryPage(a1.pageTexts);
    expectNoTrainerText(a1.words);
    const tiled = await print(`${lang}-wall-tiled`, wall.slice(0, 2), TILED);
    expect([tiled.widthMm, tiled.heightMm]).toEqual([210, 297]);
    expect(tiled.pages).toBe(2 * 9); // three A4 across, three down
  }, 60_000);

  it('hands: the case sheets, incident cards, role cards, blank templates and a take-away per session, on A4', async () => {
    const t = await translator(lang);
    const caseSheet = await print(
      `${lang}-case-sheets`,
      [quizCaseSheet(quiz, t, direction), narrativeCaseSheet(story, t, direction)],
      A4,
    );
    expect([caseSheet.widthMm, caseSheet.heightMm]).toEqual([210, 297]);
    for (const s of quiz.situations) {
      // Arabic reads back in visual order ("1.1 الموقف"): the number and the text are enough.
      expect(caseSheet.flat).toContain(lang === 'ar' ? s.id : t('case.situation', { id: s.id }));
      expectWords(caseSheet.words, opening(s.text));
    }
    for (const o of quiz.options) expectWords(caseSheet.words, opening(`${o.key} ${o.label}`, 3));
    expect(caseSheet.words).toContain(normalise(t('sheets.reason')));
    for (const day of story.days) expectWords(caseSheet.words, opening(day.text));
    expectWords(caseSheet.words, opening(story.questions[0]));
    expectCreditOnEveryPage(caseSheet.pageTexts);
    expectNoTrainerText(caseSheet.words);

    const cards = await print(
      `${lang}-incident-cards`,
      [incidentCardsSheet(timeline, t, direction)],
      A4,
    );
    expect(cards.pages).toBe(1); // six to a page
    const month = normalise(t('sheets.month')).trim();
    expect(cards.words.split(' ').filter((word) => word === month)).toHaveLength(6);
    for (const s of ['red', 'yellow', 'green'] as const) {
      // Each colour's name on two cards (Arabic reads back with the parts around ":" swapped).
      for (const part of t(`severity.${s}`).split(':')) {
        const word = new RegExp(`(?<!\\p{L})${part.trim()}(?!\\p{L})`, 'gu'); // "low" is not "Yellow"
        expect(cards.flat.match(word)).toHaveLength(2);
      }
    }
    expectCreditOnEveryPage(cards.pageTexts);

    const roles = await print(`${lang}-role-cards`, [roleCardsSheet(play, t, direction)], A4);
    expect(roles.pages).toBe(1);
    for (const role of play.roles) expect(roles.flat).toContain(role.name);
    expectCreditOnEveryPage(roles.pageTexts);
    expectNoTrainerText(roles.words);

    const blank = await print(
      `${lang}-templates`,
      templates.map((tp) => blankTemplateSheet(tp, t, direction)),
      A4,
    );
    expect(blank.pages).toBe(3);
    for (const tp of templates) expectWords(blank.words, opening(tp.columns[0]?.label, 2));
    expectCreditOnEveryPage(blank.pageTexts);
    expect(blank.flat).toContain('✱'); // the columns the kit added are marked, and the credit says so

    const takeAways = await print(
      `${lang}-take-aways`,
      sessions.map((s) => takeAwaySheet(s, s === incidents ? play : undefined, t, direction)),
      A4,
    );
    expect(takeAways.pages).toBe(3); // one page each
    for (const s of sessions) expectWords(takeAways.words, opening(s.afterwards[0]));
    expectCreditOnEveryPage(takeAways.pageTexts);
    expectNoTrainerText(takeAways.words);
  }, 60_000);

  it("trainer: the facilitator's notes per activity with tips and challenges, on A4 and A3", async () => {
    const t = await translator(lang);
    const notes = facilitatorNotesSheets(incidents, t, direction);
    for (const [name, paper, size] of [
      ['A4', A4, [210, 297]],
      ['A3', PAPER.A3, [297, 420]],
    ] as const) {
      const pdf = await print(`${lang}-notes-${name}`, notes, paper);
      expect([pdf.widthMm, pdf.heightMm]).toEqual(size);
      expect(pdf.pages).toBeGreaterThanOrEqual(notes.length);
      expectWords(pdf.words, opening(incidents.challenges[0]));
      const roleplay = incidents.agenda.find((i) => i.id === 'assess-and-react');
      expectWords(pdf.words, opening(roleplay?.tips[0]));
      expectWords(pdf.words, opening(roleplay?.steps[0]?.detail));
      expectCreditOnEveryPage(pdf.pageTexts);
    }
  }, 60_000);
});

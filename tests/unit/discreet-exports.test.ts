// @vitest-environment node
/**
 * Discreet mode on every export the console offers, built in Node exactly as
 * the console builds it: the interface's neutral words (withPlainWords), the
 * neutral library (discreetLibrary), each sheet's subtitle and the metadata
 * (discreetSheets, discreetMeta), the calendar's name and the file's name. Read
 * back through pdftotext and pdfinfo, each must say the neutral name and none
 * of the topic words, in the export's language and in English.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/content/readContentFiles';
import type {
  NarrativeCase,
  QuizCase,
  RolePlayCase,
  Session,
  Template,
  TimelineCase,
} from '../../src/content/schema';
import { validateContent, type ContentLibrary } from '../../src/content/validate';
import { topicWordsIn } from '../../src/domain/care';
import { planCalendar } from '../../src/domain/planCalendar';
import type { PlanMeasure } from '../../src/domain/planSchema';
import { formGroups, newQuizRun, summariseQuiz } from '../../src/domain/quiz';
import { emptyRegister, rolePlayRecord } from '../../src/domain/rolePlay';
import { emptyPlan, type SecurityPlan } from '../../src/domain/securityPlan';
import type { TimelineCard } from '../../src/domain/timeline';
import { discreetLibrary } from '../../src/features/care/discreetContent';
import { withPlainWords } from '../../src/features/care/discreetTexts';
import { calendarTexts } from '../../src/features/plan/calendarTexts';
import { registerCsv } from '../../src/features/timeline/registerCsv';
import ar from '../../src/i18n/locales/ar.json';
import en from '../../src/i18n/locales/en.json';
import es from '../../src/i18n/locales/es.json';
import fr from '../../src/i18n/locales/fr.json';
import { downloadName, setDiscreetName } from '../../src/lib/discreetName';
import { discreetMeta, discreetSheets } from '../../src/pdf/discreetPdf';
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
import { planFormat } from '../../src/pdf/planFormat';
import { planOutlineSheets } from '../../src/pdf/planSheets';
import { renderSheets } from '../../src/pdf/render';
import {
  activityKit,
  sessionHandouts,
  sessionNotes,
  sessionWallSheets,
} from '../../src/pdf/sessionKit';
import {
  incidentWallSheet,
  planTableSheet,
  quizResultsSheet,
  rolePlayRecordSheet,
  runSheet,
  sessionIntroSheet,
  threeStepsSheet,
  wallSheet,
} from '../../src/pdf/sheets';
import { pdfFont } from '../support/pdfFont';

const NAME = 'Team meeting';
const LANGUAGES = { en, es, fr, ar } as const;
type Language = keyof typeof LANGUAGES;

const { library: shipped } = validateContent(readContentFiles(process.cwd()));
const library: ContentLibrary = discreetLibrary(shipped);
const out = mkdtempSync(join(tmpdir(), 'swk-discreet-'));

/** A translator over the language's strings as discreet mode reads them. */
async function discreetTranslator(language: Language): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    resources: { [language]: { translation: withPlainWords(LANGUAGES[language]) } },
  });
  return instance.t;
}

const of = <T>(language: Language, kind: 'sessions' | 'cases' | 'templates', id: string): T => {
  const entry = library[kind][language].find((e) => e.data.id === id);
  if (!entry) throw new Error(`${kind}/${id} missing in ${language}`);
  return entry.data as T;
};

const card: TimelineCard = {
  id: 'card-1',
  text: 'Door left open at night',
  severity: 'yellow',
  month: '2026-03',
  author: null,
  createdAt: 1,
  note: 'Three times',
  hidden: false,
};

const measure = (over: Partial<PlanMeasure>): PlanMeasure => ({
  id: `measure-${over.text?.length ?? 0}`,
  threatId: 'threat-aaaa',
  vulnerabilityId: null,
  text: 'Buy an external disk',
  kind: 'preventive',
  responsibility: 'Finance officer',
  cost: 200,
  costNote: 'once',
  timetable: { kind: 'by', date: '2027-01-15' },
  source: 'typed',
  at: 1,
  ...over,
});

/** A plan as a room makes it, its title left empty (the default). */
const plan: SecurityPlan = {
  ...emptyPlan('2026-11-23'),
  threats: [
    {
      id: 'threat-aaaa',
      text: 'Break-in at the office',
      seriousness: 3,
      probability: 2,
      selected: true,
      groupId: null,
      objective: 'Fewer break-ins',
      source: 'typed',
      at: 1,
    },
  ],
  measures: [
    measure({}),
    measure({ text: 'Weekly copy', timetable: { kind: 'every', count: 1, unit: 'week' } }),
  ],
  activityPlans: [
    {
      id: 'activity-1',
      groupId: null,
      activity: 'Visits to the field',
      reviewed: '2026-11-23',
      responsible: 'Coordinator',
      risk: 'Being followed',
      rows: [],
      at: 1,
    },
  ],
};

/** Every PDF the console offers, by the button's name, as its sheets. */
function everyPdf(language: Language, t: TFunction): Record<string, PrintSheet[]> {
  const direction = language === 'ar' ? ('rtl' as const) : ('ltr' as const);
  const options = { t, language, direction };
  const sessions = shipped.sessions[language].map((e) =>
    of<Session>(language, 'sessions', e.data.id),
  );
  const quiz = of<QuizCase>(language, 'cases', 'case-analysis-1');
  const story = library.cases[language]
    .map((e) => e.data)
    .find((c): c is NarrativeCase => c.format === 'narrative');
  const play = of<RolePlayCase>(language, 'cases', 'role-play-followed');
  const timeline = of<TimelineCase>(language, 'cases', 'own-incidents-timeline');
  const templates = library.templates[language].map((e) => e.data as Template);
  const table = of<Template>(language, 'templates', 'security-plan-table');
  const groups = formGroups([], 2, () => `group-${Math.random()}`);
  const months = monthNames(language);
  const pdfs: Record<string, PrintSheet[]> = {
    'quiz results': credited(
      [
        quizResultsSheet(
          quiz.title,
          summariseQuiz(newQuizRun(quiz.id, ['1.1']), ['A', 'B', 'C'], [], groups),
          (key) => quiz.options.find((o) => o.key === key)?.label ?? key,
          t,
          direction,
        ),
      ],
      t,
      quiz,
    ),
    'quiz case sheet': [quizCaseSheet(quiz, t, direction)],
    'role-play record (case)': credited([rolePlayRecordSheet(play, null, t, direction)], t, play),
    'role-play record (room)': credited(
      [
        rolePlayRecordSheet(
          play,
          rolePlayRecord({ ...emptyRegister(), what: 'Followed, then a van' }, [], (p) => p),
          t,
          direction,
        ),
      ],
      t,
      play,
    ),
    'role cards': [roleCardsSheet(play, t, direction), threeStepsSheet(play, t, direction)],
    'incident cards': [incidentCardsSheet(timeline, t, direction)],
    'year line': yearLineSheets(timeline, months, t, direction),
    'wall (case)': credited(
      [
        wallSheet(
          [card],
          { months: ['2026-03'], shown: new Set(['red', 'yellow', 'green']) },
          {
            title: t('timeline.wallHeading'),
            month: () => months[2] ?? '',
            notPlaced: t('timeline.notPlaced'),
          },
          t,
          direction,
          {},
          [],
        ),
      ],
      t,
      timeline,
    ),
    'wall (room)': [
      incidentWallSheet(
        t('timeline.wallHeading'),
        [{ label: months[2] ?? '', cards: [card] }],
        t,
        direction,
        {
          links: [],
          insights: ['It all began in March'],
        },
      ),
    ],
    'run sheet': [
      runSheet(
        sessions.map((s) => s.title).join(' · '),
        '2026-11-23',
        (sessions[0]?.agenda ?? []).map((item) => ({
          clock: '09:00–09:10',
          title: item.title,
          minutes: item.minutes,
          materials: item.materials,
          notes: [...item.points, ...item.tips],
        })),
        [t('checklist.printCase', { title: quiz.title })],
        t,
        direction,
      ),
    ],
    'plan outline': credited(
      planOutlineSheets(plan, library, { ...options, format: planFormat(t, language, '€') }),
      t,
      table,
    ),
    'plan table': credited([planTableSheet(table, null, t, direction)], t, table),
    'blank templates': templates.map((template) => blankTemplateSheet(template, t, direction)),
  };
  if (story) pdfs['narrative case'] = [narrativeCaseSheet(story, t, direction)];
  for (const session of sessions) {
    pdfs[`flipcharts ${session.id}`] = [
      sessionIntroSheet(session, t, direction),
      ...sessionWallSheets(session, library, options),
      ...activityWallSheets(session, t, direction),
    ];
    pdfs[`handouts ${session.id}`] = [
      ...sessionHandouts(session, library, options),
      takeAwaySheet(session, play, t, direction),
    ];
    pdfs[`notes ${session.id}`] = [
      ...sessionNotes(session, options),
      ...facilitatorNotesSheets(session, t, direction),
    ];
    // Each activity's own three exports (its flipchart, handouts and notes), in one file per session.
    pdfs[`activities ${session.id}`] = session.agenda.flatMap((item) => {
      const kit = activityKit(session, item, library, options);
      return [...kit.wall, ...kit.handouts, ...kit.notes];
    });
  }
  return pdfs;
}

const read = (file: string) => ({
  text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
  info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
});

describe('discreet mode, every export', () => {
  for (const language of Object.keys(LANGUAGES) as Language[]) {
    it(`says "${NAME}" and no topic word in every PDF, the calendar and the register (${language})`, async () => {
      const t = await discreetTranslator(language);
      const leaks: string[] = [];
      for (const [name, sheets] of Object.entries(everyPdf(language, t))) {
        const bytes = await renderSheets(
          discreetSheets(sheets, NAME),
          PAPER.A4,
          pdfFont,
          (page, pages) => t('pdf.page', { page, pages }),
          discreetMeta(NAME),
        );
        const file = join(out, `${language}-${name.replace(/[^a-z0-9]+/gi, '-')}.pdf`);
        writeFileSync(file, Buffer.from(bytes));
        const { text, info } = read(file);
        for (const word of topicWordsIn(text, language)) leaks.push(`${name} (text): ${word}`);
        for (const word of topicWordsIn(info, language)) leaks.push(`${name} (info): ${word}`);
        expect(info, name).toMatch(new RegExp(`^Title:\\s+${NAME}$`, 'm'));
        expect(info, name).not.toMatch(/^Creator:\s+\S/m);
        if (sheets.some((sheet) => !('kind' in sheet))) expect(text, name).toContain(NAME);
      }

      setDiscreetName(NAME);
      try {
        const ics = planCalendar(plan, {
          now: new Date('2026-11-23T10:00:00Z'),
          newUid: () => 'uid@plan',
          texts: calendarTexts(t, planFormat(t, language, '€')),
        }).replace(/\r\n /g, '');
        expect(ics).toContain(`X-WR-CALNAME:${NAME}`);
        for (const word of topicWordsIn(ics, language)) leaks.push(`calendar: ${word}`);
        const csv = registerCsv(t, [card], []);
        expect(csv).toContain('Door left open at night');
        for (const word of topicWordsIn(csv, language)) leaks.push(`register: ${word}`);
        // Every file the console downloads: the room file, the plan file, each PDF, the calendar.
        for (const file of [
          'workshop-room-2026-11-23.json',
          'security-plan-2026-11-23.json',
          'incident-wall-own-incidents-timeline-ar-A4.pdf',
          'security-plan-es.ics',
        ]) {
          const named = downloadName(file, new Date('2026-11-23T10:00:00Z'));
          expect(named).toMatch(/^team-meeting-2026-11-23\.(json|pdf|ics)$/);
        }
      } finally {
        setDiscreetName(null);
      }
      expect(leaks).toEqual([]);
    }, 120_000);
  }
});

// @vitest-environment node
/**
 * Exports in the chosen language: the calendar, the register CSV and every PDF
 * made in Spanish contain none of the English texts the app could write into
 * them: the sentences the calendar used to write whatever the language, and
 * every English interface string (its longest literal stretch).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/content/readContentFiles';
import type { QuizCase, RolePlayCase, Session } from '../../src/content/schema';
import { validateContent } from '../../src/content/validate';
import { planCalendar } from '../../src/domain/planCalendar';
import type { PlanMeasure } from '../../src/domain/planSchema';
import { formGroups, newQuizRun, summariseQuiz } from '../../src/domain/quiz';
import { emptyPlan, type SecurityPlan } from '../../src/domain/securityPlan';
import { calendarTexts } from '../../src/features/plan/calendarTexts';
import { planFormat } from '../../src/pdf/planFormat';
import { registerCsv } from '../../src/features/timeline/registerCsv';
import en from '../../src/i18n/locales/en.json';
import es from '../../src/i18n/locales/es.json';
import { credited } from '../../src/pdf/handouts';
import type { PrintSheet } from '../../src/pdf/layout';
import { PAPER } from '../../src/pdf/layout';
import { planOutlineSheets } from '../../src/pdf/planSheets';
import { renderSheets } from '../../src/pdf/render';
import { sessionHandouts, sessionNotes, sessionWallSheets } from '../../src/pdf/sessionKit';
import {
  incidentWallSheet,
  quizResultsSheet,
  rolePlayRecordSheet,
  runSheet,
} from '../../src/pdf/sheets';
import { pdfFont } from '../support/pdfFont';
import { translator } from '../support/translator';

/** What the calendar wrote in English before it took its words from the locale. */
const FORMER_ENGLISH = [
  'Follow up the security plan',
  'Review the plan whenever the risks change',
  'Security plan follow-up',
  'Review the security plan for',
  'Person responsible',
  'Responsibility:',
  'Cost:',
  'Kind:',
  'Objective:',
  'Risk:',
];

/** Each English interface string's longest stretch between placeholders, where Spanish differs. */
function englishTexts(): string[] {
  const leaves = (value: unknown, path: string[] = []): [string, string][] =>
    typeof value === 'string'
      ? [[path.join('.'), value]]
      : Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
          leaves(v, [...path, k]),
        );
  const spanish = new Map(leaves(es));
  return leaves(en).flatMap(([key, text]) => {
    if (spanish.get(key) === text) return [];
    const longest = text
      .split(/\{\{[^}]*\}\}/)
      .map((part) => part.trim())
      .sort((a, b) => b.length - a.length)[0];
    // Short words ("Notas", "Plan") are shared by both languages; sentences are not.
    return longest && longest.length >= 14 && longest.includes(' ') ? [longest] : [];
  });
}

const { library } = validateContent(readContentFiles(process.cwd()));
const esData = <T>(kind: 'sessions' | 'cases', id: string) =>
  library[kind].es.find((e) => e.data.id === id)?.data as T;

const measure = (over: Partial<PlanMeasure>): PlanMeasure => ({
  id: `measure-${over.text?.length ?? 0}`,
  threatId: 'threat-aaaa',
  vulnerabilityId: null,
  text: 'Medida',
  kind: 'preventive',
  responsibility: 'Oficial de finanzas',
  cost: 200,
  costNote: 'una vez',
  timetable: null,
  source: 'typed',
  at: 1,
  ...over,
});

const plan: SecurityPlan = {
  ...emptyPlan('2026-11-23'),
  settings: { ...emptyPlan('2026-11-23').settings, title: 'Plan de seguridad', currency: '€' },
  threats: [
    {
      id: 'threat-aaaa',
      text: 'Robo en la oficina',
      seriousness: 3,
      probability: 2,
      selected: true,
      groupId: null,
      objective: 'Reducir la posibilidad de un robo',
      source: 'typed',
      at: 1,
    },
  ],
  measures: [
    measure({
      text: 'Comprar un disco duro externo',
      timetable: { kind: 'by', date: '2027-01-15' },
    }),
    measure({ text: 'Copia de seguridad', timetable: { kind: 'every', count: 1, unit: 'week' } }),
  ],
  activityPlans: [
    {
      id: 'activity-1',
      groupId: null,
      activity: 'Visitas a bares',
      reviewed: '2026-11-23',
      responsible: 'Coordinadora',
      risk: 'Agresión física',
      rows: [],
      at: 1,
    },
  ],
};

describe('exports in Spanish', () => {
  const english = [...FORMER_ENGLISH, ...englishTexts()];

  it('checks a long list of English texts', () => {
    expect(english.length).toBeGreaterThan(200);
  });

  it('the calendar, the register CSV and every PDF contain no English text', async () => {
    const t = await translator('es');
    const format = planFormat(t, 'es', '€');
    const ics = planCalendar(plan, {
      now: new Date('2026-11-23T10:00:00Z'),
      newUid: () => 'uid@plan',
      texts: calendarTexts(t, format),
    });
    const unfolded = ics.replace(/\r\n /g, '').replace(/\\,/g, ',').replace(/\\;/g, ';');
    expect(unfolded).toContain('Seguimiento del plan de seguridad: Plan de seguridad');
    expect(unfolded).toContain('Responsable: Oficial de finanzas');

    const card = {
      id: 'card-1',
      text: 'Llamadas sin respuesta',
      severity: 'yellow' as const,
      month: '2026-03',
      author: null,
      device: 'device-aaaa',
      createdAt: 1,
      reclassified: false,
      note: 'Tres veces',
      hidden: false,
    };
    const csv = registerCsv(t, [card], []);
    expect(csv.split('\n')[0]).toContain(t('timeline.csvIncident'));

    const sessions = [
      'security-incidents',
      'security-plan',
      'organisational-plans-and-protocols',
    ].map((id) => esData<Session>('sessions', id));
    const quiz = esData<QuizCase>('cases', 'case-analysis-1');
    const play = esData<RolePlayCase>('cases', 'role-play-followed');
    const options = { t, language: 'es', direction: 'ltr' as const };
    const groups = formGroups([], 2, () => `group-${Math.random()}`);
    const sheets: PrintSheet[] = [
      ...sessions.flatMap((s) => [
        ...sessionWallSheets(s, library, options),
        ...sessionHandouts(s, library, options),
        ...sessionNotes(s, options),
      ]),
      ...credited(
        [
          quizResultsSheet(
            quiz.title,
            summariseQuiz(newQuizRun(quiz.id, ['1.1']), ['A', 'B', 'C'], [], groups),
            (key) => key,
            t,
            'ltr',
          ),
        ],
        t,
        quiz,
      ),
      incidentWallSheet(t('timeline.wallHeading'), [{ label: 'marzo', cards: [card] }], t, 'ltr', {
        links: [],
        insights: ['Todo empezó en marzo'],
      }),
      rolePlayRecordSheet(play, null, t, 'ltr'),
      runSheet(
        sessions[0]?.title ?? '',
        '2026-11-23',
        [{ clock: '09:00–09:10', title: 'Introducción', minutes: 10, materials: [], notes: [] }],
        [],
        t,
        'ltr',
      ),
      ...planOutlineSheets(plan, library, { ...options, format }),
    ];
    const file = join(mkdtempSync(join(tmpdir(), 'swk-es-')), 'es.pdf');
    writeFileSync(file, Buffer.from(await renderSheets(sheets, PAPER.A4, pdfFont)));
    const pdf = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pdf).toContain('Fuente:');

    for (const [name, text] of [
      ['calendar', unfolded],
      ['CSV', csv],
      ['PDF', pdf],
    ] as const) {
      const found = english.filter((sentence) => text.includes(sentence));
      expect(found, `English in the Spanish ${name}`).toEqual([]);
    }
  }, 60_000);
});

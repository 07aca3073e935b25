/**
 * npm run bench, PDF part: the time to export every flipchart sheet of a full
 * workshop (three sessions, the run sheet, quiz results, a 60-card wall) and
 * the size of each PDF, on this machine, through the same jsPDF renderer.
 */
import { pdfFont } from '../support/pdfFont';
import i18next from 'i18next';
import { readContentFiles } from '../../src/content/readContentFiles';
import type { RolePlayCase, Template } from '../../src/content/schema';
import { validateContent } from '../../src/content/validate';
import { formGroups, newQuizRun, summariseQuiz } from '../../src/domain/quiz';
import en from '../../src/i18n/locales/en.json';
import { PAPER, type Sheet } from '../../src/pdf/layout';
import { renderSheets } from '../../src/pdf/render';
import {
  incidentWallSheet,
  quizResultsSheet,
  runSheet,
  sessionIntroSheet,
  threeStepsSheet,
  planTableSheet,
  rolePlayRecordSheet,
} from '../../src/pdf/sheets';
import { activityWallSheets } from '../../src/pdf/handouts';
import { record } from './results';

const font = pdfFont;
const { library } = validateContent(readContentFiles(process.cwd()));
const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { translation: en } } });
const t = i18n.t;

const sessions = library.sessions.en.map((s) => s.data);
const play = library.cases.en.find((c) => c.data.format === 'roleplay')?.data as RolePlayCase;
const groups = formGroups(
  [],
  6,
  (() => {
    let n = 0;
    return () => `bench-group-${++n}`;
  })(),
);
const answers = groups.map((g, i) => ({
  situationId: '1.1',
  groupId: g.id,
  option: 'ABC'[i % 3] ?? 'A',
  justification: '',
  at: 1,
}));
const months = Array.from({ length: 12 }, (_, m) => ({
  label: `2026-${String(m + 1).padStart(2, '0')}`,
  cards: Array.from({ length: 5 }, (_, c) => ({
    id: `card-${m}-${c}-bench`,
    text: `Incident ${m * 5 + c + 1}: someone photographed the office entrance from a parked car`,
    severity: (['red', 'yellow', 'green'] as const)[c % 3] ?? 'red',
    month: null,
    author: null,
    device: 'bench-device',
    createdAt: 1,
    reclassified: false,
    note: null,
    hidden: false,
  })),
}));

const exports: [string, Sheet[]][] = [
  ...sessions.map((s): [string, Sheet[]] => [
    `flipcharts-${s.id}`,
    [sessionIntroSheet(s, t, 'ltr'), ...activityWallSheets(s, t, 'ltr')],
  ]),
  ['three-steps', [threeStepsSheet(play, t, 'ltr')]],
  [
    'run-sheet',
    [
      runSheet(
        'A workshop day',
        '2026-11-23',
        sessions.flatMap((s) =>
          s.agenda.map((item) => ({
            clock: '09:00–09:10',
            title: item.title,
            minutes: item.minutes,
            materials: item.materials,
            notes: [...item.points, ...item.tips],
          })),
        ),
        sessions.flatMap((s) => s.agenda.flatMap((i) => i.materials)),
        t,
        'ltr',
      ),
    ],
  ],
  [
    'quiz-results',
    [
      quizResultsSheet(
        'Case analysis 1',
        summariseQuiz(
          newQuizRun('case-analysis-1', ['1.1', '1.2', '1.3', '1.4', '1.5']),
          ['A', 'B', 'C'],
          answers,
          groups,
        ),
        (k) => k,
        t,
        'ltr',
      ),
    ],
  ],
  [
    'plan-table',
    [
      planTableSheet(
        library.templates.en.find((e) => e.data.id === 'security-plan-table')?.data as Template,
        null,
        t,
        'ltr',
      ),
    ],
  ],
  ['role-play-record', [rolePlayRecordSheet(play, null, t, 'ltr')]],
  ['incident-wall-60-cards', [incidentWallSheet(t('wall.heading'), months, t, 'ltr')]],
];

console.log('PDF export of a full workshop (node, jsPDF, DejaVu Sans embedded)');
for (const [paperName, paper] of [
  ['A1', PAPER.A1],
  ['A4', PAPER.A4],
] as const) {
  const started = performance.now();
  const sizes: string[] = [];
  let largest = 0;
  for (const [name, sheets] of exports) {
    const bytes = await renderSheets(sheets, paper, font);
    largest = Math.max(largest, bytes.byteLength);
    sizes.push(`${name} ${(bytes.byteLength / 1024).toFixed(0)} KB`);
  }
  const ms = performance.now() - started;
  console.log(
    `  ${paperName}: all ${exports.length} PDFs in ${ms.toFixed(0)} ms (target under 2000); largest ${(largest / 1024).toFixed(0)} KB (target under 1024)`,
  );
  console.log(`    ${sizes.join(', ')}`);
  if (paperName === 'A1') {
    record('pdf_full_workshop_ms', ms);
    record('pdf_max_size_kb', largest / 1024);
  }
}

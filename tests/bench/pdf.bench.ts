/**
 * npm run bench, PDF part: the time to export every flipchart sheet of a full
 * workshop (three sessions, the run sheet, quiz results, a 60-card wall) and
 * the size of each PDF, on this machine, through the same jsPDF renderer,
 * beside jsPDF drawing the same text with no layout step, in interleaved pairs.
 */
import { pdfFont } from '../support/pdfFont';
import i18next from 'i18next';
import { readContentFiles } from '../../src/content/readContentFiles';
import type { RolePlayCase, Template } from '../../src/content/schema';
import { validateContent } from '../../src/content/validate';
import { formGroups, newQuizRun, summariseQuiz } from '../../src/domain/quiz';
import en from '../../src/i18n/locales/en.json';
import { PAPER, layoutSheet, type Layout, type Sheet } from '../../src/pdf/layout';
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
import { ROUNDS, figure, guarded, interleaved, record, recordPairs } from './results';

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

/**
 * The baseline: jsPDF drawing the same lines of text, one page per page of
 * ours, with no layout step (the lines and their places come from our layout,
 * computed before the clock starts) and no bidi options: the floor for
 * drawing this text with this font.
 */
async function plainTexts(paper: { widthMm: number; heightMm: number }): Promise<Layout[][]> {
  const { jsPDF } = await import('jspdf');
  const probe = new jsPDF({ unit: 'mm', format: [paper.widthMm, paper.heightMm] });
  probe.addFileToVFS(font.fileName, font.base64);
  probe.addFont(font.fileName, 'F', 'normal');
  probe.setFont('F', 'normal');
  const measure = (text: string, sizePt: number) => {
    probe.setFontSize(sizePt);
    return probe.getTextWidth(text);
  };
  return exports.map(([, sheets]) => sheets.map((sheet) => layoutSheet(sheet, paper, measure)));
}

/** One PDF per export, as ours: its sheets' pages one after the other. */
async function drawPlain(exported: Layout[][], paper: { widthMm: number; heightMm: number }) {
  const { jsPDF } = await import('jspdf');
  let largest = 0;
  for (const layouts of exported) {
    const doc = new jsPDF({
      unit: 'mm',
      format: [paper.widthMm, paper.heightMm],
      orientation: paper.widthMm > paper.heightMm ? 'landscape' : 'portrait',
      compress: true,
      putOnlyUsedFonts: true,
    });
    doc.addFileToVFS(font.fileName, font.base64);
    doc.addFont(font.fileName, 'F', 'normal');
    doc.setFont('F', 'normal');
    let first = true;
    for (const layout of layouts) {
      for (let page = 1; page <= layout.pages; page += 1) {
        if (!first) doc.addPage([paper.widthMm, paper.heightMm]);
        first = false;
        for (const op of layout.ops) {
          if (op.op !== 'text' || op.page !== page) continue;
          doc.setFontSize(op.sizePt);
          doc.text(op.text, op.x, op.y);
        }
      }
    }
    largest = Math.max(largest, doc.output('arraybuffer').byteLength);
  }
  return largest;
}

async function ours(paper: { widthMm: number; heightMm: number }, sizes?: string[]) {
  let largest = 0;
  for (const [name, sheets] of exports) {
    const bytes = await renderSheets(sheets, paper, font);
    largest = Math.max(largest, bytes.byteLength);
    sizes?.push(`${name} ${(bytes.byteLength / 1024).toFixed(0)} KB`);
  }
  return largest;
}

const timed = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

/** Wall time and this process's CPU time (every thread of it): the CPU time moves less with the machine's load. */
const timedWithCpu = async (run: () => Promise<unknown>) => {
  const cpu = process.cpuUsage();
  const ms = await timed(run);
  const used = process.cpuUsage(cpu);
  return { ms, cpu_ms: (used.user + used.system) / 1000 };
};

console.log(
  `PDF export of a full workshop (node, jsPDF, DejaVu Sans embedded), ${exports.length} PDFs, ${ROUNDS} interleaved pairs:`,
);
const sizes: string[] = [];
const largest = await ours(PAPER.A1, sizes); // also warms jsPDF and the font up for both
console.log(`    A1: ${sizes.join(', ')}`);
const layouts = await plainTexts(PAPER.A1);
await drawPlain(layouts, PAPER.A1);
const pdf = figure('pdf_full_workshop_ms');
await guarded('PDF', [pdf.key, 'pdf_full_workshop_cpu_ms'], async () => {
  const { a1, plain } = await interleaved(ROUNDS, {
    a1: () => timedWithCpu(() => ours(PAPER.A1)),
    plain: () => timedWithCpu(() => drawPlain(layouts, PAPER.A1)),
  });
  recordPairs(pdf, a1.ms ?? [], plain.ms ?? []);
  recordPairs(figure('pdf_full_workshop_cpu_ms'), a1.cpu_ms ?? [], plain.cpu_ms ?? []);
});
record('pdf_max_size_kb', largest / 1024);
const a4 = await timed(() => ours(PAPER.A4));
console.log(`    A4: all ${exports.length} PDFs in ${a4.toFixed(0)} ms (once, for comparison)`);

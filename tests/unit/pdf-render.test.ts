// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfFont } from '../support/pdfFont';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/content/readContentFiles';
import type { ContentLanguage, RolePlayCase, Session, Template } from '../../src/content/schema';
import { validateContent } from '../../src/content/validate';
import { formGroups, newQuizRun, summariseQuiz } from '../../src/domain/quiz';
import ar from '../../src/i18n/locales/ar.json';
import en from '../../src/i18n/locales/en.json';
import es from '../../src/i18n/locales/es.json';
import type { Sheet } from '../../src/pdf/layout';
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

const font = pdfFont;
const { library } = validateContent(readContentFiles(process.cwd()));
const out = mkdtempSync(join(tmpdir(), 'swk-pdf-'));

async function translator(lang: string): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: lang,
    resources: { en: { translation: en }, es: { translation: es }, ar: { translation: ar } },
  });
  return instance.t;
}

function contentIn<T>(kind: 'sessions' | 'cases', lang: ContentLanguage, id: string): T {
  const entry =
    library[kind][lang].find((e) => e.data.id === id) ??
    library[kind].en.find((e) => e.data.id === id);
  if (!entry) throw new Error(`${id} missing`);
  return entry.data as T;
}

/** Every sheet type, in one language. */
async function everySheet(lang: 'en' | 'es' | 'ar'): Promise<Sheet[]> {
  const t = await translator(lang);
  const contentLang: ContentLanguage = lang === 'ar' ? 'en' : lang;
  const direction = lang === 'ar' ? 'rtl' : 'ltr';
  const incidents = contentIn<Session>('sessions', contentLang, 'security-incidents');
  const plan = contentIn<Session>('sessions', contentLang, 'security-plan');
  const play = contentIn<RolePlayCase>('cases', contentLang, 'role-play-followed');
  const groups = formGroups(
    [],
    3,
    (() => {
      let n = 0;
      return () => `group-${++n}-id`;
    })(),
  );
  const answers = [
    { situationId: '1.1', groupId: groups[0]?.id ?? '', option: 'A', justification: '', at: 1 },
    { situationId: '1.1', groupId: groups[1]?.id ?? '', option: 'C', justification: '', at: 1 },
  ];
  const summary = summariseQuiz(
    newQuizRun('case-analysis-1', ['1.1', '1.2']),
    ['A', 'B', 'C'],
    answers,
    groups,
  );
  const card = (text: string, severity: 'red' | 'yellow' | 'green') => ({
    id: `card-${text.length}-${severity}`,
    text,
    severity,
    month: '2026-03',
    author: 'Should never be printed',
    device: 'device-aaaa',
    createdAt: 1,
    reclassified: false,
    note: null,
    hidden: false,
  });
  return [
    sessionIntroSheet(incidents, t, direction),
    ...activityWallSheets(plan, t, direction),
    threeStepsSheet(play, t, direction),
    runSheet(
      incidents.title,
      '2026-11-23',
      [
        {
          clock: '09:00–09:10',
          title: incidents.agenda[0]?.title ?? '',
          minutes: 10,
          materials: [],
          notes: incidents.agenda[0]?.points ?? [],
        },
      ],
      ['Flipchart'],
      t,
      direction,
    ),
    quizResultsSheet('Case analysis 1', summary, (key) => `option ${key}`, t, direction),
    planTableSheet(
      (
        library.templates[contentLang].find((e) => e.data.id === 'security-plan-table') ??
        library.templates.en.find((e) => e.data.id === 'security-plan-table')
      )?.data as Template,
      null,
      t,
      direction,
    ),
    rolePlayRecordSheet(play, null, t, direction),
    incidentWallSheet(
      t('wall.heading'),
      [
        {
          label: '2026-03',
          cards: [card('Office door photographed', 'red'), card('Silent calls', 'yellow')],
        },
      ],
      t,
      direction,
    ),
  ];
}

function pdfText(file: string): string {
  // Arabic comes back as shaped presentation forms with bidi marks: NFKC gives the letters back.
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .normalize('NFKC')
    .replace(/[\u200e\u200f\u202a-\u202e]/g, '');
}

describe('flipchart PDFs, rendered and read back with poppler', () => {
  beforeAll(() => {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  });

  it.each([
    ['en', en.session.learningObjectives],
    ['es', es.session.learningObjectives],
    ['ar', ar.session.learningObjectives],
  ] as const)(
    'renders every sheet type in %s on A4, A1 and A1 tiled over A4',
    async (lang, objectives) => {
      const sheets = await everySheet(lang);
      for (const [name, paper] of [
        ['a4', { widthMm: 210, heightMm: 297 }],
        ['a1', { widthMm: 594, heightMm: 841 }],
        ['tiled', { widthMm: 594, heightMm: 841, tiledA4: true }],
      ] as const) {
        const file = join(out, `${lang}-${name}.pdf`);
        writeFileSync(file, Buffer.from(await renderSheets(sheets, paper, font)));
        const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        const pageSize = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
        const expectedMm = name === 'a1' ? [594, 841] : [210, 297];
        expect(Number(pageSize?.[1]) * 0.3528).toBeCloseTo(expectedMm[0] ?? 0, -1);
        expect(Number(pageSize?.[2]) * 0.3528).toBeCloseTo(expectedMm[1] ?? 0, -1);
        expect(info).not.toMatch(/Author:\s+\S/);
        const text = pdfText(file);
        if (name !== 'tiled') {
          expect(text).toContain(objectives);
          expect(text).toContain('Office door photographed');
          expect(text).toMatch(/\$200|200 \$/); // the plan table's worked example, cost column
        }
        expect(text).not.toContain('Should never be printed');
      }
      const a4 = join(out, `${lang}-a4.pdf`);
      execFileSync('pdftoppm', ['-r', '20', '-png', a4, join(out, `${lang}-page`)]);
      const pages = readdirSync(out).filter((f) => f.startsWith(`${lang}-page`));
      expect(pages.length).toBeGreaterThanOrEqual(sheets.length);
    },
    60_000,
  );
});

describe('right-to-left lines in a PDF', () => {
  /** Words of the page as poppler places them, left to right, with their glyphs in drawing order. */
  function wordsByX(file: string): { x: number; y: number; text: string }[] {
    const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)]
      .map((m) => ({ x: Number(m[1]), y: Math.round(Number(m[2])), text: m[3] ?? '' }))
      .sort((a, b) => a.y - b.y || a.x - b.x);
  }

  it('ends an Arabic line at its left with the full stop, and turns the brackets round', async () => {
    const file = join(out, 'ar-brackets.pdf');
    const sheet: Sheet = {
      title: 'خطة',
      direction: 'rtl',
      blocks: [{ kind: 'paragraph', text: 'الخطة (ممارسة مستمرة).' }],
    };
    writeFileSync(
      file,
      Buffer.from(await renderSheets([sheet], { widthMm: 210, heightMm: 297 }, font)),
    );
    const words = wordsByX(file);
    const lineOf = (y: number) => words.filter((w) => w.y === y);
    const paragraph = lineOf(words.find((w) => w.text.includes('.'))?.y ?? -1);
    expect(paragraph.length).toBe(3);
    // Drawn left to right: ".(" and "مستمرة", then "ممارسة" and ")", then "الخطة" at the right.
    expect(paragraph[0]?.text.startsWith('.(')).toBe(true);
    expect(paragraph[1]?.text.endsWith(')')).toBe(true);
    expect(paragraph[2]?.text).not.toMatch(/[().]/);
  });
});

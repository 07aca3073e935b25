import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { findCase, findSession } from '../../src/content/library';
import type { ContentLibrary } from '../../src/content/validate';
import * as agendaRun from '../../src/domain/agendaRun';
import { formGroups } from '../../src/domain/groups';
import { newQuizRun } from '../../src/domain/quiz';
import { newDaySettings, planForSettings } from '../../src/domain/workshopDay';
import { ContentOriginProvider, FallbackNote } from '../../src/features/common/ContentText';
import { preloadContentLibrary } from '../../src/features/common/useContentLibrary';
import { RunSheetExport } from '../../src/features/day/RunSheetExport';
import { dayModel } from '../../src/features/day/dayModel';
import { PlanOutline } from '../../src/features/plan/PlanOutline';
import { ProjectorRun } from '../../src/features/projector/ProjectorRun';
import { QuizConsole } from '../../src/features/quiz/QuizConsole';
import { RoomProvider } from '../../src/features/room/RoomContext';
import { ProjectorSlides } from '../../src/features/slides/ProjectorSlides';
import { WallPdfButton } from '../../src/features/timeline/WallPdfButton';
import { switchLanguage } from '../../src/i18n/setup';
import ar from '../../src/i18n/locales/ar.json';
import { newGroupId, setGroups } from '../../src/sync/groups/groupOperations';
import { planStore } from '../../src/sync/plan/planStore';
import { writeQuizRun } from '../../src/sync/quiz/quizOperations';
import type { AgendaState } from '../../src/sync/roomSchema';
import { pdfFont } from '../support/pdfFont';
import { renderWithI18n } from './render';

const downloads = vi.hoisted(() => [] as Blob[]);
vi.mock('../../src/lib/download', () => ({
  download: (blob: Blob) => downloads.push(blob),
}));
// The font as the tests read it from node_modules: jsdom fetches no files.
vi.mock('../../src/pdf/font', () => ({ loadPdfFont: async () => pdfFont }));

const ARABIC_NOTE = 'غير متوفر بعد باللغة العربية: يُعرض بالإنجليزية.';

/** The library while the Arabic translation of every session, case and template is missing. */
function withoutArabic(library: ContentLibrary): ContentLibrary {
  return {
    sessions: { ...library.sessions, ar: [] },
    cases: { ...library.cases, ar: [] },
    templates: { ...library.templates, ar: [] },
  };
}

async function inArabic(ui: ReactElement) {
  const view = await renderWithI18n(ui);
  await act(() => switchLanguage('ar'));
  return view;
}

function runningDay(): AgendaState {
  const settings = newDaySettings(['security-incidents'], new Date());
  return {
    settings,
    run: { ...agendaRun.NEW_RUN, status: 'running', startedAt: Date.now() },
    updatedAt: Date.now(),
  };
}

/** Arabic letters only, one space between words: pdftotext gives presentation forms, in visual runs. */
function arabicOnly(text: string): string {
  return ` ${text
    .normalize('NFKC')
    .replace(/[^\p{Script=Arabic}\p{M}]+/gu, ' ')
    .trim()} `;
}

/** A sentence's runs between punctuation, each of which pdftotext keeps whole. */
function arabicPhrases(text: string): string[] {
  return text
    .split(/[^\p{Script=Arabic}\p{M} ]+/u)
    .map((phrase) => phrase.trim())
    .filter(Boolean)
    .map(arabicOnly);
}

/** Clicks the export button and reads the PDF it downloads back as text. */
async function pdfText(button: string): Promise<string> {
  const before = downloads.length;
  fireEvent.click(await screen.findByRole('button', { name: button }));
  await waitFor(() => expect(downloads.length).toBe(before + 1), { timeout: 15_000 });
  const blob = downloads.at(-1);
  if (!blob) throw new Error('no download');
  const file = join(mkdtempSync(join(tmpdir(), 'swk-fallback-')), 'sheet.pdf');
  writeFileSync(file, new Uint8Array(await blob.arrayBuffer()));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

beforeEach(() => {
  downloads.length = 0;
});

describe('content shown in English on Arabic screens says so', () => {
  it.each([
    ['fr', 'Pas encore disponible en français : affiché en anglais.'],
    ['es', 'Aún no disponible en español: se muestra en inglés.'],
    ['ar', ARABIC_NOTE],
  ] as const)('names the language as %s writes it inside a sentence', async (language, text) => {
    await renderWithI18n(<FallbackNote origin={{ lang: 'en', fallback: true }} />);
    await act(() => switchLanguage(language));
    expect(screen.getByRole('note')).toHaveTextContent(text);
  });

  it('on the running-day projector: the note, and the English title kept left to right', async () => {
    const library = withoutArabic(await preloadContentLibrary());
    await inArabic(<ProjectorRun library={library} state={runningDay()} />);
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent(ARABIC_NOTE);
    expect(note).toHaveAttribute('dir', 'rtl');
    const title = screen.getByRole('heading', { level: 1 });
    expect(title).toHaveTextContent('Introduction');
    expect(title).toHaveAttribute('lang', 'en');
    expect(title).toHaveAttribute('dir', 'ltr');
  });

  it('on the running-day projector in Arabic content: no note, the title in Arabic', async () => {
    const library = await preloadContentLibrary();
    await inArabic(<ProjectorRun library={library} state={runningDay()} />);
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'ar');
  });

  it('on the projector’s slides', async () => {
    const library = withoutArabic(await preloadContentLibrary());
    const session = findSession(library, 'security-incidents', 'ar');
    if (!session) throw new Error('no session');
    await inArabic(
      <ProjectorSlides
        session={session}
        state={{ sessionId: 'security-incidents', index: 0, showing: true, updatedAt: 1 }}
      />,
    );
    expect(await screen.findByRole('note')).toHaveTextContent(ARABIC_NOTE);
  });

  it('in the run sheet, quiz results, wall and plan outline PDFs', async () => {
    const library = withoutArabic(await preloadContentLibrary());
    const doc = new Y.Doc();
    const quizCase = findCase(library, 'case-analysis-1', 'ar');
    const timeline = findCase(library, 'own-incidents-timeline', 'ar');
    if (quizCase?.data.format !== 'quiz' || timeline?.data.format !== 'timeline')
      throw new Error('content missing');
    setGroups(doc, formGroups([], 2, newGroupId));
    writeQuizRun(doc, newQuizRun('case-analysis-1', ['1.1']));
    const state = runningDay();
    const api = {
      day: state,
      model: dayModel(library, 'ar', state.settings),
      changeSettings: () => undefined,
      act: () => undefined,
    };
    expect(planForSettings(state.settings, api.model.sessions).length).toBeGreaterThan(0);
    await inArabic(
      <RoomProvider doc={doc}>
        <RunSheetExport api={api} />
        <ContentOriginProvider origin={quizCase}>
          <QuizConsole quizCase={quizCase.data} />
        </ContentOriginProvider>
        <ContentOriginProvider origin={timeline}>
          <WallPdfButton cards={[]} timeline={timeline.data} />
        </ContentOriginProvider>
        <PlanOutline room="room" snapshot={planStore.snapshot(doc)} library={library} groups={[]} />
      </RoomProvider>,
    );
    for (const button of [ar.pdf.runSheet, ar.pdf.quizResults, ar.pdf.wall, ar.plan.outlinePdf]) {
      const text = await pdfText(button);
      for (const phrase of arabicPhrases(ARABIC_NOTE))
        expect(arabicOnly(text), button).toContain(phrase);
    }
  }, 60_000);
});

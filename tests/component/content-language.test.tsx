import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findCase } from '../../src/content/library';
import type { ContentLibrary } from '../../src/content/validate';
import { ContentOriginProvider, FallbackNote } from '../../src/features/common/ContentText';
import { preloadContentLibrary } from '../../src/features/common/useContentLibrary';
import { QuizScreen } from '../../src/features/quiz/QuizScreen';
import { switchLanguage } from '../../src/i18n/setup';
import { newQuizRun } from '../../src/domain/quiz';
import { quizStore } from '../../src/sync/quiz/quizStore';
import { writeQuizRun } from '../../src/sync/quiz/quizOperations';
import { renderWithI18n } from './render';

const ARABIC_NOTE = 'غير متوفر بعد باللغة العربية: يُعرض بالإنجليزية.';

/** The library without the Arabic files of one case: what a room sees while a translation is missing. */
function withoutArabic(library: ContentLibrary, id: string): ContentLibrary {
  return {
    ...library,
    cases: { ...library.cases, ar: library.cases.ar.filter((c) => c.data.id !== id) },
  };
}

async function projectQuiz(library: ContentLibrary) {
  const found = findCase(library, 'case-analysis-1', 'ar');
  if (found?.data.format !== 'quiz') throw new Error('case-analysis-1 is not a quiz');
  const doc = new Y.Doc();
  writeQuizRun(doc, { ...newQuizRun('case-analysis-1', ['1.2']), open: ['1.2'], focus: '1.2' });
  const view = await renderWithI18n(
    <ContentOriginProvider origin={found}>
      <QuizScreen quizCase={found.data} snapshot={quizStore.snapshot(doc)} />
    </ContentOriginProvider>,
  );
  // The app's render helper starts in English; the screen is then switched to Arabic.
  await act(() => switchLanguage('ar'));
  expect(document.documentElement).toHaveAttribute('dir', 'rtl');
  return { found, view };
}

describe('content in another language than the screen', () => {
  it('shows the Arabic quiz on an Arabic projector, right to left, with no note', async () => {
    const library = await preloadContentLibrary();
    const { found } = await projectQuiz(library);
    expect(found).toMatchObject({ lang: 'ar', fallback: false });
    expect(screen.queryByRole('note')).toBeNull();
    const text = screen.getByText(/ألتفت إلى الجهة الأخرى من الشارع/);
    expect(text).toHaveAttribute('dir', 'rtl');
    expect(text).toHaveAttribute('lang', 'ar');
  });

  it('says in Arabic that a missing case is shown in English, and keeps the English left to right', async () => {
    const library = withoutArabic(await preloadContentLibrary(), 'case-analysis-1');
    const { found } = await projectQuiz(library);
    expect(found).toMatchObject({ lang: 'en', fallback: true });
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent(ARABIC_NOTE);
    expect(note).toHaveAttribute('dir', 'rtl');
    expect(note).toHaveAttribute('lang', 'ar');
    const situation = screen.getByText(/I glance across the street/);
    expect(situation).toHaveAttribute('dir', 'ltr');
    expect(situation).toHaveAttribute('lang', 'en');
    const options = screen.getAllByRole('listitem');
    expect(options).toHaveLength(3);
    expect(
      within(options[0] as HTMLElement).getByText('It is a security incident.'),
    ).toHaveAttribute('dir', 'ltr');
  });

  it('says nothing when the content is in the screen’s own language', async () => {
    await renderWithI18n(<FallbackNote origin={{ lang: 'en', fallback: false }} />);
    expect(screen.queryByRole('note')).toBeNull();
  });
});

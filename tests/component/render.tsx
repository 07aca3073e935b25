import { render } from '@testing-library/react';
import i18next from 'i18next';
import { Suspense, type ReactElement } from 'react';
import { preloadContentLibrary } from '../../src/features/common/useContentLibrary';
import { loadEveryString, setupI18n } from '../../src/i18n/setup';

/** Renders with the app's real i18n, starting in English with nothing remembered. */
export async function renderWithI18n(ui: ReactElement) {
  localStorage.clear();
  if (!i18next.isInitialized) await setupI18n();
  await loadEveryString();
  await i18next.changeLanguage('en');
  await preloadContentLibrary();
  return render(<Suspense fallback={null}>{ui}</Suspense>);
}

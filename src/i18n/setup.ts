import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import { LANGUAGE_STORAGE_KEY, directionOf, initialLanguage, isUiLanguage } from './languages';

/**
 * English is in the first load (it is every string's fallback); the other
 * languages come only when chosen, so a phone downloads one language, not four.
 */
const LOADERS: Record<string, () => Promise<{ default: typeof en }>> = {
  es: () => import('./locales/es.json'),
  fr: () => import('./locales/fr.json'),
  ar: () => import('./locales/ar.json'),
};

/** Loads a language's strings (once) so that switching to it shows no English gaps. */
export async function loadLanguage(language: string): Promise<void> {
  const load = LOADERS[language];
  if (!load || i18next.hasResourceBundle(language, 'translation')) return;
  const strings = await load();
  i18next.addResourceBundle(language, 'translation', strings.default);
}

/**
 * A second translator in another language, sharing the loaded strings, for a
 * screen that shows two languages side by side. It does not change the page's
 * language or direction (only the main instance sets <html lang dir>).
 */
export async function translatorFor(language: string): Promise<typeof i18next> {
  await loadLanguage(language);
  const translator = i18next.cloneInstance({ lng: language });
  await translator.changeLanguage(language);
  return translator;
}

/** Switches the interface's language once its strings are there. */
export async function switchLanguage(language: string): Promise<void> {
  await loadLanguage(language);
  await i18next.changeLanguage(language);
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage can be disabled (private mode); the choice then lasts the visit
  }
}

/** Keeps <html lang dir> in step with the language, so Arabic lays out right to left. */
function applyToDocument(language: string): void {
  if (!isUiLanguage(language)) return;
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export async function setupI18n(): Promise<typeof i18next> {
  const lng = initialLanguage(readStoredLanguage(), navigator.languages ?? []);
  i18next.on('languageChanged', applyToDocument);
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  await switchLanguage(lng);
  applyToDocument(lng);
  return i18next;
}

export function rememberLanguage(language: string): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // see readStoredLanguage
  }
}

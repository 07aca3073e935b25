import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import { LANGUAGE_STORAGE_KEY, directionOf, initialLanguage, isUiLanguage } from './languages';

export const resources = {
  en: { translation: en },
  es: { translation: es },
  fr: { translation: fr },
  ar: { translation: ar },
} as const;

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
    resources,
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
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

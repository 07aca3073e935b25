import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enFirst from 'virtual:strings/en/first';
import { LANGUAGE_STORAGE_KEY, directionOf, initialLanguage, isUiLanguage } from './languages';
import type { StringPart } from './stringParts';

type Strings = { default: Record<string, unknown> };

/**
 * The first part of English (every string's fallback) is in the first load; the
 * rest of it, and every other language, come when needed (src/i18n/stringParts.ts):
 * a phone downloads its join screen's strings in one language, not four whole files.
 */
const LOADERS: Record<string, Partial<Record<StringPart, () => Promise<Strings>>>> = {
  en: { rest: () => import('virtual:strings/en/rest') },
  es: {
    first: () => import('virtual:strings/es/first'),
    rest: () => import('virtual:strings/es/rest'),
  },
  fr: {
    first: () => import('virtual:strings/fr/first'),
    rest: () => import('virtual:strings/fr/rest'),
  },
  ar: {
    first: () => import('virtual:strings/ar/first'),
    rest: () => import('virtual:strings/ar/rest'),
  },
};

const parts = new Map<string, Promise<void>>([['en/first', Promise.resolve()]]);
/** Whether a screen past the join screen asked for every string. */
let everyString = false;

function loadPart(language: string, part: StringPart): Promise<void> {
  const key = `${language}/${part}`;
  const load = LOADERS[language]?.[part];
  if (!load) return Promise.resolve();
  let loading = parts.get(key);
  if (!loading) {
    loading = load().then((strings) => {
      i18next.addResourceBundle(language, 'translation', strings.default, true, true);
    });
    // A failed load (the network away) is tried again next time.
    loading.catch(() => parts.delete(key));
    parts.set(key, loading);
  }
  return loading;
}

/** Loads a language's strings (once) so that switching to it shows no English gaps. */
export async function loadLanguage(language: string): Promise<void> {
  await Promise.all([
    loadPart(language, 'first'),
    everyString ? loadPart(language, 'rest') : undefined,
  ]);
}

/**
 * Every string, in English and in each language in use: what the live room, the
 * console and the projector wait for before they are drawn (their lazy imports).
 */
export async function loadEveryString(): Promise<void> {
  everyString = true;
  const languages = new Set([
    'en',
    i18next.language,
    ...[...parts.keys()].map((k) => k.split('/')[0] ?? 'en'),
  ]);
  await Promise.all([...languages].map(loadLanguage));
}

/** Waits for a lazily loaded screen and for every string it may show. */
export function withEveryString<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadEveryString()]).then(([module]) => module);
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
    resources: { en: { translation: enFirst } },
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

/**
 * Loading the content library one language at a time (virtual:content/<lang>),
 * kept apart from the hook so that the first load's language picker can ask
 * for a language's content without the hook's own imports.
 */
import { contentLanguageFor } from '../../content/library';
import { LANGUAGES, type ContentLanguage } from '../../content/languages';
import type { ContentLibrary, ContentPart as Part } from '../../content/validate';
import { retryImport } from '../../lib/retryImport';

/** Each language's content on its own: a screen loads English (the fallback) and its own language. */
const LOADERS: Record<ContentLanguage, () => Promise<{ default: Part }>> = {
  en: () => import('virtual:content/en'),
  es: () => import('virtual:content/es'),
  fr: () => import('virtual:content/fr'),
  ar: () => import('virtual:content/ar'),
};

const parts = new Map<ContentLanguage, Promise<Part>>();
const loaded = new Map<ContentLanguage, Part>();
const listeners = new Set<() => void>();

/** The library of every language loaded so far (the others empty): a new object after each load. */
let current: ContentLibrary = libraryOf(loaded);

function libraryOf(from: ReadonlyMap<ContentLanguage, Part>): ContentLibrary {
  const folder = <F extends keyof ContentLibrary>(name: F) =>
    Object.fromEntries(
      LANGUAGES.map((lang) => [lang, from.get(lang)?.[name] ?? []]),
    ) as unknown as ContentLibrary[F];
  return { sessions: folder('sessions'), cases: folder('cases'), templates: folder('templates') };
}

function loadLanguage(lang: ContentLanguage): Promise<Part> {
  let loading = parts.get(lang);
  if (!loading) {
    loading = retryImport(LOADERS[lang]).then((module) => {
      loaded.set(lang, module.default);
      current = libraryOf(loaded);
      for (const listener of listeners) listener();
      return module.default;
    });
    loading.catch(() => parts.delete(lang));
    parts.set(lang, loading);
  }
  return loading;
}

type TrackedPromise = Promise<ContentLibrary> & { status?: 'fulfilled'; value?: ContentLibrary };
const pending = new Map<string, TrackedPromise>();

/**
 * Starts loading the content in these languages and English (once each) and
 * resolves with the library holding them; every language by default.
 */
export function preloadContentLibrary(
  languages: readonly string[] = LANGUAGES,
): Promise<ContentLibrary> {
  const wanted = [...new Set(['en', ...languages].map(contentLanguageFor))].sort();
  const key = wanted.join(' ');
  let promise = pending.get(key);
  if (!promise && wanted.every((lang) => loaded.has(lang))) {
    // Already here (another screen's languages held them): settled from the start, no suspending.
    const settled: TrackedPromise = Promise.resolve(current);
    settled.status = 'fulfilled';
    settled.value = current;
    pending.set(key, settled);
    promise = settled;
  }
  if (!promise) {
    const made: TrackedPromise = Promise.all(wanted.map(loadLanguage)).then(() => {
      // Marked the way React reads a settled promise, so later renders do not suspend.
      made.status = 'fulfilled';
      made.value = current;
      return current;
    });
    made.catch(() => pending.delete(key));
    pending.set(key, made);
    promise = made;
  }
  return promise;
}

/** The library of every language loaded so far. */
export function loadedContent(): ContentLibrary {
  return current;
}

/** Calls the listener after each language's content has loaded. */
export function subscribeContent(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Before the interface changes language: that language's content, if this page
 * shows content at all, so that the screen is not left waiting on it.
 */
export function contentBeforeSwitch(language: string): Promise<unknown> {
  return parts.size > 0
    ? preloadContentLibrary([language]).catch(() => undefined)
    : Promise.resolve();
}

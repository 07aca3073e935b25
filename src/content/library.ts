/**
 * Finding content in the participants' language, falling back to English with
 * a flag so the screen can say so.
 */
import type { Case, ContentEntry, ContentLanguage, Session, Template } from './schema';
import { LANGUAGES } from './languages';
import type { ContentLibrary } from './validate';

export type Localised<T> = ContentEntry<T> & { lang: ContentLanguage; fallback: boolean };

const FALLBACK: ContentLanguage = 'en';

export function contentLanguageFor(uiLanguage: string): ContentLanguage {
  return (LANGUAGES as readonly string[]).includes(uiLanguage)
    ? (uiLanguage as ContentLanguage)
    : FALLBACK;
}

type Folder = keyof ContentLibrary;
type EntryOf<F extends Folder> = ContentLibrary[F][ContentLanguage][number];

function find<F extends Folder>(
  library: ContentLibrary,
  folder: F,
  id: string,
  uiLanguage: string,
): Localised<EntryOf<F>['data']> | undefined {
  const wanted = contentLanguageFor(uiLanguage);
  const byId = (lang: ContentLanguage) =>
    (library[folder][lang] as EntryOf<F>[]).find((entry) => entry.data.id === id);
  const own = byId(wanted);
  if (own) return { ...own, lang: wanted, fallback: wanted !== uiLanguage };
  const english = byId(FALLBACK);
  return english ? { ...english, lang: FALLBACK, fallback: true } : undefined;
}

/** Every id in English (the complete set), each in the best language available. */
function list<F extends Folder>(
  library: ContentLibrary,
  folder: F,
  uiLanguage: string,
): Localised<EntryOf<F>['data']>[] {
  const ids = new Set(
    LANGUAGES.flatMap((lang) => (library[folder][lang] as EntryOf<F>[]).map((e) => e.data.id)),
  );
  return [...ids].flatMap((id) => find(library, folder, id, uiLanguage) ?? []);
}

export const findSession = (library: ContentLibrary, id: string, lang: string) =>
  find(library, 'sessions', id, lang) as Localised<Session> | undefined;
export const findCase = (library: ContentLibrary, id: string, lang: string) =>
  find(library, 'cases', id, lang) as Localised<Case> | undefined;
export const findTemplate = (library: ContentLibrary, id: string, lang: string) =>
  find(library, 'templates', id, lang) as Localised<Template> | undefined;
export const listSessions = (library: ContentLibrary, lang: string) =>
  list(library, 'sessions', lang) as Localised<Session>[];
export const listCases = (library: ContentLibrary, lang: string) =>
  list(library, 'cases', lang) as Localised<Case>[];
export const listTemplates = (library: ContentLibrary, lang: string) =>
  list(library, 'templates', lang) as Localised<Template>[];

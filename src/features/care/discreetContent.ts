/**
 * Discreet mode on content: while its words are on (discreetTexts.ts), every
 * session, case and template reads with its own neutral title and summary
 * where its front matter gives them, and every other text through the
 * per-language lexicon (domain/discreetWords.ts). Screens, PDFs and exports
 * built from the library follow at once.
 */
import { useSyncExternalStore } from 'react';
import type { ContentLanguage } from '../../content/languages';
import type { ContentLibrary } from '../../content/validate';
import { discreetEntry } from '../../domain/discreetWords';
import { discreetWordsOn, subscribeDiscreetWords } from './discreetTexts';

const neutral = new WeakMap<ContentLibrary, ContentLibrary>();

function perLanguage<T extends Parameters<typeof discreetEntry>[0]>(
  lists: Record<ContentLanguage, T[]>,
): Record<ContentLanguage, T[]> {
  return Object.fromEntries(
    Object.entries(lists).map(([language, entries]) => [
      language,
      entries.map((entry) => discreetEntry(entry, language)),
    ]),
  ) as Record<ContentLanguage, T[]>;
}

/** The library as discreet mode shows it (made once per library). */
export function discreetLibrary(library: ContentLibrary): ContentLibrary {
  let found = neutral.get(library);
  if (!found) {
    found = {
      sessions: perLanguage(library.sessions),
      cases: perLanguage(library.cases),
      templates: perLanguage(library.templates),
    };
    neutral.set(library, found);
  }
  return found;
}

/** The library as this page shows it now: neutral while discreet mode's words are on. */
export function useDiscreetContent(library: ContentLibrary): ContentLibrary {
  const on = useSyncExternalStore(subscribeDiscreetWords, discreetWordsOn);
  return on ? discreetLibrary(library) : library;
}

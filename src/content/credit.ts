/**
 * The credit line every export carries: each source's title, chapter, authors
 * where given, publisher, date and licence (CC BY-SA asks for exactly this),
 * and, where the export holds text the project wrote itself, the kit's mark.
 * Pure: the words come from the translator it is given.
 */
import type { TFunction } from 'i18next';

type SourceCredit = {
  title: string;
  chapter: string;
  publisher: string;
  licence: string;
  authors?: string;
  date?: string;
};

/** One source as a sentence: "Title, chapter. By authors (date). Publisher. Licence: …". */
export function sourceCreditText(credit: SourceCredit, t: TFunction): string {
  const by = [
    credit.authors && t('content.sourceBy', { authors: credit.authors }),
    credit.date && t('content.sourceDate', { date: credit.date }),
  ]
    .filter(Boolean)
    .join(' ');
  return by ? t('content.sourceCreditBy', { ...credit, by }) : t('content.sourceCredit', credit);
}

/** The footer line of an export built from these content files, without repeating a source. */
export function creditLine(
  sources: readonly (readonly SourceCredit[])[],
  t: TFunction,
  options: { projectMark?: boolean } = {},
): string {
  const seen = new Set<string>();
  const texts: string[] = [];
  for (const credit of sources.flat()) {
    const text = sourceCreditText(credit, t);
    if (seen.has(text)) continue;
    seen.add(text);
    texts.push(text);
  }
  const line = t('content.creditLine', { credits: texts.join(' ') });
  return options.projectMark ? `${line} ${t('content.projectMark')}` : line;
}

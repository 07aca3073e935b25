import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { contentDirection } from '../../content/languages';
import type { Localised } from '../../content/library';
import { renderMarkdown } from '../../content/markdown';
import type { ContentEntry } from '../../content/schema';
import { Section } from './Section';

type Credited = { title: string; summary: string; adaptation: string; source: SourceCredit[] };
type SourceCredit = {
  title: string;
  chapter: string;
  publisher: string;
  licence: string;
  authors?: string | undefined;
  date?: string | undefined;
};

type Props = { entry: Localised<Credited> & ContentEntry<Credited>; children: ReactNode };

/** What every content page shares: title, language note, body, guide and credits. */
export function ContentFrame({ entry, children }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <article className="content" lang={entry.lang} dir={contentDirection(entry.lang)}>
      <h2>{entry.data.title}</h2>
      {entry.fallback && (
        <p className="note note--fallback" role="note" lang={i18n.language} dir="auto">
          {t('content.fallback', {
            language: t(`content.languageName.${languageKey(i18n.language)}`),
          })}
        </p>
      )}
      <p className="summary">{entry.data.summary}</p>
      {children}
      {entry.body && (
        <Section heading={t('content.guide')}>
          <div
            className="markdown"
            // Sanitised by renderMarkdown (markdown-it without HTML, then DOMPurify).
            dangerouslySetInnerHTML={{ __html: renderMarkdown(entry.body) }}
          />
        </Section>
      )}
      <Section heading={t('content.source')} className="credits">
        <ul>
          {entry.data.source.map((credit, index) => (
            <li key={index}>
              {t('content.sourceCredit', credit)}
              {credit.authors && ` ${t('content.sourceAuthors', { authors: credit.authors })}`}
              {credit.date && ` ${t('content.sourceDate', { date: credit.date })}`}
            </li>
          ))}
        </ul>
        <p>{entry.data.adaptation}</p>
      </Section>
    </article>
  );
}

function languageKey(language: string): 'en' | 'es' | 'fr' | 'ar' {
  return language === 'es' || language === 'fr' || language === 'ar' ? language : 'en';
}

import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { contentDirection, type ContentLanguage } from '../../content/languages';
import { directionOf, isUiLanguage } from '../../i18n/languages';
import './contentText.css';

/** The language a screen's content is in, and whether it fell back from the screen's own. */
export type ContentOrigin = { lang: ContentLanguage; fallback: boolean };

const ContentOriginContext = createContext<ContentOrigin | null>(null);

/** Gives the screens below it the language their content was found in. */
export function ContentOriginProvider({
  origin,
  children,
}: {
  origin: ContentOrigin;
  children: ReactNode;
}) {
  return <ContentOriginContext.Provider value={origin}>{children}</ContentOriginContext.Provider>;
}

/** The language the content of this part of the screen was found in; null where no provider says. */
export function useContentOrigin(): ContentOrigin | null {
  return useContext(ContentOriginContext);
}

/**
 * One origin for an export or a screen built from several content files: the
 * first that fell back (so its note is given), else the first; none for none.
 */
export function combinedOrigin(
  origins: readonly (ContentOrigin | null | undefined)[],
): ContentOrigin | undefined {
  const known = origins.filter((o): o is ContentOrigin => Boolean(o));
  return known.find((o) => o.fallback) ?? known[0];
}

/** U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE: `<bdi>` for plain text. */
const ISOLATE_START = '\u2068';
const ISOLATE_END = '\u2069';

export type ContentText = {
  /** Put on every element that holds content text: it keeps its own language and direction. */
  attrs: { lang: string; dir: 'ltr' | 'rtl' };
  /** Content text inside a sentence of the interface: isolated when the directions differ. */
  inline: (text: string) => string;
  fallback: boolean;
};

function uiDirection(language: string): 'ltr' | 'rtl' {
  return isUiLanguage(language) ? directionOf(language) : 'ltr';
}

/**
 * How to mark content text on this screen. English shown on an Arabic phone
 * stays left to right (`dir="ltr"`) while the page around it stays right to
 * left; a title quoted in an Arabic sentence is isolated so that neither
 * reorders the other. Without a provider, content is taken to be in the
 * screen's language.
 */
export function useContentText(origin?: ContentOrigin): ContentText {
  const { i18n } = useTranslation();
  const fromContext = useContext(ContentOriginContext);
  const found = origin ?? fromContext;
  const lang = found?.lang ?? i18n.language;
  const dir = contentDirection(lang);
  const differs = dir !== uiDirection(i18n.language);
  return {
    attrs: { lang, dir },
    inline: (text) => (differs ? `${ISOLATE_START}${text}${ISOLATE_END}` : text),
    fallback: found?.fallback ?? false,
  };
}

/**
 * On a phone or the projector, says in the screen's language that what follows
 * is shown in English because it does not exist in that language yet.
 */
export function FallbackNote({
  origin,
  className,
}: {
  origin?: ContentOrigin;
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  const { fallback } = useContentText(origin);
  if (!fallback) return null;
  const language = isUiLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <p
      className={`note note--fallback${className ? ` ${className}` : ''}`}
      role="note"
      lang={language}
      dir={uiDirection(language)}
    >
      {t('content.fallback', { language: t(`content.languageName.${language}`) })}
    </p>
  );
}

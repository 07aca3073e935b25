import type { i18n as I18n } from 'i18next';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { directionOf, isUiLanguage, type UiLanguage } from '../../i18n/languages';
import { translatorFor } from '../../i18n/setup';
import { preloadContentLibrary } from '../common/contentLoading';
import { useShownSecondLanguage } from './projectorLanguage';
import './bilingual.css';

type Props = {
  /** The screen in one language; called once per column, inside that column's translations. */
  children: (language: string) => ReactNode;
};

/**
 * The projector's screen in its own language and, when the console has chosen
 * a second one, the same screen in that language beside it: each column reads
 * the content and the interface in its language, with its own direction.
 */
export function BilingualScreen({ children }: Props) {
  const { i18n } = useTranslation();
  const second = useShownSecondLanguage();
  const wanted = second && second !== i18n.language ? second : null;
  const translator = useTranslator(wanted);
  if (!wanted || !translator || !isUiLanguage(i18n.language)) return <>{children(i18n.language)}</>;
  return (
    <div className="projector-bilingual">
      <Column language={i18n.language}>{children(i18n.language)}</Column>
      <I18nextProvider i18n={translator}>
        <Column language={wanted}>{children(wanted)}</Column>
      </I18nextProvider>
    </div>
  );
}

function Column({ language, children }: { language: UiLanguage; children: ReactNode }) {
  return (
    <div className="projector-bilingual__column" lang={language} dir={directionOf(language)}>
      {children}
    </div>
  );
}

/** A translator in the second language, once its strings and content are loaded; the page's own is untouched. */
function useTranslator(language: UiLanguage | null): I18n | null {
  const [translator, setTranslator] = useState<I18n | null>(null);
  useEffect(() => {
    if (!language) return;
    let live = true;
    void Promise.all([translatorFor(language), preloadContentLibrary([language])]).then(
      ([made]) => {
        if (live) setTranslator(made);
      },
    );
    return () => {
      live = false;
    };
  }, [language]);
  return translator && translator.language === language ? translator : null;
}

import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, isUiLanguage } from '../../i18n/languages';
import { useProjectorSecondLanguage } from './projectorLanguage';
import './bilingual.css';

/** On the console: a second language for the projector, shown beside its own; phones keep theirs. */
export function SecondLanguagePicker() {
  const { t } = useTranslation();
  const [second, choose] = useProjectorSecondLanguage();
  return (
    <label className="second-language-picker">
      <span>{t('projector.secondLanguage')}</span>
      <select
        value={second ?? ''}
        onChange={(event) => {
          const value = event.target.value;
          choose(isUiLanguage(value) ? value : null);
        }}
      >
        <option value="">{t('projector.secondLanguageNone')}</option>
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, isUiLanguage } from '../i18n/languages';
import { rememberLanguage, switchLanguage } from '../i18n/setup';
import { contentBeforeSwitch } from '../features/common/contentLoading';

/** Each language is named in itself, so anyone can find their own. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-picker">
      <span>{t('language.label')}</span>
      <select
        value={i18n.language}
        onChange={(event) => {
          const language = event.target.value;
          if (!isUiLanguage(language)) return;
          rememberLanguage(language);
          void contentBeforeSwitch(language).then(() => switchLanguage(language));
        }}
      >
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

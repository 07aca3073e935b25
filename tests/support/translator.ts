/** An i18next translator in one language, as the app sets it up (nothing escaped: no HTML here). */
import i18next, { type TFunction } from 'i18next';
import ar from '../../src/i18n/locales/ar.json';
import en from '../../src/i18n/locales/en.json';
import es from '../../src/i18n/locales/es.json';
import fr from '../../src/i18n/locales/fr.json';

export async function translator(lang: 'en' | 'es' | 'fr' | 'ar'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: lang,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    resources: {
      en: { translation: en },
      es: { translation: es },
      fr: { translation: fr },
      ar: { translation: ar },
    },
  });
  return instance.t;
}

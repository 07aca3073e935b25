// @vitest-environment node
/**
 * Discreet mode's interface words on a language loaded after it was turned on:
 * the projector's second language (for an interpreter) and the rest of a
 * language's strings arrive as bundles later, without a language change, and
 * used to bring the topic's words back ("Plan de sécurité" beside "Plan").
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { setDiscreetWords } from '../../src/features/care/discreetTexts';
import { stringPart } from '../../src/i18n/stringParts';
import en from '../../src/i18n/locales/en.json';
import fr from '../../src/i18n/locales/fr.json';
import ar from '../../src/i18n/locales/ar.json';
import es from '../../src/i18n/locales/es.json';

describe("discreet mode's words on strings loaded later", () => {
  beforeAll(async () => {
    await i18next.init({
      resources: { en: { translation: stringPart(en, 'first') } },
      lng: 'en',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
    });
  });

  it('reads a second language, and the rest of the first, with neutral words', () => {
    setDiscreetWords(true);
    // The rest of English comes with the live room, after discreet mode was read.
    i18next.addResourceBundle('en', 'translation', stringPart(en, 'rest'), true, true);
    expect(i18next.t('plan.outlineTitle')).toBe('Plan');
    // French for the projector's second column: no language change on the page.
    i18next.addResourceBundle('fr', 'translation', fr, true, true);
    expect(i18next.t('plan.outlineTitle', { lng: 'fr' })).toBe('Plan');
    expect(i18next.t('timeline.csvIncident', { lng: 'fr' })).toBe('Entrée');
    // Arabic in two parts, the first without the neutral words.
    i18next.addResourceBundle('ar', 'translation', stringPart(ar, 'first'), true, true);
    i18next.addResourceBundle('ar', 'translation', stringPart(ar, 'rest'), true, true);
    expect(i18next.t('plan.outlineTitle', { lng: 'ar' })).toBe('الخطة');
    // Spanish's rest before its first part (both are asked for at once), then the rest again.
    i18next.addResourceBundle('es', 'translation', stringPart(es, 'rest'), true, true);
    i18next.addResourceBundle('es', 'translation', stringPart(es, 'first'), true, true);
    expect(i18next.t('plan.outlineTitle', { lng: 'es' })).toBe('Plan');
    i18next.addResourceBundle('es', 'translation', stringPart(es, 'rest'), true, true);
    expect(i18next.t('plan.outlineTitle', { lng: 'es' })).toBe('Plan');
    // Off again: every language has its own words back.
    expect(es.plan.outlineTitle).not.toBe('Plan');
    setDiscreetWords(false);
    expect(i18next.t('plan.outlineTitle')).toBe(en.plan.outlineTitle);
    expect(i18next.t('plan.outlineTitle', { lng: 'fr' })).toBe(fr.plan.outlineTitle);
    expect(i18next.t('plan.outlineTitle', { lng: 'ar' })).toBe(ar.plan.outlineTitle);
    expect(i18next.t('plan.outlineTitle', { lng: 'es' })).toBe(es.plan.outlineTitle);
  });
});

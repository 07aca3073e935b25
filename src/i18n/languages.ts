/** The UI languages, their direction, and where a device remembers its choice. */
export const UI_LANGUAGES = ['en', 'es', 'fr', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const RTL_LANGUAGES: ReadonlySet<UiLanguage> = new Set(['ar']);
export const LANGUAGE_STORAGE_KEY = 'swk.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: UiLanguage): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** The device's remembered choice, else the browser's first supported language, else English. */
export function initialLanguage(stored: string | null, browser: readonly string[]): UiLanguage {
  if (isUiLanguage(stored)) return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return 'en';
}

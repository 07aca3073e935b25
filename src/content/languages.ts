/** Languages that content files are written in; kept apart from the schema so the app need not load zod. */
export const LANGUAGES = ['en', 'es', 'fr', 'ar'] as const;
export type ContentLanguage = (typeof LANGUAGES)[number];

/** Content keeps its own direction inside a page of another language (English in an Arabic UI). */
export function contentDirection(lang: string): 'rtl' | 'ltr' {
  return ['ar', 'fa', 'he', 'ur'].includes(lang) ? 'rtl' : 'ltr';
}

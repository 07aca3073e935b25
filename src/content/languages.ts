/** Languages that content files are written in; kept apart from the schema so the app need not load zod. */
export const LANGUAGES = ['en', 'es'] as const;
export type ContentLanguage = (typeof LANGUAGES)[number];

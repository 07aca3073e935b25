/**
 * Discreet mode for content: the words that name the topic ("security",
 * "incident", "human rights", and their es/fr/ar equivalents) replaced in
 * content text by neutral ones, per language, as data. A content file may also
 * give its own neutral title and summary (`discreet:` in its front matter),
 * which win over the lexicon. Pure: no React, no i18next.
 */
import type { TOPIC_WORDS } from './care';

type Lexicon = readonly (readonly [topic: string, neutral: string])[];

/**
 * Per language, each topic phrase and its neutral word, longest first so a
 * phrase is replaced before the word inside it. Matched without case; a
 * capitalised or upper-case original keeps its case in the replacement.
 */
export const NEUTRAL_LEXICON: Record<keyof typeof TOPIC_WORDS, Lexicon> = {
  en: [
    ['human rights defenders', 'colleagues'],
    ['human rights defender', 'colleague'],
    ['human rights', 'our work'],
    ['insecurity', 'worry'],
    ['securely', 'carefully'],
    ['security', 'wellbeing'],
    ['incidents', 'events'],
    ['incident', 'event'],
  ],
  es: [
    ['defensoras y defensores de derechos humanos', 'colegas'],
    ['defensores de derechos humanos', 'colegas'],
    ['defensoras de derechos humanos', 'colegas'],
    ['derechos humanos', 'nuestro trabajo'],
    ['inseguridad', 'preocupación'],
    ['seguridad', 'bienestar'],
    ['incidentes', 'sucesos'],
    ['incidente', 'suceso'],
  ],
  fr: [
    ['défenseuses et défenseurs des droits humains', 'collègues'],
    ['défenseurs des droits humains', 'collègues'],
    ['défenseuses des droits humains', 'collègues'],
    ["droits de l'homme", 'notre travail'],
    ['droits de l’homme', 'notre travail'],
    ['droits de la personne', 'notre travail'],
    ['droits humains', 'notre travail'],
    ['insécurité', 'inquiétude'],
    ['sécurité', 'bien-être'],
    ['incidents', 'événements'],
    ['incident', 'événement'],
  ],
  ar: [
    ['المدافعين عن حقوق الإنسان', 'الزملاء'],
    ['المدافعات عن حقوق الإنسان', 'الزميلات'],
    ['حقوق الإنسان', 'عملنا'],
    ['حادثة', 'واقعة'],
    ['حوادث', 'وقائع'],
    ['حادث', 'واقعة'],
    // Inside a word too: الأمنية (of security) reads الرفاهية.
    ['أمن', 'رفاه'],
  ],
};

function lexiconFor(language: string): Lexicon {
  const own = language in NEUTRAL_LEXICON ? NEUTRAL_LEXICON[language as 'en'] : [];
  // English too: content and interface in another language may still quote it.
  const all = language === 'en' ? own : [...own, ...NEUTRAL_LEXICON.en];
  return [...all].sort((a, b) => b[0].length - a[0].length);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function keepCase(original: string, neutral: string): string {
  if (original === original.toLocaleUpperCase() && original !== original.toLocaleLowerCase())
    return original.length > 1 ? neutral.toLocaleUpperCase() : neutral;
  const first = original.charAt(0);
  if (first !== first.toLocaleLowerCase())
    return neutral.charAt(0).toLocaleUpperCase() + neutral.slice(1);
  return neutral;
}

const patterns = new Map<string, RegExp>();

function patternFor(language: string): { pattern: RegExp; lexicon: Lexicon } {
  const lexicon = lexiconFor(language);
  let pattern = patterns.get(language);
  if (!pattern) {
    pattern = new RegExp(lexicon.map(([topic]) => escape(topic)).join('|'), 'giu');
    patterns.set(language, pattern);
  }
  return { pattern, lexicon };
}

/** A text with every topic phrase of its language (and English) replaced by its neutral word. */
export function neutralText(text: string, language: string): string {
  const { pattern, lexicon } = patternFor(language);
  return text.replace(pattern, (found) => {
    const lower = found.toLocaleLowerCase();
    const entry = lexicon.find(([topic]) => topic.toLocaleLowerCase() === lower);
    return entry ? keepCase(found, entry[1]) : found;
  });
}

/** Fields of content that name things rather than say them: ids, references, languages, kinds. */
const NOT_TEXT = new Set([
  'file',
  'id',
  'lang',
  'kind',
  'tool',
  'format',
  'cases',
  'templates',
  'origin',
  'licence',
  'discreet',
]);

/** Every text of a content value run through `neutralText`, names (ids, references) left alone. */
export function neutralValue<T>(value: T, language: string): T {
  if (typeof value === 'string') return neutralText(value, language) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => neutralValue(item, language)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        NOT_TEXT.has(key) ? item : neutralValue(item, language),
      ]),
    ) as T;
  }
  return value;
}

/** A content file's own neutral words, from its front matter. */
export type DiscreetWords = { title?: string; summary?: string };

/**
 * A content entry as discreet mode shows it: its own `discreet` title and
 * summary where it gives them, every other text through the lexicon.
 */
export function discreetEntry<
  T extends { data: { title: string; summary: string; discreet?: DiscreetWords } },
>(entry: T, language: string): T {
  const neutral = neutralValue(entry, language);
  const own = entry.data.discreet;
  return {
    ...neutral,
    data: {
      ...neutral.data,
      title: own?.title ?? neutral.data.title,
      summary: own?.summary ?? neutral.data.summary,
    },
  };
}

/**
 * Discreet mode for content: the words that name the topic ("security",
 * "incident", "human rights", and their es/fr/ar equivalents) replaced in
 * content text by neutral ones, per language, as data. A content file may also
 * give its own neutral title and summary (`discreet:` in its front matter),
 * which win over the lexicon. Pure: no React, no i18next.
 */
import type { TOPIC_WORDS } from './care';

/**
 * How the words before a topic word change with the neutral one's gender and
 * number ("la seguridad" is "el bienestar", "des droits humains" is "de la
 * société civile"): each determiner, in lower case, and what it becomes.
 */
type Determiners = Readonly<Record<string, string>>;

type Entry = readonly [topic: string, neutral: string, determiners?: Determiners];
type Lexicon = readonly Entry[];

/** Spanish: a feminine noun read as a masculine one. */
const ES_F_TO_M: Determiners = {
  la: 'el',
  'de la': 'del',
  'a la': 'al',
  una: 'un',
  esta: 'este',
  esa: 'ese',
  nuestra: 'nuestro',
  vuestra: 'vuestro',
  'toda la': 'todo el',
};
/** Spanish: a masculine plural read as a feminine singular. */
const ES_MP_TO_FS: Determiners = {
  los: 'la',
  'de los': 'de la',
  'a los': 'a la',
  de: 'de la',
  sus: 'su',
  nuestros: 'nuestra',
  estos: 'esta',
};
/** French: a feminine noun read as a masculine one. */
const FR_F_TO_M: Determiners = {
  la: 'le',
  'de la': 'du',
  'à la': 'au',
  une: 'un',
  cette: 'ce',
  sa: 'son',
  ma: 'mon',
  'toute la': 'tout le',
};
/** French: a masculine plural read as a feminine singular. */
const FR_MP_TO_FS: Determiners = {
  les: 'la',
  des: 'de la',
  aux: 'à la',
  ces: 'cette',
  ses: 'sa',
  nos: 'notre',
  vos: 'votre',
  leurs: 'leur',
};

/**
 * Per language, each topic word or phrase and its neutral words. Latin-script
 * entries match whole words only (a letter of any alphabet on either side
 * stops them), so compounds need entries of their own ("cybersecurity").
 * Arabic entries match at a word's start after its clitics (و ف ب ك ل and the
 * article), and keep the word's ending: الأمنية reads الرفاهية. A capitalised or
 * upper-case original keeps its case in the replacement.
 */
export const NEUTRAL_LEXICON: Record<keyof typeof TOPIC_WORDS, Lexicon> = {
  en: [
    ['women human rights defenders', 'women colleagues'],
    ['human rights defenders', 'colleagues'],
    ['human rights defender', 'colleague'],
    ['human rights', 'civil society'],
    // "A security incident" is simply "an event": "a wellbeing event" reads oddly.
    ['security incidents', 'events'],
    ['security incident', 'event'],
    ['cybersecurity', 'digital wellbeing'],
    ['cyber security', 'digital wellbeing'],
    ['insecurity', 'worry'],
    ['securely', 'carefully'],
    ['security', 'wellbeing'],
    ['incidents', 'events'],
    ['incident', 'event'],
    ['defenders', 'colleagues'],
    ['defender', 'colleague'],
  ],
  es: [
    ['defensoras y defensores de derechos humanos', 'colegas'],
    ['defensores de derechos humanos', 'colegas'],
    ['defensoras de derechos humanos', 'colegas'],
    ['personas defensoras', 'personas del equipo'],
    ['persona defensora', 'persona del equipo'],
    ['defensoras y defensores', 'colegas'],
    ['derechos humanos', 'sociedad civil', ES_MP_TO_FS],
    ['incidentes de seguridad', 'sucesos'],
    ['incidente de seguridad', 'suceso'],
    ['ciberseguridad', 'bienestar digital', ES_F_TO_M],
    ['inseguridad', 'preocupación'],
    ['seguridad física', 'bienestar físico', ES_F_TO_M],
    ['seguridad colectiva', 'bienestar colectivo', ES_F_TO_M],
    ['seguridad', 'bienestar', ES_F_TO_M],
    ['incidentes', 'sucesos'],
    ['incidente', 'suceso'],
    ['defensoras', 'colegas'],
    ['defensores', 'colegas'],
    ['defensora', 'colega'],
    ['defensor', 'colega'],
  ],
  fr: [
    ['défenseuses et défenseurs des droits humains', 'collègues'],
    ['défenseur·es des droits humains', 'collègues'],
    ['défenseurs des droits humains', 'collègues'],
    ['défenseuses des droits humains', 'collègues'],
    ["droits de l'homme", 'société civile', FR_MP_TO_FS],
    ['droits de la personne', 'société civile', FR_MP_TO_FS],
    ['droits humains', 'société civile', FR_MP_TO_FS],
    ['incidents de sécurité', 'événements'],
    ['incident de sécurité', 'événement'],
    ['cybersécurité', 'bien-être numérique', FR_F_TO_M],
    ['insécurité', 'inquiétude'],
    ['sécurité générale', 'bien-être général', FR_F_TO_M],
    ['sécurité collective', 'bien-être collectif', FR_F_TO_M],
    ['sécurité personnelle', 'bien-être personnel', FR_F_TO_M],
    ['sécurité organisationnelle', 'bien-être organisationnel', FR_F_TO_M],
    ['sécurité', 'bien-être', FR_F_TO_M],
    ['incidents', 'événements'],
    ['incident', 'événement'],
    ['défenseur·e·s', 'collègues'],
    ['défenseur·es', 'collègues'],
    ['défenseur·e', 'collègue'],
    ['défenseures', 'collègues'],
    ['défenseuses', 'collègues'],
    ['défenseurs', 'collègues'],
    ['défenseure', 'collègue'],
    ['défenseuse', 'collègue'],
    ['défenseur', 'collègue'],
  ],
  ar: [
    ['مدافعين عن حقوق الإنسان', 'زملاء'],
    ['مدافعات عن حقوق الإنسان', 'زميلات'],
    ['حقوق الإنسان', 'المجتمع المدني'],
    ['حوادث الأمنية', 'أحداث'],
    ['حوادث أمنية', 'أحداث'],
    ['حادثة الأمنية', 'واقعة'],
    ['حادثة أمنية', 'واقعة'],
    ['حادث الأمني', 'حدث'],
    ['حادث أمني', 'حدث'],
    ['مدافعين', 'زملاء'],
    ['مدافعون', 'زملاء'],
    ['مدافعات', 'زميلات'],
    ['مدافعة', 'زميلة'],
    ['مدافع', 'زميل'],
    ['حادثة', 'واقعة'],
    ['حوادث', 'أحداث'],
    ['حادث', 'حدث'],
    ['أمن', 'رفاه'],
  ],
};

const ARABIC = /\p{Script=Arabic}/u;
/** What may come before an Arabic word's stem: and/so, by/as/for, the article. */
const ARABIC_CLITICS = '(?:[وف]?(?:بال|كال|لل|ال|[بكل])?)';
const LETTER = '[\\p{L}\\p{M}\\p{N}]';

/** Apostrophes typed either way match each other. */
const apostrophes = (text: string) => text.replace(/’/g, "'");

function lexiconFor(language: string): Lexicon {
  const own = language in NEUTRAL_LEXICON ? NEUTRAL_LEXICON[language as 'en'] : [];
  // English too: content and interface in another language may still quote it.
  const all = language === 'en' ? own : [...own, ...NEUTRAL_LEXICON.en];
  return [...all].sort((a, b) => b[0].length - a[0].length);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");

function keepCase(original: string, neutral: string): string {
  if (original === original.toLocaleUpperCase() && original !== original.toLocaleLowerCase())
    return original.length > 1 ? neutral.toLocaleUpperCase() : neutral;
  const first = original.charAt(0);
  if (first !== first.toLocaleLowerCase())
    return neutral.charAt(0).toLocaleUpperCase() + neutral.slice(1);
  return neutral;
}

type Compiled = { pattern: RegExp; find: (topic: string) => Entry | undefined };
const compiled = new Map<string, Compiled>();

function compile(language: string): Compiled {
  const found = compiled.get(language);
  if (found) return found;
  const lexicon = lexiconFor(language);
  const latin = lexicon.filter(([topic]) => !ARABIC.test(topic));
  const arabic = lexicon.filter(([topic]) => ARABIC.test(topic));
  const determiners = [
    ...new Set(latin.flatMap(([, , shift]) => (shift ? Object.keys(shift) : []))),
  ].sort((a, b) => b.length - a.length);
  const alternatives = (entries: Lexicon) => entries.map(([topic]) => escape(topic)).join('|');
  const parts = [
    // 1: a determiner and the space after it, 2: a Latin-script topic word.
    `(?<!${LETTER})(?:((?:${determiners.map(escape).join('|') || '(?!)'})\\s+))?(${alternatives(latin) || '(?!)'})(?!${LETTER})`,
    // 3: the clitics, 4: an Arabic stem.
    `(?<![\\p{L}\\p{M}])(${ARABIC_CLITICS})(${alternatives(arabic) || '(?!)'})`,
  ];
  // The language's own entry before the English one with the same spelling ("incident").
  const byTopic = new Map<string, Entry>();
  for (const entry of lexicon) {
    const key = apostrophes(entry[0]).toLocaleLowerCase();
    if (!byTopic.has(key)) byTopic.set(key, entry);
  }
  const result = {
    pattern: new RegExp(parts.join('|'), 'giu'),
    find: (topic: string) => byTopic.get(apostrophes(topic).toLocaleLowerCase()),
  };
  compiled.set(language, result);
  return result;
}

/** The clitics before an Arabic neutral word: ل before the article drops its alef (للمجتمع). */
function arabicJoin(clitics: string, neutral: string): string {
  return /ل$/u.test(clitics) && !/لل$/u.test(clitics) && neutral.startsWith('ال')
    ? clitics + neutral.slice(1)
    : clitics + neutral;
}

/** A text with every topic word of its language (and English) replaced by its neutral words. */
export function neutralText(text: string, language: string): string {
  const { pattern, find } = compile(language);
  return text.replace(
    pattern,
    (whole, determiner?: string, topic?: string, clitics?: string, stem?: string) => {
      if (stem !== undefined) {
        const entry = find(stem);
        return entry ? arabicJoin(clitics ?? '', entry[1]) : whole;
      }
      const entry = topic === undefined ? undefined : find(topic);
      if (!entry || topic === undefined) return whole;
      const neutral = keepCase(topic, entry[1]);
      if (determiner === undefined) return neutral;
      const word = determiner.trimEnd();
      const space = determiner.slice(word.length);
      const shifted = entry[2]?.[word.toLocaleLowerCase()];
      return `${shifted === undefined ? word : keepCase(word, shifted)}${space}${neutral}`;
    },
  );
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

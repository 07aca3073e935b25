/**
 * "Could this identify someone?": details in a card or point that may point at a person or a
 * place. The phone shows them as a gentle warning before sending, never as a block, so the
 * check leans towards saying too little rather than nagging about every capital letter.
 */

export type IdentifyingKind = 'name' | 'phone' | 'email' | 'address' | 'date';

export type IdentifyingDetail = {
  kind: IdentifyingKind;
  /** The words as written, so the phone can show which part it means. */
  text: string;
  start: number;
  end: number;
};

export type CheckLanguage = 'en' | 'es' | 'fr' | 'ar';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;

/** Seven digits or more, with the usual separators: shorter runs are years, times, counts. */
const PHONE = /\+?[(]?[\d٠-٩۰-۹](?:[\d٠-٩۰-۹ ().-]{5,}[\d٠-٩۰-۹])/gu;
const MIN_PHONE_DIGITS = 7;

const MONTHS: Record<CheckLanguage, readonly string[]> = {
  en: [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'setiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  ar: [
    'يناير',
    'فبراير',
    'مارس',
    'أبريل',
    'إبريل',
    'مايو',
    'يونيو',
    'يوليو',
    'أغسطس',
    'سبتمبر',
    'أكتوبر',
    'نوفمبر',
    'ديسمبر',
    'كانون الثاني',
    'شباط',
    'آذار',
    'نيسان',
    'أيار',
    'حزيران',
    'تموز',
    'آب',
    'أيلول',
    'تشرين الأول',
    'تشرين الثاني',
    'كانون الأول',
  ],
};

const DAYS: Record<CheckLanguage, readonly string[]> = {
  en: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  ar: [],
};

/** Capitalised words that are not people: the pronoun I, and apps and services phones name. */
const NOT_NAMES: Record<CheckLanguage, readonly string[]> = {
  en: ['i', "i'm", "i've", "i'd", "i'll", 'ok'],
  es: ['ok'],
  fr: ['ok'],
  ar: [],
};
const SERVICES = [
  'whatsapp',
  'signal',
  'telegram',
  'facebook',
  'instagram',
  'twitter',
  'google',
  'gmail',
  'android',
  'iphone',
  'internet',
  'wi-fi',
  'wifi',
  'sms',
];

const STREET_WORDS: Record<CheckLanguage, RegExp> = {
  en: /\b\d{1,5}[a-zA-Z]?\s+(?:\p{Lu}[\p{L}'-]*\s+){1,3}(?:[Ss]treet|St|[Rr]oad|Rd|[Aa]venue|Ave|[Ll]ane|Ln|[Bb]oulevard|Blvd|[Dd]rive|Dr|[Ww]ay|[Cc]lose|[Ss]quare)(?![\p{L}])\.?/gu,
  es: /\b(?:calle|c\/|avenida|avda\.?|av\.|carrera|plaza|paseo|pasaje|camino|jirón)\s+(?:[\p{L}'.-]+\s+){0,4}?(?:n[º°o]\.?\s*)?\d{1,5}(?!\d)/giu,
  fr: /\b\d{1,5}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|chemin|impasse|allée|quai|route)(?![\p{L}])(?:\s+[\p{L}'-]+){0,4}/giu,
  ar: /(?:شارع|زقاق|جادة)\s+[\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+)?(?:\s*[،,]?\s*(?:رقم\s*)?[\d٠-٩]{1,5})?/gu,
};

/** Honorifics and phrases that introduce a person's name in Arabic, which has no capitals. */
const ARABIC_NAME_CUES =
  /(?:السيد|السيدة|الأستاذ|الأستاذة|الدكتور|الدكتورة|المحامي|المحامية|الزميل|الزميلة|اسمه|اسمها|يدعى|تدعى|يُدعى|تُدعى)\s+([\p{L}\p{M}]+)/gu;

/** Every detail in the text that might identify someone, in the order they appear. */
export function findIdentifyingDetails(text: string, lang: CheckLanguage): IdentifyingDetail[] {
  const found = [
    ...matchAll(text, EMAIL, 'email'),
    // Before the phones: a numeric date such as 2026-04-09 is a date, not a number to call.
    ...findDates(text, lang),
    ...findPhones(text),
    ...matchAll(text, STREET_WORDS[lang], 'address'),
    ...findNames(text, lang),
  ];
  return withoutOverlaps(found);
}

function matchAll(text: string, pattern: RegExp, kind: IdentifyingKind): IdentifyingDetail[] {
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((match) => ({
    kind,
    text: match[0].trim(),
    start: match.index,
    end: match.index + match[0].trimEnd().length,
  }));
}

function findPhones(text: string): IdentifyingDetail[] {
  return matchAll(text, PHONE, 'phone').filter(
    (detail) => (detail.text.match(/[\d٠-٩۰-۹]/gu)?.length ?? 0) >= MIN_PHONE_DIGITS,
  );
}

/** A day with its month ("12 March", "March 12", "12 de marzo", "١٢ مارس") or a numeric date. */
function findDates(text: string, lang: CheckLanguage): IdentifyingDetail[] {
  const months = MONTHS[lang].map(escapeForPattern).join('|');
  const day = '[\\d٠-٩]{1,2}(?:st|nd|rd|th|er|º)?';
  const dayMonth = new RegExp(
    `(?<![\\p{L}\\p{N}])${day}\\s+(?:de\\s+)?(?:${months})(?![\\p{L}])`,
    'giu',
  );
  const monthDay = new RegExp(`(?<![\\p{L}])(?:${months})\\s+${day}(?![\\p{N}])`, 'giu');
  const numeric =
    /(?<![\d/.-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))(?![\d/-]|\.\d)/g;
  return [
    ...matchAll(text, dayMonth, 'date'),
    ...(lang === 'en' ? matchAll(text, monthDay, 'date') : []),
    ...matchAll(text, numeric, 'date'),
  ];
}

function findNames(text: string, lang: CheckLanguage): IdentifyingDetail[] {
  if (lang === 'ar') return [...findArabicNames(text), ...findCapitalisedNames(text, 'en')];
  return findCapitalisedNames(text, lang);
}

function findArabicNames(text: string): IdentifyingDetail[] {
  return [...text.matchAll(ARABIC_NAME_CUES)].map((match) => {
    const name = match[1] ?? '';
    const start = match.index + match[0].length - name.length;
    return { kind: 'name' as const, text: name, start, end: start + name.length };
  });
}

/**
 * Words with a capital that do not start a sentence, and are neither months, days, the
 * pronoun I, acronyms nor the apps phones name. Consecutive ones form one name ("Ana Pérez").
 */
function findCapitalisedNames(text: string, lang: CheckLanguage): IdentifyingDetail[] {
  const ignored = new Set([...MONTHS[lang], ...DAYS[lang], ...NOT_NAMES[lang], ...SERVICES]);
  const words = [...text.matchAll(/[\p{L}\p{M}'’-]+/gu)];
  const names: IdentifyingDetail[] = [];
  for (const word of words) {
    const value = word[0];
    const start = word.index;
    if (!isNameLike(value, ignored) || startsSentence(text, start)) continue;
    const last = names.at(-1);
    if (last && /^\s+$/u.test(text.slice(last.end, start))) {
      last.text = text.slice(last.start, start + value.length);
      last.end = start + value.length;
    } else names.push({ kind: 'name', text: value, start, end: start + value.length });
  }
  return names;
}

function isNameLike(word: string, ignored: ReadonlySet<string>): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
  return !ignored.has(word.toLowerCase().replace('’', "'"));
}

/** At the start of the text, a line, or after a sentence's end (., !, ?, :, ¿, ¡, a bullet). */
function startsSentence(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/[\s"'«“(¿¡-]+$/u, '');
  return before === '' || /[.!?:;…•\n]$/u.test(before) || /\n\s*$/u.test(text.slice(0, index));
}

/** A phone number inside an address, or a name inside a date, is reported once, by its wider match. */
function withoutOverlaps(details: IdentifyingDetail[]): IdentifyingDetail[] {
  const sorted = [...details].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: IdentifyingDetail[] = [];
  for (const detail of sorted) {
    const last = kept.at(-1);
    if (last && detail.start < last.end) continue;
    kept.push(detail);
  }
  return kept;
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

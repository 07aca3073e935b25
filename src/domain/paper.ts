import type { Timetable } from './planSchema';

/**
 * Paper keyed back in: cards, answers and plan measures written on paper, typed in by the
 * facilitator. Each gets a device id of its own, marked as paper, so it is
 * never counted under (or shown as the own card of) a participant's phone.
 */
export const PAPER_DEVICE_PREFIX = 'paper_';

/** A fresh device id for one thing entered from paper, from a random token of the room's alphabet. */
export function paperDevice(randomToken: () => string): string {
  return `${PAPER_DEVICE_PREFIX}${randomToken()}`;
}

/** Entered by the facilitator from paper (a phone's random id starts so about once in 2^36). */
export function isFromPaper(device: string): boolean {
  return device.startsWith(PAPER_DEVICE_PREFIX);
}

/** The words a language writes a timetable with on paper, each list lower-case. */
export type TimetableWords = {
  /** "within", "in": before a period to be done within. */
  within: readonly string[];
  /** "every", "each": before a period that recurs. */
  every: readonly string[];
  /** "weekly", "monthly": a recurrence in one word. */
  weekly: readonly string[];
  monthly: readonly string[];
  week: readonly string[];
  month: readonly string[];
  /** "a", "one": a count of one in words ("within a month"). */
  one: readonly string[];
};

export type TimetableReading =
  { ok: true; timetable: Timetable | null } | { ok: false; text: string };

const ARABIC_INDIC = /[\u0660-\u0669\u06f0-\u06f9]/g;
/** Direction marks, which an Arabic date written by the browser carries between its parts. */
const BIDI_MARKS = /[\u061c\u200e\u200f]/g;

function westernDigits(text: string): string {
  return text
    .replace(BIDI_MARKS, '')
    .replace(ARABIC_INDIC, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A "by when" as written in a paper plan table, read into a timetable: a date
 * (2027-03-31, or 31/3/2027 with the day first where the language writes it so;
 * a two-digit year is this century), a period to be done within ("2 weeks",
 * "within 3 months", "1m") or a recurrence ("every month", "monthly", "every 2 weeks").
 * Empty is no timetable yet; anything else is not understood, and said so, never guessed.
 */
export function readTimetable(
  written: string,
  words: TimetableWords,
  dayFirst: boolean,
): TimetableReading {
  const text = westernDigits(written).trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return { ok: true, timetable: null };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date ? { ok: true, timetable: { kind: 'by', date } } : { ok: false, text: written };
  }
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (numeric) {
    const [first, second] = [Number(numeric[1]), Number(numeric[2])];
    const year = numeric[3]!.length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
    const [day, month] = dayFirst ? [first, second] : [second, first];
    const date = isoDate(year, month, day);
    return date ? { ok: true, timetable: { kind: 'by', date } } : { ok: false, text: written };
  }
  if (words.weekly.includes(text))
    return { ok: true, timetable: { kind: 'every', count: 1, unit: 'week' } };
  if (words.monthly.includes(text))
    return { ok: true, timetable: { kind: 'every', count: 1, unit: 'month' } };
  const lead = (list: readonly string[]) =>
    [...list]
      .sort((a, b) => b.length - a.length)
      .find((word) => text === word || text.startsWith(`${word} `));
  const everyWord = lead(words.every);
  const withinWord = everyWord ? undefined : lead(words.within);
  const rest = text.slice((everyWord ?? withinWord ?? '').length).trim();
  const period = /^(?:(\d{1,2}) ?|(\p{L}+) )?(\p{L}+)\.?$/u.exec(rest);
  const word = period?.[3] ?? '';
  const unit = words.week.includes(word) ? 'week' : words.month.includes(word) ? 'month' : null;
  const said = period?.[1] ?? period?.[2];
  const count =
    said === undefined || words.one.includes(said) ? 1 : /^\d+$/.test(said) ? Number(said) : NaN;
  // A bare unit ("month") says no more than a count with no verb: only "every month" or "within a month".
  const bare = said === undefined && !everyWord && !withinWord;
  if (!unit || !(count >= 1 && count <= 99) || bare) return { ok: false, text: written };
  return { ok: true, timetable: { kind: everyWord ? 'every' : 'within', count, unit } };
}

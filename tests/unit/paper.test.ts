import { describe, expect, it } from 'vitest';
import { readTimetable, type TimetableWords } from '../../src/domain/paper';
import ar from '../../src/i18n/locales/ar.json';
import en from '../../src/i18n/locales/en.json';
import es from '../../src/i18n/locales/es.json';
import fr from '../../src/i18n/locales/fr.json';

/** The words as the paper entry reads them from a locale. */
function wordsOf(locale: { paper: { words: Record<keyof TimetableWords, string> } }) {
  return Object.fromEntries(
    Object.entries(locale.paper.words).map(([list, value]) => [list, value.split('|')]),
  ) as unknown as TimetableWords;
}

const read = (text: string, locale = en, dayFirst = false) =>
  readTimetable(text, wordsOf(locale), dayFirst);

describe('a "by when" written on a paper plan table', () => {
  it('reads dates in ISO form and in the order the language writes them', () => {
    expect(read('2027-03-31')).toEqual({ ok: true, timetable: { kind: 'by', date: '2027-03-31' } });
    expect(read('3/31/2027')).toEqual({ ok: true, timetable: { kind: 'by', date: '2027-03-31' } });
    expect(read('31/3/27', es, true)).toEqual({
      ok: true,
      timetable: { kind: 'by', date: '2027-03-31' },
    });
    expect(read('31.03.2027', fr, true).ok).toBe(true);
    // An Arabic date as the browser writes it: Arabic-Indic digits and direction marks.
    expect(read('٣١\u200f/٣\u200f/٢٠٢٧', ar, true)).toEqual({
      ok: true,
      timetable: { kind: 'by', date: '2027-03-31' },
    });
  });

  it('refuses dates that do not exist rather than rolling them over', () => {
    expect(read('2027-02-30')).toEqual({ ok: false, text: '2027-02-30' });
    expect(read('31/3/2027')).toEqual({ ok: false, text: '31/3/2027' }); // month first in English
  });

  it('reads periods and recurrences in each language', () => {
    const within = (count: number, unit: string) => ({
      ok: true,
      timetable: { kind: 'within', count, unit },
    });
    const every = (count: number, unit: string) => ({
      ok: true,
      timetable: { kind: 'every', count, unit },
    });
    expect(read('2 weeks')).toEqual(within(2, 'week'));
    expect(read('Within 3 Months')).toEqual(within(3, 'month'));
    expect(read('1m')).toEqual(within(1, 'month'));
    expect(read('within a month')).toEqual(within(1, 'month'));
    expect(read('every month')).toEqual(every(1, 'month'));
    expect(read('every 2 weeks')).toEqual(every(2, 'week'));
    expect(read('weekly')).toEqual(every(1, 'week'));
    expect(read('en un plazo de 3 meses', es)).toEqual(within(3, 'month'));
    expect(read('cada mes', es)).toEqual(every(1, 'month'));
    expect(read('sous 2 semaines', fr)).toEqual(within(2, 'week'));
    expect(read('tous les mois', fr)).toEqual(every(1, 'month'));
    expect(read('خلال ٣ أشهر', ar)).toEqual(within(3, 'month'));
    expect(read('كل أسبوع', ar)).toEqual(every(1, 'week'));
    expect(read('شهريًا', ar)).toEqual(every(1, 'month'));
  });

  it('is empty for no timetable, and says what it cannot read instead of guessing', () => {
    expect(read('  ')).toEqual({ ok: true, timetable: null });
    for (const text of ['month', 'soon', 'every 200 weeks', 'within 0 months', 'every day', 'ASAP'])
      expect(read(text), text).toEqual({ ok: false, text });
  });
});

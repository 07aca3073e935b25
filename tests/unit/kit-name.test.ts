// @vitest-environment node
/**
 * A phone that opens a wrong address, or a console that refuses a file, must not name the
 * kit on the screen: a name that says "security workshop" is what discreet mode hides. Only
 * the console's own title and the credit line in exports carry it, and discreet mode swaps
 * both for neutral words.
 */
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/locales/en.json';
import es from '../../src/i18n/locales/es.json';
import fr from '../../src/i18n/locales/fr.json';
import ar from '../../src/i18n/locales/ar.json';

type Strings = { [key: string]: string | Strings };

function keysNaming(strings: Strings, words: string, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([key, value]) =>
    typeof value === 'string'
      ? value.includes(words)
        ? [prefix + key]
        : []
      : keysNaming(value, words, `${prefix}${key}.`),
  );
}

describe('strings that name the kit', () => {
  it.each([
    ['en', en],
    ['es', es],
    ['fr', fr],
    ['ar', ar],
  ])('%s names it only in the console title and the export credit', (_lang, strings) => {
    expect(keysNaming(strings as Strings, 'Security Workshop Kit')).toEqual([
      'app.name',
      'content.kitCredit',
    ]);
  });
});

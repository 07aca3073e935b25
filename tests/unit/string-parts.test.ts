import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/locales/en.json';
import es from '../../src/i18n/locales/es.json';
import fr from '../../src/i18n/locales/fr.json';
import ar from '../../src/i18n/locales/ar.json';
import { FIRST_STRINGS, stringPart } from '../../src/i18n/stringParts';

type Tree = { [key: string]: unknown };

function merge(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] =
      mine && typeof mine === 'object' && value && typeof value === 'object'
        ? merge(mine as Tree, value as Tree)
        : value;
  }
  return out;
}

/** The files drawn before the live room, the console or the projector has loaded. */
const FIRST_SCREEN = [
  'src/app/App.tsx',
  'src/app/Shell.tsx',
  'src/app/LanguagePicker.tsx',
  'src/app/PageErrorBoundary.tsx',
  'src/features/join/JoinPage.tsx',
  'src/features/join/JoinByCode.tsx',
  'src/features/join/ProjectorByCode.tsx',
  'src/features/room/PhoneWelcomeFrame.tsx',
];

describe("the strings' two parts", () => {
  it.each([
    ['en', en],
    ['es', es],
    ['fr', fr],
    ['ar', ar],
  ])('together give back the whole of %s, and the first part is small', (_, strings) => {
    const first = stringPart(strings, 'first');
    const rest = stringPart(strings, 'rest');
    expect(merge(rest, first)).toEqual(strings);
    expect(JSON.stringify(first).length).toBeLessThan(JSON.stringify(strings).length / 4);
    // The rest has none of the first part's strings.
    expect((rest.phone as Tree).welcomeGo).toBeUndefined();
    expect(rest.join).toBeUndefined();
  });

  it("hold in the first part every string the first screens' code names", () => {
    const first = stringPart(en, 'first');
    const missing: string[] = [];
    for (const file of FIRST_SCREEN) {
      const source = readFileSync(file, 'utf8');
      for (const [, key = ''] of source.matchAll(/\bt\(\s*['`]([a-zA-Z]+\.[a-zA-Z.]*)/g)) {
        // A template key (`status.${status}`) names its prefix: the whole of it must be there.
        const path = key.replace(/\.$/, '').split('.');
        let node: unknown = first;
        for (const part of path) node = (node as Tree | undefined)?.[part];
        if (node === undefined) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(FIRST_STRINGS.length).toBeGreaterThan(0);
  });
});

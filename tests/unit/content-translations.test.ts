// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/content/readContentFiles';
import { LANGUAGES, type ContentEntry } from '../../src/content/schema';
import { validateContent, type ContentLibrary } from '../../src/content/validate';

/** Values a translation must keep exactly: ids, keys, kinds, tools, references, flags. */
const KEPT = new Set([
  'id',
  'key',
  'kind',
  'format',
  'tool',
  'suggestedAnswer',
  'origin',
  'count',
  'cases',
  'templates',
  'shareable',
  'optional',
  'person',
]);

/**
 * What a translation shares with its English original: every number, id and
 * key, and the shape (how many situations, steps, points, rows...). Texts
 * become a mark, so only their presence and place are compared.
 */
function skeleton(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => skeleton(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'lang')
        .map(([k, v]) => [k, skeleton(v, k)]),
    );
  }
  if (typeof value === 'string') return KEPT.has(key) ? value : 'text';
  return value;
}

const { library, errors } = validateContent(readContentFiles(process.cwd()));
const folders: (keyof ContentLibrary)[] = ['sessions', 'cases', 'templates'];
type Entry = ContentEntry<{ id: string; adaptation: string; title: string; summary: string }>;
const entries = (folder: keyof ContentLibrary, lang: (typeof LANGUAGES)[number]) =>
  library[folder][lang] as Entry[];
const translated = ['es', 'fr', 'ar'] as const;

describe('translated content', () => {
  it('validates', () => {
    expect(errors).toEqual([]);
  });

  for (const lang of translated) {
    it(`keeps in ${lang} every id, option key, number and list length of the English files`, () => {
      expect(LANGUAGES).toContain(lang);
      for (const folder of folders) {
        const english = entries(folder, 'en');
        expect(english.length).toBeGreaterThan(0);
        for (const original of english) {
          const translation = entries(folder, lang).find((e) => e.data.id === original.data.id);
          expect(translation, `${folder}/${lang}/${original.data.id}.md`).toBeDefined();
          expect(skeleton(translation?.data), translation?.file).toEqual(skeleton(original.data));
        }
      }
    });
  }

  it('says in every French file that it is the project translation, with its own French wording', () => {
    const french = folders.flatMap((folder) => entries(folder, 'fr'));
    expect(french).toHaveLength(10);
    for (const { file, data } of french) {
      expect(data.adaptation, file).toContain('traduction française, par le projet');
      const english = folders
        .flatMap((folder) => entries(folder, 'en'))
        .find((e) => e.data.id === data.id && e.file.split('/').at(-3) === file.split('/').at(-3));
      expect(data.title, file).not.toBe(english?.data.title);
      expect(data.summary, file).not.toBe(english?.data.summary);
    }
  });

  it('says in every Arabic file that it is the project translation, in Arabic script', () => {
    const arabic = folders.flatMap((folder) => entries(folder, 'ar'));
    expect(arabic).toHaveLength(10);
    for (const { file, data } of arabic) {
      expect(data.adaptation, file).toContain('ترجمة المشروع');
      // The title and summary are in Arabic script, not English left in place.
      expect(`${data.title} ${data.summary}`, file).toMatch(/^[^A-Za-z]*(?:[A-D]\b[^A-Za-z]*)*$/);
    }
  });
});

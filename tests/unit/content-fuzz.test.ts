// @vitest-environment node
/**
 * A fuzzer of front matter: real content files with lines deleted, values of
 * the wrong type or enormous, keys repeated, YAML broken. Every mutant must get
 * a clear error naming its file (or pass, when the mutation happens to be
 * harmless), never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/content/readContentFiles';
import { validateContent } from '../../src/content/validate';

const files = readContentFiles(process.cwd());

type Mutation =
  | { kind: 'delete'; line: number }
  | { kind: 'wrongType'; line: number; value: string }
  | { kind: 'huge'; line: number }
  | { kind: 'duplicate'; line: number }
  | { kind: 'garbage'; line: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), line: fc.nat() }),
  fc.record({
    kind: fc.constant('wrongType' as const),
    line: fc.nat(),
    value: fc.constantFrom('42', 'true', 'null', '[]', '{}', '-1', '0.5', '"x"', '~'),
  }),
  fc.record({ kind: fc.constant('huge' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat() }),
  fc.record({
    kind: fc.constant('garbage' as const),
    line: fc.nat(),
    text: fc.constantFrom(': :', '- [', '{{', '&anchor *ref', '\t- x', '"unclosed', '!!binary x'),
  }),
);

function mutate(source: string, mutations: Mutation[]): string {
  const end = source.indexOf('\n---', 3);
  const lines = source.slice(0, end).split('\n');
  for (const m of mutations) {
    const at = 1 + (m.line % Math.max(1, lines.length - 1)); // never the opening ---
    const line = lines[at] ?? '';
    const key = /^(\s*-?\s*[\w-]+:)/.exec(line)?.[1];
    if (m.kind === 'delete') lines.splice(at, 1);
    if (m.kind === 'wrongType' && key) lines[at] = `${key} ${m.value}`;
    if (m.kind === 'huge' && key) lines[at] = `${key} "${'x'.repeat(200_000)}"`;
    if (m.kind === 'duplicate') lines.splice(at, 0, line);
    if (m.kind === 'garbage') lines.splice(at, 0, m.text);
  }
  return `${lines.join('\n')}${source.slice(end)}`;
}

describe('content files with broken front matter', () => {
  it('always get an error naming the file, never an exception', () => {
    expect(files.length).toBeGreaterThan(10);
    let rejected = 0;
    fc.assert(
      fc.property(
        fc.nat(files.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (index, mutations) => {
          const file = files[index];
          if (!file) return;
          const broken = { ...file, source: mutate(file.source, mutations) };
          // References reach only the file's own language and English: the other languages
          // would only make every run longer (40 files at four languages).
          const lang = (path: string) => path.split('/').at(-2);
          const others = files.filter(
            (f) =>
              f.path !== file.path && (lang(f.path) === lang(file.path) || lang(f.path) === 'en'),
          );
          const { errors } = validateContent([...others, broken]);
          if (broken.source === file.source) return;
          for (const error of errors) expect(error).toMatch(/\S/);
          if (errors.length > 0) {
            rejected += 1;
            expect(errors.some((e) => e.includes(file.path))).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
    // Most mutations break something; the fuzzer is not just passing through.
    expect(rejected).toBeGreaterThan(100);
    // Each of the 200 runs validates the whole library again (40 files in four languages).
  }, 60_000);
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/content/readContentFiles';
import { LANGUAGES } from '../../src/content/languages';
import { missingTranslations, validateContent } from '../../src/content/validate';
import { files, validQuiz, validSession } from './content-fixtures';

const errorsFor = (overrides: Record<string, string>) => validateContent(files(overrides)).errors;

describe('the content schema', () => {
  it('accepts every content file the project ships, in English and Spanish', () => {
    const { library, errors } = validateContent(readContentFiles(process.cwd()));
    expect(errors).toEqual([]);
    for (const lang of ['en', 'es'] as const) {
      expect(library.sessions[lang].map((s) => s.data.id).sort()).toEqual([
        'organisational-plans-and-protocols',
        'security-incidents',
        'security-plan',
      ]);
      expect(library.cases[lang].map((c) => c.data.id).sort()).toEqual([
        'case-analysis-1',
        'case-analysis-2',
        'own-incidents-timeline',
        'role-play-followed',
      ]);
      expect(library.templates[lang]).toHaveLength(3);
    }
  });

  it('has every file English has in every language of the list', () => {
    const { library } = validateContent(readContentFiles(process.cwd()));
    expect(missingTranslations(library)).toEqual([]);
    for (const lang of LANGUAGES) {
      expect(library.sessions[lang]).toHaveLength(3);
      expect(library.cases[lang]).toHaveLength(4);
      expect(library.templates[lang]).toHaveLength(3);
    }
  });

  it('names a file that a language lacks and English has', () => {
    const { library } = validateContent(files({}));
    const errors = missingTranslations(library);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors).toContain(
      'sessions/fr/demo-session.md: missing; English has sessions/en/demo-session.md',
    );
  });

  it('accepts the small valid fixtures', () => {
    expect(errorsFor({})).toEqual([]);
  });

  it('names the file and field of a missing field', () => {
    const broken = validSession.replace('summary: A session for tests.\n', '');
    expect(errorsFor({ 'sessions/en/demo-session.md': broken })).toEqual([
      'sessions/en/demo-session.md: summary: missing; expected string',
    ]);
  });

  it('takes a content note on a session or a case, and names file and field of a bad one', () => {
    const noted = validSession.replace(
      'summary: A session for tests.\n',
      'summary: A session for tests.\ncontentNote: It asks about hard moments.\n',
    );
    const { library, errors } = validateContent(files({ 'sessions/en/demo-session.md': noted }));
    expect(errors).toEqual([]);
    expect(library.sessions.en[0]?.data.contentNote).toBe('It asks about hard moments.');
    const long = validQuiz.replace(/^kind: case$/m, `kind: case\ncontentNote: ${'x'.repeat(401)}`);
    expect(errorsFor({ 'cases/en/demo-quiz.md': long })).toEqual([
      'cases/en/demo-quiz.md: contentNote: expected at most 400 characters',
    ]);
    const empty = validQuiz.replace(/^kind: case$/m, 'kind: case\ncontentNote: " "');
    expect(errorsFor({ 'cases/en/demo-quiz.md': empty })).toEqual([
      'cases/en/demo-quiz.md: contentNote: expected a non-empty text',
    ]);
  });

  it('ships content notes for the own-incidents timeline and the role-play in every language', () => {
    const { library } = validateContent(readContentFiles(process.cwd()));
    for (const lang of LANGUAGES) {
      for (const id of ['own-incidents-timeline', 'role-play-followed']) {
        const found = library.cases[lang].find((c) => c.data.id === id);
        expect(found?.data.contentNote, `${lang} ${id}`).toMatch(/\S{3}/);
      }
    }
  });

  it('names the field of a wrong type', () => {
    const broken = validSession.replace('minutes: 10', 'minutes: ten');
    expect(errorsFor({ 'sessions/en/demo-session.md': broken })).toContainEqual(
      'sessions/en/demo-session.md: agenda.0.minutes: expected number, found string',
    );
  });

  it('rejects an unknown tool, listing the known ones', () => {
    const broken = validSession.replace('tool: slides', 'tool: karaoke');
    const [error] = errorsFor({ 'sessions/en/demo-session.md': broken });
    expect(error).toMatch(
      /^sessions\/en\/demo-session\.md: agenda\.0\.tool: expected one of "slides", "quiz"/,
    );
  });

  it('rejects a reference to a case that does not exist', () => {
    const broken = validSession.replace('cases: [demo-quiz]', 'cases: [no-such-case]');
    expect(errorsFor({ 'sessions/en/demo-session.md': broken })).toEqual([
      'sessions/en/demo-session.md: agenda.1.cases.0: unknown case "no-such-case" (known: demo-quiz)',
    ]);
  });

  it('rejects agenda minutes that do not add up to the stated duration', () => {
    const broken = validSession.replace('durationMinutes: 30', 'durationMinutes: 45');
    expect(errorsFor({ 'sessions/en/demo-session.md': broken })).toEqual([
      "sessions/en/demo-session.md: agenda: the agenda's minutes (optional activities left out) add up to 30, but durationMinutes is 45",
    ]);
  });

  it('rejects a quiz option with no model answer', () => {
    const broken = validQuiz.replace('      B: { text: Not quite, origin: project }\n', '');
    expect(errorsFor({ 'cases/en/demo-quiz.md': broken })).toEqual([
      'cases/en/demo-quiz.md: situations.0.modelAnswers: situation 1.1 has no model answer for option B',
    ]);
  });

  it('rejects a duplicate id inside a file', () => {
    const broken = validSession.replace('id: practice', 'id: introduction');
    expect(errorsFor({ 'sessions/en/demo-session.md': broken })).toEqual([
      'sessions/en/demo-session.md: agenda.1: duplicate id "introduction"',
    ]);
  });

  it('rejects a file whose id is not its file name, and so cannot duplicate another', () => {
    expect(errorsFor({ 'sessions/en/copy.md': validSession })).toEqual([
      'sessions/en/copy.md: id: expected "copy" (the file name), found "demo-session"',
    ]);
  });

  it('rejects a file in the wrong language folder', () => {
    expect(errorsFor({ 'sessions/es/demo-session.md': validSession })).toEqual([
      'sessions/es/demo-session.md: lang: expected "es" (the folder), found "en"',
    ]);
  });

  it('explains broken YAML and a missing front matter', () => {
    expect(errorsFor({ 'cases/en/demo-quiz.md': '---\ntitle: [unclosed\n---\n' })[0]).toMatch(
      /^cases\/en\/demo-quiz\.md: front matter is not valid YAML \(line \d+\)/,
    );
    expect(errorsFor({ 'cases/en/demo-quiz.md': 'just text' })).toEqual([
      'cases/en/demo-quiz.md: expected YAML front matter between two "---" lines at the top',
    ]);
  });

  it('reports every broken file at once', () => {
    const errors = errorsFor({
      'sessions/en/demo-session.md': validSession.replace('title: Demo session\n', ''),
      'cases/en/demo-quiz.md': validQuiz.replace(
        'keyPoint: When in doubt, react to the worst case.\n',
        '',
      ),
    });
    expect(errors).toEqual([
      'cases/en/demo-quiz.md: keyPoint: missing; expected string',
      'sessions/en/demo-session.md: title: missing; expected string',
    ]);
  });
});

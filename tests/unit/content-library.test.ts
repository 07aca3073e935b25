// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findSession, listSessions } from '../../src/content/library';
import { validateContent } from '../../src/content/validate';
import { files, validSession } from './content-fixtures';

const spanish = validSession
  .replace('lang: en', 'lang: es')
  .replace('title: Demo session', 'title: Sesión de prueba');

describe('content in the participants language', () => {
  const { library } = validateContent([
    ...files(),
    { path: 'sessions/es/demo-session.md', source: spanish },
  ]);

  it('uses the Spanish file in Spanish', () => {
    expect(findSession(library, 'demo-session', 'es')).toMatchObject({
      lang: 'es',
      fallback: false,
      data: { title: 'Sesión de prueba' },
    });
  });

  it('falls back to English, flagged, where a language has no file', () => {
    const { library: englishOnly } = validateContent(files());
    expect(findSession(englishOnly, 'demo-session', 'es')).toMatchObject({
      lang: 'en',
      fallback: true,
    });
    expect(findSession(library, 'demo-session', 'ar')).toMatchObject({
      lang: 'en',
      fallback: true,
    });
  });

  it('lists every session once, in the best language', () => {
    expect(listSessions(library, 'es').map((s) => s.data.title)).toEqual(['Sesión de prueba']);
  });

  it('finds nothing for an unknown id', () => {
    expect(findSession(library, 'nope', 'en')).toBeUndefined();
  });
});

// @vitest-environment node
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/content/readContentFiles';
import { validateContent } from '../../src/content/validate';
import { sessionSlides } from '../../src/features/slides/sessionSlides';
import en from '../../src/i18n/locales/en.json';
import es from '../../src/i18n/locales/es.json';

const { library } = validateContent(readContentFiles(process.cwd()));

describe('a session’s slides', () => {
  it.each([
    ['en', en],
    ['es', es],
  ] as const)(
    'are built from its %s content, with notes from the tips and challenges',
    async (lang, strings) => {
      const t = i18next.createInstance();
      await t.init({ lng: lang, resources: { [lang]: { translation: strings } } });
      const session = library.sessions[lang].find((s) => s.data.id === 'security-incidents')?.data;
      if (!session) throw new Error('no session');
      const slides = sessionSlides(session, t.t);
      expect(slides[0]?.title).toBe(session.title);
      expect(slides[1]).toMatchObject({
        title: strings.session.learningObjectives,
        points: session.learningObjectives,
      });
      expect(slides[1]?.notes).toEqual(session.challenges);
      const structure = slides.find((s) => s.title === strings.agenda.caption);
      expect(structure?.points).toHaveLength(session.agenda.filter((i) => !i.optional).length);
      const react = session.agenda.find((i) => i.id === 'assess-and-react');
      const reactSlide = slides.find((s) => s.title === react?.title);
      expect(reactSlide?.numbered).toBe(true);
      expect(reactSlide?.notes).toEqual(expect.arrayContaining(react?.tips ?? []));
      // The conclusion, then the credits close the deck: every source with its licence, and the kit.
      expect(slides.at(-2)?.title).toBe(session.agenda.at(-1)?.title);
      const credits = slides.at(-1);
      expect(credits?.title).toBe(strings.slides.credits);
      expect(credits?.points).toHaveLength(session.source.length + 1);
      for (const [index, source] of session.source.entries()) {
        expect(credits?.points[index]).toContain(source.title);
        expect(credits?.points[index]).toContain(source.licence);
        if (source.authors) expect(credits?.points[index]).toContain(source.authors);
      }
      expect(credits?.points.at(-1)).toBe(strings.content.kitCredit);
    },
  );
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/content/readContentFiles';
import { validateContent } from '../../src/content/validate';
import { LANGUAGES } from '../../src/content/languages';
import { threeStepsSheet } from '../../src/pdf/sheets';
import { translator } from '../support/translator';

const { library } = validateContent(readContentFiles(process.cwd()));

describe('the three steps printed for the room', () => {
  it.each(LANGUAGES)(
    'carry the prompts only, never the facilitator’s advice (%s)',
    async (lang) => {
      const play = library.cases[lang].find((c) => c.data.id === 'role-play-followed')?.data;
      if (play?.format !== 'roleplay') throw new Error('no role-play');
      const notes = play.steps.flatMap((step) => step.facilitatorNote ?? []);
      expect(notes.length).toBeGreaterThan(0); // the register step's advice, kept for the console
      const sheet = threeStepsSheet(play, await translator(lang), 'ltr');
      const printed = JSON.stringify(sheet);
      for (const note of notes) expect(printed).not.toContain(note);
      for (const step of play.steps)
        for (const prompt of step.prompts)
          expect(printed).toContain(JSON.stringify(prompt).slice(1, -1));
    },
  );
});

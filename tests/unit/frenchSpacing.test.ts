import { describe, expect, it } from 'vitest';
import { frenchSpacing, withFrenchSpacing } from '../../src/pdf/frenchSpacing';

const N = '\u202f';

describe('French spacing on the sheets', () => {
  it('puts a narrow no-break space before the double signs, whether the text had a space or none', () => {
    expect(frenchSpacing('Situation 1.2: Que faire ?')).toBe(`Situation 1.2${N}: Que faire${N}?`);
    expect(frenchSpacing('Source : Manuel ; chapitre 1.7 !')).toBe(
      `Source${N}: Manuel${N}; chapitre 1.7${N}!`,
    );
    expect(frenchSpacing('« Menace »')).toBe(`«${N}Menace${N}»`);
  });

  it('leaves clock times, addresses, ratios and paired marks alone', () => {
    for (const text of ['9:00–9:10', 'https://example.org', 'A:B', 'Vraiment ?!'])
      expect(frenchSpacing(text).replace(N, ' ')).toBe(text.replace(N, ' '));
    expect(frenchSpacing('Vraiment?!')).toBe(`Vraiment${N}?!`);
  });

  it('reaches every string of a sheet and nothing else', () => {
    const sheet = {
      title: 'Plan: bureau',
      direction: 'ltr' as const,
      fit: true,
      blocks: [{ kind: 'bullets', items: ['A: oui', 'B: non'] }],
    };
    expect(withFrenchSpacing(sheet)).toEqual({
      title: `Plan${N}: bureau`,
      direction: 'ltr',
      fit: true,
      blocks: [{ kind: 'bullets', items: [`A${N}: oui`, `B${N}: non`] }],
    });
  });
});

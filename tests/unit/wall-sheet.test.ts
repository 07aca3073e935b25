// @vitest-environment node
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CountedOnly, Severity, TimelineCard } from '../../src/domain/timeline';
import en from '../../src/i18n/locales/en.json';
import { wallSheet } from '../../src/pdf/sheets';

const card = (
  id: string,
  severity: Severity,
  month: string | null,
  extra: Partial<TimelineCard> = {},
): TimelineCard => ({
  id,
  text: `card ${id}`,
  severity,
  month,
  author: null,
  createdAt: Number(id),
  hidden: false,
  note: null,
  ...extra,
});

async function sheetText(
  cards: TimelineCard[],
  shown: Severity[],
  counted: CountedOnly[] = [],
): Promise<string[]> {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'en', resources: { en: { translation: en } } });
  const sheet = wallSheet(
    cards,
    { months: ['2026-03', '2026-04'], shown: new Set(shown) },
    { title: 'Wall', month: (m) => `month ${m}`, notPlaced: 'Not placed' },
    instance.t,
    'ltr',
    {},
    counted,
  );
  return sheet.blocks.flatMap((b) =>
    b.kind === 'heading' || b.kind === 'paragraph'
      ? [b.text]
      : b.kind === 'marked'
        ? b.items.map((i) => i.text)
        : [],
  );
}

describe('the wall on paper', () => {
  it('prints what the wall shows: its months, its severities, never a hidden card', async () => {
    const cards = [
      card('1', 'red', '2026-03'),
      card('2', 'green', '2026-03'),
      card('3', 'yellow', '2026-04', { hidden: true }),
      card('4', 'red', null),
      card('5', 'red', '2025-01'),
    ];
    expect(await sheetText(cards, ['red', 'yellow'])).toEqual([
      'month 2026-03 (1)',
      'Red: serious: card 1',
      'Not placed (1)',
      'Red: serious: card 4',
    ]);
  });

  it('prints every severity when all are shown, months oldest first', async () => {
    const cards = [card('2', 'green', '2026-04'), card('1', 'yellow', '2026-03')];
    expect(await sheetText(cards, ['red', 'yellow', 'green'])).toEqual([
      'month 2026-03 (1)',
      'Yellow: medium: card 1',
      'month 2026-04 (1)',
      'Green: low: card 2',
    ]);
  });

  it('adds counted cards to their month, as the projector does, with no text of theirs', async () => {
    const cards = [card('1', 'red', '2026-03')];
    const counted: CountedOnly[] = [
      { month: '2026-03', severity: 'yellow' },
      { month: '2026-04', severity: 'red' },
      { month: '2026-04', severity: 'red' },
      // A severity the wall does not show, and a card with no month, count nowhere (as on the projector).
      { month: '2026-04', severity: 'green' },
      { month: null, severity: 'red' },
    ];
    expect(await sheetText(cards, ['red', 'yellow'], counted)).toEqual([
      'month 2026-03 (2)',
      'Red: serious: card 1',
      'Counted on the wall, not shown: 1',
      'month 2026-04 (2)',
      'Counted on the wall, not shown: 2',
    ]);
  });
});

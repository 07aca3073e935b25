// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  canPublishText,
  heldBackCount,
  moderationQueue,
  sendsInTheClear,
  type Decision,
  type OpenedItem,
} from '../../src/domain/consent';
import { wallColumns } from '../../src/domain/timeline';

const item = (id: string, choice: OpenedItem['choice'], createdAt: number): OpenedItem => ({
  id,
  choice,
  createdAt,
});

describe('who may see a card', () => {
  it('lets only a text given to the room be published, and only that one go out as written on an open wall', () => {
    expect(canPublishText('room')).toBe(true);
    expect(canPublishText('facilitator')).toBe(false);
    expect(canPublishText('counted')).toBe(false);
    expect(sendsInTheClear('room', true)).toBe(true);
    expect(sendsInTheClear('room', false)).toBe(false);
    expect(sendsInTheClear('facilitator', true)).toBe(false);
    expect(sendsInTheClear('counted', true)).toBe(false);
  });

  it('sorts the queue by decision, and never lets a peer’s decision put a private card up for publishing', () => {
    const items = [
      item('waiting1', 'room', 3),
      item('private1', 'room', 2),
      item('proposed', 'room', 4),
      item('declined', 'room', 5),
      item('onwall01', 'room', 1),
      item('forfacil', 'facilitator', 6),
      item('counted1', 'counted', 7),
    ];
    const decisions = new Map<string, Decision>(
      (
        [
          ['private1', 'private'],
          ['proposed', 'proposed'],
          ['declined', 'declined'],
          // A hostile peer marks the facilitator-only and counted cards as waiting or published.
          ['forfacil', 'declined'],
          ['counted1', 'published'],
        ] as const
      ).map(([id, state]) => [id, { id, state, decidedAt: 9 }]),
    );
    const queue = moderationQueue(items, decisions, new Set(['onwall01', 'forfacil']));
    expect(queue.waiting.map((i) => i.id)).toEqual(['waiting1', 'declined']);
    expect(queue.proposed.map((i) => i.id)).toEqual(['proposed']);
    expect(queue.published.map((i) => i.id)).toEqual(['onwall01']);
    expect(queue.held.map((i) => i.id)).toEqual(['private1', 'forfacil']);
    expect(queue.counted.map((i) => i.id)).toEqual(['counted1']);
  });

  it('says how many sealed cards the wall does not show', () => {
    expect(heldBackCount(['a', 'b', 'c', 'd'], new Set(['a']), new Set(['b']))).toBe(2);
    expect(heldBackCount([], new Set(), new Set())).toBe(0);
  });

  it('counts a counted card on its month without showing it as a card', () => {
    const months = ['2026-03', '2026-04'];
    const shown = { id: 'x', text: 'on the wall', severity: 'red' as const, month: '2026-03' };
    const wall = wallColumns(
      [{ ...shown, author: null, createdAt: 1, hidden: false, note: null }],
      months,
      new Set(['red', 'yellow'] as const),
      [
        { month: '2026-03', severity: 'red' },
        { month: '2026-04', severity: 'yellow' },
        { month: '2026-04', severity: 'green' }, // filtered out like a green card
        { month: null, severity: 'red' },
      ],
    );
    expect(wall.columns.map((c) => [c.cards.length, c.counts])).toEqual([
      [1, { red: 2, yellow: 0, green: 0 }],
      [0, { red: 0, yellow: 1, green: 0 }],
    ]);
    expect(wall.totals).toEqual({ red: 2, yellow: 1, green: 0 });
  });
});

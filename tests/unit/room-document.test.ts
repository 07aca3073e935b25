// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CARD_TEXT_MAX_CHARS, CARDS_PER_PARTICIPANT_MAX } from '../../src/sync/limits';
import {
  CardRejected,
  addIncidentCard,
  changeIncidentCard,
  withdrawIncidentCard,
} from '../../src/sync/timeline/cardOperations';
import { closeRoom, initialiseRoom } from '../../src/sync/roomLifecycle';
import {
  ROOM_MAPS,
  cardsMap,
  readAgendaState,
  readCardLinks,
  readIncidentCards,
  readInsights,
  readRoomMeta,
  readWallSettings,
} from '../../src/sync/roomSchema';

import { linkedPair } from '../support/peers';

const device = 'deviceAAAAAAAA';

describe('incident cards in the room document', () => {
  it('a card written on one phone is read, valid, on another', () => {
    const [phone, projector] = linkedPair();
    addIncidentCard(
      phone,
      device,
      { text: '  Followed after the meeting ', severity: 'red' },
      1000,
    );
    const { items, dropped } = readIncidentCards(projector);
    expect(dropped).toBe(0);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      text: 'Followed after the meeting',
      severity: 'red',
      month: null,
      author: null,
      device,
      createdAt: 1000,
    });
  });

  it('keeps the author only when the author gives a name', () => {
    const doc = new Y.Doc();
    expect(
      addIncidentCard(doc, device, { text: 'x', severity: 'green', author: ' Ana ' }).author,
    ).toBe('Ana');
    expect(
      addIncidentCard(doc, device, { text: 'y', severity: 'green', author: '  ' }).author,
    ).toBeNull();
  });

  it('refuses empty and over-long text with a reason', () => {
    const doc = new Y.Doc();
    expect(() => addIncidentCard(doc, device, { text: '   ', severity: 'red' })).toThrow(
      CardRejected,
    );
    expect(() =>
      addIncidentCard(doc, device, { text: 'x'.repeat(CARD_TEXT_MAX_CHARS + 1), severity: 'red' }),
    ).toThrow(CardRejected);
    expect(readIncidentCards(doc).items).toEqual([]);
  });

  it('drops and counts what a hostile peer writes, and keeps the rest', () => {
    const doc = new Y.Doc();
    addIncidentCard(doc, device, { text: 'real', severity: 'yellow' });
    const cards = cardsMap(doc);
    cards.set('huge-card-0001', {
      id: 'huge-card-0001',
      text: 'x'.repeat(100_000),
      severity: 'red',
      month: null,
      author: null,
      device,
      createdAt: 1,
    });
    cards.set('bad-severity01', { id: 'bad-severity01', text: 'x', severity: 'purple' });
    cards.set('not-an-object1', '<img src=x onerror=alert(1)>');
    cards.set('mismatched-key', {
      id: 'other-key-0001',
      text: 'x',
      severity: 'red',
      month: null,
      author: null,
      device,
      createdAt: 1,
    });
    const { items, dropped } = readIncidentCards(doc);
    expect(items.map((c) => c.text)).toEqual(['real']);
    expect(dropped).toBe(4);
  });

  it('caps the cards one device can put on the wall, keeping its oldest', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < CARDS_PER_PARTICIPANT_MAX + 5; i++) {
      addIncidentCard(doc, device, { text: `card ${i}`, severity: 'green' }, i);
    }
    addIncidentCard(doc, 'deviceBBBBBBBB', { text: 'someone else', severity: 'red' }, 10_000);
    const { items, dropped } = readIncidentCards(doc);
    expect(dropped).toBe(5);
    expect(items.at(-1)?.text).toBe('someone else');
    expect(items[0]?.text).toBe('card 0');
  });

  it('reads again only the cards that changed, whoever changed them and however', () => {
    const [phone, projector] = linkedPair();
    const first = addIncidentCard(phone, device, { text: 'Followed', severity: 'red' }, 1);
    const second = addIncidentCard(phone, device, { text: 'Van', severity: 'yellow' }, 2);
    const before = readIncidentCards(projector).items;
    changeIncidentCard(phone, second.id, { month: '2026-03' });
    const after = readIncidentCards(projector).items;
    expect(after).not.toBe(before);
    expect(after.find((card) => card.id === first.id)).toBe(before[0]);
    expect(after.find((card) => card.id === second.id)?.month).toBe('2026-03');
    // Nothing changed among the cards: the same list, so screens showing them need not redraw.
    cardsMap(phone).set('junk', 42);
    expect(readIncidentCards(projector).items).toBe(after);
    // A peer that turns a card's field into nonsense in place is caught too.
    (cardsMap(phone).get(first.id) as Y.Map<unknown>).set('severity', 'purple');
    expect(readIncidentCards(projector).items.map((card) => card.id)).toEqual([second.id]);
    // So is a card replaced whole, and a card changed in place and read in the same transaction.
    projector.transact(() => {
      cardsMap(projector).set(first.id, new Y.Map(Object.entries({ ...before[0], text: 'Whole' })));
      expect(readIncidentCards(projector).items.find((c) => c.id === first.id)?.text).toBe('Whole');
      (cardsMap(projector).get(second.id) as Y.Map<unknown>).set('text', 'Van, again');
      expect(readIncidentCards(projector).items.find((c) => c.id === second.id)?.text).toBe(
        'Van, again',
      );
    });
    expect(readIncidentCards(phone).items.map((card) => card.text)).toEqual([
      'Whole',
      'Van, again',
    ]);
  });

  it('a read after changes finds what a first read of the same room finds, over many random changes', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const [writer, reader] = linkedPair();
    const fieldsOf = (id: string) => {
      const held = cardsMap(writer).get(id);
      return held instanceof Y.Map ? held : undefined;
    };
    const ids: string[] = [];
    for (let step = 0; step < 600; step += 1) {
      const id = ids[random(ids.length || 1)];
      const action = random(7);
      if (action < 3 || !id) {
        const device = `device${String(random(6)).padStart(9, '0')}`;
        ids.push(
          addIncidentCard(writer, device, { text: `c${step}`, severity: 'red' }, random(50)).id,
        );
      } else if (action === 3) fieldsOf(id)?.set('month', '2026-04');
      else if (action === 4) fieldsOf(id)?.set('createdAt', random(50));
      else if (action === 5) cardsMap(writer).set(id, random(2) ? 42 : { id, text: '' });
      else withdrawIncidentCard(writer, id);
      if (random(3) === 0) continue; // several changes between two reads
      const fresh = new Y.Doc();
      Y.applyUpdate(fresh, Y.encodeStateAsUpdate(reader));
      const expected = readIncidentCards(fresh);
      const actual = readIncidentCards(reader);
      expect(actual.items.map((card) => card.id)).toEqual(expected.items.map((card) => card.id));
      expect(actual.dropped).toBe(expected.dropped);
    }
  });

  it('a withdrawn card disappears everywhere', () => {
    const [a, b] = linkedPair();
    const card = addIncidentCard(a, device, { text: 'withdraw me', severity: 'red' });
    withdrawIncidentCard(b, card.id);
    expect(readIncidentCards(a).items).toEqual([]);
  });

  it('records when the room was created and closed', () => {
    const [console_, phone] = linkedPair();
    initialiseRoom(console_, 5);
    initialiseRoom(console_, 99);
    expect(readRoomMeta(phone)).toEqual({ createdAt: 5 });
    closeRoom(console_, 42);
    expect(readRoomMeta(phone)).toEqual({ createdAt: 5, closedAt: 42 });
  });
});

describe('what a hostile peer writes around the cards', () => {
  it('drops a malformed or oversized agenda state, wall setting, link or insight', () => {
    const doc = new Y.Doc();
    doc.getMap(ROOM_MAPS.agenda).set('day', {
      settings: { sessionIds: ['<script>'], date: 'x', startTime: '25:99' },
      run: { status: 'running' },
      updatedAt: -1,
    });
    doc.getMap(ROOM_MAPS.meta).set('wall', { locked: 'yes', year: 99999 });
    doc
      .getMap(ROOM_MAPS.cardLinks)
      .set('a|b', { a: 'missing-card-1', b: 'missing-card-2', createdAt: 1 });
    doc
      .getMap(ROOM_MAPS.insights)
      .set('big', { id: 'insight-1234', text: 'x'.repeat(10_000), createdAt: 1 });
    expect(readAgendaState(doc)).toBeNull();
    expect(readWallSettings(doc)).toMatchObject({ locked: false, year: null });
    expect(readCardLinks(doc, new Set()).items).toEqual([]);
    expect(readInsights(doc)).toMatchObject({ items: [], dropped: 1 });
  });

  it('reads a card a peer wrote as a map of fields, and drops one with a bad field', () => {
    const doc = new Y.Doc();
    const good = addIncidentCard(doc, device, { text: 'Followed', severity: 'red' }, 1);
    const bad = new Y.Map<unknown>(
      Object.entries({ ...good, id: 'bad-card-id-1', severity: 'purple' }),
    );
    cardsMap(doc).set('bad-card-id-1', bad);
    expect(readIncidentCards(doc)).toMatchObject({ items: [{ id: good.id }], dropped: 1 });
  });
});

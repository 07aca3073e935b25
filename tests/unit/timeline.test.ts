// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  cardsNotRegistered,
  incidentRegisterCsv,
  wallColumns,
  wallMonths,
  type TimelineCard,
} from '../../src/domain/timeline';
import {
  addIncidentCard,
  changeIncidentCard,
  linkCards,
  withdrawIncidentCard,
} from '../../src/sync/timeline/cardOperations';
import { cardsMap, readCardLinks, readIncidentCards } from '../../src/sync/roomSchema';

const card = (
  id: string,
  month: string | null,
  severity: TimelineCard['severity'],
  createdAt: number,
): TimelineCard => ({
  id,
  text: `card ${id}`,
  severity,
  month,
  author: null,
  createdAt,
  hidden: false,
  note: null,
});

describe('the timeline wall', () => {
  it('shows the last twelve months by default, or a chosen year', () => {
    const months = wallMonths(new Date(2026, 10, 23), null);
    expect(months[0]).toBe('2025-12');
    expect(months[11]).toBe('2026-11');
    expect(wallMonths(new Date(2026, 10, 23), 2025)).toEqual(
      Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`),
    );
  });

  it('puts cards in their month in writing order, counts them, and keeps hidden and filtered cards off', () => {
    const cards = [
      card('b', '2026-03', 'yellow', 2),
      card('a', '2026-03', 'red', 1),
      card('c', null, 'green', 3),
      card('d', '2019-01', 'red', 4),
      { ...card('e', '2026-03', 'red', 5), hidden: true },
    ];
    const wall = wallColumns(cards, wallMonths(new Date(2026, 10, 1), null));
    const march = wall.columns.find((c) => c.month === '2026-03');
    expect(march?.cards.map((c) => c.id)).toEqual(['a', 'b']);
    expect(march?.counts).toEqual({ red: 1, yellow: 1, green: 0 });
    expect(wall.unplaced.map((c) => c.id)).toEqual(['c']);
    expect(wall.elsewhere.map((c) => c.id)).toEqual(['d']);
    const redOnly = wallColumns(cards, wallMonths(new Date(2026, 10, 1), null), new Set(['red']));
    expect(redOnly.totals).toEqual({ red: 1, yellow: 0, green: 0 });
  });

  it('exports the register as CSV with no author unless signed, and no formula a spreadsheet would run', () => {
    const csv = incidentRegisterCsv(
      [
        { ...card('a', '2026-03', 'red', 1), text: '=HYPERLINK("x")', author: null },
        { ...card('b', '2026-01', 'green', 2), author: 'Ana', note: 'linked to a' },
      ],
      {
        month: 'Month',
        severity: 'Severity',
        incident: 'Incident',
        where: 'Where',
        involved: 'Who was involved',
        reporter: 'Reported by',
        note: 'Note',
        author: 'Signed by',
      },
      (s) => s.toUpperCase(),
      [
        {
          id: 'registered-1',
          what: 'Followed; a white van, no plates',
          when: 'Monday evening',
          where: 'Next block',
          who: 'One man',
          reporter: 'The witness',
          severity: 'yellow',
          at: 3,
        },
      ],
    );
    expect(csv.split('\r\n')).toEqual([
      '"Month","Severity","Incident","Where","Who was involved","Reported by","Note","Signed by"',
      '"2026-01","GREEN","card b","","","","linked to a","Ana"',
      '"2026-03","RED","\'=HYPERLINK(""x"")","","","","",""',
      '"Monday evening","YELLOW","Followed; a white van, no plates","Next block","One man","The witness","",""',
      '',
    ]);
  });

  it('lists a registered incident once, not again as the wall card it put on the timeline', () => {
    const van = { ...card('van-card', '2026-11', 'red', 4), text: 'Followed, then a van' };
    const registered = {
      id: 'registered-2',
      what: 'Followed, then a van',
      when: 'Today',
      where: 'Near the office',
      who: 'One man',
      reporter: 'The witness',
      severity: 'red' as const,
      at: 5,
      cardId: 'van-card',
    };
    const headers = {
      month: 'M',
      severity: 'S',
      incident: 'I',
      where: 'W',
      involved: 'V',
      reporter: 'R',
      note: 'N',
      author: 'A',
    };
    const rows = incidentRegisterCsv([van, card('other', '2026-10', 'green', 1)], headers, String, [
      registered,
    ])
      .split('\r\n')
      .filter((line) => line !== '');
    expect(rows).toEqual([
      '"M","S","I","W","V","R","N","A"',
      '"2026-10","green","card other","","","","",""',
      '"Today","red","Followed, then a van","Near the office","One man","The witness","",""',
    ]);
    expect(cardsNotRegistered([van], [registered])).toEqual([]);
    // A registration made before the link existed leaves the wall's cards as they were.
    expect(cardsNotRegistered([van], [{ ...registered, cardId: undefined }])).toEqual([van]);
  });
});

describe('cards moved by several people at once', () => {
  it('a move changes the card in place: the same card, in one month, on every screen', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const written = addIncidentCard(
      a,
      'device-aaaa',
      { text: 'Followed home', severity: 'red' },
      1,
    );
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const before = cardsMap(a).get(written.id);
    changeIncidentCard(a, written.id, { month: '2026-03' });
    changeIncidentCard(b, written.id, { month: '2026-05', severity: 'yellow', reclassified: true });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(cardsMap(a).get(written.id)).toBe(before); // never deleted and re-inserted
    expect(readIncidentCards(a).items).toEqual(readIncidentCards(b).items);
    expect(readIncidentCards(a).items).toHaveLength(1);
    expect(readIncidentCards(a).items[0]).toMatchObject({ severity: 'yellow', reclassified: true });
  });

  it('ignores a move of a card its author withdrew meanwhile, and refuses an invalid change', () => {
    const doc = new Y.Doc();
    const written = addIncidentCard(
      doc,
      'device-aaaa',
      { text: 'Followed home', severity: 'red' },
      1,
    );
    withdrawIncidentCard(doc, written.id);
    expect(() => changeIncidentCard(doc, written.id, { month: '2026-03' })).not.toThrow();
    expect(readIncidentCards(doc).items).toEqual([]);
    const kept = addIncidentCard(
      doc,
      'device-aaaa',
      { text: 'Silent calls', severity: 'yellow' },
      2,
    );
    expect(() => changeIncidentCard(doc, kept.id, { month: '2026-13' })).toThrow();
    expect(() => changeIncidentCard(doc, kept.id, { note: 'x'.repeat(5000) })).toThrow();
    expect(readIncidentCards(doc).items[0]).toMatchObject({ month: null, note: null });
  });

  it('converges whatever the order of adds, moves, reclassifications, links, deletes and dropped connections', () => {
    type Op =
      | { kind: 'add'; peer: number; severity: 'red' | 'yellow' | 'green' }
      | { kind: 'move'; peer: number; pick: number; month: number }
      | { kind: 'reclassify'; peer: number; pick: number; severity: 'red' | 'yellow' | 'green' }
      | { kind: 'link'; peer: number; pick: number; other: number }
      | { kind: 'delete'; peer: number; pick: number }
      | { kind: 'toggle'; peer: number }
      | { kind: 'deliver'; peer: number };
    const PEERS = 4;
    const peer = fc.integer({ min: 0, max: PEERS - 1 });
    const severity = fc.constantFrom('red' as const, 'yellow' as const, 'green' as const);
    const pick = fc.nat(50);
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), peer, severity }),
      fc.record({
        kind: fc.constant('move' as const),
        peer,
        pick,
        month: fc.integer({ min: 1, max: 12 }),
      }),
      fc.record({ kind: fc.constant('reclassify' as const), peer, pick, severity }),
      fc.record({ kind: fc.constant('link' as const), peer, pick, other: pick }),
      fc.record({ kind: fc.constant('delete' as const), peer, pick }),
      fc.record({ kind: fc.constant('toggle' as const), peer }),
      fc.record({ kind: fc.constant('deliver' as const), peer }),
    );
    const seed = process.env.SWK_CONVERGENCE_SEED
      ? Number(process.env.SWK_CONVERGENCE_SEED)
      : undefined;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const docs = Array.from({ length: PEERS }, () => new Y.Doc());
        const online = docs.map(() => true);
        // Each peer's outbox: updates the others have not received yet.
        const pending: Uint8Array[][] = docs.map(() => []);
        docs.forEach((doc, i) =>
          doc.on('update', (update: Uint8Array, origin: unknown) => {
            if (origin !== 'network') pending[i]?.push(update);
          }),
        );
        const deliver = (from: number) => {
          if (!online[from]) return;
          for (const update of pending[from] ?? []) {
            docs.forEach(
              (doc, to) => to !== from && online[to] && Y.applyUpdate(doc, update, 'network'),
            );
          }
        };
        const deleted = new Set<string>();
        for (const o of ops) {
          const doc = docs[o.peer] as Y.Doc;
          const ids = readIncidentCards(doc).items.map((c) => c.id);
          const chosen = 'pick' in o ? ids[o.pick % Math.max(1, ids.length)] : undefined;
          if (o.kind === 'add')
            addIncidentCard(doc, `device-${o.peer}aaaa`, {
              text: 'An incident',
              severity: o.severity,
            });
          if (o.kind === 'move' && chosen)
            changeIncidentCard(doc, chosen, { month: `2026-${String(o.month).padStart(2, '0')}` });
          if (o.kind === 'reclassify' && chosen)
            changeIncidentCard(doc, chosen, { severity: o.severity, reclassified: true });
          if (o.kind === 'link' && chosen) {
            const other = ids[o.other % ids.length];
            if (other) linkCards(doc, chosen, other);
          }
          if (o.kind === 'delete' && chosen) {
            withdrawIncidentCard(doc, chosen);
            deleted.add(chosen);
          }
          if (o.kind === 'toggle') online[o.peer] = !online[o.peer];
          if (o.kind === 'deliver') deliver(o.peer);
        }
        // Everyone back online; a full exchange, as a reconnect does.
        for (const a of docs)
          for (const b of docs)
            if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
        const states = docs.map((doc) => readIncidentCards(doc).items);
        for (const state of states) expect(state).toEqual(states[0]);
        const cards = states[0] ?? [];
        expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
        for (const c of cards) expect(deleted.has(c.id)).toBe(false); // a withdrawn card never comes back
        const ids = new Set(cards.map((c) => c.id));
        const links = docs.map((doc) => readCardLinks(doc, ids).items);
        for (const l of links) expect(l).toEqual(links[0]);
        for (const l of links[0] ?? []) expect(ids.has(l.a) && ids.has(l.b)).toBe(true);
      }),
      seed === undefined
        ? { numRuns: 150 }
        : { seed, path: process.env.SWK_CONVERGENCE_PATH, numRuns: 150 },
    );
  });
});

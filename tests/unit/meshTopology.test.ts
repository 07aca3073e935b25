import { describe, expect, it } from 'vitest';
import { MESH_PHONES_MAX } from '../../src/sync/limits';
import { directLinksRule, phonesIn } from '../../src/sync/meshTopology';

type Role = 'console' | 'phone';

/**
 * A room filling as y-webrtc fills it: each page that joins announces itself; every page
 * already in the room with fewer links than its maxConns (given the phones it knows, here
 * all of them) offers a link; the newcomer answers every offer, whatever its own maxConns.
 */
function fill(roles: Role[]): { links: Set<string>; neighbours: Map<number, Set<number>> } {
  const rules = roles.map((_, i) => directLinksRule(() => (i % 7) / 7));
  const neighbours = new Map<number, Set<number>>();
  const links = new Set<string>();
  roles.forEach((_, joining) => {
    neighbours.set(joining, new Set());
    const phones = phonesIn(roles.slice(0, joining + 1).map((role) => ({ role })));
    for (let page = 0; page < joining; page += 1) {
      const mine = neighbours.get(page) ?? new Set<number>();
      if (mine.size >= (rules[page]?.(phones) ?? 0)) continue;
      mine.add(joining);
      neighbours.get(joining)?.add(page);
      links.add(`${page}-${joining}`);
    }
  });
  return { links, neighbours };
}

/** The fewest links a change crosses from `from` to every other page. */
function hops(neighbours: Map<number, Set<number>>, from: number): number[] {
  const distance = new Map<number, number>([[from, 0]]);
  const queue = [from];
  for (let page = queue.shift(); page !== undefined; page = queue.shift()) {
    for (const next of neighbours.get(page) ?? []) {
      if (distance.has(next)) continue;
      distance.set(next, (distance.get(page) ?? 0) + 1);
      queue.push(next);
    }
  }
  return [...neighbours.keys()].map((page) => distance.get(page) ?? Infinity);
}

const room = (phones: number): Role[] => [
  'console',
  ...Array.from({ length: phones }, () => 'phone' as const),
];

describe('who opens WebRTC links to whom', () => {
  it('keeps y-webrtc’s mesh (20 links and up to 14 more) in a small room', () => {
    for (const random of [0, 0.5, 0.999]) {
      const rule = directLinksRule(() => random);
      expect(rule(1)).toBeGreaterThanOrEqual(20);
      expect(rule(MESH_PHONES_MAX)).toBeLessThanOrEqual(34);
      expect(rule(1)).toBe(rule(MESH_PHONES_MAX));
    }
  });

  it('opens no new link once the room holds more phones than the mesh', () => {
    expect(directLinksRule()(MESH_PHONES_MAX + 1)).toBe(0);
    expect(directLinksRule()(30)).toBe(0);
  });

  it('is a full mesh at 8 phones', () => {
    const { links } = fill(room(8));
    expect(links.size).toBe((9 * 8) / 2);
  });

  it('relays every phone past the eighth: 36 links at 30 phones, not 465', () => {
    const { links, neighbours } = fill(room(30));
    // The console and the first eight phones among themselves, as when the room was small.
    expect(links.size).toBe((9 * 8) / 2);
    for (let page = 0; page <= MESH_PHONES_MAX; page += 1)
      expect(Math.max(...hops(neighbours, page).slice(0, MESH_PHONES_MAX + 1))).toBe(1);
    // No later phone holds a link: the relay carries it (and its status says so).
    for (let phone = MESH_PHONES_MAX + 1; phone <= 30; phone += 1)
      expect(neighbours.get(phone)?.size).toBe(0);
  });

  it('counts the phones among presence states, and nothing else', () => {
    expect(
      phonesIn([
        { role: 'phone', nickname: null, path: 'direct' },
        { role: 'console', nickname: null, path: 'direct' },
        { role: 'projector' },
        { role: 'phone', nickname: 'Ana', path: 'relay' },
        null,
        'phone',
        { role: 'Phone' },
      ]),
    ).toBe(2);
  });
});

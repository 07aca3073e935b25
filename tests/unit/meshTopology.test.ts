import { describe, expect, it } from 'vitest';
import { CONSOLE_DIRECT_LINKS_MAX, MESH_PHONES_MAX } from '../../src/sync/limits';
import { directLinksRule, phonesIn, type LinkRole } from '../../src/sync/meshTopology';

/**
 * A room filling as y-webrtc fills it: each page that joins announces itself; every page
 * already in the room with fewer links than its maxConns (given the phones it knows, here
 * all of them) offers a link; the newcomer answers every offer, whatever its own maxConns.
 */
function fill(roles: LinkRole[]): { links: Set<string>; neighbours: Map<number, Set<number>> } {
  const rules = roles.map((role, i) => directLinksRule(role, () => (i % 7) / 7));
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

const room = (phones: number): LinkRole[] => [
  'console',
  ...Array.from({ length: phones }, () => 'phone' as const),
];

describe('who opens WebRTC links to whom', () => {
  it('keeps y-webrtc’s mesh (20 links and up to 14 more) in a small room', () => {
    for (const random of [0, 0.5, 0.999]) {
      const rule = directLinksRule('phone', () => random);
      expect(rule(1)).toBeGreaterThanOrEqual(20);
      expect(rule(MESH_PHONES_MAX)).toBeLessThanOrEqual(34);
      expect(rule(1)).toBe(rule(MESH_PHONES_MAX));
    }
  });

  it('has a phone open no new link once the room holds more phones than the mesh', () => {
    expect(directLinksRule('phone')(MESH_PHONES_MAX + 1)).toBe(0);
    expect(directLinksRule('projector')(30)).toBe(0);
  });

  it('has the console link to every phone of a large room', () => {
    expect(directLinksRule('console')(1)).toBe(CONSOLE_DIRECT_LINKS_MAX);
    expect(directLinksRule('console')(60)).toBe(CONSOLE_DIRECT_LINKS_MAX);
  });

  it('is a full mesh at 8 phones', () => {
    const { links } = fill(room(8));
    expect(links.size).toBe((9 * 8) / 2);
  });

  it('links 30 phones in 58 links, not 465, each phone two hops from every page at most', () => {
    const { links, neighbours } = fill(room(30));
    // The console to each phone, and the first eight phones among themselves.
    expect(links.size).toBe(30 + (8 * 7) / 2);
    for (let phone = 1; phone <= 30; phone += 1) {
      expect(neighbours.get(phone)?.has(0)).toBe(true);
      expect(Math.max(...hops(neighbours, phone))).toBeLessThanOrEqual(2);
    }
    // No phone past the eighth holds more than the console's link.
    for (let phone = MESH_PHONES_MAX + 1; phone <= 30; phone += 1)
      expect(neighbours.get(phone)?.size).toBe(1);
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

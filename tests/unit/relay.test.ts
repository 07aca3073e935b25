// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CARDS_PER_ROOM_MAX } from '../../src/sync/limits';
import { RelayChannel, type SignalingLink } from '../../src/sync/relay';
import { deriveRoomKey } from '../../src/sync/roomCrypto';
import { addIncidentCard } from '../../src/sync/roomOperations';
import { readIncidentCards } from '../../src/sync/roomSchema';

/** An in-memory signaling server: every publish goes to every subscriber, sender included. */
function fakeServer() {
  const links: FakeLink[] = [];
  const frames: string[] = [];
  class FakeLink implements SignalingLink {
    connected = true;
    topics = new Set<string>();
    listeners = new Map<string, Set<(m: never) => void>>();
    send(message: { type: string; topics?: string[]; topic?: string; data?: string }) {
      frames.push(JSON.stringify(message));
      if (message.type === 'subscribe') message.topics?.forEach((t) => this.topics.add(t));
      if (message.type === 'publish') {
        for (const link of links) {
          if (link.topics.has(message.topic ?? '')) {
            setTimeout(() => link.listeners.get('message')?.forEach((l) => l(message as never)));
          }
        }
      }
    }
    on(event: string, listener: (m: never) => void) {
      if (!this.listeners.has(event)) this.listeners.set(event, new Set());
      this.listeners.get(event)?.add(listener);
    }
    off(event: string, listener: (m: never) => void) {
      this.listeners.get(event)?.delete(listener);
    }
  }
  return {
    frames,
    link: () => {
      const link = new FakeLink();
      links.push(link);
      return link;
    },
  };
}

async function peer(
  server: ReturnType<typeof fakeServer>,
  secret: string,
  isConsole: boolean,
  link: SignalingLink = server.link(),
) {
  const doc = new Y.Doc();
  const relay = new RelayChannel(
    link,
    'room/relay',
    await deriveRoomKey(secret, 'room'),
    doc,
    new Awareness(doc),
    isConsole,
    () => {},
  );
  return { doc, relay };
}

const settle = () => new Promise((done) => setTimeout(done, 150));

describe('the relay', () => {
  it('catches up a phone that came back before the console did', async () => {
    const server = fakeServer();
    // The console is still away: its link is not subscribed to anything yet.
    const consoleLink = server.link();
    consoleLink.connected = false;
    const console_ = await peer(server, 'key-bbbbbbbbbbbbbbbbbbb', true, consoleLink);
    addIncidentCard(console_.doc, 'deviceCONSOLE1', { text: 'while apart', severity: 'red' });
    const phone = await peer(server, 'key-bbbbbbbbbbbbbbbbbbb', false);
    addIncidentCard(phone.doc, 'devicePHONE001', { text: 'also while apart', severity: 'red' });
    await settle(); // the phone's hello went to an empty room
    consoleLink.connected = true;
    consoleLink.listeners.get('connect')?.forEach((listener) => listener(undefined as never));
    await settle();
    const texts = (doc: Y.Doc) =>
      readIncidentCards(doc)
        .items.map((c) => c.text)
        .sort();
    expect(texts(phone.doc)).toEqual(['also while apart', 'while apart']);
    expect(texts(console_.doc)).toEqual(texts(phone.doc));
  });

  it('brings a phone up to date from the console, and carries its changes back', async () => {
    const server = fakeServer();
    const console_ = await peer(server, 'key-aaaaaaaaaaaaaaaaaaa', true);
    addIncidentCard(console_.doc, 'deviceCONSOLE1', {
      text: 'written before the phone came',
      severity: 'red',
    });
    const phone = await peer(server, 'key-aaaaaaaaaaaaaaaaaaa', false);
    await settle();
    expect(readIncidentCards(phone.doc).items.map((c) => c.text)).toEqual([
      'written before the phone came',
    ]);
    addIncidentCard(phone.doc, 'devicePHONE001', { text: 'from the phone', severity: 'green' });
    await settle();
    expect(readIncidentCards(console_.doc).items).toHaveLength(2);
    expect(server.frames.join('\n')).not.toContain('from the phone');
    console_.relay.destroy();
    phone.relay.destroy();
  });

  it('catches up a phone with a full room in parts no larger than the server lets through', async () => {
    const server = fakeServer();
    const console_ = await peer(server, 'right-key-aaaaaaaaaaaaa', true);
    console_.doc.transact(() => {
      for (let i = 0; i < CARDS_PER_ROOM_MAX; i += 1) {
        addIncidentCard(console_.doc, `device${String(i % 40).padStart(8, '0')}`, {
          text: `Card ${i}: ${'a car parked across the street all afternoon, '.repeat(6)}`.slice(
            0,
            280,
          ),
          severity: 'red',
        });
      }
    });
    expect(Y.encodeStateAsUpdate(console_.doc).byteLength).toBeGreaterThan(64 * 1024);
    const phone = await peer(server, 'right-key-aaaaaaaaaaaaa', false);
    await expect
      .poll(() => readIncidentCards(phone.doc).items.length, { timeout: 10_000 })
      .toBe(CARDS_PER_ROOM_MAX);
    // Sealed, the catch-up is larger than the server takes in one frame (256 KB): it went in parts.
    const parts = server.frames.filter((frame) => /"data":"[a-z0-9-]+\.\d+\.\d+\./.test(frame));
    expect(parts.join('').length).toBeGreaterThan(256 * 1024);
    expect(Math.max(...server.frames.map((frame) => frame.length))).toBeLessThan(64 * 1024);
    expect(phone.relay.counters.rejected).toBe(0);
    console_.relay.destroy();
    phone.relay.destroy();
  });

  it('refuses a change larger than any card before decoding it, and counts it', async () => {
    const server = fakeServer();
    const phone = await peer(server, 'right-key-aaaaaaaaaaaaa', false);
    const hostile = await peer(server, 'right-key-aaaaaaaaaaaaa', false);
    await settle();
    hostile.doc.transact(() =>
      hostile.doc.getMap('incidentCards').set('huge', 'y'.repeat(300_000)),
    );
    await expect.poll(() => phone.relay.counters.rejected, { timeout: 5_000 }).toBe(1);
    expect(phone.doc.getMap('incidentCards').has('huge')).toBe(false);
    phone.relay.destroy();
    hostile.relay.destroy();
  });

  it('refuses malformed parts and never applies a message that misses one', async () => {
    const server = fakeServer();
    const phone = await peer(server, 'right-key-aaaaaaaaaaaaa', false);
    const raw = server.link();
    raw.topics.add('room/relay');
    const send = (data: string) => raw.send({ type: 'publish', topic: 'room/relay', data });
    send('x.5.3.abc'); // index past the count
    send('x.0.1000.abc'); // too many parts
    send('x.0.2.'); // an empty piece
    send('NOT A PART.0.2.abc');
    for (let id = 0; id < 12; id += 1) send(`m${id}.0.2.half`); // never completed
    send('m11.0.2.again'); // a part sent twice
    await settle();
    expect(phone.relay.counters.rejected).toBe(4 + 4 + 1);
    expect(phone.relay.counters.received).toBe(0);
    phone.relay.destroy();
  });

  it('counts what it cannot decrypt, and takes nothing from a wrong key', async () => {
    const server = fakeServer();
    const console_ = await peer(server, 'right-key-aaaaaaaaaaaaa', true);
    addIncidentCard(console_.doc, 'deviceCONSOLE1', { text: 'secret', severity: 'red' });
    await new Promise((done) => setTimeout(done, 1_100)); // past the console's beacon rate limit
    const intruder = await peer(server, 'wrong-key-aaaaaaaaaaaaa', false);
    await settle();
    expect(intruder.relay.counters.undecryptable).toBeGreaterThan(0);
    expect(intruder.relay.lastValidAt).toBe(0);
    expect(readIncidentCards(intruder.doc).items).toEqual([]);
    console_.relay.destroy();
    intruder.relay.destroy();
  });

  it('tells phones when the console closes the room', async () => {
    const server = fakeServer();
    const console_ = await peer(server, 'key-aaaaaaaaaaaaaaaaaaa', true);
    const phone = await peer(server, 'key-aaaaaaaaaaaaaaaaaaa', false);
    await console_.relay.announceClosed();
    await settle();
    expect(phone.relay.closedByConsole).toBe(true);
    console_.relay.destroy();
    phone.relay.destroy();
  });
});

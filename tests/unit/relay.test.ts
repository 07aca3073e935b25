// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CARDS_PER_ROOM_MAX } from '../../src/sync/limits';
import * as encoding from 'lib0/encoding';
import { type SignalingLink } from '../../src/sync/relay';
import { toBase64 } from '../../src/lib/base64';
import {
  RelayChannel as Relay,
  refuseReplayedSignals,
  sealedAsYWebrtcSeals,
} from '../../src/sync/relay';
import { deriveRoomSecrets, macOf, type RoomSecrets } from '../../src/sync/roomCrypto';
import { addIncidentCard, withdrawIncidentCard } from '../../src/sync/timeline/cardOperations';
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
  const secrets = await deriveRoomSecrets(secret, ROOM);
  const relay = new Relay(link, secrets, doc, new Awareness(doc), isConsole, () => {});
  return { doc, relay, secrets };
}

const ROOM = 'AbCdEfGhIjKlMnOpQrStUv';

/** Two documents linked as a WebRTC peer links them: each change the other way, not by relay. */
function linkDirectly(a: Y.Doc, b: Y.Doc) {
  const DIRECT = Symbol('direct');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), DIRECT);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), DIRECT);
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== DIRECT) Y.applyUpdate(b, update, DIRECT);
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== DIRECT) Y.applyUpdate(a, update, DIRECT);
  });
}

const cardTexts = (doc: Y.Doc) =>
  readIncidentCards(doc)
    .items.map((card) => card.text)
    .sort();

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
    // Polled: on a loaded machine the phone's changes come back after a settle's 150 ms.
    await expect.poll(() => texts(phone.doc)).toEqual(['also while apart', 'while apart']);
    await expect.poll(() => texts(console_.doc)).toEqual(texts(phone.doc));
  });

  it('brings a phone up to date from the console, and carries its changes back', async () => {
    const server = fakeServer();
    const console_ = await peer(server, 'key-aaaaaaaaaaaaaaaaaaa', true);
    addIncidentCard(console_.doc, 'deviceCONSOLE1', {
      text: 'written before the phone came',
      severity: 'red',
    });
    const phone = await peer(server, 'key-aaaaaaaaaaaaaaaaaaa', false);
    await expect
      .poll(() => readIncidentCards(phone.doc).items.map((c) => c.text))
      .toEqual(['written before the phone came']);
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
    const parts = server.frames.filter((frame) => /"data":"[A-Za-z0-9_-]+\.\d+\.\d+\./.test(frame));
    expect(parts.join('').length).toBeGreaterThan(256 * 1024);
    expect(Math.max(...server.frames.map((frame) => frame.length))).toBeLessThan(64 * 1024);
    expect(phone.relay.counters.rejected).toBe(0);
    console_.relay.destroy();
    phone.relay.destroy();
  });

  it('a phone a direct peer brought up to date gets only the rest by relay, withdrawn cards included', async () => {
    const server = fakeServer();
    const console_ = await peer(server, 'key-ccccccccccccccccccc', true);
    const ids = Array.from(
      { length: 200 },
      (_, i) =>
        addIncidentCard(console_.doc, `device${String(i % 20).padStart(8, '0')}`, {
          text: `Card ${i}: a car parked across the street all afternoon`,
          severity: 'red',
        }).id,
    );
    // The phone holds the whole room from a direct peer, as it was before two cards were
    // withdrawn: a withdrawal moves no state vector, so only the delete set tells of it.
    const fromPeer = Y.encodeStateAsUpdate(console_.doc);
    ids.slice(0, 2).forEach((id) => withdrawIncidentCard(console_.doc, id));
    let held = true;
    const doc = new Y.Doc();
    const secrets = await deriveRoomSecrets('key-ccccccccccccccccccc', ROOM);
    const relay = new Relay(
      server.link(),
      secrets,
      doc,
      new Awareness(doc),
      false,
      () => {},
      undefined,
      () => (held ? 60_000 : 0),
    );
    await settle();
    // Held: the console has not been asked for the room, which would send all of it again.
    expect(readIncidentCards(doc).items).toHaveLength(0);
    const framesBefore = server.frames.length;
    Y.applyUpdate(doc, fromPeer);
    held = false;
    relay.directChange();
    await expect.poll(() => readIncidentCards(doc).items.length).toBe(198);
    expect(readIncidentCards(doc).items.map((card) => card.id)).toEqual(
      readIncidentCards(console_.doc).items.map((card) => card.id),
    );
    // What went over the relay since is a fraction of the room (sealed and encoded, the room is about 4x this).
    const sent = server.frames.slice(framesBefore).join('').length;
    expect(sent).toBeLessThan(toBase64(fromPeer).length / 4);
    console_.relay.destroy();
    relay.destroy();
  });

  it('a held catch-up is asked for all the same once the hold is over', async () => {
    const server = fakeServer();
    const console_ = await peer(server, 'key-ddddddddddddddddddd', true);
    addIncidentCard(console_.doc, 'deviceCONSOLE1', {
      text: 'no direct peer came',
      severity: 'red',
    });
    const doc = new Y.Doc();
    const secrets = await deriveRoomSecrets('key-ddddddddddddddddddd', ROOM);
    const holdUntil = Date.now() + 300;
    const relay = new Relay(
      server.link(),
      secrets,
      doc,
      new Awareness(doc),
      false,
      () => {},
      undefined,
      () => Math.max(0, holdUntil - Date.now()),
    );
    await settle();
    expect(readIncidentCards(doc).items).toHaveLength(0);
    await expect
      .poll(() => readIncidentCards(doc).items.map((c) => c.text), { timeout: 3_000 })
      .toEqual(['no direct peer came']);
    console_.relay.destroy();
    relay.destroy();
  });

  it("a relayed phone gets a direct phone's cards written before its relay started, after a held catch-up", async () => {
    const server = fakeServer();
    const console_ = await peer(server, 'key-eeeeeeeeeeeeeeeeeee', true);
    const relayed = await peer(server, 'key-eeeeeeeeeeeeeeeeeee', false);
    await settle();
    // A phone with WebRTC: its first card goes to the console directly, before its relay starts.
    const direct = new Y.Doc();
    linkDirectly(direct, console_.doc);
    addIncidentCard(direct, 'devicePHONE002', { text: 'before its relay', severity: 'red' });
    let held = true;
    const relay = new Relay(
      server.link(),
      await deriveRoomSecrets('key-eeeeeeeeeeeeeeeeeee', ROOM),
      direct,
      new Awareness(direct),
      false,
      () => {},
      () => true,
      () => (held ? 60_000 : 0),
    );
    await settle();
    held = false;
    relay.directChange(); // the console asked once the direct peer synced: it lacks nothing
    await settle();
    addIncidentCard(direct, 'devicePHONE002', { text: 'after its relay', severity: 'green' });
    // Sooner than the relayed phone would ask the console for what it lacks (healGap).
    await expect
      .poll(() => cardTexts(relayed.doc), { timeout: 1_000 })
      .toEqual(['after its relay', 'before its relay']);
    expect(relayed.doc.store.pendingStructs).toBeNull();
    console_.relay.destroy();
    relayed.relay.destroy();
    relay.destroy();
  });

  it('a phone sends by relay its cards written while everyone was direct, with its next one', async () => {
    const { console_, relayed, direct, relay, needRelay } =
      await directBesideRelayed('key-fffffffffffffffffff');
    // The relayed phone's presence has not reached this phone yet: its card goes directly only.
    const first = addIncidentCard(direct, 'devicePHONE002', { text: 'unheard', severity: 'red' });
    needRelay();
    withdrawIncidentCard(direct, first.id);
    addIncidentCard(direct, 'devicePHONE002', { text: 'heard', severity: 'green' });
    await expect.poll(() => cardTexts(relayed.doc), { timeout: 1_000 }).toEqual(['heard']);
    expect(relayed.doc.store.pendingStructs).toBeNull();
    console_.relay.destroy();
    relayed.relay.destroy();
    relay.destroy();
  });

  it("a relayed phone missing a writer's earlier changes asks the console for them", async () => {
    const { console_, relayed, direct, relay, needRelay } =
      await directBesideRelayed('key-ggggggggggggggggggg');
    // Too large to go by relay with the next card (an imported plan, say): the card goes alone.
    direct.getMap('planImport').set('plan', 'p'.repeat(300_000));
    needRelay();
    addIncidentCard(direct, 'devicePHONE002', { text: 'after a large change', severity: 'red' });
    await settle();
    expect(relayed.doc.store.pendingStructs).not.toBeNull();
    await expect
      .poll(() => cardTexts(relayed.doc), { timeout: 8_000 })
      .toEqual(['after a large change']);
    expect(relayed.doc.store.pendingStructs).toBeNull();
    console_.relay.destroy();
    relayed.relay.destroy();
    relay.destroy();
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

  it('drops malformed and unauthenticated parts before storing them, and counts them as junk', async () => {
    const server = fakeServer();
    const phone = await peer(server, 'right-key-aaaaaaaaaaaaa', false);
    const raw = server.link();
    raw.topics.add(phone.secrets.relayTopic);
    const send = (data: string) =>
      raw.send({ type: 'publish', topic: phone.secrets.relayTopic, data });
    const mac = 'A'.repeat(22);
    send(`x.5.3.abc.${mac}`); // index past the count
    send(`x.0.1000.abc.${mac}`); // too many parts
    send(`x.0.2..${mac}`); // an empty piece
    send(`NOT A PART.0.2.abc.${mac}`);
    for (let id = 0; id < 12; id += 1) send(`m${id}.0.2.half.${mac}`); // wrong MAC, never completed
    send(`m0.0.2.${'Q'.repeat(20_000)}.${mac}`);
    await settle();
    expect(phone.relay.counters).toMatchObject({ undecryptable: 4 + 13, rejected: 0, received: 0 });
    // Nothing of them is held.
    expect((phone.relay as unknown as { assemblies: Map<string, unknown> }).assemblies.size).toBe(
      0,
    );
    phone.relay.destroy();
  });

  it('a poisoned part with a real message id changes nothing; the real message arrives whole', async () => {
    const server = fakeServer();
    const console_ = await peer(server, 'right-key-aaaaaaaaaaaaa', true);
    await settle();
    const phone = await peer(server, 'right-key-aaaaaaaaaaaaa', false);
    await settle();
    // An attacker who sees the parts' ids (they are in clear) sends the next id's parts first.
    const nextId = `${(console_.relay as unknown as { sender: string }).sender}-1`;
    const raw = server.link();
    raw.topics.add(phone.secrets.relayTopic);
    for (let index = 0; index < 3; index += 1) {
      const data = `${nextId}.${index}.3.${'P'.repeat(100)}.${'B'.repeat(22)}`;
      raw.send({ type: 'publish', topic: phone.secrets.relayTopic, data });
    }
    await settle();
    console_.doc.transact(() => {
      for (let i = 0; i < 200; i += 1) {
        addIncidentCard(console_.doc, `device${String(i % 40).padStart(8, '0')}`, {
          text: `Card ${i}: ${'x'.repeat(270)}`,
          severity: 'green',
        });
      }
    });
    await expect
      .poll(() => readIncidentCards(phone.doc).items.length, { timeout: 10_000 })
      .toBe(200);
    expect(phone.relay.counters.undecryptable).toBe(3);
    console_.relay.destroy();
    phone.relay.destroy();
  });

  it('drops a repeated message, and answers a replayed hello with no second catch-up', async () => {
    const server = fakeServer();
    const console_ = await peer(server, 'right-key-aaaaaaaaaaaaa', true);
    addIncidentCard(console_.doc, 'deviceCONSOLE1', { text: 'first', severity: 'red' });
    await settle();
    const phone = await peer(server, 'right-key-aaaaaaaaaaaaa', false);
    await expect.poll(() => readIncidentCards(phone.doc).items.length).toBe(1);
    const relayTopic = phone.secrets.relayTopic;
    const captured = server.frames
      .map((frame) => JSON.parse(frame) as { type: string; topic?: string })
      .filter((frame) => frame.type === 'publish' && frame.topic === relayTopic);
    const states = () => console_.relay.counters.received;
    // What the phone sends back after its catch-up comes after it shows the card (on a
    // loaded machine, after a settle too): wait until the console hears nothing more.
    for (let heard = -1; heard !== states(); await settle()) heard = states();
    const before = server.frames.length;
    const receivedBefore = states();
    const raw = server.link();
    for (let round = 0; round < 3; round += 1) for (const frame of captured) raw.send(frame);
    await settle();
    // Every repeat was dropped on both sides; the console sent no catch-up for them.
    expect(states()).toBe(receivedBefore);
    expect(phone.relay.counters.replayed).toBeGreaterThan(0);
    expect(console_.relay.counters.replayed).toBeGreaterThan(0);
    const sentByConsole = server.frames.slice(before).filter((f) => f.length > 2_000);
    expect(sentByConsole.length).toBe(
      captured.filter((f) => JSON.stringify(f).length > 2_000).length * 3,
    );
    expect(readIncidentCards(phone.doc).items).toHaveLength(1);
    console_.relay.destroy();
    phone.relay.destroy();
  });

  it("a wrong key hears nothing on the room's topics, and learns it positively from the key check", async () => {
    const server = fakeServer();
    const console_ = await peer(server, 'right-key-aaaaaaaaaaaaa', true);
    addIncidentCard(console_.doc, 'deviceCONSOLE1', { text: 'secret', severity: 'red' });
    const honest = await peer(server, 'right-key-aaaaaaaaaaaaa', false);
    const intruder = await peer(server, 'wrong-key-aaaaaaaaaaaaa', false);
    expect(intruder.secrets.relayTopic).not.toBe(honest.secrets.relayTopic);
    expect(intruder.secrets.checkTopic).toBe(honest.secrets.checkTopic);
    await settle();
    expect(intruder.relay.keyMismatchSince).toBeGreaterThan(0);
    expect(intruder.relay.keyConfirmed).toBe(false);
    expect(intruder.relay.counters.undecryptable).toBe(0);
    expect(intruder.relay.lastValidAt).toBe(0);
    expect(readIncidentCards(intruder.doc).items).toEqual([]);
    // Someone with the room id sends made-up key checks: the honest phone already knows better.
    expect(honest.relay.keyConfirmed).toBe(true);
    const raw = server.link();
    raw.send({
      type: 'publish',
      topic: honest.secrets.checkTopic,
      data: 'kc.forgedforgedforgedfo',
    });
    await settle();
    expect(honest.relay.keyConfirmed).toBe(true);
    console_.relay.destroy();
    honest.relay.destroy();
    intruder.relay.destroy();
  });

  it('topics name neither the room id nor the key', async () => {
    const secrets: RoomSecrets = await deriveRoomSecrets('right-key-aaaaaaaaaaaaa', ROOM);
    for (const topic of [secrets.signalTopic, secrets.relayTopic, secrets.checkTopic]) {
      expect(topic).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(topic).not.toContain(ROOM);
    }
    expect(new Set([secrets.signalTopic, secrets.relayTopic, secrets.checkTopic]).size).toBe(3);
    expect(await macOf(secrets.macKey, 'x')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('refuses a replayed or malformed signaling message before y-webrtc sees it', async () => {
    // Sealed as y-webrtc's crypto.js seals (lib0: "AES-GCM", the IV, the ciphertext).
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
    ]);
    const seal = async (value: object) => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const plain = new TextEncoder().encode(JSON.stringify(value));
      const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, 'AES-GCM');
      encoding.writeVarUint8Array(encoder, iv);
      encoding.writeVarUint8Array(encoder, new Uint8Array(cipher));
      return toBase64(encoding.toUint8Array(encoder));
    };
    const offer = { type: 'publish', topic: 'topic', data: await seal({ type: 'announce' }) };
    const another = { ...offer, data: await seal({ type: 'announce' }) };
    expect(sealedAsYWebrtcSeals(offer.data)).toBe(true);
    const heard: unknown[] = [];
    const connection = { emit: (_name: string, args: unknown[]) => heard.push(args[0]) };
    const refused = refuseReplayedSignals(connection, 'topic');
    connection.emit('message', [offer]);
    connection.emit('message', [{ ...offer }]); // replayed
    connection.emit('message', [another]);
    for (const junk of [
      'not base64!',
      btoa('junk of some length, not sealed at all'),
      offer.data.slice(0, -8),
    ]) {
      connection.emit('message', [{ ...offer, data: junk }]);
    }
    connection.emit('message', [{ type: 'publish', topic: 'relay', data: offer.data }]);
    connection.emit('connect', [{ type: 'connect' }]);
    expect(heard).toEqual([
      offer,
      another,
      { type: 'publish', topic: 'relay', data: offer.data },
      { type: 'connect' },
    ]);
    expect(refused()).toBe(4);
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

/**
 * The console, a relayed phone and a phone linked to the console directly with a relay of its
 * own, which thinks no page needs the relay until `needRelay` (the relayed phone's presence not
 * heard yet).
 */
async function directBesideRelayed(key: string) {
  const server = fakeServer();
  const console_ = await peer(server, key, true);
  const relayed = await peer(server, key, false);
  const direct = new Y.Doc();
  linkDirectly(direct, console_.doc);
  let relayNeeded = false;
  const relay = new Relay(
    server.link(),
    await deriveRoomSecrets(key, ROOM),
    direct,
    new Awareness(direct),
    false,
    () => {},
    () => relayNeeded,
  );
  await settle();
  return { console_, relayed, direct, relay, needRelay: () => (relayNeeded = true) };
}

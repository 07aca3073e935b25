// @vitest-environment node
/**
 * The signaling endpoint against real sockets on 127.0.0.1: y-webrtc's protocol,
 * and every limit a hostile client on the venue network could push against.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { admissionProtocols, createAdmission } from '../../server/admission.js';
import {
  SIGNAL_FRAME_MAX_BYTES,
  SIGNAL_LOG_LINES_MAX,
  SIGNAL_CLIENTS_MAX,
  SIGNAL_CLIENTS_PER_ADDRESS_MAX,
  SIGNAL_SUBSCRIBERS_PER_TOPIC_MAX,
  SIGNAL_TOPICS_PER_CLIENT_MAX,
  SIGNAL_TOPIC_MAX_CHARS,
  attachSignaling,
  type SignalingOptions,
} from '../../server/signaling.js';

type Started = {
  server: Server;
  signaling: ReturnType<typeof attachSignaling>;
  url: string;
  logged: string[];
};
type Closed = { code: number; reason: string };
type Client = { ws: WebSocket; messages: Record<string, unknown>[]; closed: Promise<Closed> };

const running: Started[] = [];
const opened: WebSocket[] = [];

/** This run's admission secret: every test client holds the join link unless it says otherwise. */
const SECRET = 'test-admission-secret-0123';
const ADMITTED = admissionProtocols(SECRET);

async function start(options: SignalingOptions = {}): Promise<Started> {
  const logged: string[] = [];
  const server = createServer((_, res) => res.end());
  const signaling = attachSignaling(server, {
    log: (line) => logged.push(line),
    admission: createAdmission(SECRET),
    ...options,
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/signal`;
  const started = { server, signaling, url, logged };
  running.push(started);
  return started;
}

afterEach(async () => {
  for (const ws of opened.splice(0)) ws.terminate();
  for (const { server, signaling } of running.splice(0)) {
    await signaling.close();
    await new Promise((done) => server.close(done));
  }
});

async function connect(
  url: string,
  options: WebSocket.ClientOptions = {},
  protocols: string[] = ADMITTED,
): Promise<Client> {
  const ws = new WebSocket(url, protocols, options);
  opened.push(ws);
  const messages: Record<string, unknown>[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
  const closed = new Promise<Closed>((done) =>
    ws.on('close', (code, reason) => done({ code, reason: reason.toString() })),
  );
  await new Promise<void>((done, fail) => {
    ws.once('open', () => done());
    ws.once('error', fail);
  });
  return { ws, messages, closed };
}

const send = (client: Client, message: unknown) => client.ws.send(JSON.stringify(message));
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(5);
  }
}
/** A ping answered means every frame sent before it has been handled. */
async function roundTrip(client: Client): Promise<void> {
  const count = client.messages.filter((m) => m.type === 'pong').length;
  send(client, { type: 'ping' });
  await until(() => client.messages.filter((m) => m.type === 'pong').length > count);
}

const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};
let heapAtStart = 0;
beforeAll(() => {
  heapAtStart = heap();
});

describe('the signaling protocol (as y-webrtc speaks it)', () => {
  it('forwards a publish verbatim to every subscriber, the sender too, with the count', async () => {
    const { url } = await start();
    const a = await connect(url);
    const b = await connect(url);
    const other = await connect(url);
    send(a, { type: 'subscribe', topics: ['room-1'] });
    send(b, { type: 'subscribe', topics: ['room-1'] });
    send(other, { type: 'subscribe', topics: ['room-2'] });
    await Promise.all([roundTrip(a), roundTrip(b), roundTrip(other)]);
    const published = {
      type: 'publish',
      topic: 'room-1',
      data: { sealed: 'x', list: [1, 'two', null] },
      from: 'peer',
      clients: 99,
    };
    send(a, published);
    await roundTrip(a);
    await roundTrip(b);
    const forwarded = { ...published, clients: 2 };
    expect(a.messages.filter((m) => m.type === 'publish')).toEqual([forwarded]);
    expect(b.messages.filter((m) => m.type === 'publish')).toEqual([forwarded]);
    await roundTrip(other);
    expect(other.messages.filter((m) => m.type === 'publish')).toEqual([]);
  });

  it('answers ping with pong', async () => {
    const { url } = await start();
    const a = await connect(url);
    send(a, { type: 'ping' });
    await until(() => a.messages.length === 1);
    expect(a.messages).toEqual([{ type: 'pong' }]);
  });

  it('drops a publish to a topic nobody holds, and keeps no topic for it', async () => {
    const { url, signaling } = await start();
    const a = await connect(url);
    send(a, { type: 'publish', topic: 'nobody', data: 'x' });
    await roundTrip(a);
    expect(a.messages).toEqual([{ type: 'pong' }]);
    expect(signaling.stats().topics).toBe(0);
  });

  it('forgets a topic when its last subscriber unsubscribes or leaves', async () => {
    const { url, signaling } = await start();
    const a = await connect(url);
    const b = await connect(url);
    send(a, { type: 'subscribe', topics: ['x', 'y'] });
    send(b, { type: 'subscribe', topics: ['x'] });
    await Promise.all([roundTrip(a), roundTrip(b)]);
    expect(signaling.stats()).toMatchObject({ clients: 2, topics: 2 });
    send(a, { type: 'unsubscribe', topics: ['x', 'y', 'never-held'] });
    await roundTrip(a);
    expect(signaling.stats().topics).toBe(1);
    send(b, { type: 'publish', topic: 'x', data: 'still here' });
    await roundTrip(b);
    expect(b.messages.find((m) => m.type === 'publish')).toMatchObject({ clients: 1 });
    expect(a.messages.some((m) => m.type === 'publish')).toBe(false);
    b.ws.close();
    await until(() => signaling.stats().topics === 0 && signaling.stats().clients === 1);
  });
});

describe('who may connect', () => {
  it('refuses a page from another origin (403), and accepts its own or none', async () => {
    const { url, logged } = await start();
    await expect(connect(url, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
    await expect(connect(url, { origin: 'null' })).rejects.toThrow(/403/);
    const own = await connect(url, { origin: `http://${new URL(url).host}` });
    expect(own.ws.readyState).toBe(WebSocket.OPEN);
    const noOrigin = await connect(url);
    expect(noOrigin.ws.readyState).toBe(WebSocket.OPEN);
    expect(logged.some((line) => line.includes('"https://evil.example"'))).toBe(true);
  });

  it('with allowedOrigins, accepts exactly those', async () => {
    const { url } = await start({ allowedOrigins: ['https://192.168.1.20:8443'] });
    const allowed = await connect(url, { origin: 'https://192.168.1.20:8443' });
    expect(allowed.ws.readyState).toBe(WebSocket.OPEN);
    await expect(connect(url, { origin: `http://${new URL(url).host}` })).rejects.toThrow(/403/);
    await expect(connect(url)).rejects.toThrow(/403/);
  });

  it('takes upgrades on /signal only', async () => {
    const { url } = await start();
    await expect(connect(url.replace('/signal', '/other'))).rejects.toThrow(/404/);
    await expect(connect(`${url}?room=x`)).resolves.toBeTruthy();
  });

  it("refuses an upgrade without this run's admission token (401), and never echoes the token", async () => {
    const { url, signaling } = await start();
    await expect(connect(url, {}, [])).rejects.toThrow(/401/);
    await expect(connect(url, {}, ['swk.v1'])).rejects.toThrow(/401/);
    await expect(connect(url, {}, admissionProtocols('another-runs-secret-0123'))).rejects.toThrow(
      /401/,
    );
    await expect(connect(url, {}, admissionProtocols(`${SECRET}x`))).rejects.toThrow(/401/);
    // The token only in the URL does not count: it must not end up in logs.
    await expect(connect(`${url}?admit=${SECRET}`, {}, [])).rejects.toThrow(/401/);
    const admitted = await connect(url);
    expect(admitted.ws.protocol).toBe('swk.v1');
    expect(signaling.stats()).toMatchObject({ clients: 1, refusedUnadmitted: 5 });
  });

  it('sockets without the token, held in a loop, take none of the places', async () => {
    const { url, signaling } = await start({ clientsMax: 5 });
    let stop = false;
    let attackerOpened = 0;
    const attacker = (async () => {
      while (!stop) {
        const tries = await Promise.allSettled(
          Array.from({ length: 50 }, () => connect(url, {}, ['swk.v1'])),
        );
        attackerOpened += tries.filter((t) => t.status === 'fulfilled').length;
      }
    })();
    const room: Client[] = [];
    for (let i = 0; i < 5; i++) room.push(await connect(url));
    for (const page of room) send(page, { type: 'subscribe', topics: ['room'] });
    await Promise.all(room.map(roundTrip));
    send(room[0]!, { type: 'publish', topic: 'room', data: 'card' });
    await until(() => room.every((page) => page.messages.some((m) => m.data === 'card')));
    stop = true;
    await attacker;
    expect(attackerOpened).toBe(0);
    expect(signaling.stats().clients).toBe(5);
    expect(signaling.stats().refusedUnadmitted).toBeGreaterThan(50);
  });

  it(`at most ${SIGNAL_CLIENTS_PER_ADDRESS_MAX} sockets from one address (loopback, the laptop, is not counted)`, async () => {
    const { url, signaling } = await start({
      unlimitedAddress: (request) => request.socket.remoteAddress === '127.0.0.1',
    });
    const phone = { localAddress: '127.0.0.2' };
    for (let i = 0; i < SIGNAL_CLIENTS_PER_ADDRESS_MAX; i++) await connect(url, phone);
    await expect(connect(url, phone)).rejects.toThrow(/503/);
    await expect(connect(url, { localAddress: '127.0.0.3' })).resolves.toBeTruthy();
    for (let i = 0; i < 10; i++) await connect(url);
    expect(signaling.stats().clients).toBe(SIGNAL_CLIENTS_PER_ADDRESS_MAX + 11);
    opened[0]?.close();
    await until(() => signaling.stats().clients === SIGNAL_CLIENTS_PER_ADDRESS_MAX + 10);
    await expect(connect(url, phone)).resolves.toBeTruthy();
  });

  it(`a topic holds at most ${SIGNAL_SUBSCRIBERS_PER_TOPIC_MAX} subscribers; one more is closed (1008)`, async () => {
    const { url, signaling } = await start({ subscribersPerTopicMax: 3 });
    const members = [await connect(url), await connect(url), await connect(url)];
    for (const member of members) send(member, { type: 'subscribe', topics: ['room'] });
    await Promise.all(members.map(roundTrip));
    const extra = await connect(url);
    send(extra, { type: 'subscribe', topics: ['room'] });
    expect((await extra.closed).code).toBe(1008);
    send(members[0]!, { type: 'publish', topic: 'room', data: 'x' });
    await until(() => members.every((m) => m.messages.some((x) => x.clients === 3)));
    expect(signaling.stats().clients).toBe(3);
  });

  it('refuses clients past the cap (503), and takes one again when a place frees', async () => {
    const { url, signaling } = await start({ clientsMax: 2 });
    const first = await connect(url);
    await connect(url);
    await expect(connect(url)).rejects.toThrow(/503/);
    first.ws.close();
    await until(() => signaling.stats().clients === 1);
    await expect(connect(url)).resolves.toBeTruthy();
  });
});

describe('a malformed frame closes that client, never the server', () => {
  it.each([
    ['malformed JSON', '{not json', 1007],
    ['a number', '42', 1007],
    ['an array', '[]', 1007],
    ['null', 'null', 1007],
    ['no type', '{}', 1007],
    ['an unknown type', '{"type":"explode"}', 1007],
    ['topics not a list', '{"type":"subscribe","topics":"room"}', 1007],
    ['a topic not a string', '{"type":"subscribe","topics":[1]}', 1007],
    ['an empty topic', '{"type":"subscribe","topics":[""]}', 1007],
    [
      'an overlong topic',
      JSON.stringify({ type: 'subscribe', topics: ['t'.repeat(SIGNAL_TOPIC_MAX_CHARS + 1)] }),
      1007,
    ],
    ['unsubscribe without topics', '{"type":"unsubscribe"}', 1007],
    ['a publish topic not a string', '{"type":"publish","topic":5}', 1007],
  ])('%s', async (_, frame, code) => {
    const { url, signaling, logged } = await start();
    const good = await connect(url);
    send(good, { type: 'subscribe', topics: ['room'] });
    const bad = await connect(url);
    bad.ws.send(frame);
    expect((await bad.closed).code).toBe(code);
    expect(signaling.stats().closedForAbuse).toBe(1);
    expect(logged).toHaveLength(1);
    send(good, { type: 'publish', topic: 'room', data: 'still works' });
    await until(() => good.messages.length === 1);
    expect(good.messages[0]).toMatchObject({ data: 'still works', clients: 1 });
  });

  it('a binary frame', async () => {
    const { url, signaling } = await start();
    const good = await connect(url);
    const bad = await connect(url);
    bad.ws.send(Buffer.from(JSON.stringify({ type: 'ping' })));
    expect((await bad.closed).code).toBe(1007);
    await roundTrip(good);
    expect(signaling.stats().closedForAbuse).toBe(1);
  });

  it('a frame nested too deep to forward', async () => {
    const { url, signaling } = await start();
    const good = await connect(url);
    send(good, { type: 'subscribe', topics: ['room'] });
    await roundTrip(good);
    const bad = await connect(url);
    send(bad, { type: 'subscribe', topics: ['room'] });
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    bad.ws.send(`{"type":"publish","topic":"room","data":${deep}}`);
    expect((await bad.closed).code).toBe(1011);
    await roundTrip(good);
    expect(good.messages.filter((m) => m.type === 'publish')).toEqual([]);
    expect(signaling.stats()).toMatchObject({ clients: 1, topics: 1 });
  });

  it('an exception while handling a frame', async () => {
    const { url, logged } = await start({
      onFrame: (frame) => {
        if (frame.includes('boom')) throw new Error('boom');
      },
    });
    const bad = await connect(url);
    send(bad, { type: 'ping', boom: true });
    expect((await bad.closed).code).toBe(1011);
    expect(logged.some((line) => line.includes('boom'))).toBe(true);
    await roundTrip(await connect(url));
  });

  it('an oversized frame (1009)', async () => {
    const { url, signaling } = await start();
    const good = await connect(url);
    const big = await connect(url);
    send(big, { type: 'publish', topic: 't', data: 'x'.repeat(SIGNAL_FRAME_MAX_BYTES) });
    expect((await big.closed).code).toBe(1009);
    await roundTrip(good);
    expect(signaling.stats()).toMatchObject({ clients: 1, closedForAbuse: 1 });
  });

  it('many bad clients log a bounded number of lines', async () => {
    const { url, logged } = await start();
    const bad = await Promise.all(Array.from({ length: 40 }, () => connect(url)));
    for (const client of bad) client.ws.send('{not json');
    await Promise.all(bad.map((client) => client.closed));
    expect(logged.length).toBeLessThanOrEqual(SIGNAL_LOG_LINES_MAX);
  });
});

describe('resources a client can make the server hold are capped', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => `topic-${i}`);

  it(`one client holds at most ${SIGNAL_TOPICS_PER_CLIENT_MAX} topics`, async () => {
    const { url, signaling } = await start();
    const a = await connect(url);
    send(a, { type: 'subscribe', topics: many.slice(0, SIGNAL_TOPICS_PER_CLIENT_MAX) });
    send(a, { type: 'subscribe', topics: many.slice(0, 4) }); // already held: no change
    await roundTrip(a);
    expect(signaling.stats().topics).toBe(SIGNAL_TOPICS_PER_CLIENT_MAX);
    send(a, { type: 'subscribe', topics: ['one-more'] });
    expect(await a.closed).toEqual({ code: 1008, reason: 'too many topics' });
    expect(signaling.stats().topics).toBe(0);
  });

  it('10,000 topics in one subscribe', async () => {
    const { url, signaling } = await start();
    const greedy = await connect(url);
    send(greedy, { type: 'subscribe', topics: many });
    expect(await greedy.closed).toEqual({ code: 1008, reason: 'too many topics' });
    expect(signaling.stats()).toMatchObject({ clients: 0, topics: 0, closedForAbuse: 1 });
  });

  it('10,000 topics across 10,000 subscribes', async () => {
    let read = 0;
    const { url, signaling } = await start({
      onFrame: (frame) => {
        if (frame.includes('subscribe')) read += 1;
      },
    });
    const watcher = await connect(url);
    const greedy = await connect(url);
    let most = 0;
    const sample = setInterval(() => (most = Math.max(most, signaling.stats().topics)), 1);
    for (const topic of many) send(greedy, { type: 'subscribe', topics: [topic] });
    expect(await greedy.closed).toEqual({ code: 1008, reason: 'too many topics' });
    clearInterval(sample);
    await roundTrip(watcher);
    expect(most).toBeLessThanOrEqual(SIGNAL_TOPICS_PER_CLIENT_MAX);
    // Closed once, and the frames still on the wire after that are not read.
    expect(read).toBe(SIGNAL_TOPICS_PER_CLIENT_MAX + 1);
    expect(signaling.stats()).toMatchObject({ clients: 1, topics: 0, closedForAbuse: 1 });
  });

  it('a flood of 2,000 messages closes the flooder (1008); others still connect and publish', async () => {
    const { url, signaling } = await start();
    const bystander = await connect(url);
    send(bystander, { type: 'subscribe', topics: ['room'] });
    const flooder = await connect(url);
    send(flooder, { type: 'subscribe', topics: ['room'] });
    for (let i = 0; i < 2_000; i++) {
      send(flooder, { type: 'publish', topic: 'room', data: `flood ${i}` });
    }
    expect(await flooder.closed).toEqual({ code: 1008, reason: 'too many messages' });
    expect(signaling.stats().closedForAbuse).toBe(1);
    // The bucket let through its burst (and a little refill), not the flood.
    const floodSeen = bystander.messages.filter((m) => m.type === 'publish').length;
    expect(floodSeen).toBeGreaterThanOrEqual(100);
    expect(floodSeen).toBeLessThan(300);

    const legit = await connect(url);
    send(legit, { type: 'subscribe', topics: ['room'] });
    send(legit, { type: 'publish', topic: 'room', data: 'hello' });
    await until(() => legit.messages.length === 1);
    expect(legit.messages[0]).toMatchObject({ data: 'hello', clients: 2 });
    expect(signaling.stats()).toMatchObject({ clients: 2, topics: 1, closedForAbuse: 1 });
  });

  it('1,000 connections at once: the cap holds, the server stays up and still serves a workshop', async () => {
    const { url, signaling } = await start();
    const attempts = await Promise.allSettled(Array.from({ length: 1_000 }, () => connect(url)));
    const accepted = attempts.filter((a) => a.status === 'fulfilled').length;
    expect(accepted).toBe(SIGNAL_CLIENTS_MAX);
    expect(attempts.filter((a) => a.status === 'rejected')).toHaveLength(
      1_000 - SIGNAL_CLIENTS_MAX,
    );
    expect(signaling.stats().clients).toBe(SIGNAL_CLIENTS_MAX);
    // The crowd leaves; the room's own pages get in and talk.
    for (const ws of opened.splice(0)) ws.terminate();
    await until(() => signaling.stats().clients === 0, 5_000);
    const laptop = await connect(url);
    const phone = await connect(url);
    send(laptop, { type: 'subscribe', topics: ['room'] });
    send(phone, { type: 'subscribe', topics: ['room'] });
    await Promise.all([roundTrip(laptop), roundTrip(phone)]);
    send(phone, { type: 'publish', topic: 'room', data: 'sealed card' });
    await until(() => laptop.messages.some((m) => m.data === 'sealed card'));
  }, 30_000);

  it('a client that does not read what it is sent is closed, and memory stays bounded', async () => {
    const sendBufferMaxBytes = 1024 * 1024;
    const { url, signaling } = await start({ sendBufferMaxBytes });
    const slow = await connect(url);
    send(slow, { type: 'subscribe', topics: ['room'] });
    await roundTrip(slow);
    slow.ws.pause();
    const publisher = await connect(url);
    const chunk = 'x'.repeat(200 * 1024);
    for (let i = 0; i < 100; i++) send(publisher, { type: 'publish', topic: 'room', data: chunk });
    await until(() => signaling.stats().closedTooSlow === 1, 4_000);
    expect(signaling.stats()).toMatchObject({ topics: 0, closedForAbuse: 0 });
    slow.ws.resume();
    await slow.closed;
    await roundTrip(publisher);
  });

  it('a socket that stops answering pings is dropped; a live one stays', async () => {
    const { url, signaling } = await start({ heartbeatMs: 50 });
    const live = await connect(url);
    const dead = await connect(url, { autoPong: false });
    send(dead, { type: 'subscribe', topics: ['room'] });
    await roundTrip(dead);
    expect((await dead.closed).code).toBe(1006);
    await sleep(150);
    await roundTrip(live);
    expect(signaling.stats()).toMatchObject({ clients: 1, topics: 0 });
  });

  it('close() ends every connection promptly, even one being closed', async () => {
    const started = await start({ closeGraceMs: 60_000 });
    const a = await connect(started.url);
    const b = await connect(started.url);
    b.ws.pause(); // will not complete the closing handshake
    b.ws.send('{not json');
    await until(() => started.signaling.stats().closedForAbuse === 1);
    const begin = Date.now();
    await started.signaling.close();
    expect(Date.now() - begin).toBeLessThan(1_000);
    await a.closed;
  });
});

describe('after the abuse', () => {
  it('the heap grew by less than 100 MB', () => {
    expect(heap() - heapAtStart).toBeLessThan(100 * 1024 * 1024);
  });
});

afterAll(() => {
  for (const ws of opened) ws.terminate();
});

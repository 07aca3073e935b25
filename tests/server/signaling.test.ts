// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  SIGNAL_FRAME_MAX_BYTES,
  SIGNAL_TOPICS_PER_CLIENT_MAX,
  attachSignaling,
} from '../../server/signaling.js';

let server: Server;
let signaling: ReturnType<typeof attachSignaling>;
let url: string;
const logged: string[] = [];

beforeEach(async () => {
  logged.length = 0;
  server = createServer((_, res) => res.end());
  signaling = attachSignaling(server, { log: (m) => logged.push(m) });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/signal`;
});

afterEach(async () => {
  await signaling.close();
  await new Promise((done) => server.close(done));
});

type Client = { ws: WebSocket; messages: unknown[]; closed: Promise<number> };

async function connect(options: WebSocket.ClientOptions = {}): Promise<Client> {
  const ws = new WebSocket(url, options);
  const messages: unknown[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
  const closed = new Promise<number>((done) => ws.on('close', (code) => done(code)));
  await new Promise<void>((done, fail) => {
    ws.once('open', () => done());
    ws.once('error', fail);
  });
  return { ws, messages, closed };
}

const send = (client: Client, message: unknown) => client.ws.send(JSON.stringify(message));
const until = async (check: () => boolean, ms = 2_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 10));
  }
};

describe('the signaling endpoint', () => {
  it('forwards a publish to every subscriber of the topic, with the count', async () => {
    const a = await connect();
    const b = await connect();
    send(a, { type: 'subscribe', topics: ['room-1'] });
    send(b, { type: 'subscribe', topics: ['room-1'] });
    await until(() => signaling.stats().topics === 1);
    await new Promise((done) => setTimeout(done, 50));
    send(a, { type: 'publish', topic: 'room-1', data: 'sealed' });
    await until(() => b.messages.length === 1 && a.messages.length === 1);
    expect(b.messages[0]).toEqual({ type: 'publish', topic: 'room-1', data: 'sealed', clients: 2 });
  });

  it('answers ping with pong', async () => {
    const a = await connect();
    send(a, { type: 'ping' });
    await until(() => a.messages.length === 1);
    expect(a.messages[0]).toEqual({ type: 'pong' });
  });

  it('forgets a topic when its last subscriber leaves', async () => {
    const a = await connect();
    send(a, { type: 'subscribe', topics: ['x', 'y'] });
    await until(() => signaling.stats().topics === 2);
    send(a, { type: 'unsubscribe', topics: ['x'] });
    await until(() => signaling.stats().topics === 1);
    a.ws.close();
    await until(() => signaling.stats().topics === 0 && signaling.stats().clients === 0);
  });

  it('refuses a page from another origin, and accepts its own', async () => {
    await expect(connect({ origin: 'https://evil.example' })).rejects.toThrow(/403/);
    const host = new URL(url).host;
    const own = await connect({ origin: `https://${host}` });
    expect(own.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('closes a client that sends malformed frames, and only that client', async () => {
    const good = await connect();
    const bad = await connect();
    bad.ws.send('{not json');
    expect(await bad.closed).toBe(1007);
    const wrongTypes = await connect();
    send(wrongTypes, { type: 'subscribe', topics: 'not-a-list' });
    expect(await wrongTypes.closed).toBe(1007);
    const unknown = await connect();
    send(unknown, { type: 'explode' });
    expect(await unknown.closed).toBe(1007);
    const binary = await connect();
    binary.ws.send(Buffer.from([1, 2, 3]));
    expect(await binary.closed).toBe(1007);
    send(good, { type: 'ping' });
    await until(() => good.messages.length === 1);
    expect(logged.some((line) => line.includes('malformed JSON'))).toBe(true);
  });

  it('closes a client that sends an oversized frame', async () => {
    const a = await connect();
    a.ws.send(
      JSON.stringify({ type: 'publish', topic: 't', data: 'x'.repeat(SIGNAL_FRAME_MAX_BYTES + 1) }),
    );
    expect(await a.closed).toBe(1009);
  });

  it('caps the topics one client can hold, however it asks for 10,000', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `topic-${i}`);
    const greedy = await connect();
    send(greedy, { type: 'subscribe', topics: many });
    expect(await greedy.closed).toBe(1008);
    const patient = await connect();
    for (const topic of many.slice(0, 100)) send(patient, { type: 'subscribe', topics: [topic] });
    await patient.closed;
    expect(signaling.stats().topics).toBeLessThanOrEqual(SIGNAL_TOPICS_PER_CLIENT_MAX);
    await until(() => signaling.stats().topics === 0);
  });

  it('closes a flooding client, stays up, and a legitimate client still connects', async () => {
    const before = process.memoryUsage().heapUsed;
    const flooder = await connect();
    for (let i = 0; i < 2_000; i++) send(flooder, { type: 'ping' });
    expect(await flooder.closed).toBe(1008);
    const legit = await connect();
    send(legit, { type: 'subscribe', topics: ['room'] });
    send(legit, { type: 'publish', topic: 'room', data: 'hello' });
    await until(() => legit.messages.length === 1);
    expect(signaling.stats().closedForAbuse).toBeGreaterThanOrEqual(1);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * 1024 * 1024);
  });
});

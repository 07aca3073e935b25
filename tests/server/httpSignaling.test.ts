// @vitest-environment node
/**
 * The signaling endpoint over EventSource and fetch, against real sockets on 127.0.0.1:
 * the same hub as the WebSocket, so the same messages, admission and caps.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { admissionProtocols, createAdmission } from '../../server/admission.js';
import {
  HTTP_SIGNAL_BODY_MAX_BYTES,
  HTTP_SIGNAL_STREAM_WAIT_MS,
  createHttpSignaling,
} from '../../server/httpSignaling.js';
import {
  SIGNAL_MESSAGES_BURST,
  attachSignaling,
  type SignalingOptions,
} from '../../server/signaling.js';

const SECRET = 'test-admission-secret-0123';
const ADMITTED = admissionProtocols(SECRET);
/** What the page's HTTP transport presents: the WebSocket's subprotocols, in a header. */
const ADMIT = { 'X-Signal-Protocol': ADMITTED.join(', ') };

type Started = { server: Server; signaling: ReturnType<typeof attachSignaling>; base: string };
const running: Started[] = [];
const opened: { close(): void }[] = [];

async function start(options: SignalingOptions = {}): Promise<Started> {
  const handlers: ReturnType<typeof createHttpSignaling>[] = [];
  const server = createServer((req, res) => {
    if (!handlers.some((handle) => handle(req, res))) res.end('app');
  });
  const signaling = attachSignaling(server, {
    log: () => {},
    admission: createAdmission(SECRET),
    ...options,
  });
  handlers.push(createHttpSignaling(signaling, options));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const started = { server, signaling, base };
  running.push(started);
  return started;
}

afterEach(async () => {
  for (const client of opened.splice(0)) client.close();
  for (const { server, signaling } of running.splice(0)) {
    await signaling.close();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

type HttpPhone = {
  id: string;
  messages: Record<string, unknown>[];
  /** The `event: close` the server sent, or 'ended' if the stream just ended. */
  closed: Promise<string>;
  send(...frames: unknown[]): Promise<number>;
  close(): void;
};

/** A phone on the HTTP transport: a session, its event stream, and POSTs of frames. */
async function httpPhone(base: string, extra: Record<string, string> = {}): Promise<HttpPhone> {
  const headers = { ...ADMIT, ...extra };
  const session = await fetch(`${base}/signal/session`, { method: 'POST', headers });
  if (session.status !== 200) throw new Error(`session refused: ${session.status}`);
  const { id } = (await session.json()) as { id: string };
  const messages: Record<string, unknown>[] = [];
  const abort = new AbortController();
  const stream = await fetch(`${base}/signal/events/${id}`, { signal: abort.signal, headers });
  expect(stream.headers.get('content-type')).toContain('text/event-stream');
  const closed = (async () => {
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return 'ended';
        buffered += value;
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const event = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          if (event.startsWith('event: close')) return event.split('data: ')[1] ?? '';
          if (event.startsWith('data: ')) messages.push(JSON.parse(event.slice(6)));
        }
      }
    } catch {
      return 'ended';
    }
  })();
  const phone = {
    id,
    messages,
    closed,
    send: async (...frames: unknown[]) =>
      (
        await fetch(`${base}/signal/send/${id}`, {
          method: 'POST',
          body: JSON.stringify(frames.map((frame) => JSON.stringify(frame))),
        })
      ).status,
    close: () => abort.abort(),
  };
  opened.push(phone);
  return phone;
}

async function wsPhone(base: string) {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/signal`, ADMITTED);
  opened.push(ws);
  const messages: Record<string, unknown>[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
  await new Promise((done, fail) => {
    ws.once('open', done);
    ws.once('error', fail);
  });
  return { ws, messages, send: (m: unknown) => ws.send(JSON.stringify(m)) };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(5);
  }
}

describe('signaling over EventSource and fetch', () => {
  it('carries the same messages as the WebSocket, both ways, in order', async () => {
    const { base, signaling } = await start();
    const phone = await httpPhone(base);
    const laptop = await wsPhone(base);
    expect(await phone.send({ type: 'subscribe', topics: ['room'] }, { type: 'ping' })).toBe(204);
    await until(() => phone.messages.length === 1);
    expect(phone.messages).toEqual([{ type: 'pong' }]);
    laptop.send({ type: 'subscribe', topics: ['room'] });
    await until(() => signaling.stats().clients === 2);

    laptop.send({ type: 'publish', topic: 'room', data: 'from the laptop' });
    await until(() => phone.messages.length === 2);
    expect(phone.messages[1]).toEqual({
      type: 'publish',
      topic: 'room',
      data: 'from the laptop',
      clients: 2,
    });
    const frames = [1, 2, 3].map((n) => ({ type: 'publish', topic: 'room', data: `part ${n}` }));
    expect(await phone.send(...frames)).toBe(204);
    await until(() => laptop.messages.length === 4);
    expect(laptop.messages.map((m) => m.data)).toEqual([
      'from the laptop',
      'part 1',
      'part 2',
      'part 3',
    ]);
  });

  it('forgets a phone whose stream ends, and its topics', async () => {
    const { base, signaling } = await start();
    const phone = await httpPhone(base);
    await phone.send({ type: 'subscribe', topics: ['room'] });
    expect(signaling.stats()).toMatchObject({ clients: 1, topics: 1 });
    phone.close();
    await until(() => signaling.stats().clients === 0);
    expect(signaling.stats().topics).toBe(0);
    expect(await phone.send({ type: 'ping' })).toBe(404);
  });

  it('admits as the WebSocket does: no token or a foreign origin is refused, the cap counts both transports', async () => {
    const { base } = await start({ allowedOrigins: ['https://laptop:8443'], clientsMax: 2 });
    const origin = { Origin: 'https://laptop:8443' };
    const unadmitted = await fetch(`${base}/signal/session`, { method: 'POST', headers: origin });
    expect(unadmitted.status).toBe(401);
    const foreign = await fetch(`${base}/signal/session`, {
      method: 'POST',
      headers: { ...ADMIT, Origin: 'https://elsewhere.example' },
    });
    expect(foreign.status).toBe(403);
    await httpPhone(base, origin);
    const ws = new WebSocket(`${base.replace('http', 'ws')}/signal`, ADMITTED, {
      origin: origin.Origin,
    });
    opened.push(ws);
    await new Promise((done) => ws.once('open', done));
    const third = await fetch(`${base}/signal/session`, {
      method: 'POST',
      headers: { ...ADMIT, ...origin },
    });
    expect(third.status).toBe(503);
  });

  it('closes a phone that sends a malformed body, and only that phone', async () => {
    const { base, signaling } = await start();
    const bad = await httpPhone(base);
    const good = await httpPhone(base);
    const status = (
      await fetch(`${base}/signal/send/${bad.id}`, { method: 'POST', body: '{"not":"a list"' })
    ).status;
    expect(status).toBe(400);
    expect(await bad.closed).toContain('1007');
    expect(signaling.stats()).toMatchObject({ clients: 1, closedForAbuse: 1 });
    // A frame that is not a protocol message is closed as the WebSocket closes it.
    expect(await good.send({ type: 'mystery' })).toBe(410);
    expect(await good.closed).toContain('unknown type');
    expect(signaling.stats()).toMatchObject({ clients: 0, closedForAbuse: 2 });
  });

  it('refuses a body past its cap before reading it whole', async () => {
    const { base, signaling } = await start();
    const phone = await httpPhone(base);
    const status = await new Promise<number>((done, fail) => {
      const req = request(`${base}/signal/send/${phone.id}`, { method: 'POST' }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      req.on('error', fail);
      req.end('x'.repeat(HTTP_SIGNAL_BODY_MAX_BYTES + 1));
    });
    expect(status).toBe(413);
    expect(await phone.closed).toContain('1009');
    expect(signaling.stats().clients).toBe(0);
  });

  it('applies the WebSocket rate limit to the frames of its POSTs', async () => {
    const { base } = await start();
    const phone = await httpPhone(base);
    // Past the burst by a second's refill: the bucket runs dry within these POSTs.
    const pings = Array.from({ length: SIGNAL_MESSAGES_BURST + 60 }, () => ({ type: 'ping' }));
    for (let start = 0; start < pings.length; start += 50)
      await phone.send(...pings.slice(start, start + 50));
    expect(await phone.closed).toContain('too many messages');
    expect(phone.messages.length).toBeGreaterThanOrEqual(SIGNAL_MESSAGES_BURST);
    expect(phone.messages.length).toBeLessThan(pings.length);
  });

  it('answers an unknown or used session with 404, and forgets one whose stream never opens', async () => {
    const { base } = await start();
    expect((await fetch(`${base}/signal/events/nothing`)).status).toBe(404);
    expect(
      (await fetch(`${base}/signal/send/nothing`, { method: 'POST', body: '[]' })).status,
    ).toBe(404);
    const phone = await httpPhone(base);
    expect((await fetch(`${base}/signal/events/${phone.id}`)).status).toBe(404);
    expect(HTTP_SIGNAL_STREAM_WAIT_MS).toBeLessThanOrEqual(10_000);
  });
});

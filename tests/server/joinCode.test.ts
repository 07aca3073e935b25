// @vitest-environment node
/**
 * Joining by the short code through the workshop server: the phone's ask reaches the
 * console listening on the code's topic and the sealed link comes back; the server
 * reads nothing of the code, room, key or admission secret, and a guesser is held to a
 * few tries per address and a few hundred wrong codes a minute in all.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkshopServer } from '../../server/app.js';
import {
  JOIN_ASK_BODY_MAX_BYTES,
  JOIN_TRIES_BURST,
  createJoinCodeRelay,
  type JoinCodeOptions,
} from '../../server/joinCode.js';
import {
  deriveJoinSecrets,
  joinCodeFor,
  sealJoinAnswer,
  startJoinAsk,
  type JoinCodeSecrets,
} from '../../src/sync/join/joinCode';

const dist = mkdtempSync(join(tmpdir(), 'swk-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html>');
const ROOM = 'r0om1d-of-twenty-two-ch';
const KEY = 'k3y-of-the-room-22chars';
const ADMISSION = 'admission-secret-24chars';
const LINK = `#/join/${ROOM}/${KEY}/${ADMISSION}`;

let workshop: ReturnType<typeof createWorkshopServer> | undefined;
/** Every byte the server's sockets received. */
let received = '';

async function start(joinCode: JoinCodeOptions = {}): Promise<string> {
  workshop = createWorkshopServer({ dist, joinCode });
  workshop.server.on('connection', (socket: Socket) =>
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1'))),
  );
  const port = await workshop.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${port}/join-code/`;
}

afterEach(async () => {
  await workshop?.close();
  workshop = undefined;
  received = '';
});

async function secretsFor(base: string, code: string): Promise<JoinCodeSecrets> {
  const { nonce } = (await (await fetch(`${base}nonce`)).json()) as { nonce: string };
  return deriveJoinSecrets(code, nonce);
}

function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The console's side: listens on the topic and answers every ask with `link`, sealed. */
async function consoleListening(base: string, secrets: JoinCodeSecrets, link = LINK) {
  const controller = new AbortController();
  const response = await fetch(`${base}listen/${secrets.topic}`, { signal: controller.signal });
  expect(response.status).toBe(200);
  const asks: string[] = [];
  void (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(event)?.[1];
          if (!event.startsWith('event: ask') || !data) continue;
          const ask = JSON.parse(data) as { id: string; key: string };
          asks.push(ask.id);
          const sealed = await sealJoinAnswer(secrets, ask.key, link);
          await postJson(`${base}answer`, { id: ask.id, sealed });
        }
      }
    } catch {
      // aborted
    }
  })();
  return { asks, stop: () => controller.abort() };
}

describe('joining by the short code', () => {
  it('brings the console’s sealed link to the phone, the server reading none of it', async () => {
    const base = await start();
    const code = await joinCodeFor(KEY);
    const listening = await consoleListening(base, await secretsFor(base, code));

    const secrets = await secretsFor(base, code);
    const ask = await startJoinAsk(secrets);
    const response = await postJson(`${base}ask`, { topic: secrets.topic, key: ask.publicKey });
    expect(response.status).toBe(200);
    const { sealed } = (await response.json()) as { sealed: string };
    expect(await ask.open(sealed)).toBe(LINK);
    listening.stop();

    expect(listening.asks).toHaveLength(1);
    expect(received).toContain(secrets.topic);
    for (const secret of [ROOM, KEY, ADMISSION, code]) expect(received).not.toContain(secret);
    expect(workshop!.joinCodes.stats()).toMatchObject({ forwarded: 1, answered: 1, pending: 0 });
  });

  it('answers a wrong code with "nobody listens", and an answer sealed for another code does not open', async () => {
    const base = await start();
    const code = await joinCodeFor(KEY);
    const listening = await consoleListening(base, await secretsFor(base, code));
    const wrong = await secretsFor(base, await joinCodeFor('another-room-key-22chars'));
    const ask = await startJoinAsk(wrong);
    const response = await postJson(`${base}ask`, { topic: wrong.topic, key: ask.publicKey });
    expect(response.status).toBe(404);
    expect(listening.asks).toHaveLength(0);

    // Someone who learnt the topic (not the code) and answers on it: the phone cannot open that.
    const right = await secretsFor(base, code);
    const phone = await startJoinAsk(right);
    const forged = await sealJoinAnswer(
      { topic: right.topic, sealSalt: new Uint8Array(32) },
      phone.publicKey,
      '#/join/impostor-room-of-22c/impostor-key-of-22ch',
    );
    expect(await phone.open(forged)).toBeNull();
    listening.stop();
  });

  it('gives each address a few tries, then one every few seconds', async () => {
    let clock = 1_000_000;
    const base = await start({ now: () => clock, tryRefillMs: 6_000 });
    const ask = await startJoinAsk(await secretsFor(base, 'ACDEFHJK'));
    const body = { topic: 'A'.repeat(22), key: ask.publicKey };
    const statuses: number[] = [];
    for (let i = 0; i < JOIN_TRIES_BURST + 2; i++) {
      statuses.push((await postJson(`${base}ask`, body)).status);
    }
    expect(statuses.slice(0, JOIN_TRIES_BURST).every((status) => status === 404)).toBe(true);
    expect(statuses.slice(JOIN_TRIES_BURST)).toEqual([429, 429]);
    const refused = await postJson(`${base}ask`, body);
    expect(refused.headers.get('retry-after')).toBe('6');
    clock += 6_000;
    expect((await postJson(`${base}ask`, body)).status).toBe(404);
    expect((await postJson(`${base}ask`, body)).status).toBe(429);
  });

  it('holds all addresses together to a number of wrong codes a minute', async () => {
    let clock = 1_000_000;
    const base = await start({ now: () => clock, triesBurst: 1000, failuresPerMinute: 3 });
    const ask = await startJoinAsk(await secretsFor(base, 'ACDEFHJK'));
    const body = { topic: 'B'.repeat(22), key: ask.publicKey };
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await postJson(`${base}ask`, body)).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    clock += 20_000; // a third of a minute: one more
    expect((await postJson(`${base}ask`, body)).status).toBe(404);
    expect((await postJson(`${base}ask`, body)).status).toBe(429);
  });

  it('refuses oversized, malformed, non-JSON and cross-site asks', async () => {
    const base = await start({ triesBurst: 1000 });
    const ask = await startJoinAsk(await secretsFor(base, 'ACDEFHJK'));
    const body = { topic: 'C'.repeat(22), key: ask.publicKey };
    expect(
      (await postJson(`${base}ask`, { ...body, pad: 'x'.repeat(JOIN_ASK_BODY_MAX_BYTES) })).status,
    ).toBe(413);
    expect((await postJson(`${base}ask`, '{"topic":')).status).toBe(400);
    expect((await postJson(`${base}ask`, { topic: 'short', key: ask.publicKey })).status).toBe(400);
    expect((await postJson(`${base}ask`, { ...body, key: 'not-a-point' })).status).toBe(400);
    const plain = await fetch(`${base}ask`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify(body),
    });
    expect(plain.status).toBe(415);
    expect(
      (await postJson(`${base}ask`, body, { Origin: 'https://elsewhere.example' })).status,
    ).toBe(403);
    expect((await fetch(`${base}ask`)).status).toBe(404);
  });

  it('lets an unanswered ask expire, and bounds the asks waiting on one topic', async () => {
    const base = await start({ askWaitMs: 300, triesBurst: 1000 });
    const secrets = await secretsFor(base, 'ACDEFHJK');
    // A console that listens and never answers.
    const controller = new AbortController();
    const silent = await fetch(`${base}listen/${secrets.topic}`, { signal: controller.signal });
    expect(silent.status).toBe(200);
    const ask = await startJoinAsk(secrets);
    const body = { topic: secrets.topic, key: ask.publicKey };
    const waiting = Array.from({ length: 8 }, () => postJson(`${base}ask`, body));
    await expect.poll(() => workshop!.joinCodes.stats().pending).toBe(8);
    expect((await postJson(`${base}ask`, body)).status).toBe(503);
    const statuses = (await Promise.all(waiting)).map((response) => response.status);
    expect(statuses).toEqual(Array(8).fill(504));
    expect(workshop!.joinCodes.stats()).toMatchObject({ pending: 0, expired: 8 });
    controller.abort();
  });
});

describe('a new join code without a new room', () => {
  it('retires the old code: its listener closes, its waiting asks and new ones find nobody, and nobody may listen on it again', async () => {
    const base = await start({ askWaitMs: 5_000 });
    const oldCode = await joinCodeFor(KEY);
    const newCode = await joinCodeFor(KEY, 1);
    expect(newCode).not.toBe(oldCode);
    const old = await secretsFor(base, oldCode);
    // A console that listens on the old code and does not answer: an ask waits there.
    const controller = new AbortController();
    const stale = await fetch(`${base}listen/${old.topic}`, { signal: controller.signal });
    expect(stale.status).toBe(200);
    const waitingAsk = await startJoinAsk(old);
    const waiting = postJson(`${base}ask`, { topic: old.topic, key: waitingAsk.publicKey });
    await expect.poll(() => workshop!.joinCodes.stats().pending).toBe(1);

    const retired = await postJson(`${base}retire`, { topic: old.topic });
    expect(retired.status).toBe(204);
    expect((await waiting).status).toBe(404);
    // The stale listener's stream ended.
    const reader = stale.body!.getReader();
    while (!(await reader.read()).done);
    expect(workshop!.joinCodes.stats().listeners).toBe(0);
    expect((await fetch(`${base}listen/${old.topic}`)).status).toBe(410);
    const ask = await startJoinAsk(old);
    expect((await postJson(`${base}ask`, { topic: old.topic, key: ask.publicKey })).status).toBe(
      404,
    );

    // The new code joins.
    const fresh = await secretsFor(base, newCode);
    const listening = await consoleListening(base, fresh);
    const phone = await startJoinAsk(fresh);
    const response = await postJson(`${base}ask`, { topic: fresh.topic, key: phone.publicKey });
    expect(response.status).toBe(200);
    expect(await phone.open(((await response.json()) as { sealed: string }).sealed)).toBe(LINK);
    listening.stop();
    controller.abort();
    expect(workshop!.joinCodes.stats().retired).toBe(1);
  });
});

describe('who may listen and answer', () => {
  /** A request as if from a phone on the Wi-Fi, handed to the relay without a network. */
  function fromNetwork(method: string, url: string): Promise<number> {
    const relay = createJoinCodeRelay();
    const socket = new Socket();
    Object.defineProperty(socket, 'remoteAddress', { value: '192.168.1.50' });
    const req = new IncomingMessage(socket);
    req.method = method;
    req.url = url;
    req.headers = { 'content-type': 'application/json' };
    const res = new ServerResponse(req);
    return new Promise((done) => {
      res.writeHead = ((status: number) => {
        done(status);
        return res;
      }) as typeof res.writeHead;
      relay.handle(req, res);
      req.push(null);
      relay.close();
    });
  }

  it('refuses a listener or an answer from anywhere but this laptop', async () => {
    expect(await fromNetwork('GET', `/join-code/listen/${'D'.repeat(22)}`)).toBe(403);
    expect(await fromNetwork('POST', '/join-code/answer')).toBe(403);
    expect(await fromNetwork('POST', '/join-code/retire')).toBe(403);
  });
});

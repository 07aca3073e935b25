// @vitest-environment node
/**
 * A slow-loris against the workshop server: many TCP sockets that take a place and hold it
 * (sending a request's headers a byte at a time, or never finishing the TLS handshake), from
 * one address of the Wi-Fi and from many. The server runs in its own process over TLS, as on
 * the venue's network; the attacker's sockets come from 127.0.0.2 and up, which are not the
 * laptop's own 127.0.0.1. While the attack runs, a console on the laptop and a phone load the
 * app and sync through the signaling endpoint.
 */
import type { ChildProcess } from 'node:child_process';
import { request } from 'node:https';
import { connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { admissionProtocols } from '../../server/admission.js';
import {
  CONNECTIONS_KEPT_FOR_THIS_LAPTOP,
  CONNECTIONS_PER_ADDRESS_MAX,
  HEADERS_TIMEOUT_MS,
  SERVER_CONNECTIONS_MAX,
  TIMEOUT_CHECK_INTERVAL_MS,
  TLS_HANDSHAKE_TIMEOUT_MS,
} from '../../server/app.js';
import { startServerProcess } from '../support/serverProcess';

const SECRET = 'slow-loris-admission-secret-01';
let child: ChildProcess | undefined;
let port = 0;
const attack: Socket[] = [];

afterEach(() => {
  for (const socket of attack.splice(0)) socket.destroy();
});
afterAll(() => {
  child?.kill();
});

/** The server in a process of its own (tests/support/serverProcess.ts); resolves its port. */
async function startServer(): Promise<number> {
  const server = await startServerProcess(SECRET);
  child = server.child;
  return server.port;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** openedAt: TCP asked for; readyAt: the TLS handshake done (when the headers' clock starts). */
type Loris = { socket: Socket; openedAt: number; readyAt: number | null; closedAt: number | null };

/**
 * One attacker's socket from `from`: completes TLS, then sends a request's headers one byte
 * every `everyMs`, never finishing them. Resolves once the handshake is done or refused.
 */
function slowHeaders(from: string, everyMs = 500): Promise<Loris> {
  const tcp = tcpConnect({ host: '127.0.0.1', port, localAddress: from });
  tcp.on('error', () => {});
  attack.push(tcp);
  const socket = tlsConnect({ socket: tcp, rejectUnauthorized: false });
  attack.push(socket);
  const loris: Loris = { socket, openedAt: Date.now(), readyAt: null, closedAt: null };
  const headers = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUser-Agent: ${'x'.repeat(4000)}`;
  let sent = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  socket.on('error', () => {});
  socket.on('close', () => {
    loris.closedAt = Date.now();
    clearInterval(timer);
  });
  return new Promise((done) => {
    socket.once('secureConnect', () => {
      loris.readyAt = Date.now();
      timer = setInterval(() => {
        if (!socket.destroyed) socket.write(headers[sent++ % headers.length] ?? 'x');
      }, everyMs);
      done(loris);
    });
    socket.once('close', () => done(loris));
  });
}

/** An attacker's socket that opens TCP and never says hello: the TLS handshake never starts. */
function silent(from: string): Loris {
  const socket = tcpConnect({ host: '127.0.0.1', port, localAddress: from });
  attack.push(socket);
  const loris: Loris = { socket, openedAt: Date.now(), readyAt: null, closedAt: null };
  socket.on('error', () => {});
  socket.on('connect', () => (loris.readyAt = Date.now()));
  socket.on('close', () => (loris.closedAt = Date.now()));
  return loris;
}

/** Loads the app's page over HTTPS from `from`, as a phone or the console does first. */
function loadPage(from: string): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/', localAddress: from, rejectUnauthorized: false },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
      },
    );
    req.setTimeout(5_000, () => req.destroy(new Error('page timed out')));
    req.on('error', fail);
    req.end();
  });
}

type Peer = { ws: WebSocket; messages: string[] };

function joinSignaling(from: string): Promise<Peer> {
  const ws = new WebSocket(`wss://127.0.0.1:${port}/signal`, admissionProtocols(SECRET), {
    localAddress: from,
    rejectUnauthorized: false,
    handshakeTimeout: 5_000,
  });
  const messages: string[] = [];
  ws.on('message', (data) => messages.push(data.toString()));
  return new Promise((done, fail) => {
    ws.once('open', () => {
      ws.send(JSON.stringify({ type: 'subscribe', topics: ['room-topic'] }));
      done({ ws, messages });
    });
    ws.once('error', fail);
  });
}

/**
 * A console on the laptop (127.0.0.1) and a phone on the Wi-Fi (`phoneFrom`) load the page,
 * open the signaling socket and hear each other; resolves how long that took.
 */
async function consoleAndPhoneSync(phoneFrom: string): Promise<number> {
  const started = Date.now();
  expect(await loadPage('127.0.0.1')).toBe(200);
  expect(await loadPage(phoneFrom)).toBe(200);
  const [console_, phone] = [await joinSignaling('127.0.0.1'), await joinSignaling(phoneFrom)];
  await sleep(100); // both subscribed
  phone.ws.send(JSON.stringify({ type: 'publish', topic: 'room-topic', data: 'card from phone' }));
  console_.ws.send(JSON.stringify({ type: 'publish', topic: 'room-topic', data: 'from console' }));
  await expect
    .poll(() => console_.messages.some((m) => m.includes('card from phone')), { timeout: 5_000 })
    .toBe(true);
  await expect
    .poll(() => phone.messages.some((m) => m.includes('from console')), { timeout: 5_000 })
    .toBe(true);
  const took = Date.now() - started;
  console_.ws.terminate();
  phone.ws.terminate();
  return took;
}

const held = (sockets: Loris[]) => sockets.filter((s) => s.closedAt === null).length;
/** How long the server let each socket it kept live, from the moment its clock started. */
const lifetimes = (sockets: Loris[]) =>
  sockets
    .filter((s) => s.readyAt !== null && s.closedAt !== null && s.closedAt - s.readyAt > 1_000)
    .map((s) => (s.closedAt ?? 0) - (s.readyAt ?? 0));
const range = (values: number[]) => `${Math.min(...values)}-${Math.max(...values)} ms`;
const ATTACK_SOCKETS = SERVER_CONNECTIONS_MAX + 100;

/** Waits until the server holds at most `most` of the sockets; resolves how long that took. */
async function settle(sockets: Loris[], most: number): Promise<number> {
  const started = Date.now();
  await expect
    .poll(() => held(sockets), { timeout: 8_000, interval: 100 })
    .toBeLessThanOrEqual(most);
  return Date.now() - started;
}

describe('a slow-loris', () => {
  it('sending headers byte by byte from one address holds a few places only; a console and a phone connect and sync meanwhile', async () => {
    port = await startServer();
    const calm = await consoleAndPhoneSync('127.0.0.3');
    const started = Date.now();
    const sockets = await Promise.all(
      Array.from({ length: ATTACK_SOCKETS }, () => slowHeaders('127.0.0.2')),
    );
    const openedMs = Date.now() - started;
    const kept = held(sockets);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(CONNECTIONS_PER_ADDRESS_MAX);
    const during = await consoleAndPhoneSync('127.0.0.3');
    // The places it did get go when their headers are late.
    await expect
      .poll(() => held(sockets), { timeout: HEADERS_TIMEOUT_MS + 5_000, interval: 200 })
      .toBe(0);
    const lived = lifetimes(sockets);
    expect(lived.length).toBe(kept);
    // Its first byte comes 500 ms after the handshake; Node looks for late headers every second.
    expect(Math.max(...lived)).toBeLessThan(
      HEADERS_TIMEOUT_MS + 500 + TIMEOUT_CHECK_INTERVAL_MS + 2_000,
    );
    console.info(
      `slow-loris, headers byte by byte from one address: ${sockets.length} sockets in ${openedMs} ms, ` +
        `${kept} kept (the rest closed before TLS), closed ${range(lived)} after their handshake; ` +
        `console and phone synced in ${calm} ms before the attack, ${during} ms during it`,
    );
  }, 60_000);

  it('of sockets that never start TLS, from one address, holds a few places only, each for the handshake timeout', async () => {
    const sockets = Array.from({ length: ATTACK_SOCKETS }, () => silent('127.0.0.4'));
    // Past the listen backlog the kernel completes connections the server accepts seconds
    // later (SYN-ACK retransmits): wait until the server has seen them all.
    const settled = await settle(sockets, CONNECTIONS_PER_ADDRESS_MAX);
    const kept = held(sockets);
    expect(kept).toBeGreaterThan(0);
    const during = await consoleAndPhoneSync('127.0.0.3');
    await expect
      .poll(() => held(sockets), { timeout: TLS_HANDSHAKE_TIMEOUT_MS + 5_000, interval: 200 })
      .toBe(0);
    const lived = lifetimes(sockets);
    expect(Math.max(...lived)).toBeLessThan(TLS_HANDSHAKE_TIMEOUT_MS + 3_000);
    console.info(
      `silent sockets from one address: ${sockets.length} opened, ${kept} kept (${settled} ms to settle), closed ${range(lived)} ` +
        `after connecting; console and phone synced in ${during} ms meanwhile`,
    );
  }, 60_000);

  it('from many addresses fills the network’s places, but the console on the laptop still connects and syncs', async () => {
    const addresses = Array.from({ length: 40 }, (_, i) => `127.0.1.${i + 1}`);
    const sockets = addresses.flatMap((from) =>
      Array.from({ length: CONNECTIONS_PER_ADDRESS_MAX }, () => silent(from)),
    );
    const settled = await settle(
      sockets,
      SERVER_CONNECTIONS_MAX - CONNECTIONS_KEPT_FOR_THIS_LAPTOP,
    );
    const kept = held(sockets);
    // The laptop's own places: the trainer can still run the room, and erase it.
    const consoleTook = await consoleAndPhoneSync('127.0.0.1');
    // A phone on the Wi-Fi waits for the attacker's places to time out.
    const phoneRefused = await loadPage('127.0.0.3').then(
      () => false,
      () => true,
    );
    await expect
      .poll(() => held(sockets), { timeout: TLS_HANDSHAKE_TIMEOUT_MS + 5_000, interval: 200 })
      .toBe(0);
    const phoneAfter = await consoleAndPhoneSync('127.0.0.3');
    console.info(
      `silent sockets from ${addresses.length} addresses: ${sockets.length} opened, ${kept} kept (${settled} ms to settle); ` +
        `the laptop's console synced in ${consoleTook} ms; a phone on the Wi-Fi was ` +
        `${phoneRefused ? 'refused' : 'served'} during it, and synced in ${phoneAfter} ms once the places timed out`,
    );
  }, 60_000);
});

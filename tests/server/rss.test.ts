// @vitest-environment node
/**
 * The workshop server's own memory, measured as its process's RSS (not the heap:
 * over TLS, queued bytes live outside it), with 300 clients that never read while
 * others publish as fast as the server lets them.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { admissionProtocols } from '../../server/admission.js';
import { SIGNAL_CLIENTS_MAX } from '../../server/signaling.js';
import { startServerProcess } from '../support/serverProcess';

const SECRET = 'rss-test-admission-secret-01';
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill();
});

/** The server in a process of its own (tests/support/serverProcess.ts); resolves its port. */
async function startServer(): Promise<number> {
  const server = await startServerProcess(SECRET);
  child = server.child;
  return server.port;
}

const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

it(`stays under 300 MB RSS with ${SIGNAL_CLIENTS_MAX} clients that do not read`, async () => {
  const port = await startServer();
  const pid = child?.pid ?? 0;
  const url = `wss://127.0.0.1:${port}/signal`;
  const clients: WebSocket[] = [];
  for (let i = 0; i < SIGNAL_CLIENTS_MAX; i += 1) {
    const ws = new WebSocket(url, admissionProtocols(SECRET), { rejectUnauthorized: false });
    await new Promise<void>((done, fail) => {
      ws.once('open', () => done());
      ws.once('error', fail);
    });
    ws.on('error', () => {});
    // Three rooms of 100 (the most a topic holds); every client stops reading at once.
    ws.send(JSON.stringify({ type: 'subscribe', topics: [`topic-${i % 3}`] }));
    clients.push(ws);
  }
  await sleep(300);
  for (const ws of clients) ws.pause();
  const baseline = rssOf(pid);
  let peak = baseline;
  const writers = clients.slice(0, 12);
  const frame = JSON.stringify({ type: 'publish', topic: '', data: 'x'.repeat(60 * 1024) });
  const end = Date.now() + 8_000;
  while (Date.now() < end) {
    writers.forEach((ws, i) => {
      if (ws.readyState === WebSocket.OPEN)
        ws.send(frame.replace('"topic":""', `"topic":"topic-${i % 3}"`));
    });
    peak = Math.max(peak, rssOf(pid));
    await sleep(1_000 / 50);
  }
  for (let i = 0; i < 10; i += 1) {
    peak = Math.max(peak, rssOf(pid));
    await sleep(100);
  }
  console.log(
    `server RSS: ${(baseline / 1e6).toFixed(0)} MB with ${SIGNAL_CLIENTS_MAX} clients, peak ${(peak / 1e6).toFixed(0)} MB under the flood`,
  );
  expect(peak).toBeLessThan(300 * 1024 * 1024);
  for (const ws of clients) ws.terminate();
}, 60_000);

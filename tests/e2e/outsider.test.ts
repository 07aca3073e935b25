/**
 * People outside the room, on the venue's network, with scripts: one without the
 * join link, one who knows the room id and reads every frame the server forwards.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { admissionProtocols } from '../../server/admission.js';
import { RelayChannel, type SignalingLink } from '../../src/sync/relay';
import { deriveRoomSecrets } from '../../src/sync/roomCrypto';
import { addIncidentCard } from '../../src/sync/timeline/cardOperations';
import {
  PHONE,
  joinAsPhone,
  passWelcome,
  linkParts,
  newPerson,
  openConsole,
  useBrowser,
  type Person,
  openTheWall,
} from './harness';

const { browser, baseURL } = useBrowser();
const signalURL = `${baseURL.replace('http', 'ws')}signal`;
const statusOf = (page: Page) => page.locator('[data-status]').getAttribute('data-status');
const wallCount = (page: Page) => page.locator('.wall-count').textContent();
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Opens a socket to /signal; resolves whether the server took it, and keeps it open if so. */
function tryConnect(protocols: string[], held: WebSocket[]): Promise<boolean> {
  return new Promise((done) => {
    const ws = new WebSocket(signalURL, protocols);
    ws.once('open', () => {
      held.push(ws);
      done(true);
    });
    ws.once('error', () => done(false));
  });
}

async function openLiveRoom(trainer: Person): Promise<string> {
  const console_ = trainer.page;
  await console_.getByRole('button', { name: 'Cases' }).click();
  await console_.getByRole('button', { name: /Our own incidents/ }).click();
  await console_.getByRole('button', { name: 'Open a live room' }).click();
  await openTheWall(console_);
  await console_.getByRole('button', { name: 'Show the wall on the projector' }).click();
  await console_.getByRole('button', { name: 'Live room' }).click();
  return (await console_.locator('.join-link code').textContent()) ?? '';
}

/** Live JavaScript heap of a page, after a garbage collection, in bytes. */
async function heapOf(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

describe('someone without the join link', () => {
  it('holds sockets in a loop while a console, a projector and three phones join and sync: it gets none of the places', async () => {
    const held: WebSocket[] = [];
    let attempts = 0;
    let taken = 0;
    let stop = false;
    // Batches of 350 at once (the server takes 300 clients in all), again and again,
    // without the admission token and with a made-up one.
    const attacker = (async () => {
      while (!stop) {
        const batch = await Promise.all(
          Array.from({ length: 350 }, (_, i) =>
            tryConnect(i % 2 ? ['swk.v1'] : admissionProtocols('madeUpSecretmadeUpSecret'), held),
          ),
        );
        attempts += batch.length;
        taken += batch.filter(Boolean).length;
      }
    })();
    try {
      await sleep(500);
      const trainer = await openConsole(browser(), baseURL);
      const link = await openLiveRoom(trainer);
      const projector = await trainer.context.newPage();
      await projector.goto(`${baseURL}#/screen`);
      const phones = [];
      for (let i = 0; i < 3; i += 1) phones.push(await joinAsPhone(browser(), link));
      await phones[0]!.page.getByLabel('What happened? A few words.').fill('Seen by everyone');
      await phones[0]!.page.getByRole('button', { name: 'Add the card' }).click();
      for (const phone of phones) {
        await expect.poll(() => wallCount(phone.page), { timeout: 20_000 }).toContain(': 1');
      }
      await expect.poll(() => projector.locator('.wall-card').count(), { timeout: 20_000 }).toBe(1);
      await expect
        .poll(() => trainer.page.locator('.live-room__count').textContent(), { timeout: 20_000 })
        .toContain('3');
      stop = true;
      await attacker;
      console.log(`attacker: ${attempts} upgrades tried, ${taken} taken`);
      expect(attempts).toBeGreaterThan(350);
      expect(taken).toBe(0);
      for (const person of [trainer, ...phones]) {
        expect(person.errors).toEqual([]);
        await person.context.close();
      }
    } finally {
      stop = true;
      await attacker;
      for (const ws of held) ws.terminate();
    }
  }, 180_000);
});

/** A participant's script with the key: writes cards like many phones would. */
async function scriptedParticipant(room: string, key: string, admission: string) {
  const socket = new WebSocket(signalURL, admissionProtocols(admission));
  const listeners = new Map<string, Set<(message: never) => void>>();
  const link: SignalingLink = {
    connected: false,
    send: (message) => socket.send(JSON.stringify(message)),
    on: (event, listener) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)?.add(listener);
    },
    off: (event, listener) => listeners.get(event)?.delete(listener),
  };
  socket.on('message', (data) =>
    listeners.get('message')?.forEach((l) => l(JSON.parse(String(data)) as never)),
  );
  await new Promise((done) => socket.once('open', done));
  link.connected = true;
  const doc = new Y.Doc();
  const relay = new RelayChannel(
    link,
    await deriveRoomSecrets(key, room),
    doc,
    new Awareness(doc),
    false,
    () => {},
  );
  return { doc, close: () => (relay.destroy(), socket.close()) };
}

describe('someone who knows only the room id (and reads every frame the server forwards)', () => {
  it('junk floods, replays, never-completed and poisoned parts change nothing a person sees', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const link = await openLiveRoom(trainer);
    const { room, key, admission } = linkParts(link);
    const projector = await trainer.context.newPage();
    await projector.goto(`${baseURL}#/screen`);

    // 300 cards from 10 people, before the attack.
    const writer = await scriptedParticipant(room, key, admission);
    await sleep(1_000);
    for (let person = 0; person < 10; person += 1) {
      writer.doc.transact(() => {
        for (let i = 0; i < 30; i += 1) {
          addIncidentCard(writer.doc, `participant${String(person).padStart(6, '0')}`, {
            text: `Card ${person * 30 + i}: a car parked across the street all afternoon`,
            severity: 'yellow',
          });
        }
      });
      await sleep(200);
    }
    await expect
      .poll(() => trainer.page.getByText(/Incident cards in the room: \d+/).textContent(), {
        timeout: 30_000,
      })
      .toBe('Incident cards in the room: 300');
    const ana = await joinAsPhone(browser(), link);
    await expect.poll(() => wallCount(ana.page), { timeout: 30_000 }).toContain(': 300');
    writer.close();

    // What the outsider has: the room id, an admitted socket (as anyone on the Wi-Fi who
    // once saw a link of this run would), and every frame the server forwarded so far.
    const secrets = await deriveRoomSecrets(key, room); // only to pick this room's frames
    const roomTopics = new Set([secrets.signalTopic, secrets.relayTopic, secrets.checkTopic]);
    const captured = readFileSync(inject('framesFile'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { type?: string; topic?: string; data?: unknown })
      .filter((frame) => frame.type === 'publish' && roomTopics.has(frame.topic ?? ''));
    expect(captured.length).toBeGreaterThan(20);
    const topics = [...new Set(captured.map((frame) => frame.topic ?? ''))];
    const partIds = [
      ...new Set(
        captured
          .map((frame) => /^([A-Za-z0-9_-]+)-(\d+)\./.exec(String(frame.data)))
          .filter((m): m is RegExpExecArray => m !== null)
          .map((m) => `${m[1]}-${Number(m[2]) + 1}`),
      ),
    ];

    const people = [trainer, ana];
    const socketsBefore = people.map((p) => new Set(p.openSockets));
    const heapBefore = await Promise.all([trainer.page, projector, ana.page].map(heapOf));
    const seen = new Set<string>();
    let watching = true;
    const watch = (async () => {
      while (watching) {
        for (const page of [ana.page]) seen.add(String(await statusOf(page)));
        await sleep(200);
      }
    })();

    // Five admitted sockets, each under the server's rate limit (60 a second).
    const outsiders = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const ws = new WebSocket(signalURL, admissionProtocols(admission));
        await new Promise((done) => ws.once('open', done));
        ws.on('message', () => {});
        return ws;
      }),
    );
    let sent = 0;
    const frames: string[] = [];
    for (const frame of captured) frames.push(JSON.stringify(frame)); // replays, as captured
    for (let i = 0; i < 100; i += 1) {
      for (const topic of topics) {
        const junk = Buffer.from(`junk ${i} ${Math.random()}`).toString('base64');
        frames.push(JSON.stringify({ type: 'publish', topic, data: junk }));
      }
      frames.push(
        JSON.stringify({
          type: 'publish',
          topic: secrets.checkTopic,
          data: `kc.forged${i}xxxxxxxxxxxx`,
        }),
      );
    }
    const piece = 'A'.repeat(47_000);
    for (let i = 0; i < 40; i += 1) {
      // Never completed: one part of 64, each a new message.
      frames.push(
        JSON.stringify({
          type: 'publish',
          topic: secrets.relayTopic,
          data: `never${i}.0.64.${piece}.${'M'.repeat(22)}`,
        }),
      );
    }
    for (const id of partIds) {
      // Poisoned: the next ids a page will use, first.
      for (let index = 0; index < 4; index += 1) {
        frames.push(
          JSON.stringify({
            type: 'publish',
            topic: secrets.relayTopic,
            data: `${id}.${index}.8.${'P'.repeat(1_000)}.${'M'.repeat(22)}`,
          }),
        );
      }
    }
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < frames.length; i += outsiders.length) {
        outsiders.forEach((ws, n) => {
          const frame = frames[i + n];
          if (frame) ws.send(frame);
        });
        sent += outsiders.length;
        await sleep(1_000 / 50);
      }
    }
    console.log(`outsider sent about ${sent} frames (${captured.length} captured ones, twice)`);

    // A newcomer without WebRTC joins through the relay, where the attack went, and gets all.
    const late = await newPerson(browser(), PHONE);
    await late.context.addInitScript(() => {
      // @ts-expect-error: a phone without WebRTC, as an iPhone in Lockdown Mode
      delete window.RTCPeerConnection;
    });
    await late.page.goto(link);
    await expect.poll(() => statusOf(late.page), { timeout: 30_000 }).toBe('connected');
    await passWelcome(late.page);
    await expect.poll(() => wallCount(late.page), { timeout: 30_000 }).toContain(': 300');
    watching = false;
    await watch;
    seen.add(String(await statusOf(late.page)));

    // Nothing a person sees changed.
    expect(seen.has('wrong-key')).toBe(false);
    expect(await statusOf(ana.page)).toBe('connected');
    expect(await wallCount(ana.page)).toContain(': 300');
    await expect.poll(() => projector.locator('.wall-card').count(), { timeout: 20_000 }).toBe(300);
    expect(await trainer.page.getByText(/Messages refused as malformed/).count()).toBe(0);
    // No page's socket was closed by the server.
    people.forEach((person, i) => {
      for (const id of socketsBefore[i] ?? []) expect(person.openSockets.has(id), id).toBe(true);
    });
    const heapAfter = await Promise.all([trainer.page, projector, ana.page].map(heapOf));
    const growth = heapAfter.map((after, i) => after - (heapBefore[i] ?? 0));
    console.log(
      `heap growth (console, projector, phone): ${growth.map((g) => (g / 1e6).toFixed(1)).join(', ')} MB`,
    );
    for (const bytes of growth) expect(bytes).toBeLessThan(20 * 1024 * 1024);
    for (const ws of outsiders) ws.close();
    for (const person of [trainer, ana, late]) {
      expect(person.errors).toEqual([]);
      await person.context.close();
    }
  }, 240_000);
});

/**
 * npm run bench, first loads: a participant's phone opening the join link on a
 * slow 4G network with a 4x slower CPU (JavaScript transferred, time until the
 * join screen is usable, LCP, total blocking time); the console's first load;
 * and a new phone joining a room that already holds 300 cards (time until it
 * shows them all, and the page's heap).
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createWorkshopServer } from '../../server/app.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from '../e2e/chromium';
import { roomFileWith300Cards, writeTemp } from './roomFile';
import { record } from './results';

/** Lighthouse's mobile throttling: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const PHONE = { width: 390, height: 844 };

/** In the page, from its first script: long tasks, LCP, and when the given selector first shows. */
const observe = (selector: string) => `(() => {
  window.__perf = { tasks: [], lcp: 0, usable: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__perf.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__perf.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const check = () => {
    if (window.__perf.usable) return;
    const el = document.querySelector(${JSON.stringify(selector)});
    if (el && !el.disabled && el.getBoundingClientRect().height > 0) window.__perf.usable = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})()`;

type Load = { jsGzipKb: number; usableMs: number; lcpMs: number; tbtMs: number };

/** Opens a URL cold in a new context and measures it until the selector is usable. */
async function coldLoad(
  browser: Browser,
  url: string,
  selector: string,
  options: { viewport: { width: number; height: number }; slow: boolean },
): Promise<Load> {
  const context = await browser.newContext({ viewport: options.viewport });
  await context.grantPermissions(['microphone', 'camera']);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (options.slow) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.addInitScript(observe(selector));
  const scripts: { at: number; gzip: number; url: string }[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    const at = Date.now();
    void response
      .body()
      .then((body) => scripts.push({ at, gzip: gzipSync(body).length, url: response.url() }))
      .catch(() => {});
  });
  const started = Date.now();
  await page.goto(url);
  // Polled from here: the page's policy forbids the eval a string predicate would need.
  for (
    let waited = 0;
    !(await page.evaluate('window.__perf && window.__perf.usable'));
    waited += 100
  ) {
    if (waited > 60_000) throw new Error(`${selector} never became usable`);
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(500); // let the last responses' bodies arrive
  const perf = (await page.evaluate('window.__perf')) as {
    tasks: [number, number][];
    lcp: number;
    usable: number;
  };
  const usableAt = started + perf.usable;
  const before = scripts.filter((s) => s.at <= usableAt + 50);
  const jsBytes = before.reduce((sum, s) => sum + s.gzip, 0);
  console.log(
    `    scripts before usable: ${before.map((s) => `${s.url.split('/').pop()} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ')}`,
  );
  console.log(
    `    long tasks before usable (ms): ${perf.tasks
      .filter(([start]) => start <= perf.usable)
      .map(([start, d]) => `${d.toFixed(0)} at ${start.toFixed(0)}`)
      .join(', ')}`,
  );
  const tbtMs = perf.tasks
    .filter(([start]) => start <= perf.usable)
    .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
  await context.close();
  return { jsGzipKb: jsBytes / 1024, usableMs: perf.usable, lcpMs: perf.lcp, tbtMs };
}

async function consoleWithRoom(browser: Browser, base: string, roomFile?: string) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.grantPermissions(['microphone', 'camera']);
  const page = await context.newPage();
  await page.goto(base);
  await page.getByRole('button', { name: 'Live room' }).click();
  if (roomFile) {
    await page.getByLabel('Import a room from a file').setInputFiles(roomFile);
    await page.getByText('Incident cards in the room: 300').waitFor({ timeout: 60_000 });
  } else {
    await page.getByRole('button', { name: 'Open a live room' }).click();
  }
  const link = (await page.locator('.join-link code').textContent()) ?? '';
  return { context, link };
}

/** A phone joining a room of 300 cards: until its wall count reads 300, and its heap then. */
async function lateJoin(browser: Browser, link: string): Promise<{ ms: number; heapMb: number }> {
  const context: BrowserContext = await browser.newContext({ viewport: PHONE });
  await context.grantPermissions(['microphone', 'camera']);
  const page: Page = await context.newPage();
  const started = Date.now();
  await page.goto(link);
  await page.getByText('Cards on the wall: 300').waitFor({ timeout: 60_000 });
  const ms = Date.now() - started;
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await context.close();
  return { ms, heapMb: heap.usedSize / 2 ** 20 };
}

assertChromium();
if (!existsSync('dist/index.html')) throw new Error('Run "npm run build" first.');
const workshop = createWorkshopServer({ dist: 'dist', signaling: { log: () => {} } });
const base = `http://127.0.0.1:${await workshop.listen(0, '127.0.0.1')}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

console.log('First loads (one Chromium, loopback; slow 4G and 4x CPU emulated by Chromium):');
const room = await consoleWithRoom(browser, base);
const phone = await coldLoad(browser, room.link, 'textarea', { viewport: PHONE, slow: true });
record('participant_js_gzip_kb', phone.jsGzipKb);
record('participant_usable_slow4g_ms', phone.usableMs);
record('participant_lcp_slow4g_ms', phone.lcpMs);
record('participant_tbt_slow4g_ms', phone.tbtMs);
await room.context.close();

const console_ = await coldLoad(browser, base, 'nav button[aria-pressed="true"]', {
  viewport: { width: 1920, height: 1080 },
  slow: false,
});
record('console_js_gzip_kb', console_.jsGzipKb);
record('console_usable_ms', console_.usableMs);

const full = await consoleWithRoom(browser, base, writeTemp('room.json', roomFileWith300Cards()));
await new Promise((done) => setTimeout(done, 1_000));
const late = await lateJoin(browser, full.link);
record('late_join_300_cards_ms', late.ms);
record('phone_heap_300_cards_mb', late.heapMb);
await full.context.close();

await browser.close();
await workshop.close();

/**
 * npm run bench: how fast a live room is on this machine, on loopback.
 * Prints the time for a phone to join, and for a card written on one phone to
 * reach 10 and 20 other phones (median and p95). Figures, not pass/fail.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createWorkshopServer } from '../../server/app.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from '../e2e/chromium';
import { record } from './results';

const WRITES_PER_SIZE = 8;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const summary = (values: number[]) =>
  `median ${percentile(values, 50).toFixed(0)} ms, p95 ${percentile(values, 95).toFixed(0)} ms (n=${values.length})`;

async function openRoom(browser: Browser, base: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base);
  await page.getByRole('button', { name: 'Live room' }).click();
  await page.getByRole('button', { name: 'Open a live room' }).click();
  return (await page.locator('.join-link code').textContent()) ?? '';
}

async function joinPhone(browser: Browser, link: string): Promise<{ page: Page; joinMs: number }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.grantPermissions(['microphone', 'camera']);
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(link);
  await page.locator('[data-status="connected"]').waitFor({ timeout: 60_000 });
  const joinMs = Date.now() - started;
  // Record, in the page, when each new wall count first shows.
  // A plain script string: the TypeScript runner would otherwise inject helpers the page lacks.
  await page.evaluate(`(() => {
    const seen = {};
    window.__seen = seen;
    const read = () => {
      const text = document.querySelector('.wall-count')?.textContent ?? '';
      const count = String(parseInt(text.split(' ').pop() ?? '', 10));
      if (count !== 'NaN' && !(count in seen)) seen[count] = Date.now();
    };
    // The moment this page submits a card, before any network or render work.
    document.addEventListener('submit', () => { window.__sentAt = Date.now(); }, true);
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
    read();
  })()`);
  return { page, joinMs };
}

async function measure(browser: Browser, base: string, others: number) {
  const link = await openRoom(browser, base);
  const phones: { page: Page; joinMs: number }[] = [];
  for (let i = 0; i <= others; i++) phones.push(await joinPhone(browser, link));
  await new Promise((done) => setTimeout(done, 3_000)); // let the mesh settle
  const [writer, ...readers] = phones;
  if (!writer) throw new Error('no writer');
  const latencies: number[] = [];
  for (let write = 1; write <= WRITES_PER_SIZE; write++) {
    await writer.page.getByLabel('What happened? A few words.').fill(`bench card ${write}`);
    await writer.page.getByRole('button', { name: 'Add the card' }).click();
    const sentAt = Number(await writer.page.evaluate('window.__sentAt'));
    // Leave the pages alone while the card travels: polling them would load the same 2 cores.
    await new Promise((done) => setTimeout(done, 1_500));
    for (const reader of readers) {
      await reader.page.waitForFunction(`window.__seen['${write}']`, undefined, {
        timeout: 30_000,
        polling: 100,
      });
      const seenAt = Number(await reader.page.evaluate(`window.__seen['${write}']`));
      latencies.push(seenAt - sentAt);
    }
  }
  for (const phone of phones) await phone.page.context().close();
  return { joins: phones.map((p) => p.joinMs), latencies };
}

assertChromium();
if (!existsSync('dist/index.html')) throw new Error('Run "npm run build" first.');
const workshop = createWorkshopServer({ dist: 'dist', signaling: { log: () => {} } });
const port = await workshop.listen(0, '127.0.0.1');
const base = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
console.log('Live room on loopback (one Chromium, one context per phone, 2 cores):');
for (const pages of [10, 20, 30] as const) {
  try {
    // A card written on one page, until each of the other pages shows it.
    const { joins, latencies } = await measure(browser, base, pages);
    console.log(`  ${pages} other phones: card reaches every phone: ${summary(latencies)}`);
    console.log(
      `  ${pages} other phones: time to join (page load to connected): ${summary(joins)}`,
    );
    record(`sync_median_ms_${pages}`, percentile(latencies, 50));
    record(`sync_p95_ms_${pages}`, percentile(latencies, 95));
  } catch (error) {
    const reason = String(error).split('\n')[0];
    record(`sync_median_ms_${pages}`, null, reason);
    record(`sync_p95_ms_${pages}`, null, reason);
  }
}
await browser.close();
await workshop.close();

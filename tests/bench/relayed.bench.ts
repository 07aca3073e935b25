/**
 * npm run bench: an isolated Wi-Fi (every phone relayed through the laptop), on loopback.
 * Prints the time from a card written on one of 10 relayed phones to the console showing
 * it (median and p95). Figures, not pass/fail.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createWorkshopServer } from '../../server/app.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from '../e2e/chromium';
import { measureRelayedWrites } from './relayed';
import { record } from './results';

const PHONES = 10;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

assertChromium();
if (!existsSync('dist/index.html')) throw new Error('Run "npm run build" first.');
const workshop = createWorkshopServer({ dist: 'dist', signaling: { log: () => {} } });
const port = await workshop.listen(0, '127.0.0.1');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
console.log(`Isolated Wi-Fi: ${PHONES} phones without WebRTC, every change through the relay:`);
try {
  const { relayed, latencies } = await measureRelayedWrites(browser, `http://127.0.0.1:${port}/`, {
    phones: PHONES,
  });
  console.log(`  ${relayed} of ${PHONES} phones listed as relayed; ${latencies.length} cards`);
  const note = relayed === PHONES ? undefined : `only ${relayed} of ${PHONES} phones relayed`;
  record('relayed_10_phones_to_console_median_ms', percentile(latencies, 50), note);
  record('relayed_10_phones_to_console_p95_ms', percentile(latencies, 95), note);
} catch (error) {
  const reason = String(error).split('\n')[0];
  record('relayed_10_phones_to_console_median_ms', null, reason);
  record('relayed_10_phones_to_console_p95_ms', null, reason);
} finally {
  await browser.close();
  await workshop.close();
}

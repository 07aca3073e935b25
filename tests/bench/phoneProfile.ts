/**
 * Where a phone's first load spends its main thread, for issue 24's participant
 * figures: the join link (ours) and the bare React page, each opened cold on slow
 * 4G with a 4x slower CPU under Chromium's CPU profiler, until the join screen is
 * usable. Prints self time per function and per script (top 15) and the total.
 * Run: npm run build && tsx tests/bench/pages/build.ts && tsx tests/bench/phoneProfile.ts
 */
import type { Browser } from 'playwright-core';
import { PHONE_USABLE, launchBrowser, openRoom, startBenchServer } from './benchServer';
import { markerSample, printSelfTime, type Profile } from './cpuProfile';

const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

async function profile(browser: Browser, url: string, label: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.addInitScript(`(() => {
    const check = () => {
      const el = document.querySelector(${JSON.stringify(PHONE_USABLE)});
      if (!el || el.disabled || window.__usable) return;
      window.__usable = performance.now();
      // A mark the profile can find: its samples end the part counted as before usable.
      (function swkUsableMarker() {
        const end = performance.now() + 3;
        while (performance.now() < end);
      })();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  })()`);
  await cdp.send('Profiler.start');
  await page.goto(url);
  // Stopped at once when usable (polled every 20 ms, so a little of what follows is in).
  for (let waited = 0; !(await page.evaluate('Boolean(window.__usable)')); waited += 20) {
    if (waited > 60_000) throw new Error('never usable');
    await page.waitForTimeout(20);
  }
  const { profile: p } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  // The waterfall before usable: each file's request start and end, ms from navigation.
  const waterfall = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return [
      'document 0-' + Math.round(nav.responseEnd),
      ...performance.getEntriesByType('resource')
        .filter((r) => r.responseEnd <= window.__usable)
        .map((r) => r.name.split('/').pop() + ' ' + Math.round(r.startTime) + '-' + Math.round(r.responseEnd)),
      'usable ' + Math.round(window.__usable),
    ];
  })()`)) as string[];
  await context.close();
  const cut = markerSample(p, 'swkUsableMarker');
  if (cut < 0) console.log('    (the usable mark is not in the profile: every sample counted)');
  console.log(`  ${label}: files before usable (ms from navigation): ${waterfall.join(', ')}`);
  const busy = printSelfTime(p, 0, cut < 0 ? p.samples.length : cut, 15);
  console.log(`    ${label}: ${busy.toFixed(0)} ms of script and its compile before usable`);
}

const server = await startBenchServer();
const browser = await launchBrowser();
const room = await openRoom(browser, server.base);
await profile(browser, room.link, 'ours');
await profile(browser, `${server.base}bench/join.html`, 'bare');
await room.close();
await browser.close();
await server.close();

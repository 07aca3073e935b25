/**
 * What each long task of a phone's first load is made of, for issue 24's total
 * blocking time: the join link (ours) and the bare React page opened cold on slow
 * 4G with a 4x slower CPU under a Chromium trace, until the join screen is usable.
 * For every main-thread task over 50 ms: its start, its length and the trace events
 * inside it (script evaluation, compile, parse, style, layout) by total time.
 * Run: npm run build && tsx tests/bench/pages/build.ts && tsx tests/bench/phoneTrace.ts
 */
import type { Browser } from 'playwright-core';
import { PHONE_USABLE, launchBrowser, openRoom, startBenchServer } from './benchServer';

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
};

const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

const CATEGORIES = [
  'devtools.timeline',
  'v8.execute',
  'v8',
  'blink',
  'loading',
  'blink.user_timing',
  'disabled-by-default-devtools.timeline',
].join(',');

async function trace(browser: Browser, url: string, label: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(`(() => {
    const check = () => {
      const el = document.querySelector(${JSON.stringify(PHONE_USABLE)});
      if (!el || el.disabled || window.__usable) return;
      window.__usable = performance.now();
      performance.mark('swk-usable');
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  })()`);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => {
    events.push(...(data.value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(url);
  for (let waited = 0; !(await page.evaluate('Boolean(window.__usable)')); waited += 20) {
    if (waited > 60_000) throw new Error('never usable');
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(100);
  await cdp.send('Tracing.end');
  await complete;
  await context.close();

  // The page's main thread: the renderer thread that holds the usable mark.
  const mark = events.find((e) => e.name === 'swk-usable');
  if (!mark) throw new Error('no usable mark in the trace');
  const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid);
  const navigation = main.find((e) => e.name === 'navigationStart' || e.name === 'markAsMainFrame');
  const origin = navigation?.ts ?? main[0]?.ts ?? 0;
  const ms = (us: number) => (us / 1000).toFixed(0);
  const tasks = main.filter(
    (e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > 50_000 && e.ts <= mark.ts,
  );
  console.log(
    `  ${label}: usable at ${ms(mark.ts - origin)} ms, ${tasks.length} tasks over 50 ms before it`,
  );
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inside = main.filter(
      (e) => e !== task && e.ph === 'X' && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end,
    );
    const byName = new Map<string, number>();
    for (const e of inside) {
      const what = e.args?.data?.url ? `${e.name} ${e.args.data.url.split('/').pop()}` : e.name;
      byName.set(what, (byName.get(what) ?? 0) + (e.dur ?? 0));
    }
    const top = [...byName]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([name, dur]) => `${name} ${ms(dur)}`)
      .join(', ');
    console.log(`    ${ms(task.dur ?? 0)} ms at ${ms(task.ts - origin)}: ${top}`);
  }
}

const server = await startBenchServer();
const browser = await launchBrowser();
const room = await openRoom(browser, server.base);
const rounds = Number(process.env.SWK_BENCH_ROUNDS ?? 1);
for (let round = 0; round < rounds; round += 1) {
  await trace(browser, room.link, 'ours');
  await trace(browser, `${server.base}bench/join.html`, 'bare');
}
await room.close();
await browser.close();
await server.close();

/**
 * npm run bench, first loads: a participant's phone opening the join link on a
 * slow 4G network with a 4x slower CPU (JavaScript transferred, time until the
 * join screen is usable, LCP, total blocking time), each beside a bare React
 * page rendering the same join screen's markup, in interleaved pairs; the
 * console's first load; a new phone joining a room that already holds 300
 * cards (time until it shows them all), and a phone's heap in a 500-card room.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  PHONE_USABLE,
  launchBrowser,
  openRoom,
  passWelcome,
  sleep,
  stageSite,
  startBenchServer,
} from './benchServer';
import { roomFileWithCards, writeTemp } from './roomFile';
import { markerSample, printSelfTime, type Profile } from './cpuProfile';
import { ROUNDS, figure, guarded, interleaved, median, record, recordPairs } from './results';

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

type Load = { js_kb: number; usable_ms: number; lcp_ms: number; tbt_ms: number };

/** Opens a URL cold in a new context and measures it until the selector is usable. */
async function coldLoad(
  browser: Browser,
  url: string,
  selector: string,
  options: {
    viewport: { width: number; height: number };
    slow: boolean;
    /** Names the page in the printed chunk list. */
    label: string;
    quiet?: boolean;
  },
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
  const scripts: { gzip: number; url: string }[] = [];
  const bodies: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    bodies.push(
      response
        .body()
        .then((body) => {
          scripts.push({ gzip: gzipSync(body).length, url: response.url() });
        })
        .catch(() => {}),
    );
  });
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
  // Every script that had arrived by then is counted once its body is read (a fixed wait
  // missed some on a loaded machine: one round counted 2 KB of a 68 KB page).
  await Promise.all(bodies);
  const perf = (await page.evaluate('window.__perf')) as {
    tasks: [number, number][];
    lcp: number;
    usable: number;
  };
  // Which scripts had arrived by then, by the page's own clock (its resource timing): the
  // response events' times in this process lagged the page by hundreds of ms on a loaded
  // machine, and counted scripts that came after the screen was usable, or missed some.
  const arrived = new Set(
    (await page.evaluate(`performance.getEntriesByType('resource')
      .filter((r) => r.responseEnd > 0 && r.responseEnd <= ${perf.usable})
      .map((r) => r.name)`)) as string[],
  );
  const before = scripts.filter((s) => arrived.has(s.url));
  const jsBytes = before.reduce((sum, s) => sum + s.gzip, 0);
  const tasksBefore = perf.tasks.filter(([start]) => start <= perf.usable);
  if (!options.quiet) {
    console.log(
      `    ${options.label}: scripts before usable: ${before.map((s) => `${s.url.split('/').pop()} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ')}; long tasks (ms): ${tasksBefore.map(([start, d]) => `${d.toFixed(0)} at ${start.toFixed(0)}`).join(', ') || 'none'}`,
    );
  }
  const tbtMs = tasksBefore.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
  await context.close();
  return { js_kb: jsBytes / 1024, usable_ms: perf.usable, lcp_ms: perf.lcp, tbt_ms: tbtMs };
}

/** Before and after medians, each with its ratio to the bare page in the same rounds. */
function printBefore(loads: Record<string, Record<string, number[]>>): void {
  for (const metric of ['js_kb', 'usable_ms', 'tbt_ms']) {
    const bare = loads.bare?.[metric] ?? [];
    const line = ['before', 'ours']
      .map((name) => {
        const values = loads[name]?.[metric] ?? [];
        const ratios = values.map((v, i) => v / (bare[i] ?? NaN)).filter(Number.isFinite);
        return `${name} ${median(values).toFixed(1)} (${median(ratios).toFixed(2)}x bare)`;
      })
      .join(', ');
    console.log(`    ${metric}: ${line}, bare ${median(bare).toFixed(1)}`);
  }
}

/**
 * SWK_BENCH_JOIN_PROFILE=1: each late join runs under Chromium's CPU profiler, and the
 * self time per function and per script after the welcome is usable is printed (build
 * unminified for names: npx vite build --minify false). Not for the figures: the
 * profiler slows the page, and marks the cut with a 3 ms busy loop.
 */
const JOIN_PROFILE = process.env.SWK_BENCH_JOIN_PROFILE === '1';

/** In the page, from its first script: when its welcome is usable, and when the wall first reads `cards`. */
const joinObserver = (cards: number) => `(() => {
  window.__join = { usable: 0, shown: 0 };
  const check = () => {
    const j = window.__join;
    const button = document.querySelector(${JSON.stringify(PHONE_USABLE)});
    if (!j.usable && button && !button.disabled) {
      j.usable = performance.now();
      if (${JOIN_PROFILE}) (function swkUsableMarker() {
        const end = performance.now() + 3;
        while (performance.now() < end);
      })();
    }
    if (!j.shown && document.body && document.body.textContent.includes('Cards on the wall: ${cards}'))
      j.shown = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

/** Where a join's time went, from the page's own marks (src/sync/joinMarks.ts), in ms from navigation. */
export type JoinSteps = Record<string, number>;

/** A phone joining a room of `cards` cards: until its wall count reads so, and its heap then. */
async function lateJoin(
  browser: Browser,
  link: string,
  cards: number,
): Promise<{ ms: number; heapMb: number; steps: JoinSteps }> {
  const context: BrowserContext = await browser.newContext({ viewport: PHONE });
  await context.grantPermissions(['microphone', 'camera']);
  const page: Page = await context.newPage();
  await page.addInitScript(joinObserver(cards));
  const profiler = JOIN_PROFILE ? await context.newCDPSession(page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.send('Profiler.start');
  }
  const started = Date.now();
  await page.goto(link);
  await passWelcome(page);
  await page.getByText(`Cards on the wall: ${cards}`).waitFor({ timeout: 60_000 });
  const ms = Date.now() - started;
  if (profiler)
    printJoinProfile(((await profiler.send('Profiler.stop')) as { profile: Profile }).profile);
  const steps = (await page.evaluate(`(() => {
    const steps = { usable: window.__join.usable, shown: window.__join.shown };
    for (const m of performance.getEntriesByType('mark'))
      if (m.name.startsWith('swk:')) steps[m.name.slice(4)] = m.startTime;
    // When the live room's and the network code's files were asked for and had arrived.
    for (const r of performance.getEntriesByType('resource')) {
      const file = r.name.split('/').pop() || '';
      for (const chunk of ['PhoneRoom-', 'y-webrtc-'])
        if (file.startsWith(chunk) && file.endsWith('.js')) {
          steps[chunk + 'asked'] = r.startTime;
          steps[chunk + 'arrived'] = r.responseEnd;
        }
    }
    return steps;
  })()`)) as JoinSteps;
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await context.close();
  return { ms, heapMb: heap.usedSize / 2 ** 20, steps };
}

/** Self time per function and per script, from the welcome usable (its marker) to the cards shown. */
function printJoinProfile(p: Profile): void {
  const cut = Math.max(0, markerSample(p, 'swkUsableMarker'));
  console.log(`    profile${cut ? '' : ' (no usable mark: all of it)'}:`);
  const busy = printSelfTime(p, cut, p.samples.length, 20);
  console.log(`    ${busy.toFixed(0)} ms busy`);
}

/** Each step's median over the joins, in the order they came. */
function stepsSummary(all: JoinSteps[]): string {
  const names = [...new Set(all.flatMap((s) => Object.keys(s)))];
  return names
    .map((name) => [name, median(all.map((s) => s[name] ?? NaN).filter(Number.isFinite))] as const)
    .filter(([, at]) => Number.isFinite(at) && at > 0)
    .sort((a, b) => a[1] - b[1])
    .map(([name, at]) => `${name} ${at.toFixed(0)}`)
    .join(', ');
}

/**
 * SWK_BENCH_BEFORE=<a built dist/ of another commit>: that build is served under before/ and
 * its phone and console first loads run in the same interleaved rounds, for a change's
 * before and after in one run (printed, not recorded).
 */
const beforeDist = process.env.SWK_BENCH_BEFORE;
const site = stageSite();
if (beforeDist) cpSync(beforeDist, join(site, 'before'), { recursive: true });
const server = await startBenchServer(site);
const browser = await launchBrowser();
const { base } = server;

console.log(
  `First loads (one Chromium, loopback; slow 4G and 4x CPU emulated by Chromium), ${ROUNDS} interleaved pairs:`,
);
const phoneKeys = [
  'participant_js_gzip_kb',
  'participant_usable_slow4g_ms',
  'participant_tbt_slow4g_ms',
];
await guarded('first load of a phone', [...phoneKeys, 'participant_lcp_slow4g_ms'], async () => {
  const room = await openRoom(browser, base);
  const loads = await interleaved(ROUNDS, {
    ...(beforeDist
      ? {
          before: () =>
            coldLoad(browser, room.link.replace(base, `${base}before/`), PHONE_USABLE, {
              viewport: PHONE,
              slow: true,
              label: 'before',
            }),
        }
      : {}),
    ours: () =>
      coldLoad(browser, room.link, PHONE_USABLE, { viewport: PHONE, slow: true, label: 'ours' }),
    bare: () =>
      coldLoad(browser, `${base}bench/join.html`, PHONE_USABLE, {
        viewport: PHONE,
        slow: true,
        label: 'bare',
      }),
    // `before` is there only with SWK_BENCH_BEFORE (printBefore reads it only then).
  } as Record<'before' | 'ours' | 'bare', () => Promise<Load>>);
  await room.close();
  const metric = {
    participant_js_gzip_kb: 'js_kb',
    participant_usable_slow4g_ms: 'usable_ms',
    participant_tbt_slow4g_ms: 'tbt_ms',
  } as const;
  for (const key of phoneKeys) {
    const name = metric[key as keyof typeof metric];
    recordPairs(figure(key), loads.ours[name] ?? [], loads.bare[name] ?? []);
  }
  record('participant_lcp_slow4g_ms', loads.ours.lcp_ms ?? []);
  if (beforeDist) printBefore(loads);
});

await guarded(
  'first load of the console',
  ['console_js_gzip_kb', 'console_usable_ms'],
  async () => {
    const consoleLoads: Load[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      consoleLoads.push(
        await coldLoad(browser, base, 'nav button[aria-pressed="true"]', {
          viewport: { width: 1920, height: 1080 },
          slow: false,
          label: 'console',
          quiet: round > 0,
        }),
      );
    }
    record('console_js_gzip_kb', median(consoleLoads.map((l) => l.js_kb)));
    if (beforeDist) {
      const before = await coldLoad(browser, `${base}before/`, 'nav button[aria-pressed="true"]', {
        viewport: { width: 1920, height: 1080 },
        slow: false,
        label: 'console before',
      });
      console.log(
        `    console before: ${before.js_kb.toFixed(1)} KB, after: ${median(consoleLoads.map((l) => l.js_kb)).toFixed(1)} KB`,
      );
    }
    record(
      'console_usable_ms',
      consoleLoads.map((l) => l.usable_ms),
    );
  },
);

// SWK_BENCH_FIRST_LOADS=1: only the first loads above, for a quick look at the pages' load.
if (process.env.SWK_BENCH_FIRST_LOADS === '1') {
  await browser.close();
  await server.close();
  process.exit(0);
}

await guarded('late join, 300 cards', ['late_join_300_cards_ms'], async () => {
  const file = writeTemp('room.json', roomFileWithCards(300));
  const full = await openRoom(browser, base, { path: file, cards: 300 });
  await sleep(1_000);
  const joins: number[] = [];
  const steps: JoinSteps[] = [];
  const fromShowable: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const join = await lateJoin(browser, full.link, 300);
    joins.push(join.ms);
    steps.push(join.steps);
    // From the moment the phone could show anything (its welcome usable) to the 300 cards.
    if (join.steps.usable && join.steps.shown)
      fromShowable.push(join.steps.shown - join.steps.usable);
  }
  console.log(`    where the time went (ms from navigation, median): ${stepsSummary(steps)}`);
  record('late_join_300_cards_ms', joins);
  record('late_join_300_cards_after_welcome_ms', fromShowable);
  await full.close();
});

await guarded("a phone's heap, 500 cards", ['phone_heap_500_cards_mb'], async () => {
  const file = writeTemp('room.json', roomFileWithCards(500));
  const full = await openRoom(browser, base, { path: file, cards: 500 });
  await sleep(1_000);
  record('phone_heap_500_cards_mb', (await lateJoin(browser, full.link, 500)).heapMb);
  await full.close();
});

await browser.close();
await server.close();

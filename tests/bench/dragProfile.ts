/**
 * Where the drag bench's longest tasks go, for issue 24's drag figure: our wall
 * and the plain dnd-kit wall, each dragged once at 4x slower CPU under a Chrome
 * trace. For each of the three longest main-thread tasks it prints when it ran
 * (pickup, move or drop), the trace events inside it by self time, and the
 * script functions by self time (from the trace's CPU profile).
 * Run: npm run build && tsx tests/bench/pages/build.ts && tsx tests/bench/dragProfile.ts
 * (SWK_DRAG_PROFILE=ours|plain for one wall only).
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startBenchServer } from './benchServer';
import { dragFirstCard, ourWall, plainWall } from './dragWall';

type TraceEvent = {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the slice (µs): apart from other processes' load. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
};
type ProfileNode = {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber: number };
};

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
];
/** SWK_DRAG_LIGHT=1: no CPU profile (less overhead), only the tasks over 20 ms with their CPU time. */
const LIGHT = Boolean(process.env.SWK_DRAG_LIGHT);
if (!LIGHT) CATEGORIES.push('disabled-by-default-v8.cpu_profiler');

const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `        ${ms.toFixed(1).padStart(6)} ms  ${name}`)
    .join('\n');

async function profileDrag(browser: Browser, page: Page, label: string): Promise<void> {
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { categories: CATEGORIES });
  const { downAt, upAt } = await dragFirstCard(page, label);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  await page.context().close();
  const events = trace.traceEvents;
  // The page's main thread: the renderer main thread with the most work in the trace.
  const mains = events.filter((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain');
  const work = (pid: number, tid: number) =>
    events
      .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X')
      .reduce((sum, e) => sum + (e.dur ?? 0), 0);
  const main = mains.sort((a, b) => work(b.pid, b.tid) - work(a.pid, a.tid))[0];
  if (!main) throw new Error('no renderer main thread in the trace');
  const thread = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // The press, on the trace's clock (µs): the user-timing mark set just before it.
  const tasks = thread.filter(
    (e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask',
  );
  const marks = events.filter(
    (e) => e.cat.includes('blink.user_timing') && e.name === 'swk-drag-down',
  );
  const downTs = marks[0]?.ts ?? tasks[0]?.ts ?? 0;
  const phase = (ts: number) => {
    const ms = (ts - downTs) / 1000;
    return ms < 0
      ? 'before the press'
      : ms < upAt - downAt
        ? `move, ${ms.toFixed(0)} ms after the press`
        : `drop, ${(ms - (upAt - downAt)).toFixed(0)} ms after the release`;
  };
  // Self time of every event: its duration less its children's on the same thread.
  const self = new Map<TraceEvent, number>();
  const stack: TraceEvent[] = [];
  const parentOf = new Map<TraceEvent, TraceEvent>();
  for (const e of thread) {
    while (stack.length && (stack.at(-1)?.ts ?? 0) + (stack.at(-1)?.dur ?? 0) <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) {
      parentOf.set(e, parent);
      self.set(parent, (self.get(parent) ?? 0) - (e.dur ?? 0));
    }
    self.set(e, (self.get(e) ?? 0) + (e.dur ?? 0));
    stack.push(e);
  }
  // The CPU profile's samples on that thread, each with its time and node.
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  const profiles = events.filter(
    (e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid,
  );
  for (const profile of profiles) {
    let ts = Number(profile.args?.data?.startTime ?? 0);
    for (const chunk of events.filter(
      (e) => e.name === 'ProfileChunk' && e.id === profile.id && e.pid === main.pid,
    )) {
      const data = chunk.args?.data as {
        cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
        timeDeltas?: number[];
      };
      for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
      (data.cpuProfile?.samples ?? []).forEach((node, i) => {
        ts += data.timeDeltas?.[i] ?? 0;
        samples.push({ ts, node });
      });
    }
  }
  // Top-level tasks only (a RunTask may sit inside another's trace slice).
  const longest = tasks
    .filter((t) => t.ts >= downTs - 1000 && !parentOf.has(t))
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, Number(process.env.SWK_DRAG_TASKS ?? 3));
  const ms = (t: TraceEvent) =>
    `${((t.dur ?? 0) / 1000).toFixed(0)} (CPU ${((t.tdur ?? 0) / 1000).toFixed(0)})`;
  console.log(`  ${label}: longest tasks ${longest.map(ms).join(', ')} ms`);
  if (LIGHT) {
    // By CPU time: on a loaded machine a task's length is mostly its wait for a core.
    const long = tasks
      .filter((t) => t.ts >= downTs - 1000 && !parentOf.has(t) && (t.dur ?? 0) > 20_000)
      .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
      .slice(0, 6);
    for (const task of long) console.log(`    ${ms(task)} ms, ${phase(task.ts)}`);
    return;
  }
  for (const task of longest) {
    const end = task.ts + (task.dur ?? 0);
    console.log(`    ${ms(task)} ms task, ${phase(task.ts)}`);
    const byEvent = new Map<string, number>();
    for (const e of thread) {
      if (e.ts < task.ts || e.ts >= end || e === task) continue;
      const data = e.args?.data ?? {};
      const detail =
        e.name === 'EventDispatch'
          ? ` ${String(data.type)}`
          : e.name === 'FunctionCall'
            ? ` ${String(data.functionName || '')}`
            : e.name === 'TimerFire' || e.name === 'FireAnimationFrame'
              ? ''
              : '';
      const key = `${e.name}${detail}`;
      byEvent.set(key, (byEvent.get(key) ?? 0) + (self.get(e) ?? 0) / 1000);
    }
    console.log(`      trace events by self time:\n${top(byEvent, 12)}`);
    const byFunction = new Map<string, number>();
    const inclusive = new Map<string, number>();
    const inTask = samples.filter((s) => s.ts >= task.ts && s.ts < end);
    inTask.forEach((s, i) => {
      const next = inTask[i + 1]?.ts ?? end;
      const ms = (next - s.ts) / 1000;
      const node = nodes.get(s.node);
      if (!node) return;
      const name = (n: ProfileNode) =>
        `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;
      byFunction.set(name(node), (byFunction.get(name(node)) ?? 0) + ms);
      const seen = new Set<string>();
      for (
        let up: ProfileNode | undefined = node;
        up;
        up = up.parent ? nodes.get(up.parent) : undefined
      ) {
        const key = name(up);
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
      }
    });
    console.log(`      script functions by self time:\n${top(byFunction, 15)}`);
    console.log(`      script functions by total time:\n${top(inclusive, 25)}`);
    // React components by their names (capitalised in an unminified build: vite build --minify false).
    const components = new Map([...inclusive].filter(([name]) => /^[A-Z][a-z]/.test(name)));
    console.log(`      components by total time:\n${top(components, 15)}`);
  }
}

const only = process.env.SWK_DRAG_PROFILE;
const server = await startBenchServer();
const browser = await launchBrowser();
if (only !== 'plain') await profileDrag(browser, await ourWall(browser, server.base), 'ours');
if (only !== 'ours')
  await profileDrag(browser, await plainWall(browser, server.base), 'plain dnd-kit');
await browser.close();
await server.close();

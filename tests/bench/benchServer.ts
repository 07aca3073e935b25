/**
 * The bench's workshop server, in a process of its own so that its CPU time and
 * RSS are its own (the bench's Node process drives Chromium), serving a copy of
 * the built app with the baseline pages (dist-bench/) under bench/. Plain HTTP
 * on loopback, which browsers treat as a secure context.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from '../e2e/chromium';

/** This run's admission secret: the baseline pages are handed it in their address. */
export const BENCH_ADMISSION = 'bench-admission-secret-0001';
const CLOCK_TICKS_PER_S = 100;

export type BenchServer = {
  base: string;
  pid: number;
  /** The server's CPU time so far (user + system), in ms. */
  cpuMs(): number;
  rssMb(): number;
  close(): Promise<void>;
};

/** A folder holding the built app and, under bench/, the baseline pages. */
export function stageSite(withBaselines = true): string {
  if (!existsSync('dist/index.html')) throw new Error('Run "npm run build" first.');
  if (withBaselines && !existsSync('dist-bench/sync.html'))
    throw new Error('Run "tsx tests/bench/pages/build.ts" first.');
  const site = mkdtempSync(join(tmpdir(), 'swk-bench-site-'));
  cpSync('dist', site, { recursive: true });
  if (withBaselines) cpSync('dist-bench', join(site, 'bench'), { recursive: true });
  return site;
}

export async function startBenchServer(site = stageSite()): Promise<BenchServer> {
  const script = `
    import { createWorkshopServer } from ${JSON.stringify(resolve('server/app.js'))};
    import { createAdmission } from ${JSON.stringify(resolve('server/admission.js'))};
    const workshop = createWorkshopServer({
      dist: ${JSON.stringify(site)}, admission: createAdmission(${JSON.stringify(BENCH_ADMISSION)}),
      // SWK_BENCH_SERVER_LOG=1: the signaling server's own lines (closed clients and why).
      signaling: { log: ${process.env.SWK_BENCH_SERVER_LOG ? '(line) => console.error("server: " + line)' : '() => {}'} },
    });
    console.log('port ' + (await workshop.listen(0, '127.0.0.1')));
    process.on('SIGTERM', () => workshop.close().then(() => process.exit(0)));
    // The bench gone (finished or crashed): so is its server.
    process.stdin.on('end', () => process.exit(0)).resume();
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  process.once('exit', () => child.kill());
  const port = await new Promise<number>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const found = /port (\d+)/.exec(chunk.toString())?.[1];
      if (found) done(Number(found));
    });
    child.once('exit', (code) => fail(new Error(`bench server exited (${code})`)));
  });
  const pid = child.pid ?? 0;
  return {
    base: `http://127.0.0.1:${port}/`,
    pid,
    cpuMs() {
      // /proc/<pid>/stat: utime and stime are fields 14 and 15, after the command in brackets.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
      return (ticks * 1000) / CLOCK_TICKS_PER_S;
    },
    rssMb() {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return Number(kb ?? 0) / 1024;
    },
    close: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Our phone's join screen (its welcome) is usable once this shows, enabled; the join baseline renders the same. */
export const PHONE_USABLE = '.phone-welcome button';

/** A phone past its welcome screen (once per room and visit), as a person goes on. */
export async function passWelcome(page: Page, timeout = 60_000): Promise<void> {
  await page.getByRole('button', { name: 'Go to the workshop' }).click({ timeout });
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Ticks the console's open-wall setting (Live room panel): phones' cards then go on the
 * wall as written, as the bench's figures assume, instead of waiting in moderation (the
 * default). As tests/e2e/harness.ts openTheWall, which needs vitest's expect.
 */
export async function openWall(console_: Page): Promise<void> {
  await console_
    .getByRole('checkbox', { name: /^Open wall/ })
    .first()
    .check();
}

/**
 * The console opens a live room and shows the incident wall on every screen,
 * as a trainer does for the timeline: phones then show the card writer. A room
 * file, when given, is imported first. Resolves the join link.
 */
export async function openRoom(
  browser: Browser,
  base: string,
  roomFile?: { path: string; cards: number },
  timeout = 60_000,
): Promise<{ link: string; page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.grantPermissions(['microphone', 'camera']);
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await page.goto(base);
  await page.getByRole('button', { name: 'Live room' }).click();
  if (roomFile) {
    await page.getByLabel('Import a room from a file').setInputFiles(roomFile.path);
    await page.getByText(`Incident cards in the room: ${roomFile.cards}`).waitFor();
  } else {
    await page.getByRole('button', { name: 'Open a live room' }).click();
  }
  await page.locator('.join-link code').waitFor();
  const link = (await page.locator('.join-link code').textContent()) ?? '';
  await openWall(page);
  await page.getByRole('button', { name: 'Cases', exact: true }).click();
  await page
    .getByRole('button', { name: /Our own incidents/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Show the wall on the projector' }).click();
  await page.getByRole('button', { name: 'Put the agenda back on the projector' }).waitFor();
  return { link, page, close: () => context.close() };
}

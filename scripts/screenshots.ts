/**
 * Screenshots of every screen at phone and projector size, for a person to look at.
 * Usage: npm run build && npm run screenshots  (writes screenshots/*.png)
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { createWorkshopServer } from '../server/app.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from '../tests/e2e/chromium';

const SIZES = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1366, height: 768 },
  projector: { width: 1920, height: 1080 },
};
type Size = keyof typeof SIZES;
const room = 'AbCdEfGhIjKlMnOpQrStUv';
const key = 'ZyXwVuTsRqPoNmLkJiHgFe';

type Shot = {
  name: string;
  hash: string;
  language?: string;
  prepare?: (page: Page) => Promise<void>;
  /** The sizes it is seen at: the console on a laptop and a projector, a phone's screen on a phone. */
  sizes?: Size[];
};
const chooseSession = (title: RegExp) => async (page: Page) => {
  await page.locator('.console__nav button').nth(1).click();
  await page.getByRole('button', { name: title }).first().click();
};
const SHOTS: Shot[] = [
  { name: 'console', hash: '#/', prepare: chooseSession(/Security incidents/) },
  { name: 'console-es', hash: '#/', language: 'es', prepare: chooseSession(/incident/i) },
  { name: 'console-ar', hash: '#/', language: 'ar', prepare: chooseSession(/الحوادث الأمنية/) },
  {
    name: 'console-cases',
    hash: '#/',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Cases' }).click();
      await page
        .locator('details')
        .first()
        .evaluate((d) => ((d as HTMLDetailsElement).open = true));
    },
  },
  {
    name: 'console-templates',
    hash: '#/',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Templates' }).click();
    },
  },
  { name: 'projector', hash: '#/screen' },
  { name: 'join', hash: `#/join/${room}/${key}`, sizes: ['phone'] },
  { name: 'join-ar', hash: `#/join/${room}/${key}`, language: 'ar', sizes: ['phone'] },
];

assertChromium();
mkdirSync('screenshots', { recursive: true });
const workshop = createWorkshopServer({ dist: 'dist', signaling: { log: () => {} } });
const base = `http://127.0.0.1:${await workshop.listen(0, '127.0.0.1')}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const [sizeName, viewport] of Object.entries(SIZES)) {
  const context = await browser.newContext({ viewport });
  for (const shot of SHOTS) {
    if (!(shot.sizes ?? ['laptop', 'projector']).includes(sizeName as Size)) continue;
    const page = await context.newPage();
    await page.goto(base);
    await page.evaluate(
      (lang) => localStorage.setItem('swk.language', lang),
      shot.language ?? 'en',
    );
    await page.goto(`${base}${shot.hash}`);
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByText('Loading…').waitFor({ state: 'detached' });
    await shot.prepare?.(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `screenshots/${shot.name}-${sizeName}.png`, fullPage: false });
    await page.close();
  }
  await context.close();
}
await dayShots();
await slidesShots();
await reopeningShot();
await browser.close();
await workshop.close();

/**
 * The day running: the console at two laptop sizes and the projector, with the
 * clock frozen eight minutes into the first activity (its warning phase).
 */
async function dayShots(): Promise<void> {
  const trainer = await browser.newContext({ viewport: SIZES.projector });
  await trainer.clock.install({ time: new Date('2026-11-23T09:00:00') });
  const console_ = await trainer.newPage();
  await console_.goto(base);
  await console_
    .getByRole('checkbox', { name: /Preparing a security plan/ })
    .check()
    .catch(() => undefined);
  await console_.getByRole('button', { name: 'Start the day' }).click();
  await trainer.clock.runFor('08:30');
  await console_.screenshot({ path: 'screenshots/day-console-1920.png' });
  await console_.setViewportSize({ width: 1366, height: 768 });
  await console_.screenshot({ path: 'screenshots/day-console-1366.png' });
  const projector = await trainer.newPage();
  await projector.goto(`${base}#/screen`);
  await projector.getByRole('timer').waitFor();
  await projector.screenshot({ path: 'screenshots/day-projector-1920.png' });
  await trainer.clock.runFor('03:00');
  await projector.screenshot({ path: 'screenshots/day-projector-overrun-1920.png' });
  await trainer.close();
}

/** The slides: the console's small deck with its notes, and the projector in English and Spanish. */
async function slidesShots(): Promise<void> {
  for (const language of ['en', 'es']) {
    const trainer = await browser.newContext({ viewport: SIZES.projector });
    await trainer.addInitScript(`localStorage.setItem('swk.language', '${language}')`);
    const console_ = await trainer.newPage();
    await console_.goto(base);
    await console_.locator('.console__nav button').nth(1).click();
    await console_.locator('.choices button').nth(2).click();
    await console_.locator('.slides-panel__controls button').first().click();
    await console_.locator('.slides-panel__controls button').last().click();
    const projector = await trainer.newPage();
    await projector.goto(`${base}#/screen`);
    await projector.waitForTimeout(1_000);
    await projector.screenshot({ path: `screenshots/slides-projector-${language}.png` });
    await console_
      .locator('.slides-panel')
      .screenshot({ path: `screenshots/slides-console-${language}.png` });
    await trainer.close();
  }
}

console.log('screenshots written to screenshots/');

/** The console reloaded mid-session, its room's code held back: "Reopening the room…". */
async function reopeningShot(): Promise<void> {
  const trainer = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const console_ = await trainer.newPage();
  await console_.goto(base);
  await console_.getByRole('button', { name: 'Live room' }).click();
  await console_.getByRole('button', { name: 'Open a live room' }).click();
  await console_.locator('.join-link code').waitFor();
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  await console_.route(/\/assets\/roomConnection-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await console_.reload();
  await console_.getByRole('status').filter({ hasText: 'Reopening the room…' }).waitFor();
  await console_.screenshot({ path: 'screenshots/console-reopening-1366.png' });
  release();
  await trainer.close();
}

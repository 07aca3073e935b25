/**
 * Screenshots of every screen at phone and projector size, for a person to look at.
 * Usage: npm run build && npm run screenshots  (writes screenshots/*.png)
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { createWorkshopServer } from '../server/app.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from '../tests/e2e/chromium';

const SIZES = { phone: { width: 390, height: 844 }, projector: { width: 1920, height: 1080 } };
const room = 'AbCdEfGhIjKlMnOpQrStUv';
const key = 'ZyXwVuTsRqPoNmLkJiHgFe';

type Shot = {
  name: string;
  hash: string;
  language?: string;
  prepare?: (page: Page) => Promise<void>;
};
const chooseSession = (title: RegExp) => async (page: Page) => {
  await page.locator('.console__nav button').nth(1).click();
  await page.getByRole('button', { name: title }).first().click();
};
const SHOTS: Shot[] = [
  { name: 'console', hash: '#/', prepare: chooseSession(/Security incidents/) },
  { name: 'console-es', hash: '#/', language: 'es', prepare: chooseSession(/incident/i) },
  { name: 'console-ar', hash: '#/', language: 'ar', prepare: chooseSession(/Security incidents/) },
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
  { name: 'join', hash: `#/join/${room}/${key}` },
  { name: 'join-ar', hash: `#/join/${room}/${key}`, language: 'ar' },
];

assertChromium();
mkdirSync('screenshots', { recursive: true });
const workshop = createWorkshopServer({ dist: 'dist', signaling: { log: () => {} } });
const base = `http://127.0.0.1:${await workshop.listen(0, '127.0.0.1')}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const [sizeName, viewport] of Object.entries(SIZES)) {
  const context = await browser.newContext({ viewport });
  for (const shot of SHOTS) {
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
await liveRoomShots();
await dayShots();
await quizShots();
await slidesShots();
await timelineShots();
await browser.close();
await workshop.close();

/** The live room: the console with its QR code, two phones (English, Arabic), the wall. */
async function liveRoomShots(): Promise<void> {
  const trainer = await browser.newContext({ viewport: SIZES.projector });
  await trainer.grantPermissions(['microphone', 'camera']);
  const console_ = await trainer.newPage();
  await console_.goto(base);
  await console_.getByRole('button', { name: 'Live room' }).click();
  await console_.getByRole('button', { name: 'Open a live room' }).click();
  const link = (await console_.locator('.join-link code').textContent()) ?? '';
  const phones = [];
  for (const language of ['en', 'ar']) {
    const context = await browser.newContext({ viewport: SIZES.phone });
    await context.grantPermissions(['microphone', 'camera']);
    await context.addInitScript(`localStorage.setItem('swk.language', '${language}')`);
    const page = await context.newPage();
    await page.goto(link);
    await page.locator('[data-status="connected"]').waitFor({ timeout: 30_000 });
    phones.push({ page, language });
  }
  const [first] = phones;
  if (first) {
    const cards: [string, string][] = [
      ['Someone photographed our office door twice this month', 'Red'],
      ['Phone calls with silence on the line', 'Yellow'],
      ['A stranger asked what we do at the office', 'Green'],
    ];
    for (const [text, severity] of cards) {
      await first.page.getByLabel('What happened? A few words.').fill(text);
      await first.page.getByRole('radio', { name: new RegExp(`^${severity}`) }).check();
      await first.page.getByRole('button', { name: 'Add the card' }).click();
    }
  }
  await console_.waitForTimeout(1_500);
  await console_.screenshot({ path: 'screenshots/live-room-console-projector.png' });
  for (const { page, language } of phones) {
    await page.screenshot({ path: `screenshots/live-room-phone-${language}.png`, fullPage: true });
  }
  const projector = await trainer.newPage();
  await projector.goto(`${base}#/screen`);
  await projector.waitForTimeout(3_000);
  await projector.screenshot({ path: 'screenshots/live-room-wall-projector.png', fullPage: true });
  await trainer.close();
}
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

/** A quiz with three group phones: the phone's answer screen, the projector before and after the reveal; then the story. */
async function quizShots(): Promise<void> {
  const trainer = await browser.newContext({ viewport: SIZES.projector });
  await trainer.grantPermissions(['microphone', 'camera']);
  const console_ = await trainer.newPage();
  await console_.goto(base);
  await console_.getByRole('button', { name: 'Cases' }).click();
  await console_.getByRole('button', { name: /Case analysis 1/ }).click();
  await console_.getByRole('button', { name: 'Open a live room' }).click();
  await console_.getByLabel('Number of groups').fill('3');
  await console_.getByRole('button', { name: 'Form the groups' }).click();
  await console_.getByRole('button', { name: 'Live room' }).click();
  const link = (await console_.locator('.join-link code').textContent()) ?? '';
  await console_.getByRole('button', { name: 'Cases' }).click();
  const projector = await trainer.newPage();
  await projector.goto(`${base}#/screen`);
  await console_.getByRole('button', { name: 'Open 1.1 alone' }).click();
  const answers: [string, string][] = [
    ['A', 'He picked me out of everyone: it looks targeted.'],
    ['C', 'Phones are stolen every day at that bus stop.'],
    ['A', 'The contacts on the phone put others at risk.'],
  ];
  let firstPhone: Page | undefined;
  for (const [index, [option, why]] of answers.entries()) {
    const context = await browser.newContext({ viewport: SIZES.phone });
    await context.grantPermissions(['microphone', 'camera']);
    const page = await context.newPage();
    await page.goto(link);
    await page.locator('[data-status="connected"]').waitFor({ timeout: 30_000 });
    await page
      .getByRole('combobox', { name: 'Your group' })
      .selectOption({ label: `Group ${index + 1}` });
    const form = page.getByRole('form', { name: 'Situation 1.1' });
    await form.getByRole('radio', { name: new RegExp(`^${option} `) }).check();
    await form.getByLabel('Why? A few words for your group').fill(why);
    await form.getByRole('button', { name: 'Send our answer' }).click();
    firstPhone ??= page;
  }
  await firstPhone?.waitForTimeout(500);
  await firstPhone?.screenshot({ path: 'screenshots/quiz-phone.png', fullPage: true });
  await projector.waitForTimeout(1_000);
  await projector.screenshot({ path: 'screenshots/quiz-projector-before-reveal.png' });
  await console_.getByRole('button', { name: 'Reveal 1.1' }).click();
  await projector.waitForTimeout(1_000);
  await projector.screenshot({
    path: 'screenshots/quiz-projector-after-reveal.png',
    fullPage: true,
  });
  await console_.getByRole('button', { name: 'Show the model answers for 1.1' }).click();
  await projector.waitForTimeout(1_000);
  await projector.screenshot({
    path: 'screenshots/quiz-projector-model-answers.png',
    fullPage: true,
  });
  await console_.screenshot({ path: 'screenshots/quiz-console.png', fullPage: true });

  await console_.getByRole('button', { name: /Case analysis 2/ }).click();
  for (let day = 0; day < 3; day += 1) {
    await console_.getByRole('button', { name: 'Show the next day' }).click();
  }
  await console_.getByLabel('Show the questions').check();
  await firstPhone
    ?.getByLabel('A thought for the group')
    .fill('Nobody told the others about the car.');
  await firstPhone?.getByRole('button', { name: 'Send', exact: true }).click();
  await projector.waitForTimeout(1_000);
  await projector.screenshot({ path: 'screenshots/story-projector.png', fullPage: true });
  await firstPhone?.screenshot({ path: 'screenshots/story-phone.png', fullPage: true });
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

/** The timeline: 60 cards on the projector's wall, and two phones (English, Arabic) placing theirs. */
async function timelineShots(): Promise<void> {
  const trainer = await browser.newContext({ viewport: SIZES.projector });
  await trainer.grantPermissions(['microphone', 'camera']);
  const console_ = await trainer.newPage();
  await console_.goto(base);
  await console_.getByRole('button', { name: 'Cases' }).click();
  await console_.getByRole('button', { name: /Our own incidents/ }).click();
  await console_.getByRole('button', { name: 'Open a live room' }).click();
  await console_.getByRole('button', { name: 'Live room' }).click();
  const link = (await console_.locator('.join-link code').textContent()) ?? '';
  await console_.getByRole('button', { name: 'Cases' }).click();
  const projector = await trainer.newPage();
  await projector.goto(`${base}#/screen`);
  const incidents = [
    'Photographed at the office door',
    'Silent calls at night',
    'A stranger asked about our funding',
    'Laptop stolen from the car',
    'Threatening message on social media',
    'Followed after the community meeting',
  ];
  const phones: Page[] = [];
  for (const language of ['en', 'ar']) {
    const context = await browser.newContext({
      viewport: SIZES.phone,
      hasTouch: true,
      isMobile: true,
    });
    await context.grantPermissions(['microphone', 'camera']);
    await context.addInitScript(`localStorage.setItem('swk.language', '${language}')`);
    const page = await context.newPage();
    await page.goto(link);
    await page.locator('[data-status="connected"]').waitFor({ timeout: 30_000 });
    phones.push(page);
  }
  for (const [p, page] of phones.entries()) {
    for (let i = 0; i < 30; i += 1) {
      const text = `${incidents[(i + p) % incidents.length]} (${p * 30 + i + 1})`;
      await page.locator('textarea').first().fill(text);
      await page
        .locator('input[type="radio"][name="severity"]')
        .nth((i + p) % 3)
        .check();
      await page.locator('form.card-writer button[type="submit"]').click();
      const select = page.locator('.card', { hasText: `(${p * 30 + i + 1})` }).locator('select');
      await select.selectOption({ index: 1 + ((i * 5 + p * 3) % 12) });
    }
  }
  await console_.getByRole('button', { name: 'Show the wall on the projector' }).click();
  const office = console_
    .locator('.wall-card')
    .filter({ has: console_.locator('.wall-card__text', { hasText: '(1)' }) });
  await office.locator('summary').click();
  await office.locator('select').nth(1).selectOption({ index: 5 });
  await projector.waitForTimeout(2_000);
  await projector.screenshot({ path: 'screenshots/timeline-wall-60-cards.png' });
  await console_.screenshot({ path: 'screenshots/timeline-console.png', fullPage: true });
  for (const [i, page] of phones.entries()) {
    await page.locator('.month-strip').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `screenshots/timeline-phone-${i === 0 ? 'en' : 'ar'}.png` });
  }
  await trainer.close();
}

console.log('screenshots written to screenshots/');

/**
 * Readable from the back of the room: every projector screen, under its
 * heaviest realistic load, fits 1920x1080 and 1280x720 without scrolling, and
 * no text on it is smaller than 24 px at 1080p.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findCase } from '../../src/content/library';
import { readContentFiles } from '../../src/content/readContentFiles';
import { validateContent } from '../../src/content/validate';
import { newPerson, openConsole, useBrowser, type Person } from './harness';
import { roomFileFor, type ProjectorLoad } from './projectorRooms';

const { browser, baseURL } = useBrowser();
const { library } = validateContent(readContentFiles(process.cwd()));
const quizCase = findCase(library, 'case-analysis-1', 'en')?.data;
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];
const MIN_TEXT_PX_AT_1080P = 24;
const shotsDir = process.env.SWK_SHOTS_DIR;

type Measure = {
  overflowX: number;
  overflowY: number;
  scrolled: string[];
  smallest: { px: number; text: string } | null;
};

/** What spills off the screen, what scrolls inside it, and the smallest visible text. */
function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const scrolled: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const style = getComputedStyle(element);
      // Text clamped to its lines ends in an ellipsis on purpose: not content lost off the screen.
      const clamped =
        style.getPropertyValue('-webkit-line-clamp') !== 'none' ||
        style.textOverflow === 'ellipsis';
      const scrolls = !clamped && /(auto|scroll|hidden)/.test(style.overflowY + style.overflowX);
      if (
        scrolls &&
        (element.scrollHeight > element.clientHeight + 1 ||
          element.scrollWidth > element.clientWidth + 1) &&
        element.clientHeight > 0
      ) {
        scrolled.push(
          `${element.tagName}.${element.className} ${element.scrollHeight}>${element.clientHeight}`,
        );
      }
    }
    let smallest: { px: number; text: string } | null = null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent) continue;
      const rect = parent.getBoundingClientRect();
      const style = getComputedStyle(parent);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
      if (parent.closest('[aria-hidden="true"], .visually-hidden, .sr-only')) continue;
      const px = parseFloat(style.fontSize);
      if (!smallest || px < smallest.px) smallest = { px, text: text.slice(0, 60) };
    }
    return {
      overflowX: root.scrollWidth - innerWidth,
      overflowY: root.scrollHeight - innerHeight,
      scrolled,
      smallest,
    };
  });
}

async function projectorOf(trainer: Person): Promise<Page> {
  const projector = await trainer.context.newPage();
  await projector.goto(`${baseURL}#/screen`);
  await projector.getByText('Loading…').waitFor({ state: 'detached' });
  return projector;
}

async function expectReadable(projector: Page, name: string, ready: () => Promise<unknown>) {
  for (const size of SIZES) {
    await projector.setViewportSize(size);
    await ready();
    await projector.waitForTimeout(300);
    if (shotsDir)
      await projector.screenshot({ path: `${shotsDir}/projector-${name}-${size.width}.png` });
    const found = await measure(projector);
    expect({
      name,
      size,
      overflowX: found.overflowX,
      overflowY: found.overflowY,
      scrolled: found.scrolled,
    }).toEqual({ name, size, overflowX: 0, overflowY: 0, scrolled: [] });
    if (size.width === 1920) {
      expect(
        found.smallest?.px ?? Infinity,
        `${name}: "${found.smallest?.text}"`,
      ).toBeGreaterThanOrEqual(MIN_TEXT_PX_AT_1080P);
    }
  }
}

const LOADS: { load: ProjectorLoad; ready: (page: Page) => Promise<unknown> }[] = [
  { load: 'quiz-question', ready: (p) => p.locator('.quiz-screen__text').waitFor() },
  { load: 'quiz-spread', ready: (p) => p.locator('.quiz-screen__reasons').first().waitFor() },
  { load: 'quiz-models', ready: (p) => p.locator('.quiz-screen__models').first().waitFor() },
  { load: 'story', ready: (p) => p.locator('.projector--story').waitFor() },
  {
    load: 'timeline',
    ready: (p) => p.locator('.projector--timeline .wall-card').first().waitFor(),
  },
  { load: 'roleplay', ready: (p) => p.locator('.projector--roleplay').waitFor() },
  { load: 'plan', ready: (p) => p.locator('.projector--plan table').first().waitFor() },
];

describe('the projector, read from the back of the room', () => {
  if (!quizCase || quizCase.format !== 'quiz') throw new Error('case-analysis-1 is not a quiz');

  it.each(LOADS)(
    '$load fits both screen sizes with no text under 24 px',
    async ({ load, ready }) => {
      const trainer = await openConsole(browser(), baseURL);
      const console_ = trainer.page;
      await console_.getByRole('button', { name: 'Live room' }).click();
      await console_.getByLabel('Import a room from a file').setInputFiles({
        name: `${load}.json`,
        mimeType: 'application/json',
        buffer: Buffer.from(roomFileFor(load, quizCase)),
      });
      await console_.getByRole('button', { name: /Erase/ }).first().waitFor();
      const projector = await projectorOf(trainer);
      await expectReadable(projector, load, () => ready(projector));
      expect(trainer.errors).toEqual([]);
      await trainer.context.close();
    },
  );

  it('the join screen fits too, with the longest address and the fingerprint', async () => {
    const trainer = await openConsole(browser(), baseURL);
    await trainer.page.getByRole('button', { name: 'Live room' }).click();
    await trainer.page.getByRole('button', { name: 'Open a live room' }).click();
    const projector = await trainer.context.newPage();
    // What the laptop's server tells over TLS on a LAN: the longest IPv4 address, a fingerprint.
    await projector.route('**/workshop.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          lanUrls: ['https://192.168.100.200:58443/'],
          admission: null,
          fingerprint: Array.from({ length: 32 }, () => 'DE').join(':'),
        }),
      }),
    );
    // A new room opens on the join screen.
    await projector.goto(`${baseURL}#/screen`);
    await expectReadable(projector, 'join', () =>
      projector.locator('.join-screen__fingerprint').waitFor(),
    );
    expect(await projector.locator('.join-screen__address').textContent()).toBe(
      'https://192.168.100.200:58443',
    );
    // The QR code is large: at least half the screen's height at both sizes.
    const qr = await projector.getByRole('img', { name: 'QR code to join the room' }).boundingBox();
    expect(qr?.height ?? 0).toBeGreaterThanOrEqual(720 / 2);
    expect(trainer.errors).toEqual([]);
    await trainer.context.close();
  });

  it('the running day and the idle screen fit too', async () => {
    const trainer = await newPerson(browser());
    await trainer.page.goto(baseURL);
    const projector = await projectorOf(trainer);
    await expectReadable(projector, 'idle', () =>
      projector.locator('.projector').first().waitFor(),
    );
    const sessions = trainer.page.getByRole('group', { name: 'Sessions in the day, in order' });
    for (const box of await sessions.getByRole('checkbox').all()) await box.check();
    // Before the day starts the room reads the day's plan, every item on the clock.
    await expectReadable(projector, 'day-plan', () =>
      projector.getByRole('heading', { name: "The day's plan" }).waitFor(),
    );
    expect(await projector.getByText('Waiting for the facilitator').count()).toBe(0);
    // Held on the day: Start would otherwise open the first item's slides (measured elsewhere).
    await trainer.page
      .getByRole('checkbox', { name: 'Hold the projector on what it shows while the agenda moves' })
      .check();
    await trainer.page.getByRole('button', { name: 'Start the day' }).click();
    await expectReadable(projector, 'running', () => projector.getByRole('timer').waitFor());
    await trainer.context.close();
  });
});

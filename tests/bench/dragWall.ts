/**
 * The drag bench's two walls and its drag, shared by timeline.bench.ts (the
 * figure) and dragProfile.ts (where the longest task goes).
 */
import type { Browser, Page } from 'playwright-core';
import { roomFileWithCards, writeTemp } from './roomFile';

let roomFile: string | null = null;

/** Our console's wall holding the bench's 300 cards, ready to drag on. */
export async function ourWall(browser: Browser, base: string): Promise<Page> {
  roomFile ??= writeTemp('room.json', roomFileWithCards(300));
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByRole('button', { name: 'Live room' }).click();
  await page.getByLabel('Import a room from a file').setInputFiles(roomFile);
  await page.getByText('Incident cards in the room: 300').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Cases', exact: true }).click();
  await page
    .getByRole('button', { name: /Our own incidents/ })
    .first()
    .click();
  await page.locator('.wall-card').nth(299).waitFor({ timeout: 60_000 });
  return page;
}

/** The baseline: a plain dnd-kit wall, a draggable per card, the same 300 cards. */
export async function plainWall(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${base}bench/wall.html`);
  await page.locator('.wall-card').nth(299).waitFor({ timeout: 60_000 });
  return page;
}

/** performance.now() in the page at the press and at the release of a drag. */
export type DragTimes = { downAt: number; upAt: number };

/**
 * The first card picked up, carried over 20 mouse moves to the sixth month and
 * dropped; throws if it did not land there (a drag that moved nothing measured
 * nothing).
 */
export async function dragFirstCard(page: Page, label: string): Promise<DragTimes> {
  const handle = await page.getByRole('button', { name: /^Move “Incident 1:/ }).boundingBox();
  const target = await page.locator('.timeline__column').nth(5).boundingBox();
  if (!handle || !target) throw new Error('nothing to drag');
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  // Read before the press: the pickup's own task starts as the press arrives. The mark
  // is where dragProfile.ts finds the press in its trace.
  const downAt = Number(
    await page.evaluate("(performance.mark('swk-drag-down'), performance.now())"),
  );
  await page.mouse.down();
  for (let step = 1; step <= 20; step += 1) {
    await page.mouse.move(
      handle.x + ((target.x + target.width / 2 - handle.x) * step) / 20,
      handle.y + ((target.y + 40 - handle.y) * step) / 20,
    );
  }
  const upAt = Number(await page.evaluate('performance.now()'));
  await page.mouse.up();
  await page.waitForTimeout(1_000);
  const moved = await page
    .locator('.timeline__column')
    .nth(5)
    .getByRole('button', { name: /^Move “Incident 1:/ })
    .count();
  if (moved === 0) throw new Error(`${label}: the dragged card is not in the sixth month`);
  return { downAt, upAt };
}

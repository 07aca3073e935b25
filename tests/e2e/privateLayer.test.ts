import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wallMonths } from '../../src/domain/timeline';
import {
  heapHolds,
  joinAsPhone,
  openConsole,
  useBrowser,
  writeCard,
  openOwnIncidentsCase,
} from './harness';

const { browser, baseURL } = useBrowser();

/** Screenshots for people to look at, only when asked for (SWK_SHOTS_DIR=screenshots). */
async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.SWK_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

describe('the private layer: sealed cards, the choice per card, moderation', () => {
  it('three phones write with the three choices; the wall shows only what the facilitator published, counts the counted card, and no other phone holds the facilitator-only text; an edit waits for its author', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await openOwnIncidentsCase(console_);
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    await console_.getByRole('button', { name: 'Live room' }).click();
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    // The console's public key travels in the link, after the secrets.
    expect(link).toMatch(/\/f\.[A-Za-z0-9_-]{87}\.[A-Za-z0-9_-]{87}$/);
    await console_.getByRole('button', { name: 'Cases' }).click();
    await console_.getByRole('button', { name: 'Show the wall on the projector' }).click();
    const projector = await trainer.context.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${baseURL}#/screen`);

    const [ana, ben, cai] = [
      await joinAsPhone(browser(), link),
      await joinAsPhone(browser(), link),
      await joinAsPhone(browser(), link),
    ] as const;

    // Before the first card: who will see it, anonymous unless signed, erased, may write nothing.
    const notice = ana.page.getByRole('region', { name: 'Before you write' });
    await expect.poll(() => notice.textContent()).toContain('goes to the facilitator first');
    expect(await notice.textContent()).toContain('anonymous unless you sign');
    expect(await notice.textContent()).toContain('erased at the end');
    expect(await notice.textContent()).toContain('You may write nothing at all');
    expect(
      await ana.page.getByRole('radio', { name: 'The room, without my name' }).isChecked(),
    ).toBe(true);
    await shoot(ana.page, 'phone-notice-choice');

    const month = wallMonths(new Date(), null)[9] ?? '';
    // Ben's card names someone: a gentle warning, never a block.
    await writeCard(ben.page, 'My sister Maria was threatened at home', 'The facilitator only');
    const warning = ben.page.getByRole('alertdialog', { name: 'Could this identify someone?' });
    await expect.poll(() => warning.textContent()).toContain('Maria');
    await shoot(ben.page, 'phone-identifying-warning');
    await warning.getByRole('button', { name: 'Keep as it is' }).click();
    await writeCard(ana.page, 'Followed home by a grey car', 'The room, without my name');
    await writeCard(cai.page, 'Office broken into at night', 'Counted, not shown', month);

    // The console's queue holds the card for the room; the others are listed apart, unpublishable.
    const queue = console_.locator('.moderation');
    await expect
      .poll(() => queue.getByRole('heading', { level: 3 }).textContent(), { timeout: 15_000 })
      .toBe('Waiting for you: 1');
    await expect.poll(() => queue.textContent()).toContain('For you only: 1');
    expect(await queue.textContent()).toContain('Counted on the wall, not shown: 1');
    expect(await queue.textContent()).toContain('Their choice: The facilitator only');
    const bensCard = queue.locator('li', { hasText: 'My sister Maria' });
    expect(await bensCard.getByRole('button').count()).toBe(0);
    await console_.setViewportSize({ width: 1366, height: 768 });
    await queue.scrollIntoViewIfNeeded();
    await shoot(console_, 'console-queue');

    // Nothing is on the wall yet; the projector says openly that cards are held back.
    const wall = projector.locator('.projector--timeline');
    await expect
      .poll(() => wall.textContent(), { timeout: 15_000 })
      .toContain('Cards held back: 2');
    expect(await wall.locator('.wall-card:visible').count()).toBe(0);

    // The facilitator proposes an edit: the author's phone is asked, the wall still shows nothing.
    const anasCard = queue.getByRole('listitem', { name: 'Card: Followed home by a grey car' });
    await anasCard.getByRole('button', { name: 'Propose an edit' }).click();
    await anasCard.getByLabel('Your wording for the wall').fill('Followed home by a car');
    await anasCard.getByRole('button', { name: 'Ask the author' }).click();
    await expect.poll(() => queue.textContent()).toContain('Waiting for the author: 1');
    const proposalOn = (page: Page) =>
      page.getByRole('group', { name: 'The facilitator suggests this wording for the wall:' });
    const proposal = proposalOn(ana.page);
    await expect
      .poll(() => proposal.textContent(), { timeout: 15_000 })
      .toContain('Followed home by a car');
    expect(await proposalOn(ben.page).count()).toBe(0);
    await shoot(ana.page, 'phone-proposal');
    expect(await wall.locator('.wall-card:visible').count()).toBe(0);
    await proposal.getByRole('button', { name: 'Publish this wording' }).click();

    // Published as agreed: the wall shows the edited card only, and counts the counted one.
    await expect
      .poll(() => wall.locator('.wall-card:visible').allTextContents(), { timeout: 15_000 })
      .toEqual([expect.stringContaining('Followed home by a car')]);
    await expect.poll(() => wall.textContent()).toContain('Cards held back: 1');
    expect(await wall.textContent()).not.toContain('grey car');
    expect(await wall.textContent()).not.toContain('Maria');
    expect(await wall.textContent()).not.toContain('broken into');
    const monthColumn = wall.locator('.timeline__months > li').nth(9);
    expect(await monthColumn.locator('.count--red').textContent()).toBe('1');
    expect(await monthColumn.locator('.wall-card:visible').count()).toBe(0);
    await shoot(projector, 'projector-held-back');

    // The author sees where each card went, in their own words.
    await expect
      .poll(() => ben.page.locator('.own-sealed').textContent())
      .toContain('for the facilitator only');
    await expect
      .poll(() => cai.page.locator('.own-sealed').textContent())
      .toContain('counted on the wall, not shown');

    // No other phone's document (its whole JavaScript heap) holds the facilitator-only or counted text.
    for (const other of [ana, cai])
      expect(await heapHolds(other.page, 'My sister Maria')).toBe(false);
    for (const other of [ana, ben])
      expect(await heapHolds(other.page, 'Office broken into')).toBe(false);
    expect(await heapHolds(ben.page, 'grey car')).toBe(false);
    // The test can see a text where it is: the author's own phone holds it.
    expect(await heapHolds(ben.page, 'My sister Maria')).toBe(true);
    for (const person of [trainer, ana, ben, cai]) expect(person.errors).toEqual([]);
  }, 180_000);
});

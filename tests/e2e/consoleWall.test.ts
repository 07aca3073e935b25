import { describe, expect, it } from 'vitest';
import { wallMonths } from '../../src/domain/timeline';
import { newPerson, useBrowser, openOwnIncidentsCase } from './harness';

const { browser, baseURL } = useBrowser();

describe('the wall on a laptop’s console', () => {
  it('keeps an opened card, with all its controls, inside its month at 1366x768', async () => {
    const trainer = await newPerson(browser(), { width: 1366, height: 768 });
    const console_ = trainer.page;
    await console_.goto(baseURL);
    await openOwnIncidentsCase(console_);
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    const form = console_.getByRole('form', { name: 'Cards written on paper' });
    const month = wallMonths(new Date(), null)[3] ?? '';
    for (const text of ['Office door photographed by a man on a motorbike', 'Silent calls']) {
      await form.getByLabel('Card text').fill(text);
      await form.getByRole('combobox', { name: /^Month/ }).selectOption(month);
      await form.getByRole('button', { name: 'Add the paper card' }).click();
    }
    const card = console_
      .locator('.timeline-console .wall-card')
      .filter({ hasText: 'Office door photographed' });
    await card.locator('summary').click();
    await card.getByLabel(/^Link “Office door/).waitFor();
    const spill = await card.evaluate((element) => {
      const column = element.closest('.timeline__column')?.getBoundingClientRect();
      if (!column) return null;
      let worst = 0;
      for (const part of [element, ...element.querySelectorAll('*')]) {
        const box = part.getBoundingClientRect();
        if (box.width === 0) continue; // the options of a closed select
        worst = Math.max(worst, box.right - column.right, column.left - box.left);
      }
      return worst;
    });
    // Measured before the fix: the card stood 74 px past its month's right edge.
    expect(spill).not.toBeNull();
    expect(spill).toBeLessThanOrEqual(0.5);
    if (process.env.SWK_SHOTS_DIR) {
      await card.scrollIntoViewIfNeeded();
      await console_.screenshot({
        path: `${process.env.SWK_SHOTS_DIR}/console-wall-card-open.png`,
      });
    }
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wallMonths } from '../../src/domain/timeline';
import { openConsole, useBrowser } from './harness';

const { browser, baseURL } = useBrowser();

/** The keyboard, counting every key pressed. */
function countingKeyboard(page: Page) {
  let count = 0;
  return {
    async type(text: string) {
      count += [...text].length;
      await page.keyboard.type(text);
    },
    async press(key: string) {
      count += 1;
      await page.keyboard.press(key);
    },
    take() {
      const taken = count;
      count = 0;
      return taken;
    },
  };
}

describe('paper keyed back in', () => {
  it('five paper cards and a paper quiz answer, each in under 30 keystrokes, reach the wall and the reveal', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    const keys = countingKeyboard(console_);
    const projector = await trainer.context.newPage();
    await projector.goto(`${baseURL}#/screen`);

    // The wall: cards written on paper, typed in on the console.
    await console_.getByRole('button', { name: 'Cases' }).click();
    await console_
      .getByRole('button', { name: /incidents in your own environment|timeline/i })
      .first()
      .click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    await console_.getByRole('button', { name: 'Show the wall on the projector' }).click();
    const form = console_.getByRole('form', { name: 'Cards written on paper' });
    const months = wallMonths(new Date(), null);
    const monthOption = async (index: number) =>
      (await form
        .getByLabel('Month')
        .locator('option')
        .nth(index + 1)
        .textContent()) ?? '';
    const cards = [
      { text: 'Office door filmed', colour: 'r', month: 3 },
      { text: 'Silent calls at night', colour: 'y', month: 3 },
      { text: 'Laptop stolen from car', colour: 'r', month: 7 },
      { text: 'Same car outside twice', colour: 'y', month: 7 },
      { text: 'Email from unknown', colour: 'g', month: 10 },
    ];
    await form.getByLabel('Card text').focus();
    let previous: (typeof cards)[number] | null = null;
    for (const card of cards) {
      await keys.type(card.text);
      await keys.press('Tab');
      // Colour and month stay from the card before: a pile of one colour goes faster.
      if (card.colour !== previous?.colour) await keys.type(card.colour);
      await keys.press('Tab');
      if (card.month !== previous?.month)
        await keys.type((await monthOption(card.month)).slice(0, 3));
      await keys.press('Enter');
      const used = keys.take();
      expect(used, `keystrokes for "${card.text}"`).toBeLessThan(30);
      await expect
        .poll(() => form.getByRole('status').textContent())
        .toContain(`the last: “${card.text}”`);
      expect(await console_.evaluate(() => document.activeElement?.getAttribute('maxlength'))).toBe(
        '280',
      );
      previous = card;
    }
    // Each card on the projector's wall, in its month, in its colour.
    for (const card of cards) {
      await expect
        .poll(() => projector.locator('.timeline__months > li').nth(card.month).textContent(), {
          timeout: 10_000,
        })
        .toContain(card.text);
    }
    expect(months).toHaveLength(12);
    await expect
      .poll(() => projector.locator('.timeline__totals').textContent())
      .toBe('Red: serious 2Yellow: medium 2Green: low 1');

    // The quiz: a group's answer written on a paper card, typed in, then revealed.
    await console_.getByRole('button', { name: /Case analysis 1/ }).click();
    await console_.getByRole('button', { name: 'Form the groups' }).click();
    await console_.getByRole('button', { name: 'Open 1.1 alone' }).click();
    const answers = console_.getByRole('form', { name: 'Answers written on paper cards' });
    await answers.getByLabel('Group').focus();
    await keys.type('Group 2');
    await keys.press('Tab'); // situation 1.1 is already chosen
    await keys.press('Tab');
    await keys.type('b');
    await keys.press('Tab');
    await keys.type('A gun gesture');
    await keys.press('Enter');
    expect(keys.take()).toBeLessThan(30);
    await expect
      .poll(() => answers.getByRole('status').textContent())
      .toBe('Entered from paper: Group 2, 1.1, B');
    await console_.getByRole('button', { name: 'Reveal 1.1' }).click();
    await expect
      .poll(() => projector.getByText('Group 2 · B').count(), { timeout: 10_000 })
      .toBe(1);
    expect(await projector.getByText('A gun gesture').count()).toBe(1);
    expect(await projector.getByLabel('B: 1').count()).toBe(1);

    if (process.env.SWK_SHOTS_DIR) {
      await console_
        .getByRole('button', { name: /incidents in your own environment|timeline/i })
        .first()
        .click();
      await form.scrollIntoViewIfNeeded();
      await console_.screenshot({ path: `${process.env.SWK_SHOTS_DIR}/paper-cards-console.png` });
      await projector.screenshot({ path: `${process.env.SWK_SHOTS_DIR}/paper-quiz-projector.png` });
    }
  }, 120_000);
});

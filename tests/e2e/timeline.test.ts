import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wallMonths } from '../../src/domain/timeline';
import {
  PHONE,
  newPerson,
  openConsole,
  passWelcome,
  showWallOnEveryScreen,
  type Person,
  useBrowser,
  openTheWall,
  openOwnIncidentsCase,
} from './harness';

const { browser, baseURL } = useBrowser();
const statusOf = (page: Page) => page.locator('[data-status]').getAttribute('data-status');

async function phone(link: string, touch: boolean): Promise<Person> {
  const person = await newPerson(browser(), PHONE, touch ? { touch: true } : {});
  await person.context.grantPermissions(['microphone', 'camera']);
  await person.page.goto(link);
  await expect.poll(() => statusOf(person.page), { timeout: 20_000 }).toBe('connected');
  await passWelcome(person.page);
  return person;
}

async function writeCard(page: Page, text: string, severity: 'Red' | 'Yellow' | 'Green') {
  await page.getByLabel('What happened? A few words.').fill(text);
  await page.getByRole('radio', { name: new RegExp(`^${severity}`) }).check();
  await page.getByRole('button', { name: 'Add the card' }).click();
  await page.getByRole('button', { name: `Move “${text}”` }).waitFor();
}

/** A long press on the card's handle, then a finger slide onto the month, as on a real phone. */
async function touchDrag(page: Page, text: string, month: string) {
  // Touches land where the screen shows things: bring the months and the card into view.
  await page.locator('.month-strip').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const handle = await page.getByRole('button', { name: `Move “${text}”` }).boundingBox();
  const target = await page
    .locator('.month-strip__month', { hasText: month })
    .first()
    .boundingBox();
  if (!handle || !target) throw new Error('nothing to drag');
  const cdp = await page.context().newCDPSession(page);
  const at = (x: number, y: number) => [{ x, y, id: 1 }];
  const from = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
  const to = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: at(from.x, from.y),
  });
  await page.waitForTimeout(450); // the long press that tells a drag from a scroll
  for (let step = 1; step <= 10; step += 1) {
    const x = from.x + ((to.x - from.x) * step) / 10;
    const y = from.y + ((to.y - from.y) * step) / 10;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(x, y) });
    await page.waitForTimeout(30);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

describe('the incident timeline across devices', () => {
  it('three phones place cards by touch, by keyboard and by picking a month; the facilitator reclassifies, links, and moves a card by keyboard and by mouse', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await openOwnIncidentsCase(console_);
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    await openTheWall(console_);
    await console_.getByRole('button', { name: 'Live room' }).click();
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    await showWallOnEveryScreen(console_);
    const projector = await trainer.context.newPage();
    await projector.goto(`${baseURL}#/screen`);

    const months = wallMonths(new Date(), null);
    const [touch, keyboard, picker] = [
      await phone(link, true),
      await phone(link, false),
      await phone(link, false),
    ];

    // By touch: a long press, then a slide onto the month (the 4th of the strip).
    await writeCard(touch.page, 'Office door photographed', 'Red');
    const touchMonthLabel =
      (await touch.page.locator('.month-strip__month').nth(3).locator('span').textContent()) ?? '';
    await touchDrag(touch.page, 'Office door photographed', touchMonthLabel);
    await expect
      .poll(() => touch.page.getByLabel('Month of “Office door photographed”').inputValue(), {
        timeout: 5_000,
      })
      .toBe(months[3]);

    // By keyboard: space to lift, arrows to move up over the months, space to put down.
    await writeCard(keyboard.page, 'Silent phone calls at night', 'Yellow');
    await keyboard.page.getByRole('button', { name: 'Move “Silent phone calls at night”' }).focus();
    await keyboard.page.keyboard.press('Space');
    for (let i = 0; i < 40; i += 1) {
      await keyboard.page.keyboard.press('ArrowUp');
      const announced = await keyboard.page
        .locator('[role="status"][aria-live="assertive"], [aria-live="assertive"]')
        .allTextContents();
      if (announced.some((text) => text.startsWith('Over '))) break;
    }
    await keyboard.page.keyboard.press('Space');
    await expect
      .poll(() => keyboard.page.getByLabel('Month of “Silent phone calls at night”').inputValue())
      .not.toBe('');

    // By picking the month from the list.
    await writeCard(picker.page, 'A stranger asked about our work', 'Green');
    await picker.page
      .getByLabel('Month of “A stranger asked about our work”')
      .selectOption(months[10] ?? '');

    // The projector shows each card in its month, in its colour and with its word.
    const column = (month: string) =>
      projector.locator('.timeline__column').nth(months.indexOf(month));
    await expect
      .poll(() => column(months[3] ?? '').textContent(), { timeout: 15_000 })
      .toContain('Office door photographed');
    expect(
      await column(months[3] ?? '')
        .locator('.wall-card.severity--red')
        .count(),
    ).toBe(1);
    await expect
      .poll(() => column(months[10] ?? '').textContent(), { timeout: 15_000 })
      .toContain('A stranger asked');
    const keyboardMonth = await keyboard.page
      .getByLabel('Month of “Silent phone calls at night”')
      .inputValue();
    await expect
      .poll(() => column(keyboardMonth).textContent(), { timeout: 15_000 })
      .toContain('Silent phone calls at night');

    // The facilitator reclassifies one card; its author sees it.
    const wallCard = (text: string) =>
      console_
        .locator('.wall-card')
        .filter({ has: console_.locator('.wall-card__text', { hasText: text }) });
    const silent = wallCard('Silent phone calls at night');
    await silent.locator('summary').click();
    await silent.getByLabel('Severity of “Silent phone calls at night”').selectOption('red');
    await expect
      .poll(() => keyboard.page.locator('.card', { hasText: 'Silent phone calls' }).textContent(), {
        timeout: 15_000,
      })
      .toContain('The facilitator changed it to Red: serious');

    // And links two; the projector draws the line.
    const office = wallCard('Office door photographed');
    await office.locator('summary').click();
    await office
      .getByLabel('Link “Office door photographed” with')
      .selectOption({ label: 'A stranger asked about our work' });
    await expect
      .poll(() => projector.locator('.timeline__links line').count(), { timeout: 15_000 })
      .toBe(1);

    // The facilitator moves a card on the wall: with the keyboard, then with the mouse.
    const projectedMonth = async (text: string) => {
      for (let i = 0; i < months.length; i += 1) {
        if ((await column(months[i] ?? '').textContent())?.includes(text)) return i;
      }
      return -1;
    };
    const stranger = 'A stranger asked about our work';
    await console_.getByRole('button', { name: `Move “${stranger}”` }).focus();
    await console_.keyboard.press('Space');
    // dnd-kit listens for the arrows from the next task on; Chromium runs input before timers.
    await expect
      .poll(() => console_.locator('[id^="DndLiveRegion"]').textContent())
      .toMatch(/^Over /);
    await console_.waitForTimeout(200);
    for (let i = 0; i < 12; i += 1) await console_.keyboard.press('ArrowRight');
    await console_.keyboard.press('Space');
    await expect
      .poll(() => console_.locator('[id^="DndLiveRegion"]').textContent())
      .toMatch(/^Placed in /);
    await expect.poll(() => projectedMonth(stranger), { timeout: 15_000 }).toBe(11);
    const grip = await console_.getByRole('button', { name: `Move “${stranger}”` }).boundingBox();
    const target = await console_.locator('.timeline__column').nth(1).boundingBox();
    if (!grip || !target) throw new Error('the wall is not laid out');
    await console_.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await console_.mouse.down();
    for (let step = 1; step <= 10; step += 1) {
      await console_.mouse.move(
        grip.x + ((target.x + target.width / 2 - grip.x) * step) / 10,
        grip.y + ((target.y + target.height / 2 - grip.y) * step) / 10,
      );
    }
    await console_.mouse.up();
    await expect.poll(() => projectedMonth(stranger), { timeout: 15_000 }).toBe(1);

    // A phone that reloads still has its cards, where the facilitator put them.
    await picker.page.reload();
    await expect.poll(() => statusOf(picker.page), { timeout: 20_000 }).toBe('connected');
    await expect
      .poll(
        () => picker.page.getByLabel('Month of “A stranger asked about our work”').inputValue(),
        { timeout: 15_000 },
      )
      .toBe(months[1]); // where the facilitator moved it

    for (const person of [trainer, touch, keyboard, picker]) expect(person.errors).toEqual([]);
    for (const person of [touch, keyboard, picker]) await person.context.close();
    await trainer.context.close();
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wallMonths } from '../../src/domain/timeline';
import { openConsole, useBrowser, openOwnIncidentsCase } from './harness';

const { browser, baseURL } = useBrowser();

/** The keyboard, counting every key pressed. */
function countingKeyboard(page: Page) {
  let count = 0;
  return {
    async type(text: string) {
      count += [...text].length;
      await page.keyboard.type(text);
    },
    /** A chord ("Control+A") counts each key held. */
    async press(key: string) {
      count += key.split('+').length;
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
    await openOwnIncidentsCase(console_);
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

    // The Live room's wall PDF knows no case: it carries the kit's credit and the wall exercise's source.
    await console_.getByRole('button', { name: 'Live room' }).click();
    const [wallPdf] = await Promise.all([
      console_.waitForEvent('download'),
      console_.getByRole('button', { name: 'Incident wall (PDF)' }).click(),
    ]);
    const wallFile = join(mkdtempSync(join(tmpdir(), 'swk-paper-wall-')), 'wall.pdf');
    await wallPdf.saveAs(wallFile);
    const wallText = execFileSync('pdftotext', [wallFile, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(wallText).toContain('Office door filmed');
    expect(wallText).toContain('Made with the Security Workshop Kit, free software');
    expect(wallText).toContain('Source: New Protection Manual: training guide');
    await console_.getByRole('button', { name: 'Cases' }).click();

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

    const shots = process.env.SWK_SHOTS_DIR;
    if (shots) {
      // Each paper entry at a small laptop window (390 wide) and at 1366x768, to look at.
      await projector.screenshot({ path: `${shots}/paper-quiz-projector.png` });
      for (const size of [
        { width: 390, height: 844 },
        { width: 1366, height: 768 },
      ]) {
        await console_.setViewportSize(size);
        await answers.scrollIntoViewIfNeeded();
        await answers.getByLabel('Group').focus();
        await console_.screenshot({ path: `${shots}/paper-quiz-console-${size.width}.png` });
      }
      await openOwnIncidentsCase(console_);
      for (const size of [
        { width: 390, height: 844 },
        { width: 1366, height: 768 },
      ]) {
        await console_.setViewportSize(size);
        await form.scrollIntoViewIfNeeded();
        await form.getByLabel('Card text').focus();
        await console_.screenshot({ path: `${shots}/paper-cards-console-${size.width}.png` });
      }
    }
  }, 120_000);

  it('rows of a paper plan table, each in under 30 keystrokes, reach the plan table on the projector and the outline PDF, marked as from paper', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    const keys = countingKeyboard(console_);
    await console_.getByRole('button', { name: 'Security plan', exact: true }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    const threats = ['Break-in at the office', 'Email read by those we oppose'];
    for (const threat of threats) {
      await console_.getByLabel('A threat', { exact: true }).fill(threat);
      await console_.getByRole('button', { name: 'Add the threat' }).click();
    }
    const ranked = console_.getByRole('list', { name: 'Threats, highest priority first' });
    for (const threat of threats)
      await ranked.getByRole('listitem').filter({ hasText: threat }).getByRole('checkbox').check();
    await console_.getByRole('button', { name: 'Show the plan table on the projector' }).click();
    const projector = await trainer.context.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${baseURL}#/screen`);
    await console_.getByRole('button', { name: '6. The plan table' }).click();
    const form = console_.getByRole('form', { name: 'Measures from a paper plan table' });

    const entered = async (count: number, last: string) => {
      expect(keys.take(), `keystrokes for "${last}"`).toBeLessThan(30);
      await expect
        .poll(() => form.getByRole('status').textContent())
        .toBe(`Measures entered from paper: ${count}; the last: “${last}”`);
    };
    // Threat, measure, who, by when: the first row of the break-in's table.
    await form.getByLabel('Threat').focus();
    await keys.type('b');
    await keys.press('Tab');
    await keys.type('Lock the door');
    await keys.press('Tab');
    await keys.type('Ana');
    await keys.press('Tab');
    await keys.type('2 weeks');
    await keys.press('Enter');
    await entered(1, 'Lock the door');
    // The next row under the same threat, by the same person, by the same time: the measure only.
    await keys.type('Keys to two people');
    await keys.press('Enter');
    await entered(2, 'Keys to two people');
    // The email threat's rows.
    await keys.press('Shift+Tab');
    await keys.type('e');
    await keys.press('Tab');
    await keys.type('Encrypt email');
    await keys.press('Tab');
    await keys.type('Luis');
    await keys.press('Tab');
    await keys.press('Control+A');
    await keys.type('1m');
    await keys.press('Enter');
    await entered(3, 'Encrypt email');
    await keys.type('Back up laptops');
    await keys.press('Tab');
    await keys.press('Tab');
    await keys.press('Control+A');
    await keys.type('monthly');
    await keys.press('Enter');
    await entered(4, 'Back up laptops');
    // A "by when" the entry cannot read stops the row with a message and keeps what was typed.
    await keys.type('Ask a lawyer');
    await keys.press('Tab');
    await keys.press('Tab');
    await keys.press('Control+A');
    await keys.type('soon');
    await keys.press('Enter');
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toContain('“soon” is not a date, a period or a recurrence');
    expect(await form.getByLabel('Measure', { exact: true }).inputValue()).toBe('Ask a lawyer');
    expect(keys.take(), 'keystrokes for a row with an unreadable "by when"').toBeLessThan(30);
    // The correction, counted on its own.
    await keys.press('Control+A');
    await keys.type('3/1/2027');
    await keys.press('Enter');
    await entered(5, 'Ask a lawyer');
    expect(await form.getByRole('alert').count()).toBe(0);

    // The projector's plan table: every row under its threat, with who and by when, marked.
    const table = projector.locator('.plan-table');
    for (const text of [
      'Lock the door',
      'Keys to two people',
      'Ana',
      'within 2 weeks',
      'Encrypt email',
      'Luis',
      'within 1 month',
      'Back up laptops',
      'every 1 month',
      'Ask a lawyer',
    ]) {
      await expect.poll(() => table.textContent(), { timeout: 10_000 }).toContain(text);
    }
    await expect.poll(() => table.getByText('from paper').count()).toBe(5);
    const breakIn = projector.locator('table', { hasText: threats[0] ?? '' });
    expect(await breakIn.textContent()).toContain('Keys to two people');
    expect(await breakIn.textContent()).not.toContain('Encrypt email');

    // The outline PDF holds them.
    await console_.getByRole('button', { name: 'Plan outline' }).click();
    const [file] = await Promise.all([
      console_.waitForEvent('download'),
      console_.getByRole('button', { name: 'Plan outline (PDF)' }).click(),
    ]);
    const pdf = join(mkdtempSync(join(tmpdir(), 'swk-paper-')), 'outline.pdf');
    await file.saveAs(pdf);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of ['Lock the door', 'Keys to two people', 'Encrypt email', 'Ask a lawyer'])
      expect(text).toContain(expected);

    if (process.env.SWK_SHOTS_DIR) {
      await console_.getByRole('button', { name: '6. The plan table' }).click();
      await form.scrollIntoViewIfNeeded();
      await console_.screenshot({ path: `${process.env.SWK_SHOTS_DIR}/paper-plan-console.png` });
      await projector.screenshot({ path: `${process.env.SWK_SHOTS_DIR}/paper-plan-projector.png` });
    }
  }, 120_000);
});

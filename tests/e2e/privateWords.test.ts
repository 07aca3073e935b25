import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  heapHolds,
  joinAsPhone,
  openConsole,
  passPrivacyNoticeIfShown,
  useBrowser,
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

async function openCase(console_: Page, name: RegExp): Promise<string> {
  await console_.getByRole('button', { name: 'Cases' }).click();
  await console_.getByRole('button', { name }).first().click();
  await console_.getByRole('button', { name: 'Open a live room' }).click();
  return name.source;
}

async function joinLink(console_: Page): Promise<string> {
  await console_.getByRole('button', { name: 'Live room' }).click();
  const link = (await console_.locator('.join-link code').textContent()) ?? '';
  await console_.getByRole('button', { name: 'Cases' }).click();
  return link;
}

describe('quiz reasons and role-play points in the private layer', () => {
  it('a group’s reason is sealed to the facilitator: the other phone holds none, the reveal counts the options and shows only published reasons, a reworded one after its author agreed', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await openCase(console_, /Case analysis 1/);
    await console_.getByRole('button', { name: 'Form the groups' }).click();
    const link = await joinLink(console_);
    const projector = await trainer.context.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${baseURL}#/screen`);
    const [one, two] = [await joinAsPhone(browser(), link), await joinAsPhone(browser(), link)];
    await console_.getByRole('button', { name: 'Open 1.1 alone' }).click();

    const answer = async (page: Page, group: string, option: string, why: string) => {
      await page
        .getByRole('combobox', { name: 'Your group' })
        .selectOption({ label: group }, { timeout: 15_000 });
      const form = page.getByRole('form', { name: 'Situation 1.1' });
      await form.getByRole('radio', { name: new RegExp(`^${option} `) }).check();
      await form.getByLabel('Why? A few words for your group').fill(why);
      await form.getByRole('button', { name: 'Send our answer' }).click();
      await expect
        .poll(() => form.getByRole('status').textContent())
        .toContain(`Your group's answer: ${option} · ${why} (with the facilitator)`);
    };
    await answer(one.page, 'Group 1', 'A', 'Maria from our office saw the van');
    await shoot(one.page, 'phone-reason-sealed');
    await answer(two.page, 'Group 2', 'B', 'Changing routes costs little');

    // The console's queue holds both reasons, opened on this laptop only.
    const queue = console_.locator('.reason-queue');
    await expect
      .poll(() => queue.getByRole('heading', { level: 3 }).textContent(), { timeout: 15_000 })
      .toBe('Reasons waiting for you: 2');
    // Neither phone's heap holds the other group's reason.
    expect(await heapHolds(two.page, 'Maria from our office')).toBe(false);
    expect(await heapHolds(one.page, 'Changing routes costs little')).toBe(false);
    expect(await heapHolds(one.page, 'Maria from our office')).toBe(true);

    // The reveal counts the options openly and shows no reason yet.
    await console_.getByRole('button', { name: 'Reveal 1.1' }).click();
    const reasons = projector.locator('.quiz-screen__reasons');
    await expect.poll(() => projector.getByLabel('A: 1').count(), { timeout: 10_000 }).toBe(1);
    expect(await projector.getByLabel('B: 1').count()).toBe(1);
    await expect.poll(() => reasons.textContent()).toContain('Group 1 · A (reason not shown)');
    expect(await reasons.textContent()).toContain('Group 2 · B (reason not shown)');

    // Group 2's reason is published as written; group 1's reworded, which its author is asked about.
    await queue
      .getByRole('listitem', { name: 'Reason: Changing routes costs little' })
      .getByRole('button', { name: 'Publish' })
      .click();
    await expect
      .poll(() => reasons.textContent(), { timeout: 10_000 })
      .toContain('Group 2 · B Changing routes costs little');
    const first = queue.getByRole('listitem', {
      name: 'Reason: Maria from our office saw the van',
    });
    await first.getByRole('button', { name: 'Propose an edit' }).click();
    await first.getByLabel('Your wording for the screen').fill('A colleague saw the van');
    await console_.setViewportSize({ width: 1366, height: 768 });
    await queue.scrollIntoViewIfNeeded();
    await shoot(console_, 'console-reason-queue');
    await first.getByRole('button', { name: 'Ask the author' }).click();
    await expect
      .poll(() => queue.textContent())
      .toContain('Asked the author: “A colleague saw the van”');
    const proposalOn = (page: Page) =>
      page.getByRole('group', {
        name: 'The facilitator suggests this wording of your reason for the screen:',
      });
    await expect
      .poll(() => proposalOn(one.page).textContent(), { timeout: 15_000 })
      .toContain('A colleague saw the van');
    expect(await proposalOn(two.page).count()).toBe(0);
    expect(await reasons.textContent()).toContain('Group 1 · A (reason not shown)');
    await proposalOn(one.page).getByRole('button', { name: 'Publish this wording' }).click();
    await expect
      .poll(() => reasons.textContent(), { timeout: 15_000 })
      .toContain('Group 1 · A A colleague saw the van');
    expect(await projector.textContent('body')).not.toContain('Maria');
    expect(await heapHolds(two.page, 'Maria from our office')).toBe(false);
    for (const person of [trainer, one, two]) expect(person.errors).toEqual([]);
  }, 180_000);

  it('a phone reads the notice before its first point and chooses per point: the board counts the counted one, no other phone holds the withheld ones, and a reworded point waits for its author', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await openCase(console_, /Role-play: followed/);
    await console_.getByRole('button', { name: 'Open the role-play to the room' }).click();
    const link = await joinLink(console_);
    const projector = await trainer.context.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${baseURL}#/screen`);
    const [ana, ben] = [await joinAsPhone(browser(), link), await joinAsPhone(browser(), link)];
    for (const phone of [ana, ben]) {
      await phone.page
        .getByRole('region', { name: 'Before this activity' })
        .getByRole('button', { name: 'Continue' })
        .click();
      await phone.page.getByRole('button', { name: 'Take part in the role-play' }).click();
    }
    const stages = console_.getByRole('navigation', { name: 'Steps of the meeting' });
    await stages.getByRole('button', { name: '2. Analyse the incident' }).click();

    // Before the first point: who sees it, anonymous unless signed, erased, may write nothing.
    const notice = ana.page.getByRole('region', { name: 'Before you write' });
    await expect
      .poll(() => notice.textContent(), { timeout: 15_000 })
      .toContain('on the board only if');
    expect(await notice.textContent()).toContain('anonymous unless you sign');
    expect(await notice.textContent()).toContain('erased at the end');
    expect(await notice.textContent()).toContain('You may write nothing at all');
    await shoot(ana.page, 'phone-point-notice');
    await notice.getByRole('button', { name: 'I understand' }).click();
    const form = ana.page.getByRole('form', { name: /^Now:/ });
    expect(await form.getByRole('radio', { name: 'The room, without my name' }).isChecked()).toBe(
      true,
    );
    const send = async (text: string, choice: RegExp) => {
      await passPrivacyNoticeIfShown(ana.page, form);
      await form.getByLabel('Your point is about').selectOption({ label: 'Facts' });
      await form.getByLabel('Your point', { exact: true }).fill(text);
      await form.getByRole('radio', { name: choice }).check();
      await form.getByRole('button', { name: 'Send to the facilitator' }).click();
      await expect
        .poll(() => ana.page.getByRole('list', { name: 'Your points' }).textContent())
        .toContain(text);
    };
    await send('A man followed her to the bus stop', /^The room, without my name/);
    await send('My cousin works at the depot', /^The facilitator only/);
    await form.getByLabel('Your point', { exact: true }).fill('They photographed the clinic door');
    await form.getByRole('radio', { name: /^Counted, not shown/ }).check();
    await shoot(ana.page, 'phone-point-choice');
    await form.getByRole('button', { name: 'Send to the facilitator' }).click();
    await expect
      .poll(() => ana.page.getByRole('list', { name: 'Your points' }).textContent())
      .toContain('counted on the board, not shown');

    // The console lists the point for the room with its choice; the others apart, never on the board.
    const facts = console_.getByRole('list', { name: 'Proposed from phones: Facts' });
    await expect.poll(() => facts.textContent(), { timeout: 15_000 }).toContain('A man followed');
    expect(await facts.textContent()).toContain('The room, without my name');
    const withheld = console_.locator('.role-play__withheld');
    await expect
      .poll(() => withheld.getByRole('heading').textContent())
      .toBe('Points for you only, or counted: 2');
    expect(await withheld.textContent()).toContain('My cousin works at the depot');
    expect(await withheld.getByRole('button').count()).toBe(0);
    await console_.setViewportSize({ width: 1366, height: 768 });
    await withheld.scrollIntoViewIfNeeded();
    await shoot(console_, 'console-point-queue');

    // The board counts the counted point, and shows none of the three texts yet.
    const board = projector.locator('.role-play-screen__parts');
    await expect
      .poll(() => board.textContent(), { timeout: 15_000 })
      .toContain('Counted, not shown: 1');
    expect(await board.textContent()).not.toContain('A man followed');
    for (const words of [
      'A man followed her',
      'My cousin works at the depot',
      'They photographed the clinic',
    ]) {
      expect(await heapHolds(ben.page, words)).toBe(false);
    }

    // Accepted, then reworded: the author is asked, and the board keeps the original until they agree.
    await facts.getByRole('button', { name: 'Accept' }).click();
    await expect
      .poll(() => board.textContent(), { timeout: 10_000 })
      .toContain('A man followed her to the bus stop');
    const agreed = console_.getByRole('list', { name: 'Agreed: Facts' });
    await agreed.getByRole('button', { name: 'Edit' }).click();
    await agreed.getByLabel('Point', { exact: true }).fill('Someone followed her to a stop');
    await agreed.getByRole('button', { name: 'Ask the author' }).click();
    await expect
      .poll(() => agreed.getByRole('status').textContent())
      .toContain('Someone followed her to a stop');
    const proposal = ana.page.getByRole('group', {
      name: 'The facilitator suggests this wording for the board:',
    });
    await expect
      .poll(() => proposal.textContent(), { timeout: 15_000 })
      .toContain('Someone followed');
    expect(await ben.page.getByRole('group', { name: /suggests this wording/ }).count()).toBe(0);
    await shoot(ana.page, 'phone-point-proposal');
    expect(await board.textContent()).toContain('A man followed her to the bus stop');
    expect(await board.textContent()).not.toContain('Someone followed');
    await proposal.getByRole('button', { name: 'Publish this wording' }).click();
    await expect
      .poll(() => board.textContent(), { timeout: 15_000 })
      .toContain('Someone followed her to a stop');
    expect(await board.textContent()).not.toContain('A man followed');
    for (const person of [trainer, ana, ben]) expect(person.errors).toEqual([]);
  }, 180_000);
});

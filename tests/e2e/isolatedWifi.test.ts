import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  PHONE,
  expectStayedInRoom,
  newPerson,
  openConsole,
  passWelcome,
  showWallOnEveryScreen,
  openTheWall,
  useBrowser,
  withoutWebRtc,
  type Person,
} from './harness';

/**
 * A Wi-Fi with client isolation: no phone can reach another, so none links up over WebRTC
 * and everything goes through the laptop's relay. Ten phones (contexts of one browser),
 * each without any WebRTC constructor, run an incident card, a quiz answer and a plan
 * measure through to the console and the projector.
 */
const PHONES = 10;
const { browser, baseURL } = useBrowser();
const statusOf = (page: Page) => page.locator('[data-status]').getAttribute('data-status');
const wallCount = (page: Page) => page.locator('.wall-count').textContent();
const cardsOnConsole = (page: Page) =>
  page.getByText(/^Incident cards in the room: \d+$/).textContent();

async function relayedPhone(link: string): Promise<Person> {
  const person = await newPerson(browser(), PHONE);
  await person.context.grantPermissions(['microphone', 'camera']);
  await withoutWebRtc(person.context);
  await person.page.goto(link);
  return person;
}

describe('an isolated Wi-Fi: no phone reaches another', () => {
  it(`ten relayed phones send a card, a quiz answer and a plan measure to the console and the projector`, async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await console_.getByRole('button', { name: 'Cases' }).click();
    await console_.getByRole('button', { name: /Case analysis 1/ }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    await console_.getByRole('button', { name: 'Form the groups' }).click();
    await console_.getByRole('button', { name: 'Live room' }).click();
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    // This test's server listens on 127.0.0.1: the console says no phone could reach it.
    expect(
      await console_.getByText(/^Phones cannot reach this laptop: the workshop server/).count(),
    ).toBe(1);
    const projector = await trainer.context.newPage();
    await projector.goto(`${baseURL}#/screen`);

    const phones: Person[] = [];
    for (let i = 0; i < PHONES; i += 1) phones.push(await relayedPhone(link));
    for (const phone of phones) {
      await expect.poll(() => statusOf(phone.page), { timeout: 30_000 }).toBe('connected');
      await passWelcome(phone.page);
    }
    // Every one of them relayed, and the console says so beside each.
    const participants = console_.locator('.participants li');
    await expect
      .poll(() => console_.locator('.participants li[data-path="relay"]').count(), {
        timeout: 10_000,
      })
      .toBe(PHONES);
    expect(await participants.count()).toBe(PHONES);
    for (const text of await participants.allTextContents())
      expect(text).toContain('relayed through this laptop');
    for (const phone of phones)
      expect(await phone.page.evaluate(() => 'RTCPeerConnection' in window)).toBe(false);

    // A card from every phone: the console counts them, every phone's wall and the projector show them.
    await showWallOnEveryScreen(console_);
    await console_.getByRole('button', { name: 'Live room' }).click();
    // An open wall: every card is on the wall as written (the moderated default has its own test).
    await openTheWall(console_);
    for (const [i, phone] of phones.entries()) {
      await phone.page.getByLabel('What happened? A few words.').fill(`Isolated card ${i + 1}`);
      await phone.page.getByRole('button', { name: 'Add the card' }).click();
    }
    await expect
      .poll(() => cardsOnConsole(console_), { timeout: 20_000 })
      .toBe(`Incident cards in the room: ${PHONES}`);
    for (const phone of phones)
      await expect
        .poll(() => wallCount(phone.page), { timeout: 20_000 })
        .toMatch(new RegExp(`\\b${PHONES}$`));
    const wall = projector.getByRole('region', { name: 'Incidents of the year' });
    for (const n of [1, PHONES])
      await expect
        .poll(() => wall.textContent(), { timeout: 15_000 })
        .toContain(`Isolated card ${n}`);
    // Each phone hears that the console holds its card: nothing is left "not sent yet".
    for (const phone of phones)
      await expect
        .poll(() => phone.page.getByText('Not sent yet', { exact: true }).count(), {
          timeout: 10_000,
        })
        .toBe(0);

    // A quiz situation answered by four groups, each from one of the relayed phones.
    await console_.getByRole('button', { name: 'Cases', exact: true }).click();
    await console_.getByRole('button', { name: /Case analysis 1/ }).click();
    await console_.getByRole('button', { name: 'Open 1.1 alone' }).click();
    await expect
      .poll(() => projector.locator('.projector__label').first().textContent(), {
        timeout: 10_000,
      })
      .toBe('Situation 1.1');
    const choices = ['A', 'B', 'C', 'A'];
    for (const [index, choice] of choices.entries()) {
      const page = phones[index]!.page;
      await page
        .getByRole('combobox', { name: 'Your group' })
        .selectOption({ label: `Group ${index + 1}` }, { timeout: 15_000 });
      const form = page.getByRole('form', { name: 'Situation 1.1' });
      await form.getByRole('radio', { name: new RegExp(`^${choice} `) }).check();
      await form.getByLabel('Why? A few words for your group').fill(`Relayed reason ${index + 1}`);
      await form.getByRole('button', { name: 'Send our answer' }).click();
      await expect
        .poll(() => form.getByRole('status').textContent())
        .toContain(`Your group's answer: ${choice}`);
    }
    await expect
      .poll(() => projector.locator('.quiz-screen__waiting').textContent(), { timeout: 15_000 })
      .toBe('4 of 4 groups have answered.');
    await expect
      .poll(
        () =>
          console_
            .getByText(/^\d+ of \d+ groups answered/)
            .first()
            .textContent(),
        {
          timeout: 10_000,
        },
      )
      .toContain('4 of 4 groups answered');
    // A phone of group 2 that did not answer sees its group's answer, through the relay.
    const groupmate = phones[PHONES - 1]!.page;
    await groupmate
      .getByRole('combobox', { name: 'Your group' })
      .selectOption({ label: 'Group 2' }, { timeout: 15_000 });
    await expect
      .poll(
        () =>
          groupmate.getByRole('form', { name: 'Situation 1.1' }).getByRole('status').textContent(),
        { timeout: 10_000 },
      )
      .toContain("Your group's answer: B · Relayed reason 2");

    // A plan measure from a group's phone, on the projector's plan table and the console.
    await console_.getByRole('button', { name: 'Security plan', exact: true }).click();
    await console_.locator('summary', { hasText: 'Groups' }).click();
    await console_.getByLabel('Number of groups').fill('2');
    await console_.getByRole('button', { name: 'Form the groups' }).click();
    const threat = 'Our phones are searched at the border';
    await console_.getByLabel('A threat', { exact: true }).fill(threat);
    await console_.getByRole('button', { name: 'Add the threat' }).click();
    const ranked = console_.getByRole('list', { name: 'Threats, highest priority first' });
    const item = ranked.getByRole('listitem').filter({ hasText: threat });
    await item.getByRole('checkbox').check();
    await item.getByLabel('Group').selectOption({ label: 'Group 1' });
    await console_.getByLabel('Groups edit their part from their phones').check();
    await console_.getByRole('button', { name: 'Show the plan table on the projector' }).click();

    const planner = phones[4]!.page;
    await planner
      .getByRole('region', { name: 'Our part of the security plan' })
      .getByRole('combobox', { name: 'Your group' })
      .selectOption({ label: 'Group 1' }, { timeout: 15_000 });
    const block = planner.getByRole('region', { name: `Measures against: ${threat}` });
    await block.getByRole('button', { name: `Add a measure against “${threat}”` }).click();
    const measure = block.getByRole('group', { name: 'Measure 1' });
    await measure.getByLabel('Security measure').fill('Travel with a clean phone');
    await measure.getByLabel('Responsibility').fill('Each traveller');
    for (const text of ['Travel with a clean phone', 'Each traveller'])
      await expect
        .poll(() => projector.locator('.plan-table').textContent(), { timeout: 15_000 })
        .toContain(text);
    await console_.getByRole('button', { name: '5. Measures' }).click();
    await expect
      .poll(() => console_.getByLabel('Security measure').first().inputValue(), {
        timeout: 10_000,
      })
      .toBe('Travel with a clean phone');

    await console_.getByRole('button', { name: 'Live room' }).click();
    // Still every phone relayed, nothing of the room's words in what any page sent in clear.
    expect(await console_.locator('.participants li[data-path="relay"]').count()).toBe(PHONES);
    for (const person of [trainer, ...phones]) {
      expect(person.errors).toEqual([]);
      expect(person.sent.filter((text) => text.includes('Isolated card'))).toEqual([]);
    }
    for (const phone of phones) expectStayedInRoom(phone, baseURL, link);
    for (const person of [...phones, trainer]) await person.context.close();
  }, 240_000);
});

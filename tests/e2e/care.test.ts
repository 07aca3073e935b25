import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  PROJECTOR,
  joinAsPhone,
  newPerson,
  openConsole,
  showWallOnEveryScreen,
  useBrowser,
} from './harness';

const { browser, baseURL } = useBrowser();

const visibleText = (page: Page) => page.locator('main').innerText();

describe('care of the room', () => {
  it('the P key blanks a projector on another device and every phone, and the same key restores them, drafts kept', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await console_.getByRole('button', { name: 'Live room' }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    await console_.getByText('Projector on another device').click();
    const screenLink = (await console_.locator('.projector-link code').textContent()) ?? '';
    const screen = await newPerson(browser(), PROJECTOR);
    await screen.context.grantPermissions(['microphone', 'camera']);
    await screen.page.goto(screenLink.replace(/^https?:\/\/[^/]+\//, baseURL));
    const phone = await joinAsPhone(browser(), link);
    // The card writer is on phones while the wall is on every screen, its content note above it.
    await showWallOnEveryScreen(console_);
    await phone.page.getByRole('region', { name: 'Before this activity' }).waitFor();
    await console_.getByRole('button', { name: 'Live room' }).click();
    const draft = phone.page.getByLabel('What happened? A few words.');
    await draft.fill('Half-written, not sent');
    await expect.poll(() => visibleText(screen.page), { timeout: 20_000 }).not.toBe('');
    const before = await visibleText(screen.page);

    // The key, announced beside the button, pauses from anywhere outside a text field.
    const pauseButton = console_.getByRole('button', { name: 'Pause the room' });
    expect(await pauseButton.getAttribute('aria-keyshortcuts')).toBe('P');
    await console_.getByRole('heading', { name: 'Live room' }).click();
    await console_.keyboard.press('p');
    await expect
      .poll(() => screen.page.locator('[data-paused]').count(), { timeout: 10_000 })
      .toBe(1);
    expect((await visibleText(screen.page)).trim()).toBe('Pause');
    await expect
      .poll(() => phone.page.getByRole('heading', { name: 'Paused' }).count(), { timeout: 10_000 })
      .toBe(1);
    expect(await draft.isVisible()).toBe(false);
    expect(await phone.page.getByRole('button', { name: 'Add the card' }).isVisible()).toBe(false);
    expect(await console_.getByRole('button', { name: 'Restore the room' }).count()).toBe(1);

    // The same key restores: the projector shows what it showed, the phone its draft.
    await console_.getByRole('heading', { name: 'Live room' }).click();
    await console_.keyboard.press('P');
    await expect
      .poll(() => screen.page.locator('[data-paused]').count(), { timeout: 10_000 })
      .toBe(0);
    await expect.poll(() => visibleText(screen.page)).toBe(before);
    await expect.poll(() => draft.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await draft.inputValue()).toBe('Half-written, not sent');
    expect(await phone.page.getByRole('heading', { name: 'Paused' }).count()).toBe(0);

    // And the button does what the key does.
    await console_.getByRole('button', { name: 'Pause the room' }).click();
    await expect
      .poll(() => screen.page.locator('[data-paused]').count(), { timeout: 10_000 })
      .toBe(1);
    await console_.getByRole('button', { name: 'Restore the room' }).click();
    await expect
      .poll(() => screen.page.locator('[data-paused]').count(), { timeout: 10_000 })
      .toBe(0);

    expect([...trainer.errors, ...screen.errors, ...phone.errors]).toEqual([]);
    for (const person of [phone, screen, trainer]) await person.context.close();
  });

  it('a phone passes on a quiz and on a role, asked no reason; its break request reaches the console only, with no name', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await console_.getByRole('button', { name: 'Cases' }).click();
    await console_.getByRole('button', { name: /Case analysis 1/ }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    await console_.getByRole('button', { name: 'Form the groups' }).click();
    await console_.getByRole('button', { name: 'Live room' }).click();
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    // The link carries the console's public key: the break request is sealed to it.
    expect(link).toMatch(/\/f\.[A-Za-z0-9_-]{87}\.[A-Za-z0-9_-]{87}$/);
    await console_.getByRole('button', { name: 'Cases' }).click();
    const projector = await trainer.context.newPage();
    await projector.goto(`${baseURL}#/screen`);
    const [passer, other] = [
      await joinAsPhone(browser(), link),
      await joinAsPhone(browser(), link),
    ];

    // The quiz: one phone would rather not answer; the other answers as before.
    await console_.getByRole('button', { name: 'Open 1.1 alone' }).click();
    for (const phone of [passer, other]) {
      await phone.page.getByRole('combobox', { name: 'Your group' }).waitFor({ timeout: 15_000 });
    }
    await passer.page.getByRole('button', { name: "I'd rather not answer" }).click();
    expect(
      await passer.page
        .getByRole('status')
        .filter({
          hasText: 'You are observing this activity. Nothing is sent, and no reason is asked.',
        })
        .count(),
    ).toBe(1);
    expect(await passer.page.getByRole('combobox', { name: 'Your group' }).count()).toBe(0);
    expect(await passer.page.getByRole('form', { name: 'Situation 1.1' }).count()).toBe(0);
    expect(await other.page.getByRole('combobox', { name: 'Your group' }).count()).toBe(1);

    // The role-play: its content note comes first, with the right to pass beside it.
    await console_.getByRole('button', { name: /Role-play: followed/ }).click();
    await console_.getByRole('button', { name: 'Open the role-play to the room' }).click();
    for (const phone of [passer, other]) {
      const note = phone.page.getByRole('region', { name: 'Before this activity' });
      await note.waitFor({ timeout: 15_000 });
      expect(await note.textContent()).toContain('followed in the street');
      expect(await note.getByRole('button', { name: "I'd rather observe" }).count()).toBe(1);
      expect(
        await phone.page.getByRole('button', { name: 'Take part in the role-play' }).count(),
      ).toBe(0);
      await note.getByRole('button', { name: 'Continue' }).click();
      // A phone that passed on the quiz has no group yet: it names one to take part.
      const group = phone.page.getByRole('combobox', { name: 'Your group' });
      if ((await group.count()) > 0) await group.selectOption({ index: 1 });
      await phone.page.getByRole('button', { name: 'Take part in the role-play' }).click();
    }
    const cast = console_.getByRole('list', { name: 'Who plays whom' });
    await expect.poll(() => cast.getByRole('listitem').count(), { timeout: 10_000 }).toBe(2);
    // Passing on the role takes the phone out of the cast: no role can be given to it.
    const rolePlay = passer.page.getByRole('region', { name: /^Role-play/ });
    await rolePlay.getByRole('button', { name: "I'd rather observe" }).click();
    await expect.poll(() => cast.getByRole('listitem').count(), { timeout: 10_000 }).toBe(1);
    expect(await passer.page.getByText('You are observing the role-play').count()).toBe(1);
    // It may change its mind.
    await rolePlay.getByRole('button', { name: 'Take part after all' }).click();
    expect(
      await passer.page.getByRole('button', { name: 'Take part in the role-play' }).count(),
    ).toBe(1);

    // "I need a break": the console counts it, and says nothing of who.
    const waiting = 'People who asked for a break, names unknown: 1';
    // The request rides the phone's next re-seal of its care slot (every 15 s, request or not).
    await passer.page.getByRole('button', { name: 'I need a break' }).click();
    expect(await passer.page.getByRole('status').allTextContents()).toContain(
      'Sending, with no name…',
    );
    await expect
      .poll(() => passer.page.getByRole('status').allTextContents(), { timeout: 20_000 })
      .toContain(
        'The facilitator knows that someone needs a break. Nobody else is told, and not who.',
      );
    await expect.poll(() => console_.getByText(waiting).count(), { timeout: 10_000 }).toBe(1);
    // Only the console: not the other phone, not the projector.
    await other.page.waitForTimeout(1_000);
    for (const page of [other.page, projector]) {
      expect(await page.locator('body').innerText()).not.toContain('asked for a break');
      expect(await page.locator('body').innerText()).not.toContain('needs a break');
    }
    await console_.getByRole('button', { name: 'Seen' }).click();
    await expect.poll(() => console_.getByText(waiting).count()).toBe(0);

    expect([...trainer.errors, ...passer.errors, ...other.errors]).toEqual([]);
    for (const person of [passer, other, trainer]) await person.context.close();
  });
});

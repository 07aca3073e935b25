import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAdmission } from '../../server/admission.js';
import { createWorkshopServer } from '../../server/app.js';
import {
  PHONE,
  newPerson,
  openConsole,
  passWelcome,
  showWallOnEveryScreen,
  useBrowser,
  withoutWebRtc,
  type Person,
  openTheWall,
} from './harness';

const { browser, baseURL } = useBrowser();
const statusOf = (page: Page) => page.locator('[data-status]').getAttribute('data-status');

/** A phone without WebRTC: everything it hears comes through the laptop, so a cut is a cut. */
async function relayedPhone(link: string): Promise<Person> {
  const person = await newPerson(browser(), PHONE);
  await person.context.grantPermissions(['microphone', 'camera']);
  await withoutWebRtc(person.context);
  await person.page.goto(link);
  await expect.poll(() => statusOf(person.page), { timeout: 20_000 }).toBe('connected');
  await passWelcome(person.page);
  return person;
}

/** A live room with the wall on every screen (phones write cards), the console on the room's panel. */
async function openRoom(console_: Page): Promise<string> {
  await console_.getByRole('button', { name: 'Live room' }).click();
  await console_.getByRole('button', { name: 'Open a live room' }).click();
  await openTheWall(console_);
  await showWallOnEveryScreen(console_);
  await console_.getByRole('button', { name: 'Live room' }).click();
  return (await console_.locator('.join-link code').textContent()) ?? '';
}

describe('phones stay joined', () => {
  it('a phone that loses the laptop says why within 10 s, keeps its card as not sent yet, and sends it on return', async () => {
    // The same run's admission secret after the restart, as npm start keeps it.
    const admission = createAdmission();
    let workshop = createWorkshopServer({ dist: 'dist', admission, signaling: { log: () => {} } });
    const port = await workshop.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${port}/`;
    const trainer = await openConsole(browser(), base);
    const console_ = trainer.page;
    const link = await openRoom(console_);
    const phone = await relayedPhone(link);
    const help = phone.page.getByRole('alert');

    await workshop.close();
    const lostAt = Date.now();
    await expect
      .poll(() => help.getByRole('heading').textContent(), { timeout: 10_000 })
      .toBe("This phone cannot reach the facilitator's laptop.");
    const explainedAfterMs = Date.now() - lostAt;
    expect(explainedAfterMs).toBeLessThan(10_000);
    const advice = (await help.textContent()) ?? '';
    expect(advice).toContain("workshop's Wi-Fi");
    expect(advice).toContain('workshop server running');
    // Chromium's words for its certificate warning, and the fingerprint to compare.
    expect(advice).toContain('tap “Advanced”, then “Proceed”');
    expect(advice).toContain('first four groups');

    await phone.page.getByLabel('What happened? A few words.').fill('Written while cut off');
    await phone.page.getByRole('button', { name: 'Add the card' }).click();
    // The card is on the phone among its own, marked as not sent yet.
    const card = phone.page
      .getByRole('region', { name: 'Your cards', exact: true })
      .getByRole('listitem')
      .filter({ hasText: 'Written while cut off' });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain('Not sent yet');
    const unsent = phone.page.getByText('Not sent yet', { exact: true });
    expect(await unsent.count()).toBe(1);

    workshop = createWorkshopServer({ dist: 'dist', admission, signaling: { log: () => {} } });
    await workshop.listen(port, '127.0.0.1');
    const backAt = Date.now();
    await expect
      .poll(() => console_.getByText('Incident cards in the room: 1').count(), { timeout: 10_000 })
      .toBe(1);
    await expect.poll(() => unsent.count(), { timeout: 10_000 }).toBe(0);
    expect(await card.count()).toBe(1);
    expect(await phone.page.getByText('Back in the room.').count()).toBe(1);
    expect(await help.count()).toBe(0);
    expect(Date.now() - backAt).toBeLessThan(10_000);

    for (const person of [trainer, phone]) {
      expect(person.errors).toEqual([]);
      await person.context.close();
    }
    await workshop.close();
    console.info(`explanation shown ${explainedAfterMs} ms after the laptop went away`);
  }, 90_000);

  it('a phone frozen for 60 s mid-activity is back in the room and caught up within 5 s of waking', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await console_.getByRole('button', { name: 'Cases' }).click();
    await console_.getByRole('button', { name: /Case analysis 1/ }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    await console_.getByRole('button', { name: 'Form the groups' }).click();
    await console_.getByRole('button', { name: 'Live room' }).click();
    await openTheWall(console_);
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    const sleeper = await relayedPhone(link);
    const other = await relayedPhone(link);
    await console_.getByRole('button', { name: 'Cases' }).click();
    await console_.getByRole('button', { name: 'Open 1.1 alone' }).click();
    await expect
      .poll(() => sleeper.page.getByRole('combobox', { name: 'Your group' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    for (const phone of [sleeper, other]) {
      await phone.page
        .getByRole('combobox', { name: 'Your group' })
        .selectOption({ label: 'Group 1' });
    }
    await sleeper.page.getByRole('form', { name: 'Situation 1.1' }).waitFor();

    // The phone's screen goes off mid-activity: its JavaScript stops and its Wi-Fi goes.
    // (Headless Chromium ignores Page.setWebLifecycleState 'frozen' on a visible page: its
    // timers kept running. Pausing the page in the debugger stops every task as freezing does.)
    const cdp = await sleeper.context.newCDPSession(sleeper.page);
    await cdp.send('Debugger.enable');
    await cdp.send('Debugger.pause');
    await sleeper.context.setOffline(true);
    // Meanwhile the rest of its group answers.
    const answer = other.page.getByRole('form', { name: 'Situation 1.1' });
    await answer.getByRole('radio', { name: /^B / }).check();
    await answer.getByRole('button', { name: 'Send our answer' }).click();
    await new Promise((done) => setTimeout(done, 60_000));
    await sleeper.context.setOffline(false);
    await cdp.send('Debugger.resume');
    await cdp.send('Debugger.disable');
    const wokeAt = Date.now();

    await expect
      .poll(() => sleeper.page.locator('.phone-quiz__current').textContent(), { timeout: 5_000 })
      .toContain("Your group's answer: B");
    await expect
      .poll(() => sleeper.page.getByText('Back in the room.').count(), { timeout: 5_000 })
      .toBe(1);
    // The console had timed its presence out (30 s): it is on the list again.
    await console_.getByRole('button', { name: 'Live room' }).click();
    await expect
      .poll(() => console_.locator('.live-room__count').textContent(), { timeout: 5_000 })
      .toContain('2');
    const resumedAfterMs = Date.now() - wokeAt;
    expect(resumedAfterMs).toBeLessThan(5_000);
    // And it goes on with the activity: the situation is still there to answer, for its group.
    const form = sleeper.page.getByRole('form', { name: 'Situation 1.1' });
    await form.getByRole('radio', { name: /^A / }).check();
    await form.getByRole('button', { name: 'Send our answer' }).click();
    await expect
      .poll(() => other.page.locator('.phone-quiz__current').textContent(), { timeout: 10_000 })
      .toContain("Your group's answer: A");

    for (const person of [trainer, sleeper, other]) {
      expect(person.errors).toEqual([]);
      await person.context.close();
    }
    console.info(`frozen phone caught up ${resumedAfterMs} ms after waking`);
  }, 150_000);
});

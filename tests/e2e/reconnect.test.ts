import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAdmission } from '../../server/admission.js';
import { createWorkshopServer } from '../../server/app.js';
import {
  PHONE,
  PROJECTOR,
  newPerson,
  openYourCards,
  passWelcome,
  showWallOnEveryScreen,
  useBrowser,
  withoutWebRtc,
  type Person,
  openTheWall,
} from './harness';

const { browser } = useBrowser();
const statusOf = (page: Page) => page.locator('[data-status]').getAttribute('data-status');

/** A phone without WebRTC: all it hears goes through the laptop, so an outage really cuts it off. */
async function relayedPhone(b: Browser, link: string): Promise<Person> {
  const person = await newPerson(b, PHONE);
  await person.context.grantPermissions(['microphone', 'camera']);
  await withoutWebRtc(person.context);
  await person.page.goto(link);
  return person;
}

describe('the laptop’s server stops and comes back mid-workshop', () => {
  it('edits made on both sides during the outage reach everyone within 10 s of its return', async () => {
    // The same run's admission secret after the restart, as npm start keeps it (12 hours).
    const admission = createAdmission();
    let workshop = createWorkshopServer({ dist: 'dist', admission, signaling: { log: () => {} } });
    const port = await workshop.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${port}/`;
    const b = browser();
    const trainer = await newPerson(b, PROJECTOR);
    await trainer.context.grantPermissions(['microphone', 'camera']);
    const console_ = trainer.page;
    await console_.goto(base);
    await console_.getByRole('button', { name: 'Cases' }).click();
    await console_.getByRole('button', { name: /Role-play: followed/ }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    await showWallOnEveryScreen(console_);
    await console_.getByRole('button', { name: 'Live room' }).click();
    await openTheWall(console_);
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    const phone = await relayedPhone(b, link);
    await expect.poll(() => statusOf(phone.page), { timeout: 20_000 }).toBe('connected');
    await passWelcome(phone.page);
    await phone.page.getByLabel('What happened? A few words.').waitFor();

    await workshop.close();
    await expect.poll(() => statusOf(phone.page), { timeout: 20_000 }).toBe('reconnecting');
    // During the outage: the phone writes a card, the console opens the role-play.
    await phone.page.getByLabel('What happened? A few words.').fill('Written during the outage');
    await phone.page.getByRole('button', { name: 'Add the card' }).click();
    await console_.getByRole('button', { name: 'Cases' }).click();
    await console_.getByRole('button', { name: /Role-play: followed/ }).click();
    await console_.getByRole('button', { name: 'Open the role-play to the room' }).click();
    await console_.getByRole('button', { name: 'Live room' }).click();

    workshop = createWorkshopServer({ dist: 'dist', admission, signaling: { log: () => {} } });
    await workshop.listen(port, '127.0.0.1');
    const back = Date.now();
    await expect
      .poll(() => console_.getByText('Incident cards in the room: 1').count(), { timeout: 10_000 })
      .toBe(1);
    await expect
      // The role-play opens with its content note (then "Take part in the role-play").
      .poll(() => phone.page.getByRole('region', { name: 'Before this activity' }).count(), {
        timeout: Math.max(1, 10_000 - (Date.now() - back)),
      })
      .toBe(1);
    expect(Date.now() - back).toBeLessThan(10_000);
    expect(await statusOf(phone.page)).toBe('connected');
    // Code asked for during the outage (the phone's card list) comes once the server is back;
    // the role-play moved the phone on, its cards are one tap away.
    await openYourCards(phone.page);
    await expect
      .poll(() => phone.page.getByText('Written during the outage').count(), {
        timeout: Math.max(1, 10_000 - (Date.now() - back)),
      })
      .toBeGreaterThan(0);
    expect(await phone.page.locator('.page-failed').count()).toBe(0);

    for (const person of [trainer, phone]) {
      expect(person.errors).toEqual([]);
      await person.context.close();
    }
    await workshop.close();
  }, 120_000);
});

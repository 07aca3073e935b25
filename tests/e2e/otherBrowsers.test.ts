import { describe, expect, it } from 'vitest';
import { openConsole, showWallOnEveryScreen, useBrowser, openTheWall } from './harness';
import {
  button,
  field,
  firefoxPhone,
  radio,
  select,
  webkitPhone,
  type RemotePhone,
} from './otherBrowsers';

const { browser, baseURL } = useBrowser();

const statusOf = (phone: RemotePhone) =>
  phone.run<string | null>(
    "return document.querySelector('[data-status]')?.getAttribute('data-status') ?? null",
  );
const pageText = (phone: RemotePhone) => phone.run<string>('return document.body.innerText');

describe('phones that are not Chromium', () => {
  it('a Firefox phone and a WebKitGTK phone (no WebRTC: relayed) join, write a card, answer a situation and see the room close at erase', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await console_.getByRole('button', { name: 'Cases' }).click();
    await console_.getByRole('button', { name: /Case analysis 1/ }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    await console_.getByRole('button', { name: 'Form the groups' }).click();
    // The wall on every screen: the phones' first activity is the card writer.
    await showWallOnEveryScreen(console_);
    await console_.getByRole('button', { name: 'Live room' }).click();
    await openTheWall(console_);
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    const projector = await trainer.context.newPage();
    await projector.goto(`${baseURL}#/screen`);

    // One process each, started side by side: they take a while on a loaded machine.
    const [firefox, webkit] = await Promise.all([firefoxPhone(), webkitPhone()]);
    try {
      const phones = [
        { phone: firefox, name: 'Fox', group: 'Group 1', choice: 'A' },
        { phone: webkit, name: 'Kit', group: 'Group 2', choice: 'B' },
      ];
      for (const { phone } of phones) await phone.goto(link);
      for (const { phone } of phones) {
        await expect.poll(() => statusOf(phone), { timeout: 30_000 }).toBe('connected');
      }
      expect(await webkit.run<string>('return typeof RTCPeerConnection')).toBe('undefined');
      for (const { phone } of phones) await phone.click(button('Go to the workshop'));

      // Each gives a name, so the console's list tells them apart, and writes a card.
      for (const { phone, name } of phones) {
        await phone.type(field('Your name (optional)'), name);
        await phone.type(field('What happened? A few words.'), `${phone.name} phone card`);
        await phone.click(button('Add the card'));
      }
      await expect
        .poll(() => console_.getByText(/Incident cards in the room: \d+/).textContent(), {
          timeout: 15_000,
        })
        .toBe('Incident cards in the room: 2');
      const row = (name: string) => console_.locator('.participants li', { hasText: name });
      await expect
        .poll(() => row('Kit').getAttribute('data-path'), { timeout: 10_000 })
        .toBe('relay');
      await expect.poll(() => row('Fox').count(), { timeout: 10_000 }).toBe(1);
      for (const { phone } of phones) {
        await expect
          .poll(() => pageText(phone), { timeout: 15_000 })
          .toContain('Cards on the wall: 2');
      }

      // A situation of the quiz, answered by each for its group.
      await console_.getByRole('button', { name: 'Cases' }).click();
      await console_.getByRole('button', { name: /Case analysis 1/ }).click();
      await console_.getByRole('button', { name: 'Open 1.1 alone' }).click();
      for (const { phone, group, choice } of phones) {
        await phone.choose(select('Your group'), group);
        await phone.click(radio(`${choice} `));
        await phone.type(field('Why? A few words for your group'), `Because ${phone.name}`);
        await phone.click(button('Send our answer'));
        await expect
          .poll(() => pageText(phone), { timeout: 10_000 })
          .toContain(`Your group's answer: ${choice}`);
      }
      await expect
        .poll(() => projector.locator('.quiz-screen__waiting').textContent(), { timeout: 15_000 })
        .toBe('2 of 4 groups have answered.');

      // Erase: each phone is told the room is closed.
      await console_.getByRole('button', { name: 'Live room' }).click();
      await console_.getByRole('button', { name: 'Erase the room…' }).click();
      await console_.getByRole('button', { name: 'Erase everything' }).click();
      for (const { phone } of phones) {
        await expect.poll(() => statusOf(phone), { timeout: 15_000 }).toBe('closed');
      }
      expect(firefox.errors).toEqual([]);
      expect(trainer.errors).toEqual([]);
    } finally {
      await Promise.all([firefox.close(), webkit.close()]);
      await trainer.context.close();
    }
  }, 180_000);
});

/**
 * What only the console may set, and the join code's life:
 * - a projector on another device (which the laptop's server does not tell the
 *   certificate) shows the same fingerprint as the console, from the room;
 * - "New join code" retires a photographed code: the old one joins nothing,
 *   phones already in stay in (a reload too), the projector shows the new code;
 *   and each browser context has its own code tries;
 * - a key holder's forged pause and moderation decision are obeyed by no page;
 * - a phone that reloaded after writing a card still opens the edit proposed to it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createWorkshopServer } from '../../server/app.js';
import { loadCertificate } from '../../server/certificate.js';
import {
  PHONE,
  PROJECTOR,
  joinAsPhone,
  linkParts,
  newPerson,
  openConsole,
  passWelcome,
  showWallOnEveryScreen,
  useBrowser,
  withoutWebRtc,
  openOwnIncidentsCase,
} from './harness';
import { nodePeer } from './nodePeer';
import { readSealedRecords } from '../../src/sync/privateLayer/sealedSchema';

const { browser, baseURL } = useBrowser();

const statusOf = (page: Page) => page.locator('[data-status]').getAttribute('data-status');

/** Opens a room from the Live room panel, or (`fromCase`) from the case the console has open. */
async function openLiveRoom(
  console_: Page,
  fromCase = false,
): Promise<{ link: string; code: string }> {
  if (!fromCase) await console_.getByRole('button', { name: 'Live room' }).click();
  await console_.getByRole('button', { name: 'Open a live room' }).click();
  if (fromCase) await console_.getByRole('button', { name: 'Live room' }).click();
  const link = (await console_.locator('.join-link code').textContent()) ?? '';
  const shown = (await console_.locator('.join-code-shown code').textContent()) ?? '';
  return { link, code: shown.replace('-', '') };
}

async function joinByCode(page: Page, base: string, code: string): Promise<void> {
  await page.goto(`${base}#/c/${code}`);
  await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('connected');
}

describe('what only the console may set', () => {
  it('a projector on another device shows the certificate fingerprint the console shows', async () => {
    const certificate = await loadCertificate({
      folder: mkdtempSync(join(tmpdir(), 'swk-cert-')),
      addresses: ['127.0.0.1'],
    });
    const workshop = createWorkshopServer({
      dist: 'dist',
      tls: certificate,
      signaling: { log: () => {} },
    });
    const port = await workshop.listen(0, '127.0.0.1');
    const base = `https://127.0.0.1:${port}/`;
    try {
      const trainer = await newPerson(browser(), PROJECTOR, { ignoreHTTPSErrors: true });
      await trainer.context.grantPermissions(['microphone', 'camera']);
      await trainer.page.goto(base);
      const { code } = await openLiveRoom(trainer.page);
      const onConsole = trainer.page.locator('.certificate-fingerprint code');
      await onConsole.waitFor();
      const groups = (await onConsole.textContent()) ?? '';
      expect(groups).toMatch(/^[0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}$/);
      expect(groups.replace(/ /g, '')).toBe(certificate.fingerprint.replace(/:/g, '').slice(0, 16));
      // A new room opens on the join screen: the trainer need not ask for it.

      // Another device: the laptop's server tells it nothing about itself (403, as to any
      // address on the network), so the fingerprint it shows can only come from the room.
      const screen = await newPerson(browser(), PROJECTOR, { ignoreHTTPSErrors: true });
      await screen.context.route('**/workshop.json', (route) => route.fulfill({ status: 403 }));
      await screen.page.goto(`${base}#/screen/c/${code}`);
      await expect
        .poll(() => screen.page.locator('.join-screen__code').textContent(), { timeout: 20_000 })
        .toBe(`${code.slice(0, 4)}-${code.slice(4)}`);
      await expect
        .poll(() => screen.page.locator('.join-screen__fingerprint span').textContent(), {
          timeout: 10_000,
        })
        .toBe(groups);
      expect(screen.errors).toEqual([]);
      await screen.context.close();
      await trainer.context.close();
    } finally {
      await workshop.close();
    }
  });

  it('a new join code retires the old one: it joins nothing, phones already in stay in, the projector shows the new one', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    const { code: oldCode } = await openLiveRoom(console_);
    const projector = await trainer.context.newPage();
    await projector.goto(`${baseURL}#/screen`);
    // A new room opens on the join screen: the trainer need not ask for it.
    const formatted = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;
    await expect
      .poll(() => projector.locator('.join-screen__code').textContent(), { timeout: 10_000 })
      .toBe(formatted(oldCode));

    const inside = await newPerson(browser(), PHONE);
    await inside.context.grantPermissions(['microphone', 'camera']);
    await joinByCode(inside.page, baseURL, oldCode);

    await console_.getByRole('button', { name: 'New join code' }).click();
    await expect
      .poll(() => console_.getByRole('status').filter({ hasText: 'New room code' }).count())
      .toBe(1);
    const newShown = (await console_.locator('.join-code-shown code').textContent()) ?? '';
    const newCode = newShown.replace('-', '');
    expect(newCode).toMatch(/^[ACDEFHJKMNPRTWXY34679]{8}$/);
    expect(newCode).not.toBe(oldCode);
    await expect
      .poll(() => projector.locator('.join-screen__code').textContent(), { timeout: 10_000 })
      .toBe(newShown);

    // The phone already in stays in; its address moved to the new code, so a reload joins.
    expect(await statusOf(inside.page)).toBe('connected');
    await expect
      .poll(() => new URL(inside.page.url()).hash, { timeout: 10_000 })
      .toBe(`#/c/${newCode}`);
    await inside.page.reload();
    await expect.poll(() => statusOf(inside.page), { timeout: 20_000 }).toBe('connected');

    // Whoever photographed the old code: nobody answers it any more.
    const photographer = await newPerson(browser(), PHONE);
    await photographer.page.goto(`${baseURL}#/c/${oldCode}`);
    await expect
      .poll(() => photographer.page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain('No room answers to this code');

    // A guesser in its own browser context spends its own 10 tries, nobody else's.
    const guesser = await newPerson(browser(), PHONE);
    await guesser.page.goto(`${baseURL}#/c`);
    const statuses = await guesser.page.evaluate(async () => {
      const out: number[] = [];
      for (let i = 0; i < 11; i += 1) {
        const topic = btoa(String(i).padStart(16, 'x')).replace(/=+$/, '').slice(0, 22);
        const response = await fetch('join-code/ask', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ topic: topic.padEnd(22, 'A'), key: 'A'.repeat(87) }),
        });
        out.push(response.status);
      }
      return out;
    });
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses[10]).toBe(429);
    const newcomer = await newPerson(browser(), PHONE);
    await newcomer.context.grantPermissions(['microphone', 'camera']);
    await joinByCode(newcomer.page, baseURL, newCode);

    expect(trainer.errors).toEqual([]);
    expect(inside.errors).toEqual([]);
    for (const person of [guesser, photographer, newcomer, inside, trainer]) {
      await person.context.close();
    }
  });

  it('a key holder’s forged pause and moderation decision are obeyed by no page; the console’s are', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await openOwnIncidentsCase(console_);
    const { link } = await openLiveRoom(console_, true);
    const { room, key, admission } = linkParts(link);
    await console_.getByText('Projector on another device').click();
    const screenLink = (await console_.locator('.projector-link code').textContent()) ?? '';
    const screen = await newPerson(browser(), PROJECTOR);
    await screen.context.grantPermissions(['microphone', 'camera']);
    await screen.page.goto(screenLink.replace(/^https?:\/\/[^/]+\//, baseURL));

    const hostile = await nodePeer(baseURL, room, key, admission);
    // A relayed phone: it hears the hostile peer's changes through the laptop's relay.
    const phone = await newPerson(browser(), PHONE);
    await withoutWebRtc(phone.context);
    await phone.page.goto(link);
    await expect.poll(() => statusOf(phone.page), { timeout: 20_000 }).toBe('connected');
    await passWelcome(phone.page);
    await showWallOnEveryScreen(console_);
    await phone.page.getByLabel('What happened? A few words.').fill('Followed by a grey car');
    await phone.page.getByRole('radio', { name: /^Red/ }).check();
    await phone.page.getByRole('button', { name: 'Add the card' }).click();
    const ownCards = phone.page.getByRole('region', { name: 'Your sealed cards' });
    await expect
      .poll(() => ownCards.textContent(), { timeout: 15_000 })
      .toContain('with the facilitator');
    // Each phone also keeps a sealed care slot (a break request or none): only cards count here.
    const sealedCards = () =>
      readSealedRecords(hostile.doc).items.filter((record) => record.kind === 'card');
    await expect.poll(() => sealedCards().length, { timeout: 15_000 }).toBe(1);
    const cardId = sealedCards()[0]?.id ?? '';

    // The forgeries: the pause, and "kept private" on the phone's card, as the unsigned
    // values any key holder can write (the console's own shape, without its signature).
    const now = Date.now();
    hostile.doc.transact(() => {
      hostile.doc.getMap('care').set('pause', { paused: true, at: now });
      hostile.doc
        .getMap('moderation')
        .set(cardId, { id: cardId, state: 'private', decidedAt: now });
    });
    // Give every page time to act on them, then look: none did.
    await phone.page.waitForTimeout(2_000);
    expect(await screen.page.locator('[data-paused]').count()).toBe(0);
    expect(await phone.page.getByRole('heading', { name: 'Paused' }).count()).toBe(0);
    expect(await ownCards.textContent()).toContain('with the facilitator');
    expect(await ownCards.textContent()).not.toContain('kept by the facilitator');
    expect(await console_.locator('.moderation').textContent()).toContain('Followed by a grey car');
    await console_.getByRole('button', { name: 'Live room' }).click();
    await expect
      .poll(
        () =>
          console_
            .getByText(/Settings refused because this console did not sign them: [1-9]/)
            .count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    // The console took the forged pause out of the room's document: a page that joins later reads none.
    await expect
      .poll(
        () =>
          (hostile.doc.getMap('care').get('pause') as { paused?: boolean } | undefined)?.paused ??
          false,
        {
          timeout: 10_000,
        },
      )
      .toBe(false);

    // The console's own pause is obeyed everywhere.
    await console_.getByRole('button', { name: 'Pause the room' }).click();
    await expect
      .poll(() => screen.page.locator('[data-paused]').count(), { timeout: 10_000 })
      .toBe(1);
    await expect
      .poll(() => phone.page.getByRole('heading', { name: 'Paused' }).count(), { timeout: 10_000 })
      .toBe(1);
    await console_.getByRole('button', { name: 'Restore the room' }).click();
    await expect
      .poll(() => phone.page.getByRole('heading', { name: 'Paused' }).count(), { timeout: 10_000 })
      .toBe(0);

    hostile.close();
    expect(trainer.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
    expect(screen.errors).toEqual([]);
    for (const person of [phone, screen, trainer]) await person.context.close();
  });

  it('a phone that reloaded after writing its card still opens the edit proposed to it', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await openOwnIncidentsCase(console_);
    const { link } = await openLiveRoom(console_, true);
    const phone = await joinAsPhone(browser(), link);
    await showWallOnEveryScreen(console_);
    await phone.page.getByLabel('What happened? A few words.').fill('Followed home by a grey car');
    await phone.page.getByRole('radio', { name: /^Red/ }).check();
    await phone.page.getByRole('button', { name: 'Add the card' }).click();
    const queue = console_.locator('.moderation');
    await expect
      .poll(() => queue.getByRole('heading', { level: 3 }).textContent(), { timeout: 15_000 })
      .toBe('Waiting for you: 1');

    // The phone reloads (a dropped tab, a restart of the browser's page) after sending.
    await phone.page.reload();
    await expect.poll(() => statusOf(phone.page), { timeout: 20_000 }).toBe('connected');

    const card = queue.getByRole('listitem', { name: 'Card: Followed home by a grey car' });
    await card.getByRole('button', { name: 'Propose an edit' }).click();
    await card.getByLabel('Your wording for the wall').fill('Followed home by a car');
    await card.getByRole('button', { name: 'Ask the author' }).click();
    const proposal = phone.page.getByRole('group', {
      name: 'The facilitator suggests this wording for the wall:',
    });
    await expect
      .poll(() => proposal.textContent(), { timeout: 15_000 })
      .toContain('Followed home by a car');
    await proposal.getByRole('button', { name: 'Publish this wording' }).click();
    await expect
      .poll(() => console_.locator('.moderation').textContent(), { timeout: 15_000 })
      .not.toContain('Waiting for the author: 1');
    await expect
      .poll(() => phone.page.getByText('Followed home by a car').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
    await trainer.context.close();
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  PHONE,
  PROJECTOR,
  linkParts,
  newPerson,
  openYourCards,
  passWelcome,
  showWallOnEveryScreen,
  useBrowser,
  withoutWebRtc,
  type Person,
  openTheWall,
  openWallSetting,
  passPrivacyNoticeIfShown,
  writeCard as writeChosenCard,
} from './harness';

const { browser, baseURL } = useBrowser();
const wsURL = baseURL.replace('http://', 'ws://');

/** A participant's phone: its own browser context, WebRTC on unless told otherwise, past the welcome. */
async function phone(
  b: Browser,
  link: string,
  options: { noWebRtc?: boolean; welcome?: 'pass' | 'none' } = {},
): Promise<Person> {
  const person = await newPerson(b, PHONE);
  await person.context.grantPermissions(['microphone', 'camera']);
  if (options.noWebRtc) await withoutWebRtc(person.context);
  await person.page.goto(link);
  if (options.welcome !== 'none') await passWelcome(person.page);
  return person;
}

const statusOf = (page: Page) => page.locator('[data-status]').getAttribute('data-status');
const wallCount = (page: Page) => page.locator('.wall-count').textContent();

async function writeCard(page: Page, text: string, severity: 'Red' | 'Yellow' | 'Green') {
  await page.getByLabel('What happened? A few words.').fill(text);
  await page.getByRole('radio', { name: new RegExp(`^${severity}`) }).check();
  await page.getByRole('button', { name: 'Add the card' }).click();
}

describe('a live room across devices', () => {
  it('syncs phones, projector and console, relays a phone without WebRTC, survives a reload and erases', async () => {
    const b = browser();
    const trainer = await newPerson(b, PROJECTOR);
    await trainer.context.grantPermissions(['microphone', 'camera']);
    const console_ = trainer.page;
    await console_.goto(baseURL);
    await console_.getByRole('button', { name: 'Live room' }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    await openTheWall(console_);
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    // Room id, key, this run's admission secret and the console's public key (the private
    // layer's): all in the fragment, never sent.
    expect(link).toMatch(
      /#\/join\/[A-Za-z0-9_-]{22}\/[A-Za-z0-9_-]{22}\/[A-Za-z0-9_-]{24}\/f\.[A-Za-z0-9_-]{87}\.[A-Za-z0-9_-]{87}$/,
    );
    const { key } = linkParts(link);
    await expect
      .poll(() => console_.getByRole('img', { name: 'QR code to join the room' }).count())
      .toBe(1);

    const projector = await trainer.context.newPage();
    await projector.goto(`${baseURL}#/screen`);

    const phones = [await phone(b, link), await phone(b, link), await phone(b, link)];
    for (const p of phones)
      await expect.poll(() => statusOf(p.page), { timeout: 20_000 }).toBe('connected');
    expect(phones[0]?.page.url()).not.toContain(key);
    // The phones write cards once the console puts the wall on every screen.
    await showWallOnEveryScreen(console_);
    await console_.getByRole('button', { name: 'Live room' }).click();

    await writeCard(phones[0]!.page, 'Followed from the office to the bus stop', 'Red');
    for (const p of phones)
      await expect.poll(() => wallCount(p.page), { timeout: 15_000 }).toContain('1');
    await expect
      .poll(() => projector.getByRole('region', { name: 'Incidents of the year' }).textContent(), {
        timeout: 15_000,
      })
      .toContain('Followed from the office to the bus stop');
    await expect
      .poll(() => projector.locator('.wall-card').first().textContent())
      .toContain('Red: serious');

    // A phone that reloads mid-session loses nothing: same room, its own cards still its own.
    await phones[0]!.page.reload();
    await expect.poll(() => statusOf(phones[0]!.page), { timeout: 20_000 }).toBe('connected');
    await expect
      .poll(
        () =>
          phones[0]!.page.getByRole('region', { name: 'Your cards', exact: true }).textContent(),
        {
          timeout: 15_000,
        },
      )
      .toContain('Followed from the office to the bus stop');

    // Nothing stays on a phone unless its user asks; unticking forgets it again.
    const roomDatabases = (page: Page) =>
      page.evaluate(
        async () =>
          (await indexedDB.databases()).filter((d) => d.name?.startsWith('swk-room-')).length,
      );
    const keeper = phones[1]!.page;
    expect(await roomDatabases(keeper)).toBe(0);
    await openYourCards(keeper);
    const keepBox = keeper.getByRole('checkbox', { name: /Keep this room on this phone/ });
    await keepBox.check();
    await expect.poll(() => roomDatabases(keeper)).toBe(1);
    await keepBox.uncheck();
    await expect.poll(() => roomDatabases(keeper)).toBe(0);

    // A phone with no WebRTC at all still takes part, through the relay, and the console says so.
    const relayed = await phone(b, link, { noWebRtc: true });
    await expect.poll(() => statusOf(relayed.page), { timeout: 20_000 }).toBe('connected');
    // It is really relayed (Chromium also has webkitRTCPeerConnection, once left in place),
    // and the console says so beside it within 2 s of its connecting.
    expect(await relayed.page.evaluate(() => 'webkitRTCPeerConnection' in window)).toBe(false);
    await expect
      .poll(() => console_.locator('.participants li[data-path="relay"]').count(), {
        timeout: 2_000,
      })
      .toBe(1);
    expect(await console_.locator('.participants li[data-path="relay"]').textContent()).toContain(
      'relayed through this laptop',
    );
    await expect.poll(() => wallCount(relayed.page), { timeout: 15_000 }).toContain('1');
    await writeCard(relayed.page, 'Van with no number plates outside', 'Yellow');
    await expect
      .poll(() => projector.getByRole('region', { name: 'Incidents of the year' }).textContent(), {
        timeout: 15_000,
      })
      .toContain('Van with no number plates outside');
    await expect.poll(() => wallCount(phones[2]!.page), { timeout: 15_000 }).toContain('2');
    // A card written, then withdrawn: a withdrawal moves no Yjs state vector, so a phone that
    // joins later must still learn of it (from the delete set every catch-up carries).
    await writeCard(relayed.page, 'Written by mistake, then withdrawn', 'Green');
    await expect.poll(() => wallCount(phones[2]!.page), { timeout: 15_000 }).toContain('3');
    await openYourCards(relayed.page);
    await relayed.page
      .getByRole('region', { name: 'Your cards', exact: true })
      .locator('li', { hasText: 'Written by mistake, then withdrawn' })
      .getByRole('button', { name: 'Withdraw', exact: true })
      .click();
    await expect.poll(() => wallCount(phones[2]!.page), { timeout: 15_000 }).toContain('2');
    // The reloaded phone's old presence goes when its page says goodbye, or at the latest
    // when awareness times it out (30 s).
    await expect
      .poll(() => console_.locator('.live-room__count').textContent(), { timeout: 40_000 })
      .toContain('4');

    // A phone that joins late receives everything, the withdrawal too: it shows the two cards
    // (not three), and still two once its relay catch-up has come as well.
    const late = await phone(b, link);
    await expect.poll(() => wallCount(late.page), { timeout: 20_000 }).toBe('Cards on the wall: 2');
    await late.page.waitForTimeout(3_000);
    expect(await wallCount(late.page)).toBe('Cards on the wall: 2');
    expect(await late.page.locator('body').textContent()).not.toContain('Written by mistake');

    // With the wall moderated again, a card waits sealed in the console's queue.
    await openWallSetting(console_).uncheck();
    await expect.poll(() => openWallSetting(console_).isChecked()).toBe(false);
    await passPrivacyNoticeIfShown(late.page, late.page.getByLabel('What happened? A few words.'));
    await writeChosenCard(
      late.page,
      'Someone waited at the door at night',
      'The room, without my name',
    );
    const queueShows = async (text: string) => {
      await console_.getByRole('button', { name: 'Cases', exact: true }).click();
      await console_
        .getByRole('button', { name: /Our own incidents/ })
        .first()
        .click();
      const queue = console_.locator('.moderation');
      await expect
        .poll(() => queue.getByRole('heading', { level: 3 }).textContent(), { timeout: 15_000 })
        .toBe('Waiting for you: 1');
      expect(await queue.textContent()).toContain(text);
      await console_.getByRole('button', { name: 'Live room' }).click();
    };
    await queueShows('Someone waited at the door at night');

    // The console reloads and loses nothing.
    await console_.reload();
    await console_.getByRole('button', { name: 'Live room' }).click();
    await expect
      .poll(() => console_.getByText(/Incident cards in the room: \d+/).textContent(), {
        timeout: 15_000,
      })
      .toBe('Incident cards in the room: 2');

    // A backup of the room, taken before erasing.
    await console_.getByRole('button', { name: 'Export the room to a file' }).click();
    await console_.getByLabel('Who keeps it (a name or a role)').fill('The coordinator');
    const [download] = await Promise.all([
      console_.waitForEvent('download'),
      console_.getByRole('button', { name: 'Export the file' }).click(),
    ]);
    const backup = join(mkdtempSync(join(tmpdir(), 'swk-backup-')), 'room.json');
    await download.saveAs(backup);
    expect(readFileSync(backup, 'utf8')).not.toContain(key);

    // Erase: phones are told, and nothing of the room is left in the console's IndexedDB.
    await keepBox.check(); // this phone keeps the room: erasing must still clear it
    await expect.poll(() => roomDatabases(keeper)).toBe(1);
    await console_.getByRole('button', { name: 'Erase the room…' }).click();
    await console_.getByRole('button', { name: 'Erase everything' }).click();
    await expect
      .poll(() => console_.getByRole('status').first().textContent(), { timeout: 15_000 })
      .toContain('The room was erased');
    for (const p of [...phones, relayed]) {
      await expect.poll(() => statusOf(p.page), { timeout: 15_000 }).toBe('closed');
    }
    const databases = await console_.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.name),
    );
    expect(databases.filter((name) => name?.startsWith('swk-room-'))).toEqual([]);
    expect(await console_.evaluate(() => localStorage.getItem('swk.room'))).toBeNull();
    const roomId = linkParts(link).room;
    const storedAboutRoom = (page: Page) =>
      page.evaluate(
        (id) =>
          [localStorage, sessionStorage].flatMap((storage) =>
            Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').filter(
              (name) => name.includes(id) || (storage.getItem(name) ?? '').includes(id),
            ),
          ),
        roomId,
      );
    expect(await storedAboutRoom(console_)).toEqual([]);
    expect(await console_.evaluate(async () => (await caches.keys()).length)).toBe(0);
    // No connection stays open, on the console or on the phones that were told.
    await expect.poll(() => trainer.openSockets.size, { timeout: 10_000 }).toBe(0);
    for (const p of [...phones, relayed]) {
      await expect.poll(() => p.openSockets.size, { timeout: 10_000 }).toBe(0);
    }
    // The phone that had kept the room holds nothing of it now.
    await expect.poll(() => roomDatabases(keeper)).toBe(0);
    expect(await storedAboutRoom(keeper)).toEqual([]);
    // A reload of the console shows no room.
    await console_.reload();
    await console_.getByRole('button', { name: 'Live room' }).click();
    await expect
      .poll(() => console_.getByRole('button', { name: 'Open a live room' }).count())
      .toBe(1);
    expect(await console_.getByText(/Incident cards in the room/).count()).toBe(0);

    // The backup brings the room's content back, in a new room.
    await console_.getByLabel('Import a room from a file').setInputFiles(backup);
    await expect
      .poll(() => console_.getByText(/Incident cards in the room: \d+/).textContent(), {
        timeout: 15_000,
      })
      .toBe('Incident cards in the room: 2');
    const newLink = (await console_.locator('.join-link code').textContent()) ?? '';
    expect(newLink).not.toContain(key);
    // The sealed card came too, sealed again to the new room's key: its queue opens it.
    await queueShows('Someone waited at the door at night');

    // Nothing went anywhere but the workshop server.
    for (const person of [trainer, ...phones, relayed, late]) {
      const foreign = person.requests.filter(
        (url) => !url.startsWith(baseURL) && !url.startsWith(wsURL),
      );
      expect(foreign).toEqual([]);
    }

    // No page threw along the way.
    const everyone = {
      trainer,
      phone1: phones[0],
      phone2: phones[1],
      phone3: phones[2],
      relayed,
      late,
    };
    for (const [who, person] of Object.entries(everyone))
      expect({ who, errors: person?.errors }).toEqual({ who, errors: [] });

    // The server saw only ciphertext on topics derived from the key: no card text, no key,
    // not even the room id, no SDP fingerprint.
    const frames = readFileSync(inject('framesFile'), 'utf8');
    expect(frames.length).toBeGreaterThan(0);
    for (const secret of [
      'Followed from the office',
      'Van with no number',
      'Someone waited at the door',
      key,
      roomId,
      'fingerprint',
      'a=ice',
    ]) {
      expect(frames.includes(secret), secret).toBe(false);
    }
    for (const person of [trainer, ...phones, relayed, late]) await person.context.close();
  }, 180_000);

  it('a phone with a wrong key gets nothing and says so', async () => {
    const b = browser();
    const trainer = await newPerson(b, PROJECTOR);
    await trainer.page.goto(baseURL);
    await trainer.page.getByRole('button', { name: 'Live room' }).click();
    await trainer.page.getByRole('button', { name: 'Open a live room' }).click();
    await openTheWall(trainer.page);
    const link = (await trainer.page.locator('.join-link code').textContent()) ?? '';
    const honest = await phone(b, link);
    await expect.poll(() => statusOf(honest.page), { timeout: 20_000 }).toBe('connected');
    await showWallOnEveryScreen(trainer.page);
    await writeCard(honest.page, 'Only for the right key', 'Green');

    const { key } = linkParts(link);
    const wrongLink = link.replace(`/${key}/`, '/WRONGwrongWRONGwrong00/');
    const intruder = await phone(b, wrongLink, { welcome: 'none' });
    await expect.poll(() => statusOf(intruder.page), { timeout: 20_000 }).toBe('wrong-key');
    await expect
      .poll(() => intruder.page.getByRole('status').textContent())
      .toContain('does not open this room');
    expect(await intruder.page.content()).not.toContain('Only for the right key');
    for (const person of [trainer, honest, intruder]) expect(person.errors).toEqual([]);
    for (const person of [trainer, honest, intruder]) await person.context.close();
  }, 90_000);
});

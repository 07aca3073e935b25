import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  PHONE,
  expectStayedInRoom,
  joinAsPhone,
  newPerson,
  openConsole,
  passWelcome,
  showWallOnEveryScreen,
  useBrowser,
  withoutWebRtc,
  withoutWebSocket,
  openTheWall,
} from './harness';

const { browser, baseURL } = useBrowser();
const statusOf = (page: Page) => page.locator('[data-status]').getAttribute('data-status');
const wallCount = (page: Page) => page.locator('.wall-count').textContent();

async function writeCard(page: Page, text: string) {
  await page.getByLabel('What happened? A few words.').fill(text);
  await page.getByRole('button', { name: 'Add the card' }).click();
}

describe('a phone whose WebSocket cannot open', () => {
  it('joins over EventSource and fetch, syncs cards both ways and is on the console within 2 s', async () => {
    const b = browser();
    const trainer = await openConsole(b, baseURL);
    const console_ = trainer.page;
    await console_.getByRole('button', { name: 'Live room' }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    await openTheWall(console_);
    await showWallOnEveryScreen(console_);
    await console_.getByRole('button', { name: 'Live room' }).click();
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    const participants = console_.locator('.participants li');

    // Like an iPhone that refuses wss: to the laptop and has no WebRTC (Lockdown Mode).
    const phone = await newPerson(b, PHONE);
    await phone.context.grantPermissions(['microphone', 'camera']);
    await withoutWebSocket(phone.context);
    await withoutWebRtc(phone.context);
    let firstHttpAt = 0;
    phone.page.on('request', (request) => {
      if (!firstHttpAt && request.url().includes('/signal/')) firstHttpAt = Date.now();
    });
    await phone.page.goto(link);
    await expect.poll(() => firstHttpAt, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect
      .poll(() => console_.locator('.participants li[data-path="relay-http"]').count(), {
        timeout: 2_000,
      })
      .toBe(1);
    const listedAfterMs = Date.now() - firstHttpAt;
    expect(listedAfterMs).toBeLessThan(2_000);
    expect(await participants.first().textContent()).toContain('relayed over HTTP');
    await expect.poll(() => statusOf(phone.page), { timeout: 10_000 }).toBe('connected');
    await passWelcome(phone.page);

    // Its card reaches the room; a card from the room reaches it.
    await writeCard(phone.page, 'Phone searched at the checkpoint');
    await expect
      .poll(() => console_.getByText(/Incident cards in the room: \d+/).textContent(), {
        timeout: 10_000,
      })
      .toBe('Incident cards in the room: 1');
    const other = await joinAsPhone(b, link);
    await expect.poll(() => wallCount(other.page), { timeout: 15_000 }).toContain('1');
    await writeCard(other.page, 'Account logged in from abroad');
    await expect.poll(() => wallCount(phone.page), { timeout: 10_000 }).toContain('2');

    // A phone with WebRTC whose WebSocket fails signals over HTTP and links up directly.
    const direct = await newPerson(b, PHONE);
    await direct.context.grantPermissions(['microphone', 'camera']);
    await withoutWebSocket(direct.context);
    await direct.page.goto(link);
    await passWelcome(direct.page);
    await expect.poll(() => wallCount(direct.page), { timeout: 20_000 }).toContain('2');
    await expect
      .poll(() => console_.locator('.participants li[data-path="direct"]').count(), {
        timeout: 20_000,
      })
      .toBe(2);

    // Nothing went by WebSocket from the phones that have none; what went by HTTP was sealed.
    for (const person of [phone, direct]) {
      expect(person.openSockets.size).toBe(0);
      expect(person.sent.some((text) => text.includes('/signal/send/'))).toBe(true);
      expect(person.sent.filter((text) => text.includes('checkpoint'))).toEqual([]);
      expectStayedInRoom(person, baseURL, link);
    }
    for (const person of [trainer, phone, other, direct]) {
      expect(person.errors).toEqual([]);
      await person.context.close();
    }
    console.info(`HTTP phone on the console's list ${listedAfterMs} ms after its first request`);
  }, 120_000);
});

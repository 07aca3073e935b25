/**
 * An isolated Wi-Fi, measured: phones without WebRTC, so every change goes through the
 * laptop's relay. Each phone in turn writes a card; the figure is the time from its submit
 * to the console showing one more card (both read from pages of one machine's clock).
 */
import type { Browser, Page } from 'playwright-core';
import { openWall } from './benchServer';

export type RelayedRun = {
  /** Phones the console listed as relayed once they had all joined. */
  relayed: number;
  /** Write on a phone to the console showing it, in ms, one per card. */
  latencies: number[];
};

/** In the console: when each new count of the room's cards first shows. A string: no TS helpers in the page. */
const WATCH_CONSOLE = `(() => {
  const seen = {};
  window.__seen = seen;
  const read = () => {
    const match = /Incident cards in the room: (\\d+)/.exec(document.body.textContent ?? '');
    if (match && !(match[1] in seen)) seen[match[1]] = Date.now();
  };
  new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
  read();
})()`;

/** In a phone: the moment it submits a card, before any network or render work. */
const WATCH_PHONE = `document.addEventListener('submit', () => { window.__sentAt = Date.now(); }, true)`;

async function relayedPhone(browser: Browser, link: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.grantPermissions(['microphone', 'camera']);
  // No WebRTC constructor simple-peer could find: the phone can only be relayed.
  await context.addInitScript(() => {
    for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'mozRTCPeerConnection'])
      delete (window as unknown as Record<string, unknown>)[name];
  });
  const page = await context.newPage();
  await page.goto(link);
  await page.locator('[data-status="connected"]').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Go to the workshop' }).click({ timeout: 20_000 });
  await page.evaluate(WATCH_PHONE);
  return page;
}

/**
 * Opens a room on a console at `base`, joins `phones` relayed phones, and has each write
 * `rounds` cards in turn, one at a time.
 */
export async function measureRelayedWrites(
  browser: Browser,
  base: string,
  { phones = 10, rounds = 2 }: { phones?: number; rounds?: number } = {},
): Promise<RelayedRun> {
  const consoleContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const console_ = await consoleContext.newPage();
  await console_.goto(base);
  await console_.getByRole('button', { name: 'Live room' }).click();
  await console_.getByRole('button', { name: 'Open a live room' }).click();
  const link = (await console_.locator('.join-link code').textContent()) ?? '';
  // The wall on every screen: phones then show the card writer.
  await console_.getByRole('button', { name: 'Cases', exact: true }).click();
  await console_
    .getByRole('button', { name: /Our own incidents/ })
    .first()
    .click();
  await console_.getByRole('button', { name: 'Show the wall on the projector' }).click();
  await console_.getByRole('button', { name: 'Put the agenda back on the projector' }).waitFor();
  await console_.getByRole('button', { name: 'Live room' }).click();
  await openWall(console_);
  const pages: Page[] = [];
  try {
    for (let i = 0; i < phones; i += 1) pages.push(await relayedPhone(browser, link));
    await console_
      .locator('.participants li[data-path="relay"]')
      .nth(phones - 1)
      .waitFor({ timeout: 30_000 });
    const relayed = await console_.locator('.participants li[data-path="relay"]').count();
    await console_.evaluate(WATCH_CONSOLE);
    const latencies: number[] = [];
    let cards = 0;
    for (let round = 1; round <= rounds; round += 1) {
      for (const [i, page] of pages.entries()) {
        await page.getByLabel('What happened? A few words.').fill(`relayed ${round}.${i + 1}`);
        await page.getByRole('button', { name: 'Add the card' }).click();
        cards += 1;
        const sentAt = Number(await page.evaluate('window.__sentAt'));
        // Polled from here: the console's policy forbids the eval waitForFunction needs.
        for (let waited = 0; !(await console_.evaluate(`Boolean(window.__seen['${cards}'])`));) {
          if ((waited += 100) > 30_000) throw new Error(`card ${cards} never reached the console`);
          await new Promise((done) => setTimeout(done, 100));
        }
        latencies.push(Number(await console_.evaluate(`window.__seen['${cards}']`)) - sentAt);
      }
    }
    return { relayed, latencies };
  } finally {
    for (const page of pages) await page.context().close();
    await consoleContext.close();
  }
}

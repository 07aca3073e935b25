import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { TEST_CONTEXT_HEADER } from './chromium';

export const PHONE = { width: 390, height: 844 };
export const PROJECTOR = { width: 1920, height: 1080 };

/** One browser for the file; each simulated person gets a context of their own. */
export function useBrowser(): { browser: () => Browser; baseURL: string } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    browser: () => {
      if (!browser) throw new Error('browser not connected yet');
      return browser;
    },
    baseURL: inject('baseURL'),
  };
}

export type Person = {
  context: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
  /** Everything the pages sent: each request's URL, headers and body, each WebSocket frame. */
  sent: string[];
  /** Content-Security-Policy violations the pages reported. */
  violations: string[];
  /** WebSockets the pages hold open right now. */
  openSockets: Set<string>;
};

/** Reported by every page of a person's context: a blocked load or script is a failure. */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) => {
  console.warn('csp-violation ' + event.violatedDirective + ' ' + event.blockedURI);
});`;

/**
 * The trainer's laptop with the console open, allowed the camera and microphone
 * like a phone: Chromium then offers peers its LAN address instead of an mDNS name.
 */
export async function openConsole(browser: Browser, baseURL: string): Promise<Person> {
  const trainer = await newPerson(browser, PROJECTOR);
  await trainer.context.grantPermissions(['microphone', 'camera']);
  await trainer.page.goto(baseURL);
  return trainer;
}

/**
 * Takes WebRTC away as a browser without it would look (WebKitGTK, iOS Lockdown Mode):
 * every constructor simple-peer can find (get-browser-rtc), not only the standard one.
 */
export async function withoutWebRtc(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'mozRTCPeerConnection']) {
      delete (window as unknown as Record<string, unknown>)[name];
    }
  });
}

/**
 * A browser whose WebSocket to the laptop cannot open, as iOS Safari is reported to refuse
 * `wss:` to a self-signed certificate: the constructor throws, as it does for a blocked URL.
 */
export async function withoutWebSocket(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.WebSocket = class {
      constructor() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      }
    } as unknown as typeof WebSocket;
  });
}

/**
 * Turns on the room's "open wall" setting in the console's Live room panel: a card for the
 * room then goes on the wall as written, as before the private layer. For tests whose point
 * is not moderation; the moderated default is tested in privateLayer.test.ts.
 */
/** The console opens the own-incidents timeline case from the Cases shelf. */
export async function openOwnIncidentsCase(console_: Page): Promise<void> {
  await console_.getByRole('button', { name: 'Cases' }).click();
  await console_
    .getByRole('button', { name: /incidents in your own environment|timeline/i })
    .first()
    .click();
}

export async function openTheWall(console_: Page): Promise<void> {
  const setting = openWallSetting(console_);
  await setting.check();
  await expect.poll(() => setting.isChecked()).toBe(true);
}

/** The "open wall" checkbox itself, for a test that counts the trainer's actions. */
export function openWallSetting(console_: Page): Locator {
  return console_.getByRole('checkbox', { name: /^Open wall/ }).first();
}

/**
 * A participant's phone that opened the join link, is connected to the room and
 * has gone past the welcome screen (unless told to stay on it), as a person does.
 */
export async function joinAsPhone(
  browser: Browser,
  link: string,
  options: { welcome?: 'pass' | 'stay' } = {},
): Promise<Person> {
  const person = await newPerson(browser, PHONE);
  await person.context.grantPermissions(['microphone', 'camera']);
  await person.page.goto(link);
  await expect
    .poll(() => person.page.locator('[data-status]').getAttribute('data-status'), {
      timeout: 20_000,
    })
    .toBe('connected');
  if (options.welcome !== 'stay') await passWelcome(person.page);
  return person;
}

/**
 * The private layer's notice before a person's first card or point (once per
 * visit): read and gone past, if the page shows it now.
 */
export async function passPrivacyNoticeIfShown(page: Page, form: Locator): Promise<void> {
  const notice = page.getByRole('region', { name: 'Before you write' });
  await form.or(notice).first().waitFor({ timeout: 20_000 });
  if (await notice.isVisible()) await notice.getByRole('button', { name: 'I understand' }).click();
}

/** Whether any string in the page's JavaScript heap holds the words (a V8 heap snapshot). */
export async function heapHolds(page: Page, words: string): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const snapshot = chunks.join('');
  if (snapshot.length < 100_000) throw new Error('no heap snapshot');
  return snapshot.includes(words);
}

/** The phone's welcome screen, read and passed with its one button (once per room and visit). */
/** A phone writes an incident card (red) with one of the three choices, on a month when given. */
export async function writeCard(
  page: Page,
  text: string,
  choice: 'The facilitator only' | 'The room, without my name' | 'Counted, not shown',
  month?: string,
): Promise<void> {
  await page.getByLabel('What happened? A few words.').fill(text);
  await page.getByRole('radio', { name: /^Red/ }).check();
  await page.getByRole('radio', { name: new RegExp(`^${choice}`) }).check();
  if (month) await page.getByLabel('When did it happen? (optional)').selectOption(month);
  await page.getByRole('button', { name: 'Add the card' }).click();
}

export async function passWelcome(page: Page, name = 'Go to the workshop'): Promise<void> {
  await page.getByRole('button', { name }).click({ timeout: 20_000 });
}

/**
 * The console puts the incident wall on every screen, as a trainer does from the
 * timeline case's console (Cases shelf): phones then show the card writer. The
 * console is left on the Cases shelf. `caseTitle`: the case's title as the
 * console shows it (its discreet title in discreet mode).
 */
export async function showWallOnEveryScreen(
  console_: Page,
  caseTitle: RegExp = /Our own incidents/,
): Promise<void> {
  await console_.getByRole('button', { name: 'Cases', exact: true }).click();
  await console_.getByRole('button', { name: caseTitle }).first().click();
  const show = console_.getByRole('button', { name: 'Show the wall on the projector' });
  await show.click();
  await expect
    .poll(() =>
      console_.getByRole('button', { name: 'Put the agenda back on the projector' }).count(),
    )
    .toBe(1);
}

/** The phone's "Your cards" view, one tap from any activity. */
export async function openYourCards(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'On this phone' })
    .getByRole('button', { name: 'Your cards' })
    .click();
}

/** A new person with their own storage; every request and uncaught error of the page is recorded. */
let contextCount = 0;

export async function newPerson(
  browser: Browser,
  viewport = PROJECTOR,
  options: { locale?: string; touch?: boolean; ignoreHTTPSErrors?: boolean } = {},
): Promise<Person> {
  const context = await browser.newContext({
    // A test's own HTTPS server (a self-signed certificate, as the laptop's).
    ...(options.ignoreHTTPSErrors ? { ignoreHTTPSErrors: true } : {}),
    viewport,
    locale: options.locale ?? 'en-GB',
    extraHTTPHeaders: { [TEST_CONTEXT_HEADER]: `context-${(contextCount += 1)}-${process.pid}` },
    ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
  });
  await context.addInitScript(REPORT_CSP_VIOLATIONS);
  const requests: string[] = [];
  const errors: string[] = [];
  const sent: string[] = [];
  const violations: string[] = [];
  const openSockets = new Set<string>();
  let socketCount = 0;
  // Every page the person opens (a projector window too) is watched the same way.
  context.on('page', (page) => {
    // A reload or a new address ends the old document's sockets without a close event.
    const pageSockets = new Set<string>();
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        for (const id of pageSockets) openSockets.delete(id);
        pageSockets.clear();
      }
    });
    page.on('request', (request) => {
      requests.push(request.url());
      sent.push(
        `${request.url()}\n${JSON.stringify(request.headers())}\n${request.postData() ?? ''}`,
      );
    });
    page.on('websocket', (socket) => {
      const id = `${(socketCount += 1)} ${socket.url()} from ${page.url()}`;
      openSockets.add(id);
      pageSockets.add(id);
      socket.on('close', () => openSockets.delete(id));
      socket.on('framesent', (frame) =>
        sent.push(
          typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('latin1'),
        ),
      );
    });
    page.on('console', (message) => {
      if (message.text().startsWith('csp-violation')) violations.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
  });
  const page = await context.newPage();
  return { context, page, requests, errors, sent, violations, openSockets };
}

/** The room id, key and admission secret a join link carries in its fragment. */
export function linkParts(joinLink: string): { room: string; key: string; admission: string } {
  const [room = '', key = '', admission = ''] =
    /#\/join\/([^/]+)\/([^/]+)(?:\/([^/]+))?/.exec(joinLink)?.slice(1) ?? [];
  return { room, key, admission };
}

/**
 * What the app promises about a person's pages: no policy violation, no
 * request to any other host, and the room key in nothing they sent (it lives
 * in the link's fragment, which browsers never send).
 */
export function expectStayedInRoom(person: Person, baseURL: string, joinLink: string): void {
  const { room: roomId, key: roomKey } = linkParts(joinLink);
  const origin = new URL(baseURL).origin;
  expect(person.violations).toEqual([]);
  const elsewhere = person.requests.filter(
    (url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
  );
  expect(elsewhere).toEqual([]);
  expect(roomKey.length).toBeGreaterThan(10);
  expect(person.sent.filter((text) => text.includes(roomKey))).toEqual([]);
  // Topics are derived from the key: not even the room's id goes to the server.
  expect(roomId.length).toBeGreaterThan(10);
  expect(person.sent.filter((text) => text.includes(roomId))).toEqual([]);
  // The watch itself works: the pages did talk to the signaling server.
  // (Over HTTP the frames go as strings in a JSON array: their quotes are escaped.)
  const subscribed = (text: string) =>
    text.includes('"type":"subscribe"') || text.includes('\\"type\\":\\"subscribe\\"');
  expect(person.sent.some(subscribed)).toBe(true);
}

/**
 * Screenshots of every screen at phone and projector size, for a person to look at.
 * Usage: npm run build && npm run screenshots  (writes screenshots/*.png)
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import { createStaticHandler } from '../server/static.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from '../tests/e2e/chromium';

const SIZES = { phone: { width: 390, height: 844 }, projector: { width: 1920, height: 1080 } };
const room = 'AbCdEfGhIjKlMnOpQrStUv';
const key = 'ZyXwVuTsRqPoNmLkJiHgFe';

type Shot = {
  name: string;
  hash: string;
  language?: string;
  prepare?: (page: Page) => Promise<void>;
};
const chooseSession = (title: RegExp) => async (page: Page) => {
  await page.getByRole('button', { name: title }).first().click();
};
const SHOTS: Shot[] = [
  { name: 'console', hash: '#/', prepare: chooseSession(/Security incidents/) },
  { name: 'console-es', hash: '#/', language: 'es', prepare: chooseSession(/incident/i) },
  { name: 'console-ar', hash: '#/', language: 'ar', prepare: chooseSession(/Security incidents/) },
  {
    name: 'console-cases',
    hash: '#/',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Cases' }).click();
      await page
        .locator('details')
        .first()
        .evaluate((d) => ((d as HTMLDetailsElement).open = true));
    },
  },
  {
    name: 'console-templates',
    hash: '#/',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Templates' }).click();
    },
  },
  { name: 'projector', hash: '#/screen' },
  { name: 'join', hash: `#/join/${room}/${key}` },
  { name: 'join-ar', hash: `#/join/${room}/${key}`, language: 'ar' },
];

assertChromium();
mkdirSync('screenshots', { recursive: true });
const server = createServer(createStaticHandler('dist'));
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const [sizeName, viewport] of Object.entries(SIZES)) {
  const context = await browser.newContext({ viewport });
  for (const shot of SHOTS) {
    const page = await context.newPage();
    await page.goto(base);
    await page.evaluate(
      (lang) => localStorage.setItem('swk.language', lang),
      shot.language ?? 'en',
    );
    await page.goto(`${base}${shot.hash}`);
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByText('Loading…').waitFor({ state: 'detached' });
    await shot.prepare?.(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `screenshots/${shot.name}-${sizeName}.png`, fullPage: false });
    await page.close();
  }
  await context.close();
}
await browser.close();
server.close();
console.log('screenshots written to screenshots/');

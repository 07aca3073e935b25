import { describe, expect, it } from 'vitest';
import { PHONE, newPerson, openConsole, passWelcome, useBrowser } from './harness';

const { browser, baseURL } = useBrowser();

/** In the phone's page from its first script: when the welcome's button is first there, enabled. */
const WHEN_WELCOME_USABLE = `(() => {
  new MutationObserver(() => {
    const button = document.querySelector('.phone-welcome button');
    if (!window.__welcomeAt && button && !button.disabled) window.__welcomeAt = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
})()`;

/** The live room's code and the rest of the strings: what the welcome must not wait for. */
const AFTER_WELCOME = /^(PhoneRoom|yjs|roomConnection|y-webrtc|rest)-[\w-]+\.js$/;

type Script = { file: string; start: number };

describe("a phone's first load", () => {
  it('shows the welcome from a few script files, and asks for the live room once the welcome is on the page', async () => {
    const trainer = await openConsole(browser(), baseURL);
    await trainer.page.getByRole('button', { name: 'Live room' }).click();
    await trainer.page.getByRole('button', { name: 'Open a live room' }).click();
    const link = (await trainer.page.locator('.join-link code').textContent()) ?? '';

    const phone = await newPerson(browser(), PHONE);
    await phone.context.grantPermissions(['microphone', 'camera']);
    await phone.page.addInitScript(WHEN_WELCOME_USABLE);
    await phone.page.goto(link);
    await phone.page.getByRole('button', { name: 'Go to the workshop' }).waitFor();
    // The live room's code comes once the welcome is up (it is asked for a frame later).
    await expect
      .poll(() =>
        phone.page.evaluate(
          `performance.getEntriesByType('resource').some((r) => /PhoneRoom-/.test(r.name))`,
        ),
      )
      .toBe(true);
    const { welcomeAt, scripts } = (await phone.page.evaluate(`({
      welcomeAt: window.__welcomeAt,
      scripts: performance.getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.js'))
        .map((r) => ({ file: r.name.split('/').pop(), start: r.startTime })),
    })`)) as { welcomeAt: number; scripts: Script[] };
    expect(welcomeAt).toBeGreaterThan(0);
    const beforeWelcome = scripts.filter((s) => s.start < welcomeAt).map((s) => s.file);
    // The first script, the bundler's runtime, React DOM's client and its small shared part:
    // each file is a request a phone on a slow network waits for (there were 21).
    expect(beforeWelcome.length).toBeLessThanOrEqual(4);
    expect(beforeWelcome.filter((file) => AFTER_WELCOME.test(file))).toEqual([]);

    // And the phone goes on into the room.
    await passWelcome(phone.page);
    await expect
      .poll(() => phone.page.locator('[data-status]').getAttribute('data-status'), {
        timeout: 20_000,
      })
      .toBe('connected');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
    await trainer.context.close();
  });
});

import { describe, expect, it } from 'vitest';
import { openConsole, useBrowser } from './harness';

const { browser, baseURL } = useBrowser();

/** The room layer's own chunks: Yjs and the connection (names from vite's chunking). */
const ROOM_LAYER = /\/assets\/(yjs|roomConnection|consoleRoom)-[\w-]+\.js$/;

describe("the console's first screen and its room", () => {
  it('draws the Day shelf without the room layer, and after a reload says it is reopening the room until the same room is back', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    // The Day shelf is usable (its Start button) with no room on this laptop, and stays
    // so without the room layer ever loading.
    await console_.getByRole('button', { name: 'Start the day' }).waitFor();
    await console_.waitForLoadState('networkidle');
    expect(trainer.requests.filter((url) => ROOM_LAYER.test(url))).toEqual([]);

    await console_.getByRole('button', { name: 'Live room' }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    expect(link).toContain('#/join/');

    // Reloaded with the connection's code held back: the run panel says the room is on its
    // way (and offers no room of its own), then shows the room's asks once it has come.
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    await console_.route(/\/assets\/roomConnection-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await console_.reload();
    await console_
      .getByRole('status')
      .filter({ hasText: 'Reopening the room…' })
      .waitFor({ timeout: 20_000 });
    expect(await console_.getByRole('button', { name: 'Start the day' }).isVisible()).toBe(true);
    release();
    await console_
      .getByRole('button', { name: 'Ask phones for incident cards' })
      .waitFor({ timeout: 20_000 });
    expect(await console_.getByText('Reopening the room…').count()).toBe(0);

    // The same room: its join link did not change.
    await console_.getByRole('button', { name: 'Live room' }).click();
    await expect.poll(() => console_.locator('.join-link code').textContent()).toBe(link);
    await trainer.context.close();
  });
});

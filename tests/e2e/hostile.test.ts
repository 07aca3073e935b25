import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addIncidentCard } from '../../src/sync/timeline/cardOperations';
import { cardsMap } from '../../src/sync/roomSchema';
import { joinAsPhone, linkParts, openConsole, useBrowser, openTheWall } from './harness';
import { nodePeer } from './nodePeer';

const { browser, baseURL } = useBrowser();

const hostilePeer = (room: string, key: string, admission: string) =>
  nodePeer(baseURL, room, key, admission);

/** The longest main-thread task a page has had since it started watching. */
const watchTasks = (page: Page) =>
  page.evaluate(`(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
  })()`);
const longestTask = (page: Page) => page.evaluate('window.__longest') as Promise<number>;

describe('a hostile peer with the key', () => {
  it('script payloads stay text; huge, mistyped and 10,000 cards and malformed updates are dropped and counted; the screens keep responding', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await console_.getByRole('button', { name: 'Cases' }).click();
    await console_.getByRole('button', { name: /Our own incidents/ }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    await openTheWall(console_);
    await console_.getByRole('button', { name: 'Show the wall on the projector' }).click();
    await console_.getByRole('button', { name: 'Live room' }).click();
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    const { room, key, admission } = linkParts(link);
    const projector = await trainer.context.newPage();
    await projector.goto(`${baseURL}#/screen`);

    // A real participant's signed card, written before the attack.
    const ana = await joinAsPhone(browser(), link);
    await ana.page.getByLabel('Your name (optional)').fill('Ana');
    await ana.page.getByLabel('What happened? A few words.').fill('Ana’s real card');
    await ana.page.getByLabel(/Sign this card/).check();
    await ana.page.getByRole('button', { name: 'Add the card' }).click();
    await expect.poll(() => projector.locator('.wall-card').count(), { timeout: 15_000 }).toBe(1);

    await Promise.all([watchTasks(projector), watchTasks(ana.page), watchTasks(console_)]);
    const hostile = await hostilePeer(room, key, admission);
    const script = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    addIncidentCard(hostile.doc, 'hostile-device-1', { text: script, severity: 'red' });
    const cards = cardsMap(hostile.doc);
    hostile.doc.transact(() => {
      cards.set('wrongtype-1', 42);
      cards.set('wrongtype-2', { id: 'wrongtype-2', text: 'x', severity: 'purple' });
      cards.set('hugecard-1', { id: 'hugecard-1', text: 'x'.repeat(60_000), severity: 'red' });
    });
    await hostile.publishRaw({ t: 'update', u: 'AAECAwQFBgcICQ==' }); // bytes Yjs reads as nothing
    const whole = Y.encodeStateAsUpdate(hostile.doc);
    const truncated = Buffer.from(whole.subarray(0, whole.length >> 1)).toString('base64');
    await hostile.publishRaw({ t: 'update', u: truncated }); // a real update cut in half
    await hostile.publishRaw({ t: 'nonsense', u: 5 });
    // 10,000 cards, each from a different made-up device, paced under the server's rate limit.
    for (let batch = 0; batch < 200; batch += 1) {
      hostile.doc.transact(() => {
        for (let i = 0; i < 50; i += 1) {
          addIncidentCard(hostile.doc, `flood-device-${batch}-${i}`, {
            text: `Flood ${batch * 50 + i}`,
            severity: 'green',
          });
        }
      });
      await new Promise((done) => setTimeout(done, 30));
    }
    // A 1 MB string: sealed, it travels in parts like a room's catch-up; every page refuses
    // it before decoding it, as no change is that large.
    hostile.doc.transact(() => cards.set('hugecard-2', 'y'.repeat(1024 * 1024)));
    await expect
      .poll(
        () => console_.getByText(/Messages refused as malformed or too large: \d+/).textContent(),
        { timeout: 20_000 },
      )
      .toBe('Messages refused as malformed or too large: 3');
    expect(hostile.closedWith()).toBeNull();
    // A 1 MB frame in one piece: the laptop's server closes the sender (1009) before any page sees it.
    hostile.sendRaw(
      JSON.stringify({
        type: 'publish',
        topic: hostile.secrets.relayTopic,
        data: 'z'.repeat(1024 * 1024),
      }),
    );
    await expect.poll(() => hostile.closedWith(), { timeout: 10_000 }).toBe(1009);

    // The console counts what it refused; the room caps the cards it keeps.
    await expect
      .poll(
        () => console_.getByText(/Entries refused as malformed or too large: \d+/).textContent(),
        {
          timeout: 60_000,
        },
      )
      .toMatch(/: (9\d{3}|\d{5})$/);
    // Ana's card, her name on it, and the script as plain text; nothing ran.
    const wall = projector.getByRole('region', { name: 'Incidents of the year' });
    await expect.poll(() => wall.textContent(), { timeout: 30_000 }).toContain('Ana’s real card');
    expect(await ana.page.getByText('Ana’s real card').count()).toBeGreaterThan(0);
    await expect
      .poll(() => projector.getByText(script, { exact: false }).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    for (const page of [console_, projector, ana.page]) {
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
    }
    // The screens kept responding: the facilitator pauses the room and every screen
    // obeys, then restores it, with the flood's 10,000 cards in every document.
    await console_.getByRole('button', { name: 'Pause the room' }).click();
    await expect
      .poll(() => projector.locator('[data-paused]').count(), { timeout: 30_000 })
      .toBe(1);
    await expect
      .poll(() => ana.page.getByRole('heading', { name: 'Paused' }).count(), { timeout: 30_000 })
      .toBe(1);
    await console_.getByRole('button', { name: 'Restore the room' }).click();
    await expect
      .poll(() => projector.locator('[data-paused]').count(), { timeout: 30_000 })
      .toBe(0);
    await expect.poll(() => wall.textContent(), { timeout: 30_000 }).toContain('Ana’s real card');
    await expect
      .poll(() => ana.page.getByRole('heading', { name: 'Paused' }).count(), { timeout: 30_000 })
      .toBe(0);
    const longest = await Promise.all([
      longestTask(projector),
      longestTask(ana.page),
      longestTask(console_),
    ]);
    // The figure is printed, not held to a speed target (those are npm run bench's, as
    // timings move with the machine's load: 440-1,200 ms here at load 5-26, 561 ms quiet).
    // Two seconds is a frozen screen on any machine.
    console.log(
      `longest tasks during the attack (projector, phone, console): ${longest.map((t) => t.toFixed(0)).join(', ')} ms`,
    );
    for (const task of longest) expect(task).toBeLessThan(2_000);
    expect(hostile.relay.counters.undecryptable).toBe(0);

    hostile.close();
    for (const person of [trainer, ana]) {
      expect(person.errors).toEqual([]);
      await person.context.close();
    }
  }, 180_000);
});

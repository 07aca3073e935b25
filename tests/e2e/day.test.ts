import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROJECTOR, newPerson, openConsole, useBrowser } from './harness';

const { browser, baseURL } = useBrowser();

/** Plans a day of the 140′ security-incidents session alone, starting at 09:00. */
async function planSecurityIncidents(console_: Page): Promise<void> {
  const sessions = console_.getByRole('group', { name: 'Sessions in the day, in order' });
  await sessions.getByRole('checkbox', { name: /Security incidents/ }).check();
  for (const other of [/Organisational security plans/, /Preparing a security plan/]) {
    await sessions.getByRole('checkbox', { name: other }).uncheck();
  }
  await console_.getByLabel('Start time').fill('09:00');
  await expect
    .poll(() => console_.getByText(/140′ planned; the session states 140′/).textContent())
    .toContain('Matches');
}

const timer = (page: Page) => page.getByRole('timer').textContent();
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('running the day, in a real browser', () => {
  it('the projector follows the running session with the right countdown, through a reload of either window', async () => {
    const { page: console_, context, errors, requests } = await newPerson(browser(), PROJECTOR);
    await context.clock.install({ time: new Date('2026-11-23T08:59:00') });
    await console_.goto(baseURL);
    await planSecurityIncidents(console_);

    const [projector] = await Promise.all([
      context.waitForEvent('page'),
      console_.getByRole('button', { name: 'Open projector screen' }).click(),
    ]);
    await projector.waitForURL(/#\/screen$/);

    // Held, the projector shows the running day and its countdown (unheld, Start opens the slides).
    await console_
      .getByRole('checkbox', { name: 'Hold the projector on what it shows while the agenda moves' })
      .check();
    await context.clock.pauseAt(new Date('2026-11-23T09:00:00'));
    await console_.getByRole('button', { name: 'Start the day' }).click();
    await expect.poll(() => heading(projector)).toBe('Introduction');

    await context.clock.fastForward('04:00');
    await expect.poll(() => timer(projector)).toBe('6:00');
    expect(await timer(console_)).toBe('6:00');
    await expect
      .poll(() => projector.locator('.projector__next').textContent())
      .toContain('Identifying security incidents');

    await context.clock.fastForward('04:30'); // 1′30″ left: inside the 2′ warning
    await expect.poll(() => timer(projector)).toBe('1:30');
    expect(await projector.getByText('Nearly up').count()).toBe(1);

    await console_.getByRole('button', { name: 'Next item' }).click();
    await expect.poll(() => heading(projector)).toBe('Identifying security incidents');
    await expect.poll(() => timer(projector)).toBe('50:00');

    await context.clock.fastForward('20:00'); // 09:28:30
    await expect.poll(() => timer(console_)).toBe('30:00');

    // The console reloads mid-activity (the clock runs while the page loads, then
    // stops five seconds on): the countdown continues from the right second.
    await context.clock.resume();
    await console_.reload();
    await console_.getByRole('timer').waitFor();
    await context.clock.pauseAt(new Date('2026-11-23T09:28:35'));
    await expect.poll(() => timer(console_)).toBe('29:55');
    await expect.poll(() => timer(projector)).toBe('29:55');

    // And so does the projector.
    await context.clock.resume();
    await projector.reload();
    await projector.getByRole('timer').waitFor();
    await context.clock.pauseAt(new Date('2026-11-23T09:28:40'));
    await expect.poll(() => heading(projector)).toBe('Identifying security incidents');
    await expect.poll(() => timer(projector)).toBe('29:50');

    // An overrun shows on both screens; the day's lag follows it.
    // The introduction ended 1′30″ early; 4′10″ over now puts the day 2′40″ behind.
    await context.clock.fastForward('34:00');
    await expect.poll(() => timer(projector)).toBe('+4:10');
    expect(await projector.getByText('Over time').count()).toBe(1);
    await expect.poll(() => console_.locator('.lag').textContent()).toBe('2′ behind plan');

    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(baseURL))).toEqual([]);
    await context.close();
  });

  it('a projector on another device follows the day through the room', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await console_.getByRole('button', { name: 'Live room' }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    await console_.getByText('Projector on another device').click();
    const link = (await console_.locator('.projector-link code').textContent()) ?? '';
    // The console's public keys (for sealing, and to check what it signs) ride after the secrets.
    expect(link).toMatch(
      /#\/screen\/[A-Za-z0-9_-]{22}\/[A-Za-z0-9_-]{22}\/[A-Za-z0-9_-]{24}\/f\.[A-Za-z0-9_-]{87}\.[A-Za-z0-9_-]{87}$/,
    );
    const [, room = '', key = '', admission = ''] =
      /#\/screen\/([^/]+)\/([^/]+)\/([^/]+)\/f\.[^/]+$/.exec(link) ?? [];

    const screen = await newPerson(browser(), PROJECTOR);
    await screen.context.grantPermissions(['microphone', 'camera']);
    await screen.page.goto(link.replace(/^https?:\/\/[^/]+\//, baseURL));

    await console_.getByRole('button', { name: 'Plan & run the day' }).click();
    await planSecurityIncidents(console_);
    await console_.getByRole('button', { name: 'Start the day' }).click();
    await expect.poll(() => heading(screen.page), { timeout: 20_000 }).toBe('Introduction');
    await expect.poll(() => timer(screen.page)).toMatch(/^(10:00|9:5\d)$/);
    // The projector's address, on show to the room, holds the room id only: no key, no admission.
    expect(new URL(screen.page.url()).hash).toBe(`#/screen/${room}`);
    expect(screen.page.url()).not.toContain(key);
    expect(screen.page.url()).not.toContain(admission);
    // A reload keeps following the room: the key was kept for the visit.
    await screen.page.reload();
    await expect.poll(() => heading(screen.page), { timeout: 20_000 }).toBe('Introduction');

    // Held, the projector stays on the agenda while it moves (unheld, it would open the quiz).
    await console_
      .getByRole('checkbox', { name: 'Hold the projector on what it shows while the agenda moves' })
      .check();
    await console_.getByRole('button', { name: 'Next item' }).click();
    await expect
      .poll(() => heading(screen.page), { timeout: 10_000 })
      .toBe('Identifying security incidents');
    await expect.poll(() => timer(screen.page)).toMatch(/^(50:00|49:5\d)$/);

    expect([...trainer.errors, ...screen.errors]).toEqual([]);
    await screen.context.close();
    await trainer.context.close();
  });

  it('exports the day’s run sheet as a PDF with the clock times, activities and materials', async () => {
    const { page: console_, context, errors, requests } = await newPerson(browser(), PROJECTOR);
    await console_.goto(baseURL);
    await planSecurityIncidents(console_);
    await console_.getByRole('combobox', { name: 'Paper' }).selectOption('A4');
    const [download] = await Promise.all([
      console_.waitForEvent('download'),
      console_.getByRole('button', { name: 'Run sheet (PDF)' }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'swk-run-sheet-')), 'run-sheet.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toMatch(/9:00\s*AM–9:10\s*AM\s+Introduction \(10′\)/);
    expect(text).toContain('Assessing and reacting to security incidents (50′)');
    expect(text).toContain('Print-outs of the case “Case analysis 1');
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(baseURL))).toEqual([]);
    await context.close();
  });
});

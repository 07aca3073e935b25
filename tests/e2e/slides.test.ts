import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROJECTOR, newPerson, useBrowser } from './harness';

const { browser, baseURL } = useBrowser();
const presentTitle = (page: Page) =>
  page.locator('.reveal .slides > section.present h2').textContent({ timeout: 5_000 });

describe('a session’s slides, driven from the console', () => {
  it('steps through the slides from the console and from the projector; each follows the other', async () => {
    const { page: console_, context, errors, requests } = await newPerson(browser(), PROJECTOR);
    await console_.goto(baseURL);
    await console_.getByRole('button', { name: 'Sessions' }).click();
    await console_.getByRole('button', { name: /Security incidents/ }).click();
    const projector = await context.newPage();
    await projector.goto(`${baseURL}#/screen`);

    await console_.getByRole('button', { name: 'Show the slides on the projector' }).click();
    await expect
      .poll(() => presentTitle(projector))
      .toBe('Security incidents: definition and analysis');

    await console_.getByRole('button', { name: 'Next slide' }).click();
    await expect.poll(() => presentTitle(projector)).toBe('Learning objectives');
    expect(await console_.getByText('Slide 2 of').textContent()).toMatch(/^Slide 2 of \d+$/);
    // The notes stay on the console: the projector shows none of them.
    const firstChallenge = 'Participants may take threats for security incidents.';
    expect(await console_.getByRole('region', { name: 'Speaker notes' }).textContent()).toContain(
      firstChallenge,
    );
    expect(await projector.getByText(firstChallenge).count()).toBe(0);

    // The projector's own arrow keys move the console too.
    await projector.locator('.reveal').click();
    await projector.keyboard.press('ArrowRight');
    await expect.poll(() => presentTitle(projector)).toBe('Key messages');
    await expect
      .poll(() => console_.getByText(/^Slide \d+ of \d+$/).textContent())
      .toMatch(/^Slide 3 of/);
    await expect.poll(() => presentTitle(console_)).toBe('Key messages');

    await console_.getByRole('button', { name: 'Previous slide' }).click();
    await expect.poll(() => presentTitle(projector)).toBe('Learning objectives');

    // Reloading the projector keeps the place.
    await projector.reload();
    await expect.poll(() => presentTitle(projector)).toBe('Learning objectives');

    // In Arabic the deck runs right to left on both screens.
    // exact: the console also has the projector's "Second language" picker.
    await console_.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
    await projector.reload();
    await expect.poll(() => projector.locator('.reveal').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => projector.locator('.reveal.rtl').count()).toBe(1);
    await expect.poll(() => presentTitle(projector)).toBe('أهداف التعلّم');
    await console_.getByRole('combobox', { name: 'اللغة', exact: true }).selectOption('en');

    await console_.getByRole('button', { name: 'Show the slides on the projector' }).click();
    await expect.poll(() => projector.locator('.reveal').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(baseURL))).toEqual([]);
    await context.close();
  });
});

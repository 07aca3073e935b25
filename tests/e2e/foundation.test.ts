import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/content/readContentFiles';
import type { ContentLanguage, Session } from '../../src/content/schema';
import { validateContent } from '../../src/content/validate';
import { scheduleAgenda } from '../../src/domain/agenda';
import ar from '../../src/i18n/locales/ar.json';
import es from '../../src/i18n/locales/es.json';
import { PHONE, PROJECTOR, newPerson, useBrowser } from './harness';

const { library } = validateContent(readContentFiles(process.cwd()));
const sessionIn = (lang: ContentLanguage): Session => {
  const entry = library.sessions[lang].find((s) => s.data.id === 'security-incidents');
  if (!entry) throw new Error(`security-incidents missing in ${lang}`);
  return entry.data;
};

const { browser, baseURL } = useBrowser();

describe('the console, in a real browser', () => {
  it('shows the security-incidents agenda in Spanish, then in Arabic laid out right to left', async () => {
    const { page, context, requests } = await newPerson(browser(), PROJECTOR);
    await page.goto(baseURL);
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('es');
    await page.getByRole('button', { name: es.nav.sessions }).click();

    const spanish = sessionIn('es');
    await page.getByRole('button', { name: new RegExp(spanish.title) }).click();
    const agenda = page.getByRole('table', { name: es.agenda.caption });
    for (const item of scheduleAgenda(spanish.agenda)) {
      const row = agenda.getByRole('row', { name: new RegExp(escape(item.title)) });
      await expect.poll(() => row.textContent()).toContain(`${item.minutes}′`);
      await expect
        .poll(() => row.textContent())
        .toContain(`${item.startMinute}′–${item.endMinute}′`);
    }
    expect(await agenda.getByRole('row').last().textContent()).toContain('140′');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');

    await page.getByRole('combobox', { name: es.language.label, exact: true }).selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    // The session exists in Arabic: its own agenda, and no note of a fallback.
    const arabic = sessionIn('ar');
    const arabicAgenda = page.getByRole('table', { name: ar.agenda.caption });
    for (const item of scheduleAgenda(arabic.agenda)) {
      const row = arabicAgenda.getByRole('row', { name: new RegExp(escape(item.title)) });
      await expect.poll(() => row.textContent()).toContain(`${item.minutes}′`);
    }
    expect(await arabicAgenda.getByRole('row').last().textContent()).toContain('140′');
    await expect
      .poll(() =>
        page.getByText(ar.content.fallback.replace('{{language}}', ar.language.ar)).count(),
      )
      .toBe(0);

    // The choice is the device's: it survives a reload.
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');

    expect(requests.filter((url) => !url.startsWith(baseURL))).toEqual([]);
    await context.close();
  });

  it('the projector screen follows the session chosen on the console', async () => {
    const { page: console, context } = await newPerson(browser(), PROJECTOR);
    await console.goto(baseURL);
    const projector = await context.newPage();
    await projector.goto(`${baseURL}#/screen`);
    const plan = library.sessions.en.find((s) => s.data.id === 'security-plan');
    if (!plan) throw new Error('security-plan missing');
    await console.getByRole('button', { name: 'Sessions' }).click();
    await console.getByRole('button', { name: new RegExp(plan.data.title) }).click();
    await expect
      .poll(() => projector.getByRole('heading', { level: 1 }).textContent())
      .toBe(plan.data.title);
    const rows = projector.getByRole('table', { name: 'Agenda' }).getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThan(plan.data.agenda.length);
    await context.close();
  });

  it('a phone that opens a join link connects, and the key leaves the address bar', async () => {
    const { page, context, requests } = await newPerson(browser(), PHONE);
    const room = 'AbCdEfGhIjKlMnOpQrStUv';
    const key = 'ZyXwVuTsRqPoNmLkJiHgFe';
    await page.goto(`${baseURL}#/join/${room}/${key}`);
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Connecting to the room');
    expect(page.url()).not.toContain(key);
    expect(page.url()).toContain(room);
    // The phone route never loads the content library.
    expect(requests.some((url) => url.includes('ConsolePage'))).toBe(false);
    await context.close();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

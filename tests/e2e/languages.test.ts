import { LANGUAGE_STORAGE_KEY } from '../../src/i18n/languages';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkshopServer } from '../../server/app.js';
import {
  PHONE,
  PROJECTOR,
  newPerson,
  openConsole,
  passWelcome,
  type Person,
  useBrowser,
} from './harness';

const { browser, baseURL } = useBrowser();

const ARABIC_NOTE = 'غير متوفر بعد باللغة العربية: يُعرض بالإنجليزية.';
/** Latin words: English left in an Arabic screen (option keys A-D alone are not words). */
const LATIN_WORD = /[A-Za-z]{2,}/;

/** Screenshots for people to look at, only when asked for (SWK_SHOTS_DIR=screenshots). */
async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.SWK_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

type Marked = { lang: string | null; dir: string | null; text: string };

/** Every element of the page's main area that carries a language: the content, marked as such. */
async function contentOn(page: Page): Promise<Marked[]> {
  return page.locator('main [lang]').evaluateAll((elements) =>
    elements.map((element) => ({
      lang: element.getAttribute('lang'),
      dir: element.getAttribute('dir'),
      text: element.textContent ?? '',
    })),
  );
}

async function expectAllArabic(page: Page): Promise<void> {
  const marked = await contentOn(page);
  expect(marked.length).toBeGreaterThan(0);
  for (const item of marked) {
    expect(item, item.text).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(item.text).not.toMatch(LATIN_WORD);
  }
  expect(await page.getByRole('note').count()).toBe(0);
}

async function arabicPhone(link: string): Promise<Person> {
  const phone = await newPerson(browser(), PHONE, { locale: 'ar' });
  await phone.context.grantPermissions(['microphone', 'camera']);
  await phone.page.goto(link);
  await expect
    .poll(() => phone.page.locator('[data-status]').getAttribute('data-status'), {
      timeout: 20_000,
    })
    .toBe('connected');
  expect(await phone.page.locator('html').getAttribute('dir')).toBe('rtl');
  await passWelcome(phone.page, 'الدخول إلى ورشة العمل');
  return phone;
}

/**
 * The console (in English) opens a live room on case analysis 1; its projector
 * window is switched to Arabic; an Arabic phone joins and the quiz opens on 1.2.
 */
async function quizRoom(base: string) {
  const trainer = await openConsole(browser(), base);
  const console_ = trainer.page;
  await console_.getByRole('button', { name: 'Cases' }).click();
  await console_.getByRole('button', { name: /Case analysis 1/ }).click();
  await console_.getByRole('button', { name: 'Open a live room' }).click();
  await console_.getByRole('button', { name: 'Form the groups' }).click();
  await console_.getByRole('button', { name: 'Live room' }).click();
  const link = (await console_.locator('.join-link code').textContent()) ?? '';
  await console_.getByRole('button', { name: 'Cases' }).click();
  // The projector has no language control for the room to see: this laptop's projector
  // window opens in the language the device keeps (the console here stays as it loaded).
  await console_.evaluate((key) => localStorage.setItem(key, 'ar'), LANGUAGE_STORAGE_KEY);
  const projector = await trainer.context.newPage();
  await projector.goto(`${base}#/screen`);
  await expect.poll(() => projector.locator('html').getAttribute('dir')).toBe('rtl');
  const phone = await arabicPhone(link);
  await console_.getByRole('button', { name: 'Open 1.2 alone' }).click();
  await expect
    .poll(() => projector.locator('.projector__label').first().textContent(), { timeout: 10_000 })
    .toBe('الموقف 1.2');
  await phone.page.locator('.phone-quiz select').selectOption({ index: 1 }, { timeout: 15_000 });
  const form = phone.page.getByRole('form', { name: 'الموقف 1.2' });
  await expect.poll(() => form.count(), { timeout: 10_000 }).toBe(1);
  return { trainer, console_, projector, phone, form };
}

/** The console opens the role-play to the same room; the phone takes part and is cast as the witness. */
async function rolePlayRoom(console_: Page, phone: Page) {
  await console_.getByRole('button', { name: /^Role-play/ }).click();
  await console_.getByRole('button', { name: 'Open the role-play to the room' }).click();
  // Its content note comes first, in the phone's language, with the right to pass beside it.
  await phone
    .getByRole('region', { name: 'قبل هذا النشاط' })
    .getByRole('button', { name: 'متابعة' })
    .click();
  await phone.getByRole('button', { name: 'المشاركة في لعب الأدوار' }).click();
  const cast = console_.getByRole('list', { name: 'Who plays whom' });
  await expect.poll(() => cast.getByRole('combobox').count(), { timeout: 10_000 }).toBe(1);
  await cast.getByRole('combobox').first().selectOption({ label: 'Witness' });
}

describe('an Arabic phone and an Arabic projector', () => {
  it('show the quiz and the role-play in Arabic, right to left, with no English left', async () => {
    const { console_, projector, phone, form } = await quizRoom(baseURL);
    // The phone: the case, the situation and the three options in Arabic.
    await expect
      .poll(() => form.locator('blockquote').textContent())
      .toContain('يشكّل بيده هيئة مسدس');
    expect(await form.getByRole('radio').count()).toBe(3);
    expect(await form.getByText('إنه تهديد.').count()).toBe(1);
    await expectAllArabic(phone.page);
    await shoot(phone.page, 'phone-quiz-ar');
    await form.getByRole('radio').nth(1).check();
    await form.getByRole('button', { name: 'إرسال إجابتنا' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('B');

    // The projector: the situation, then the suggested answers once shown.
    expect(await projector.locator('.quiz-screen__text').textContent()).toContain(
      'يشكّل بيده هيئة مسدس',
    );
    await console_.getByRole('button', { name: 'Reveal 1.2' }).click();
    await console_.getByRole('button', { name: 'Show the model answers for 1.2' }).click();
    await expect
      .poll(() => projector.locator('.quiz-screen__model').first().textContent())
      .toContain('تشير حركة إطلاق النار إلى نية إلحاق الأذى');
    await expectAllArabic(projector);
    await shoot(projector, 'projector-quiz-ar');

    // A second language on the projector, for an interpreter: English beside Arabic.
    await console_
      .getByRole('combobox', { name: 'Second language on the projector' })
      .selectOption('en');
    const columns = projector.locator('.projector-bilingual__column');
    await expect.poll(() => columns.count(), { timeout: 10_000 }).toBe(2);
    expect(await columns.nth(0).getAttribute('lang')).toBe('ar');
    expect(await columns.nth(1).getAttribute('lang')).toBe('en');
    expect(await columns.nth(1).getAttribute('dir')).toBe('ltr');
    expect(await columns.nth(0).locator('.quiz-screen__model').first().textContent()).toContain(
      'تشير حركة إطلاق النار',
    );
    expect(await columns.nth(1).locator('.projector__label').textContent()).toBe('Situation 1.2');
    expect(await columns.nth(1).locator('.quiz-screen__model').first().textContent()).toContain(
      'the gesture of shooting signals an intention to cause harm',
    );
    // The page itself stays Arabic, and so does the phone.
    expect(await projector.locator('html').getAttribute('lang')).toBe('ar');
    await shoot(projector, 'projector-quiz-ar-en');
    expect(await phone.page.locator('html').getAttribute('lang')).toBe('ar');
    await console_
      .getByRole('combobox', { name: 'Second language on the projector' })
      .selectOption('');
    await expect.poll(() => columns.count()).toBe(0);

    // The role-play: the phone's role card, the step and its prompts, the projector's step.
    await rolePlayRoom(console_, phone.page);
    await expect
      .poll(() => phone.page.getByRole('heading', { name: 'دورك: الشاهدة' }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    expect(await phone.page.getByText(/شاحنة صغيرة بيضاء بلا لوحات أرقام/).count()).toBe(1);
    await expectAllArabic(phone.page);
    await shoot(phone.page, 'phone-roleplay-ar');
    const stages = console_.getByRole('navigation', { name: 'Steps of the meeting' });
    await stages.getByRole('button', { name: '2. Analyse the incident' }).click();
    // Before a first point, the phone says who will read it, in its language.
    await phone.page
      .getByRole('region', { name: 'قبل أن تكتب' })
      .getByRole('button', { name: 'فهمت' })
      .click();
    await expect
      .poll(() => phone.page.getByRole('heading', { name: 'الآن: 2. تحليل الحادث' }).count())
      .toBe(1);
    expect(await phone.page.getByText(/بأي جانب من عمل المنظمة/).count()).toBe(1);
    await expectAllArabic(phone.page);
    await expect
      .poll(() => projector.getByRole('heading', { level: 1 }).textContent())
      .toBe('2. تحليل الحادث');
    await expectAllArabic(projector);
    await shoot(projector, 'projector-roleplay-ar');
  });
});

describe('a projector on another device', () => {
  it('shows the second language the console chose beside its own, through the room', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await console_.getByRole('button', { name: 'Cases' }).click();
    await console_.getByRole('button', { name: /Case analysis 1/ }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    await console_.getByRole('button', { name: 'Form the groups' }).click();
    await console_.getByRole('button', { name: 'Live room' }).click();
    await console_.getByText('Projector on another device').click();
    const link = (await console_.locator('.projector-link code').textContent()) ?? '';
    // Another device: its own context, so nothing of the laptop's localStorage.
    const screen = await newPerson(browser(), PROJECTOR);
    await screen.context.grantPermissions(['microphone', 'camera']);
    await screen.page.goto(link.replace(/^https?:\/\/[^/]+\//, baseURL));
    await console_.getByRole('button', { name: 'Cases' }).click();
    await console_.getByRole('button', { name: 'Open 1.1 alone' }).click();
    const columns = screen.page.locator('.projector-bilingual__column');
    await expect
      .poll(() => screen.page.locator('.projector__label').first().textContent(), {
        timeout: 20_000,
      })
      .toBe('Situation 1.1');
    expect(await columns.count()).toBe(0);

    const second = console_.getByRole('combobox', { name: 'Second language on the projector' });
    await second.selectOption('ar');
    await expect.poll(() => columns.count(), { timeout: 10_000 }).toBe(2);
    expect(await columns.nth(0).getAttribute('lang')).toBe('en');
    expect(await columns.nth(1).getAttribute('lang')).toBe('ar');
    expect(await columns.nth(1).getAttribute('dir')).toBe('rtl');
    expect(await columns.nth(1).locator('.projector__label').textContent()).toBe('الموقف 1.1');
    expect(await columns.nth(1).locator('.quiz-screen__text').textContent()).toMatch(
      /[\u0600-\u06ff]/,
    );
    expect(
      await screen.page.evaluate(() => localStorage.getItem('swk.projector.secondLanguage')),
    ).toBeNull();
    await shoot(screen.page, 'projector-remote-en-ar');
    // A reload keeps both columns: the room holds the choice, not the page.
    await screen.page.reload();
    await expect.poll(() => columns.count(), { timeout: 20_000 }).toBe(2);
    await second.selectOption('fr');
    await expect.poll(() => columns.nth(1).getAttribute('lang'), { timeout: 10_000 }).toBe('fr');
    await second.selectOption('');
    await expect.poll(() => columns.count(), { timeout: 10_000 }).toBe(0);
    expect([...trainer.errors, ...screen.errors]).toEqual([]);
    await screen.context.close();
    await trainer.context.close();
  }, 120_000);
});

describe('content missing in Arabic', () => {
  // A scratch copy of the content without two Arabic files, built and served on its own.
  const scratch = mkdtempSync(join(tmpdir(), 'swk-content-'));
  let server: ReturnType<typeof createWorkshopServer> | undefined;
  afterAll(async () => {
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('is shown in English with a note in Arabic, and keeps its left-to-right direction', async () => {
    for (const folder of ['sessions', 'cases', 'templates']) {
      cpSync(resolve(folder), join(scratch, folder), { recursive: true });
    }
    rmSync(join(scratch, 'cases/ar/case-analysis-1.md'));
    rmSync(join(scratch, 'cases/ar/role-play-followed.md'));
    const dist = join(scratch, 'dist');
    execFileSync(
      'npx',
      ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'],
      {
        env: { ...process.env, SWK_CONTENT_ROOT: scratch },
        stdio: 'pipe',
      },
    );
    server = createWorkshopServer({ dist, signaling: { log: () => {} } });
    const port = await server.listen(0, '127.0.0.1');
    const { console_, projector, phone, form } = await quizRoom(`http://127.0.0.1:${port}/`);

    for (const page of [phone.page, projector]) {
      const note = page.getByRole('note');
      await expect.poll(() => note.count(), { timeout: 10_000 }).toBe(1);
      expect(await note.textContent()).toBe(ARABIC_NOTE);
      expect(await note.getAttribute('dir')).toBe('rtl');
      expect(await note.getAttribute('lang')).toBe('ar');
    }
    const situation = form.locator('blockquote');
    expect(await situation.textContent()).toContain('I glance across the street');
    expect(await situation.getAttribute('dir')).toBe('ltr');
    expect(await situation.getAttribute('lang')).toBe('en');
    // The interface around it stays Arabic, right to left.
    expect(await phone.page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await form.getByRole('button', { name: 'إرسال إجابتنا' }).count()).toBe(1);
    const english = (await contentOn(phone.page)).filter((item) => item.lang === 'en');
    expect(english.length).toBeGreaterThan(3);
    for (const item of english) expect(item.dir).toBe('ltr');
    await shoot(phone.page, 'phone-quiz-ar-fallback');
    const text = projector.locator('.quiz-screen__text');
    expect(await text.getAttribute('dir')).toBe('ltr');
    expect(await text.getAttribute('lang')).toBe('en');
    await shoot(projector, 'projector-quiz-ar-fallback');

    // The role-play in English on the Arabic phone: its role name isolated inside the Arabic sentence.
    await rolePlayRoom(console_, phone.page);
    const role = phone.page.getByRole('heading', { name: /^دورك:/ });
    await expect
      .poll(() => role.textContent(), { timeout: 10_000 })
      .toBe('دورك: \u2068Witness\u2069');
    const brief = phone.page.getByText(/You are the staff member who was followed/);
    expect(await brief.getAttribute('dir')).toBe('ltr');
    // The quiz has left the phone with the role-play on: the role-play's note only.
    expect(await phone.page.getByRole('form', { name: 'الموقف 1.2' }).count()).toBe(0);
    expect(await phone.page.getByRole('note').allTextContents()).toEqual([ARABIC_NOTE]);
    const section = phone.page.getByRole('region', { name: /^Role-play/ });
    expect(await section.getByRole('note').textContent()).toBe(ARABIC_NOTE);
    await expect.poll(() => projector.getByRole('note').textContent()).toBe(ARABIC_NOTE);
    await shoot(phone.page, 'phone-roleplay-ar-fallback');
    await shoot(projector, 'projector-roleplay-ar-fallback');
  }, 120_000);
});

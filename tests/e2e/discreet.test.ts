import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { topicWordsIn } from '../../src/domain/care';
import { wallMonths } from '../../src/domain/timeline';
import { LANGUAGE_STORAGE_KEY } from '../../src/i18n/languages';
import {
  openTheWall,
  PHONE,
  joinAsPhone,
  newPerson,
  openConsole,
  type Person,
  showWallOnEveryScreen,
  useBrowser,
  writeCard,
} from './harness';

const { browser, baseURL } = useBrowser();
const NAME = 'Team meeting';
const shown = (page: Page) => page.locator('body').innerText();

/** Screenshots for people to look at, only when asked for (SWK_SHOTS_DIR=screenshots). */
async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.SWK_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/** The wall's heading on the projector in discreet mode (care.plain.timeline.wallHeading). */
const WALL_HEADING = { fr: 'Les cartes de l’année', ar: 'بطاقات السنة' } as const;

/** Each language's button past the welcome, as the phone shows it. */
const WELCOME_GO = {
  es: 'Entrar al taller',
  fr: 'Aller à l’atelier',
  ar: 'الدخول إلى ورشة العمل',
} as const;

describe('discreet mode', () => {
  it('the projector, phones (en, es, fr, ar) and every export of the room say the neutral name and none of the topic words', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await console_.getByRole('button', { name: 'Live room' }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    await console_.getByLabel('Neutral workshop name').fill(NAME);
    // A P typed into a field is a letter, not the room's pause.
    await console_.getByLabel('Neutral workshop name').press('p');
    // (The room's care controls load with the room, a moment after it opens.)
    await expect
      .poll(() => console_.getByRole('button', { name: 'Pause the room' }).count())
      .toBe(1);
    expect(await console_.getByRole('button', { name: 'Restore the room' }).count()).toBe(0);
    await console_.getByLabel('Neutral workshop name').press('Backspace');
    await console_.getByRole('button', { name: 'Use this name' }).click();
    await console_.getByText(`Discreet mode is on: screens and exports say “${NAME}”.`).waitFor();
    await expect.poll(() => console_.title()).toBe(NAME);

    const projector = await trainer.context.newPage();
    await projector.goto(`${baseURL}#/screen`);
    await expect
      .poll(() => projector.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
      .toBe(NAME);
    expect(await projector.title()).toBe(NAME);
    expect(topicWordsIn(await shown(projector), 'en')).toEqual([]);

    const phone = await joinAsPhone(browser(), link);
    const others = [];
    for (const language of ['es', 'fr', 'ar'] as const) {
      const person = await newPerson(browser(), PHONE, { locale: language });
      await person.context.grantPermissions(['microphone', 'camera']);
      await person.page.goto(link);
      others.push({ person, language });
    }
    const [spanish, french, arabic] = others.map((other) => other.person) as [
      Person,
      Person,
      Person,
    ];
    // The join screen, then the welcome, in each phone's language: the neutral name, no topic word.
    for (const [page, language] of [
      [phone.page, 'en'],
      ...others.map((other) => [other.person.page, other.language] as const),
    ] as const) {
      await expect.poll(() => page.title(), { timeout: 20_000 }).toBe(NAME);
      expect(await page.locator('.shell__name').textContent()).toBe(NAME);
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      expect(topicWordsIn(await shown(page), language), language).toEqual([]);
    }
    for (const { person, language } of others) {
      const go = person.page.getByRole('button', { name: WELCOME_GO[language] });
      await go.waitFor({ timeout: 20_000 });
      expect(await person.page.locator('.shell__name').textContent()).toBe(NAME);
      expect(topicWordsIn(await shown(person.page), language), language).toEqual([]);
      await shoot(person.page, `discreet-phone-welcome-${language}`);
    }
    // French and Arabic go past the welcome; Spanish stays on it.
    for (const { person, language } of others.slice(1)) {
      await person.page.getByRole('button', { name: WELCOME_GO[language] }).click();
    }
    // Content reads neutrally too: the case's own discreet title, the lexicon elsewhere.
    await showWallOnEveryScreen(console_, /Our year on a wall/);
    expect(topicWordsIn(await shown(console_), 'en')).toEqual([]);
    await expect
      .poll(async () => topicWordsIn(await shown(projector), 'en'), { timeout: 10_000 })
      .toEqual([]);
    // The English phone on the wall's card writer; the Spanish one still on its welcome.
    await phone.page.getByLabel('What happened? A few words.').waitFor({ timeout: 20_000 });
    expect(topicWordsIn(await shown(phone.page), 'en')).toEqual([]);
    expect(topicWordsIn(await shown(spanish.page), 'es')).toEqual([]);
    for (const [page, language] of [
      [french.page, 'fr'],
      [arabic.page, 'ar'],
    ] as const) {
      await expect
        .poll(async () => topicWordsIn(await shown(page), language), { timeout: 10_000 })
        .toEqual([]);
      await expect
        .poll(() => page.locator('textarea, input[type=text]').count())
        .toBeGreaterThan(0);
      expect(await page.locator('.shell__name').textContent()).toBe(NAME);
      await shoot(page, `discreet-phone-wall-${language}`);
    }
    await shoot(projector, 'discreet-projector-wall');
    // A projector window in French, then in Arabic (the language this laptop keeps), on the wall.
    for (const language of ['fr', 'ar'] as const) {
      await console_.evaluate(([key, value]) => localStorage.setItem(key, value), [
        LANGUAGE_STORAGE_KEY,
        language,
      ] as const);
      const screen = await trainer.context.newPage();
      await screen.goto(`${baseURL}#/screen`);
      await expect.poll(() => screen.locator('html').getAttribute('lang')).toBe(language);
      await expect.poll(() => screen.title(), { timeout: 20_000 }).toBe(NAME);
      await expect
        .poll(() => screen.getByText(WALL_HEADING[language]).count(), { timeout: 20_000 })
        .toBeGreaterThan(0);
      expect(topicWordsIn(await shown(screen), language), language).toEqual([]);
      await shoot(screen, `discreet-projector-wall-${language}`);
      await screen.close();
    }
    await console_.evaluate((key) => localStorage.setItem(key, 'en'), LANGUAGE_STORAGE_KEY);

    // "Unless the trainer wants it": the topic words come back in the content on every
    // screen that follows the room, while the name stays neutral; unticked, they go again.
    await console_.getByRole('button', { name: 'Live room' }).click();
    const keep = console_.getByRole('checkbox', { name: 'Keep the topic words in the content' });
    expect(await keep.isChecked()).toBe(false);
    await keep.check();
    await console_
      .getByText(
        `Discreet mode is on: screens and exports are named “${NAME}”; the content keeps the topic words.`,
      )
      .waitFor();
    await console_.setViewportSize({ width: 1366, height: 768 });
    await console_.getByRole('heading', { name: 'Discreet mode' }).scrollIntoViewIfNeeded();
    await shoot(console_, 'discreet-console-settings-1366');
    for (const [page, language] of [
      [projector, 'en'],
      [arabic.page, 'ar'],
    ] as const) {
      await expect
        .poll(async () => topicWordsIn(await shown(page), language).length, { timeout: 10_000 })
        .toBeGreaterThan(0);
      expect(await page.title()).toBe(NAME);
    }
    await keep.uncheck();
    for (const [page, language] of [
      [projector, 'en'],
      [arabic.page, 'ar'],
    ] as const) {
      await expect
        .poll(async () => topicWordsIn(await shown(page), language), { timeout: 10_000 })
        .toEqual([]);
    }
    // An open wall, so the card is on the wall (and in every export) without moderation.
    await openTheWall(console_);
    expect(topicWordsIn(await shown(phone.page), 'en')).toEqual([]);
    await phone.page.getByLabel('What happened? A few words.').fill('Door left open at night');
    await phone.page.getByRole('button', { name: 'Add the card' }).click();
    await expect.poll(() => console_.getByText('Cards in the room: 1').count()).toBe(1);
    // A card counted, not shown: sealed even on an open wall; it adds to its month's count.
    const month = wallMonths(new Date(), null)[9] ?? '';
    await writeCard(phone.page, 'Van parked outside the office', 'Counted, not shown', month);
    await console_.getByRole('button', { name: 'Cases' }).click();
    await console_.getByRole('button', { name: /Our year on a wall/ }).click();
    await expect
      .poll(() => console_.getByText('Counted on the wall, not shown: 1').count())
      .toBeGreaterThan(0);
    await console_.getByRole('button', { name: 'Live room' }).click();

    const dir = mkdtempSync(join(tmpdir(), 'swk-discreet-'));
    const save = async (button: string, keeper = false) => {
      if (keeper) {
        await console_.getByRole('button', { name: button }).click();
        await console_.getByLabel('Who keeps it (a name or a role)').fill('The coordinator');
      }
      const [file] = await Promise.all([
        console_.waitForEvent('download'),
        console_
          .getByRole('button', { name: keeper ? 'Export the file' : button, exact: true })
          .click(),
      ]);
      const path = join(dir, file.suggestedFilename());
      await file.saveAs(path);
      expect(file.suggestedFilename()).toMatch(/^team-meeting-\d{4}-\d\d-\d\d\.(pdf|csv|ics)$/);
      return path;
    };
    const pdfText = (path: string) =>
      execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const pdfInfo = (path: string) => execFileSync('pdfinfo', [path], { encoding: 'utf8' });

    // The wall.
    await console_.getByRole('combobox', { name: 'Paper' }).selectOption('A4');
    const wall = await save('Wall (PDF)');
    expect(pdfText(wall)).toContain(NAME);
    expect(pdfText(wall)).toContain('Door left open at night');
    // The counted card: in its month's count, never its text.
    expect(pdfText(wall)).toMatch(/\(1\) Counted on the wall, not shown: 1/);
    expect(pdfText(wall)).not.toContain('Van parked');
    expect(topicWordsIn(pdfText(wall), 'en')).toEqual([]);
    expect(pdfInfo(wall)).toMatch(new RegExp(`^Title:\\s+${NAME}$`, 'm'));
    expect(topicWordsIn(pdfInfo(wall), 'en')).toEqual([]);
    expect(pdfInfo(wall)).not.toContain('Workshop Kit');

    // The register, from the timeline.
    await console_.getByRole('button', { name: 'Cases' }).click();
    await console_.getByRole('button', { name: /Our year on a wall/ }).click();
    const csv = readFileSync(await save('Register (CSV)', true), 'utf8');
    expect(csv).toContain('Door left open at night');
    expect(topicWordsIn(csv, 'en')).toEqual([]);
    // Every other PDF the case offers (cards to cut out, the year line...): neutral text too.
    const casePdfs = console_.getByRole('button', { name: /\(PDF/ });
    const offered: string[] = [];
    for (const button of await casePdfs.all()) {
      if (await button.isVisible()) offered.push((await button.textContent()) ?? '');
    }
    expect(offered.length).toBeGreaterThan(1);
    for (const sheet of offered) {
      const path = await save(sheet);
      expect(topicWordsIn(pdfText(path), 'en'), sheet).toEqual([]);
      expect(topicWordsIn(pdfInfo(path), 'en'), sheet).toEqual([]);
    }

    // The agenda back on the projector, so it shows the session the console opens.
    await console_.getByRole('button', { name: 'Put the agenda back on the projector' }).click();
    // A session's PDFs: flipcharts, handouts and notes, their text neutral throughout.
    await console_.getByRole('button', { name: 'Sessions', exact: true }).click();
    await console_.getByRole('button', { name: /Looking back on the year/ }).click();
    await expect
      .poll(() => projector.getByText(/Looking back on the year/).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(topicWordsIn(await shown(projector), 'en')).toEqual([]);
    // The lexicon reads naturally: a security incident is an event, not a "wellbeing event".
    expect(await shown(projector)).toContain('Identifying events');
    await shoot(projector, 'discreet-projector-session');
    // The projector's second language (for an interpreter), French then Arabic, beside English.
    const second = console_.getByRole('combobox', { name: 'Second language on the projector' });
    const columns = projector.locator('.projector-bilingual__column');
    for (const language of ['fr', 'ar'] as const) {
      await second.selectOption(language);
      await expect.poll(() => columns.count(), { timeout: 10_000 }).toBe(2);
      expect(await columns.nth(1).getAttribute('lang')).toBe(language);
      await expect
        .poll(async () => topicWordsIn((await columns.nth(1).innerText()) ?? '', language), {
          timeout: 10_000,
        })
        .toEqual([]);
      expect(topicWordsIn(await shown(projector), language)).toEqual([]);
      await shoot(projector, `discreet-projector-en-${language}`);
    }
    await second.selectOption('');
    await expect.poll(() => columns.count()).toBe(0);
    for (const sheet of [
      'Flipcharts for this session (PDF)',
      'Handouts for this session (PDF, A4)',
      "Facilitator's notes for this session (PDF)",
    ]) {
      const path = await save(sheet);
      expect(topicWordsIn(pdfText(path), 'en'), sheet).toEqual([]);
      expect(topicWordsIn(pdfInfo(path), 'en'), sheet).toEqual([]);
    }

    // The plan: its outline and its calendar.
    await console_.getByRole('button', { name: 'Plan', exact: true }).click();
    await console_.getByLabel('Title of the plan').fill('Office plan');
    await console_.getByRole('button', { name: 'Plan outline' }).click();
    const outline = await save('Plan outline (PDF)');
    expect(pdfText(outline)).toContain(NAME);
    expect(topicWordsIn(pdfText(outline), 'en')).toEqual([]);
    expect(pdfInfo(outline)).toMatch(new RegExp(`^Title:\\s+${NAME}$`, 'm'));
    const ics = readFileSync(await save('Deadlines and reviews (calendar, .ics)'), 'utf8');
    expect(ics).toContain(`X-WR-CALNAME:${NAME}`);
    expect(ics).toContain('SUMMARY:Plan follow-up: Office plan');
    expect(topicWordsIn(ics, 'en')).toEqual([]);

    // Turned off, the usual words come back.
    await console_.getByRole('button', { name: 'Live room' }).click();
    await console_.getByRole('checkbox', { name: /Use a neutral name/ }).uncheck();
    await expect.poll(() => projector.title()).toBe('Security Workshop Kit');
    await expect.poll(() => phone.page.locator('.shell__name').textContent()).toBe('Workshop');
    expect(await console_.getByText('Incident cards in the room: 1').count()).toBe(1);

    expect([
      ...trainer.errors,
      ...phone.errors,
      ...spanish.errors,
      ...french.errors,
      ...arabic.errors,
    ]).toEqual([]);
    for (const person of [phone, spanish, french, arabic, trainer]) await person.context.close();
  }, 240_000);
});

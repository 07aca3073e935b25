import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { topicWordsIn } from '../../src/domain/care';
import { wallMonths } from '../../src/domain/timeline';
import {
  openTheWall,
  PHONE,
  joinAsPhone,
  newPerson,
  openConsole,
  showWallOnEveryScreen,
  useBrowser,
  writeCard,
} from './harness';

const { browser, baseURL } = useBrowser();
const NAME = 'Team meeting';
const shown = (page: Page) => page.locator('body').innerText();

describe('discreet mode', () => {
  it('the projector, phones (en, es) and every export of the room say the neutral name and none of the topic words', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await console_.getByRole('button', { name: 'Live room' }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    await console_.getByLabel('Neutral workshop name').fill(NAME);
    // A P typed into a field is a letter, not the room's pause.
    await console_.getByLabel('Neutral workshop name').press('p');
    expect(await console_.getByRole('button', { name: 'Pause the room' }).count()).toBe(1);
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
    const spanish = await newPerson(browser(), PHONE, { locale: 'es-ES' });
    await spanish.context.grantPermissions(['microphone', 'camera']);
    await spanish.page.goto(link);
    for (const [page, language] of [
      [phone.page, 'en'],
      [spanish.page, 'es'],
    ] as const) {
      await expect.poll(() => page.title(), { timeout: 20_000 }).toBe(NAME);
      expect(await page.locator('.shell__name').textContent()).toBe(NAME);
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      expect(topicWordsIn(await shown(page), language)).toEqual([]);
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
    await console_.getByRole('button', { name: 'Live room' }).click();
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

    // A session's PDFs: flipcharts, handouts and notes, their text neutral throughout.
    await console_.getByRole('button', { name: 'Sessions', exact: true }).click();
    await console_.getByRole('button', { name: /Looking back on the year/ }).click();
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

    expect([...trainer.errors, ...phone.errors, ...spanish.errors]).toEqual([]);
    for (const person of [phone, spanish, trainer]) await person.context.close();
  }, 120_000);
});

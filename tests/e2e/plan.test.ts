import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectStayedInRoom, joinAsPhone, openConsole, useBrowser } from './harness';

const { browser, baseURL } = useBrowser();

async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.SWK_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

type Measure = {
  threat: string;
  text: string;
  kind: 'Preventive' | 'Reactive';
  who: string;
  cost: string;
  deadline: string;
};

/** A group's phone adds one measure to its threat and fills every field. */
async function addMeasure(page: Page, group: string, m: Measure): Promise<void> {
  await page
    .getByRole('combobox', { name: 'Your group' })
    .selectOption({ label: group }, { timeout: 15_000 });
  const block = page.getByRole('region', { name: `Measures against: ${m.threat}` });
  await block.getByRole('button', { name: `Add a measure against “${m.threat}”` }).click();
  const measure = block.getByRole('group', { name: 'Measure 1' });
  await measure.getByLabel('Security measure').fill(m.text);
  await measure.getByLabel('Preventive or reactive').selectOption({ label: m.kind });
  await measure.getByLabel('Responsibility').fill(m.who);
  await measure.getByLabel('Cost ($)').fill(m.cost);
  await measure.getByLabel('Timetable').selectOption({ label: 'By a date' });
  await measure.getByLabel('Deadline').fill(m.deadline);
}

describe('the security plan built by groups on their phones', () => {
  it('two groups edit their threats’ measures at once; the projector shows both; the outline, calendar and plan file', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    // The built page carries the policy too, wherever it is served from.
    expect(
      await console_.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
    ).toContain("script-src 'self'");
    await console_.getByRole('button', { name: 'Security plan', exact: true }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    await console_.getByLabel('Title of the plan').fill('Office security plan');
    await console_.getByLabel('Organisation').fill('Defenders Collective');
    // No currency until the plan names one: costs are not dollars by default.
    await expect.poll(() => console_.getByLabel('Currency').inputValue()).toBe('');
    await console_.getByLabel('Currency').fill('$');
    await console_.getByLabel('Date drafted').fill('2026-11-23');
    await console_.getByLabel('People responsible for the plan').fill('Ana and Luis');
    await console_.locator('summary', { hasText: 'Groups' }).click();
    await console_.getByLabel('Number of groups').fill('2');
    await console_.getByRole('button', { name: 'Form the groups' }).click();

    const threats = ['Break-in at the office', 'Our email is read by those we oppose'];
    for (const threat of threats) {
      await console_.getByLabel('A threat', { exact: true }).fill(threat);
      await console_.getByRole('button', { name: 'Add the threat' }).click();
    }
    const ranked = console_.getByRole('list', { name: 'Threats, highest priority first' });
    for (const [index, threat] of threats.entries()) {
      const item = ranked.getByRole('listitem').filter({ hasText: threat });
      await item.getByRole('checkbox').check();
      await item.getByLabel('Group').selectOption({ label: `Group ${index + 1}` });
    }
    // Ranked by seriousness: the email threat made high goes first.
    await ranked
      .getByRole('listitem')
      .filter({ hasText: threats[1] })
      .getByLabel('Seriousness')
      .selectOption({ label: 'High' });
    await expect
      .poll(() => ranked.getByRole('listitem').first().textContent())
      .toContain(threats[1]);

    await console_.getByLabel('Groups edit their part from their phones').check();
    await console_.getByRole('button', { name: 'Show the plan table on the projector' }).click();
    await console_.getByRole('button', { name: 'Live room' }).click();
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    await console_.getByRole('button', { name: 'Security plan', exact: true }).click();
    const projector = await trainer.context.newPage();
    await projector.goto(`${baseURL}#/screen`);

    const [one, two] = [await joinAsPhone(browser(), link), await joinAsPhone(browser(), link)];
    const measures: [Measure, Measure] = [
      {
        threat: threats[0] ?? '',
        text: 'Buy an external hard drive for backups',
        kind: 'Preventive',
        who: 'Finance officer',
        cost: '200',
        deadline: '2026-12-07',
      },
      {
        threat: threats[1] ?? '',
        text: 'Encrypt email with GPG',
        kind: 'Preventive',
        who: 'Communications officer',
        cost: '0',
        deadline: '2027-01-15',
      },
    ];
    // Both groups at the same time.
    await Promise.all([
      addMeasure(one.page, 'Group 1', measures[0]),
      addMeasure(two.page, 'Group 2', measures[1]),
    ]);
    // A group sees only its own threat.
    expect(
      await one.page.getByRole('region', { name: `Measures against: ${threats[1]}` }).count(),
    ).toBe(0);

    // Each field is its own change: the projector shows them as they come.
    const shown = [
      ...measures.map((m) => m.text),
      'Finance officer',
      'Communications officer',
      'Total cost: $200',
    ];
    for (const text of shown) {
      await expect
        .poll(() => projector.locator('.plan-table').textContent(), { timeout: 10_000 })
        .toContain(text);
    }
    await shoot(projector, 'plan-projector');
    await shoot(two.page, 'plan-phone');
    await shoot(console_, 'plan-console-threats');
    await console_.getByRole('button', { name: '5. Measures' }).click();
    await shoot(console_, 'plan-console-measures');

    // The console: the outline PDF, the calendar and the plan file.
    await console_.getByRole('button', { name: 'Plan outline' }).click();
    const dir = mkdtempSync(join(tmpdir(), 'swk-plan-'));
    const save = async (name: string, button: string) => {
      const [file] = await Promise.all([
        console_.waitForEvent('download'),
        console_.getByRole('button', { name: button }).click(),
      ]);
      const path = join(dir, name);
      await file.saveAs(path);
      return path;
    };
    const pdf = await save('outline.pdf', 'Plan outline (PDF)');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'Office security plan',
      'Defenders Collective',
      'Ana and Luis',
      'Buy an external hard drive for backups',
      'Finance officer',
      'Encrypt email with GPG',
      'Communications officer',
      'Dec 7, 2026',
      'Jan 15, 2027',
      '$200',
    ]) {
      expect(text).toContain(expected);
    }
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-png',
      pdf,
      join(process.env.SWK_SHOTS_DIR ?? dir, 'plan-outline'),
    ]);

    const ics = readFileSync(
      await save('plan.ics', 'Deadlines and reviews (calendar, .ics)'),
      'utf8',
    );
    const events = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    const bySummary = new Map(events.map((e) => [e.summary, e]));
    expect(bySummary.get('Encrypt email with GPG')?.startDate.toString()).toBe('2027-01-15');
    expect(bySummary.get('Buy an external hard drive for backups')?.description).toContain(
      'Responsibility: Finance officer',
    );
    const followUp = bySummary.get('Security plan follow-up: Office security plan');
    expect(followUp?.isRecurring()).toBe(true);
    expect(ics).not.toContain(link.split('#')[1] ?? 'no-fragment');

    // The plan file opens again: the plan comes back from it.
    const json = await save('plan.json', 'The plan as a file (.json)');
    expect(readFileSync(json, 'utf8')).not.toMatch(/device|client/i);
    console_.once('dialog', (dialog) => void dialog.accept());
    await console_.getByLabel('Open a plan file to review it').setInputFiles(json);
    await expect
      .poll(() => console_.getByRole('status').filter({ hasText: 'Plan opened' }).textContent())
      .toContain('Plan opened: 2 measures (0 unreadable entries left out).');
    await console_.getByLabel('Open a plan file to review it').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"something else"}'),
    });
    await expect
      .poll(() => console_.getByRole('alert').textContent())
      .toContain('not a security plan from this app');

    // A whole workshop flow: no policy violation, no other host, the key in nothing sent.
    for (const person of [trainer, one, two]) {
      expectStayedInRoom(person, baseURL, link);
      expect(person.errors).toEqual([]);
      await person.context.close();
    }
  }, 240_000);
});

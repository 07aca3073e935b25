import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/content/readContentFiles';
import { validateContent } from '../../src/content/validate';
import {
  expectStayedInRoom,
  joinAsPhone,
  openConsole,
  passPrivacyNoticeIfShown,
  useBrowser,
} from './harness';

const { library } = validateContent(readContentFiles(process.cwd()));

const { browser, baseURL } = useBrowser();

/** Screenshots for people to look at, only when asked for (SWK_SHOTS_DIR=screenshots). */
async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.SWK_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

async function sendPoint(page: Page, about: string, text: string, extra: [string, string][] = []) {
  const form = page.getByRole('form', { name: /^Now:/ });
  await passPrivacyNoticeIfShown(page, form);
  await form.getByLabel('Your point is about').selectOption({ label: about });
  await form.getByLabel('Your point', { exact: true }).fill(text);
  for (const [label, value] of extra) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole('button', { name: 'Send to the facilitator' }).click();
  await expect
    .poll(() => page.getByRole('list', { name: 'Your points' }).textContent())
    .toContain(text);
}

describe('the role-play walkthrough with phones', () => {
  it('a witness and two staff phones: roles, the three steps, the register and a measure for the plan', async () => {
    const trainer = await openConsole(browser(), baseURL);
    const console_ = trainer.page;
    await console_.getByRole('button', { name: 'Cases' }).click();
    await console_.getByRole('button', { name: /Role-play: followed/ }).click();
    await console_.getByRole('button', { name: 'Open a live room' }).click();
    await console_.getByRole('button', { name: 'Open the role-play to the room' }).click();
    await console_.getByRole('button', { name: 'Live room' }).click();
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    await console_.getByRole('button', { name: 'Cases' }).click();
    const projector = await trainer.context.newPage();
    await projector.goto(`${baseURL}#/screen`);
    await expect
      .poll(() => projector.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
      .toBe('Setup: story and roles');
    // The timer comes from the session's agenda: the role-play's 30 minutes.
    expect(await projector.getByRole('timer').textContent()).toBe('30:00');

    const phones = [
      await joinAsPhone(browser(), link),
      await joinAsPhone(browser(), link),
      await joinAsPhone(browser(), link),
    ];
    for (const phone of phones) {
      // The case's content note comes first; each phone reads it and goes on.
      await phone.page
        .getByRole('region', { name: 'Before this activity' })
        .getByRole('button', { name: 'Continue' })
        .click();
      await phone.page.getByRole('button', { name: 'Take part in the role-play' }).click();
    }
    const cast = console_.getByRole('list', { name: 'Who plays whom' });
    await expect.poll(() => cast.getByRole('listitem').count(), { timeout: 10_000 }).toBe(3);
    expect(await console_.getByRole('note').first().textContent()).toContain(
      'Witness needs exactly one person (now: 0)',
    );
    // Roles by hand: the first phone is the witness, the others staff members.
    const [witness, staff1, staff2] = phones.map((p) => p.page) as [Page, Page, Page];
    const numberOf = async (page: Page) =>
      Number((await page.locator('.role-card__person').textContent())?.match(/\d+/)?.[0]);
    await cast
      .getByRole('combobox', { name: `Role of person ${await numberOf(witness)}` })
      .selectOption({ label: 'Witness' });
    for (const page of [staff1, staff2]) {
      await cast
        .getByRole('combobox', { name: `Role of person ${await numberOf(page)}` })
        .selectOption({ label: 'Staff member' });
    }
    await expect
      .poll(() => witness.getByRole('heading', { name: 'Your role: Witness' }).count())
      .toBe(1);
    expect(await witness.getByText(/white van with no number plates one block away/).count()).toBe(
      1,
    );
    for (const page of [staff1, staff2]) {
      await expect
        .poll(() => page.getByRole('heading', { name: 'Your role: Staff member' }).count())
        .toBe(1);
    }
    await shoot(witness, 'roleplay-phone-role-card');
    await shoot(projector, 'roleplay-projector-setup');
    await console_.getByRole('button', { name: 'Start the timer' }).click();

    // The group jumps to the analysis: the console notices the skipped register.
    const stages = console_.getByRole('navigation', { name: 'Steps of the meeting' });
    await stages.getByRole('button', { name: '2. Analyse the incident' }).click();
    await expect
      .poll(() =>
        console_.getByRole('list', { name: 'Points to raise with the group' }).textContent(),
      )
      .toContain('The group moved on without registering the incident');
    // Back to step 1: the witness's account fills the register.
    await stages.getByRole('button', { name: '1. Register the incident' }).click();
    await sendPoint(
      witness,
      'What happened',
      'A man followed me, then waited in a white van with no plates',
    );
    await sendPoint(witness, 'Where', 'On the way home, one block from the office');
    await console_.getByRole('button', { name: 'Add to “What happened”' }).click();
    await console_.getByRole('button', { name: 'Add to “Where”' }).click();
    await console_.getByLabel('When', { exact: true }).fill('Today, 18:10');
    await console_.getByLabel('Who was involved').fill('One man, about 40; a white van');
    await console_.getByLabel('Who reports it').fill('The witness');
    await expect
      .poll(() => projector.locator('.role-play-screen__form').textContent())
      .toContain('A man followed me, then waited in a white van with no plates');
    // Each field typed on the console is its own change: the projector reads them as they come.
    await expect
      .poll(() => projector.locator('.role-play-screen__form').textContent())
      .toContain('One man, about 40');
    await shoot(projector, 'roleplay-projector-register');

    // Step 2: two staff phones say the same fact; the facilitator merges them.
    await stages.getByRole('button', { name: '2. Analyse the incident' }).click();
    expect(
      await console_.getByRole('list', { name: 'Points to raise with the group' }).count(),
    ).toBe(0);
    await sendPoint(staff1, 'Facts', 'He crossed the street when she did');
    await sendPoint(staff2, 'Facts', 'The man changed pavement with her');
    await sendPoint(
      staff2,
      'Possible authors and sources',
      'Linked to our report on the land case',
    );
    const facts = console_.getByRole('list', { name: 'Proposed from phones: Facts' });
    await expect.poll(() => facts.getByRole('checkbox').count()).toBe(2);
    await facts.getByRole('checkbox').nth(0).check();
    await facts.getByRole('checkbox').nth(1).check();
    await console_.getByRole('button', { name: 'Merge the selected points (2)' }).click();
    // Both points were sealed by their phones: each author is asked before the merged one shows.
    const merged = 'He crossed the street when she did. The man changed pavement with her.';
    for (const page of [staff1, staff2]) {
      const asked = page.getByRole('group', {
        name: 'The facilitator suggests this wording for the board:',
      });
      await expect.poll(() => asked.textContent(), { timeout: 15_000 }).toContain(merged);
      expect(await projector.locator('.role-play-screen__parts').textContent()).not.toContain(
        merged,
      );
      await asked.getByRole('button', { name: 'Publish this wording' }).click();
    }
    const authors = console_.getByRole('list', {
      name: 'Proposed from phones: Possible authors and sources',
    });
    await authors.getByRole('button', { name: 'Accept' }).click();
    await expect
      .poll(() => projector.locator('.role-play-screen__parts').textContent())
      .toContain(merged);
    await expect
      .poll(() => projector.locator('.role-play-screen__parts').textContent())
      .toContain('Linked to our report on the land case');
    await expect
      .poll(() => staff2.getByRole('list', { name: 'Your points' }).textContent())
      .toContain('Merged with others');
    await shoot(projector, 'roleplay-projector-analyse');

    // Step 3: an action with who and when, and the care of the witness.
    await stages.getByRole('button', { name: '3. Decide how to react' }).click();
    await sendPoint(staff1, 'Actions: who and by when', 'Vary the route to the office', [
      ['Who', 'Logistics officer'],
      ['By when', 'This week'],
    ]);
    await sendPoint(
      staff2,
      'Care for the person who suffered the incident',
      'Someone walks her home tonight',
    );
    for (const name of [
      'Actions: who and by when',
      'Care for the person who suffered the incident',
    ]) {
      await console_
        .getByRole('list', { name: `Proposed from phones: ${name}` })
        .getByRole('button', { name: 'Accept' })
        .click();
    }
    await expect
      .poll(() => projector.locator('.role-play-screen__parts').textContent())
      .toContain('Vary the route to the office (Logistics officer, This week)');
    await shoot(projector, 'roleplay-projector-react');

    // Conclusion: a key point, the incident into the register and onto the timeline, the measure into the plan.
    await stages.getByRole('button', { name: 'Conclusion: key points' }).click();
    await console_.getByLabel('Add a point: Key points').fill('Register first, even when unsure');
    await console_.getByRole('button', { name: 'Add', exact: true }).click();
    await console_.getByLabel('Severity').selectOption({ label: 'Red: serious' });
    await console_.getByLabel('Also put it on the incident timeline').check();
    await console_.getByRole('button', { name: 'Add to the incident register' }).click();
    await expect
      .poll(() => console_.getByRole('list', { name: 'Registered incidents' }).textContent())
      .toContain('A man followed me');
    const toPlan = console_.getByRole('list', { name: 'Reactions to send to the security plan' });
    await toPlan.getByRole('button', { name: 'Send to the security plan' }).click();
    await expect
      .poll(() => toPlan.getByRole('button', { name: 'In the security plan' }).count())
      .toBe(1);
    // The reminder to care for the victim is the facilitator's, on the console only.
    const rolePlay = library.cases.en.find((c) => c.data.id === 'role-play-followed');
    if (rolePlay?.data.format !== 'roleplay') throw new Error('role-play missing');
    expect(await projector.locator('body').textContent()).not.toContain(rolePlay.data.careReminder);
    await shoot(projector, 'roleplay-projector-conclusion');
    await shoot(console_, 'roleplay-console-conclusion');

    // The register as CSV holds the registered incident once, though it also put a card on the wall.
    const dir = mkdtempSync(join(tmpdir(), 'swk-roleplay-'));
    // The console asks who will keep the register before it leaves the laptop.
    await console_.getByRole('button', { name: 'Incident register (CSV)' }).click();
    await console_.getByLabel('Who keeps it (a name or a role)').fill('The coordinator');
    const [csvDownload] = await Promise.all([
      console_.waitForEvent('download'),
      console_.getByRole('button', { name: 'Export the file' }).click(),
    ]);
    const csvPath = join(dir, 'register.csv');
    await csvDownload.saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv).toContain(
      '"Today, 18:10","Red: serious","A man followed me, then waited in a white van with no plates","On the way home, one block from the office","One man, about 40; a white van","The witness"',
    );
    // Registered and put on the wall, it is one incident: one row, not two.
    expect(csv.split('\r\n').filter((line) => line.includes('A man followed me'))).toHaveLength(1);

    // The record as a flipchart sheet.
    const [pdfDownload] = await Promise.all([
      console_.waitForEvent('download'),
      console_.getByRole('button', { name: "The group's record (PDF)" }).click(),
    ]);
    const pdfPath = join(dir, 'record.pdf');
    await pdfDownload.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('Today, 18:10');
    expect(text).toContain('He crossed the street when she did.');
    expect(text).toContain('Register first, even when unsure');
    // The action's who and by when are columns of their own, not text after it.
    expect(text).toContain('By when');
    expect(text).toContain('Logistics officer');
    expect(text).not.toContain('(Logistics officer, This week)');

    // The measure waits in the plan builder, not yet under an objective, with who and when kept.
    await console_.getByRole('button', { name: 'Security plan', exact: true }).click();
    await console_.getByRole('button', { name: '5. Measures' }).click();
    const unplaced = console_.getByRole('list', { name: 'Measures not yet under an objective' });
    await expect
      .poll(() => unplaced.getByLabel('Security measure').inputValue())
      .toBe('Vary the route to the office (This week)');
    expect(await unplaced.getByLabel('Responsibility').inputValue()).toBe('Logistics officer');
    // The registered incident can become one of the plan's threats.
    await console_.getByRole('button', { name: '1. Threats' }).click();
    await console_.locator('summary', { hasText: 'From the role-play and the timeline' }).click();
    // Offered once, from the role-play: its card on the wall is the same incident.
    const offered = console_.getByRole('list', { name: 'Incidents that may be threats' });
    expect(
      await offered.getByRole('listitem').filter({ hasText: 'A man followed me' }).count(),
    ).toBe(1);
    await offered
      .getByRole('listitem')
      .filter({ hasText: 'Role-play' })
      .getByRole('button', { name: 'Add as a threat' })
      .click();
    await expect
      .poll(() =>
        console_.getByRole('list', { name: 'Threats, highest priority first' }).textContent(),
      )
      .toContain('A man followed me, then waited in a white van with no plates');

    // A whole workshop flow: no policy violation, no other host, the key in nothing sent.
    for (const person of [trainer, ...phones]) {
      expectStayedInRoom(person, baseURL, link);
      expect(person.errors).toEqual([]);
      await person.context.close();
    }
  }, 240_000);
});

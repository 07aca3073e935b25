/**
 * The whole "Security incidents" session run from the agenda alone, as a trainer
 * would: a console at 1366x768, its projector window at 1920x1080, three phones
 * in English, Spanish and Arabic. Every tool is reached with the agenda's own
 * buttons (Start, Open on every screen, Next, Previous), first on "Plan & run
 * the day", then on the running agenda's band above each tool, so the trainer
 * never goes back to the day's shelf. The wall is moderated (the default): the
 * phones' cards are published from the console's queue. At every step the
 * projector and each phone show the current activity, in the phone's language,
 * and nothing of the one before. The trainer's clicks, choices and typed fields
 * are counted and printed.
 *
 * SWK_SHOTS_DIR=<folder> also saves each stage of every screen there: phones at
 * 390x844 (full length), the console and the projector each at 1366x768 and 1920x1080.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findCase, findSession } from '../../src/content/library';
import { readContentFiles } from '../../src/content/readContentFiles';
import { validateContent } from '../../src/content/validate';
import ar from '../../src/i18n/locales/ar.json';
import en from '../../src/i18n/locales/en.json';
import es from '../../src/i18n/locales/es.json';
import { PHONE, newPerson, passWelcome, useBrowser, type Person } from './harness';

const { browser, baseURL } = useBrowser();
const { library } = validateContent(readContentFiles(process.cwd()));
const SHOTS = process.env.SWK_SHOTS_DIR ?? null;
const CONSOLE = { width: 1366, height: 768 };
const PROJECTOR_SIZE = { width: 1920, height: 1080 };
const SESSION = 'security-incidents';

type Locale = typeof en;
const LOCALES = { en, es, ar } as const;
type Language = keyof typeof LOCALES;

/** A string of the phone's language, with its {{placeholders}} filled. */
function say(language: Language, path: string, values: Record<string, string> = {}): string {
  const found = path
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      LOCALES[language] as Locale,
    );
  if (typeof found !== 'string') throw new Error(`no string ${path} in ${language}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);
}

const caseTitle = (id: string, language: Language) =>
  findCase(library, id, language)?.data.title ?? id;
const itemTitle = (itemId: string, language: Language) =>
  findSession(library, SESSION, language)?.data.agenda.find((item) => item.id === itemId)?.title ??
  itemId;

/** Every click, choice and typed field of the trainer goes through here, and is counted. */
function trainerActions() {
  const done: string[] = [];
  return {
    done,
    click: async (target: Locator, what: string) => {
      await target.click();
      done.push(`click ${what}`);
    },
    check: async (target: Locator, what: string, on = true) => {
      if (on) await target.check();
      else await target.uncheck();
      done.push(`${on ? 'tick' : 'untick'} ${what}`);
    },
    fill: async (target: Locator, text: string, what: string) => {
      await target.fill(text);
      done.push(`type ${what}`);
    },
  };
}

type Phone = Person & { language: Language };

/** What a phone shows: one section only, the current activity's (or the day's note), by its heading. */
async function expectPhoneOn(phone: Phone, heading: string | RegExp): Promise<void> {
  const sections = phone.page.locator('main section.phone-activity, main section.phone-day');
  const headingOf = () => sections.first().locator('h2').first().textContent();
  await expect
    .poll(headingOf, { timeout: 20_000 })
    .toMatch(typeof heading === 'string' ? new RegExp(`^${escape(heading)}$`) : heading);
  // Nothing stale: the activity before is gone, and so is any other tool's form.
  expect(await sections.count(), `${phone.language}: one activity only`).toBe(1);
  expect(await phone.page.locator('html').getAttribute('lang')).toBe(phone.language);
}

/** The projector's screens, by their root class: exactly the expected one is up. */
const PROJECTOR_SCREENS = [
  'join-screen',
  'projector--day-plan',
  'projector-slides',
  'projector--quiz',
  'projector--story',
  'projector--run',
  'projector--timeline',
  'projector--roleplay',
  'projector--plan',
] as const;
type ProjectorScreen = (typeof PROJECTOR_SCREENS)[number];

async function expectProjectorOn(projector: Page, screen: ProjectorScreen, text?: string) {
  await expect
    .poll(() => projector.locator(`.${screen}`).count(), { timeout: 20_000 })
    .toBeGreaterThan(0);
  for (const other of PROJECTOR_SCREENS) {
    if (other !== screen) expect(await projector.locator(`.${other}`).count(), other).toBe(0);
  }
  if (text) {
    await expect
      .poll(() => projector.locator(`.${screen}`).first().textContent(), { timeout: 20_000 })
      .toContain(text);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the whole session from the agenda', () => {
  it('runs "Security incidents" from 09:00 with the agenda’s buttons alone, moderated, Previous included: the projector and three phones (en, es, ar) always show the current activity', async () => {
    const trainer = await newPerson(browser(), CONSOLE);
    await trainer.context.grantPermissions(['microphone', 'camera']);
    const console_ = trainer.page;
    await console_.goto(baseURL);
    const act = trainerActions();
    const button = (name: string | RegExp) =>
      console_.getByRole('button', { name, exact: typeof name === 'string' });
    // The running agenda's band above every tool's shelf: where the trainer runs the day from.
    const strip = console_.getByRole('region', { name: 'The running agenda' });
    const stripButton = (name: string | RegExp) =>
      strip.getByRole('button', { name, exact: typeof name === 'string' });
    const shots: [string, Page][] = [];
    const shoot = async (stage: string) => {
      if (!SHOTS) return;
      mkdirSync(SHOTS, { recursive: true });
      for (const [who, page] of shots) {
        if (who.startsWith('phone')) {
          await page.screenshot({ path: `${SHOTS}/${stage}-${who}.png`, fullPage: true });
          continue;
        }
        const own = page.viewportSize();
        for (const size of [CONSOLE, PROJECTOR_SIZE]) {
          await page.setViewportSize(size);
          await page.waitForTimeout(400);
          await page.screenshot({ path: `${SHOTS}/${stage}-${who}-${size.width}.png` });
        }
        if (own) await page.setViewportSize(own);
      }
    };

    // Planning: this session alone, from 09:00.
    const sessions = console_.getByRole('group', { name: 'Sessions in the day, in order' });
    for (const [name, on] of [
      [/Security incidents/, true],
      [/Organisational security plans/, false],
      [/Preparing a security plan/, false],
    ] as const) {
      const box = sessions.getByRole('checkbox', { name });
      if ((await box.isChecked()) !== on) await act.check(box, String(name), on);
    }
    await act.fill(console_.getByLabel('Start time'), '09:00', 'start time');
    // The optional timeline of the participants' own incidents is run too.
    await act.check(
      console_.getByRole('checkbox', {
        name: 'Run the optional activity Security incidents in your own environment',
      }),
      'the optional own-incidents activity',
    );
    await expect
      .poll(() => console_.getByText(/160′ planned; the session states 140′/).count())
      .toBe(1);

    // The room, and the projector window beside the console: a new room opens on the join screen.
    await act.click(button('Live room'), 'Live room');
    await act.click(button('Open a live room'), 'Open a live room');
    const link = (await console_.locator('.join-link code').textContent()) ?? '';
    const [projector] = await Promise.all([
      trainer.context.waitForEvent('page'),
      act.click(button('Open projector screen'), 'Open projector screen'),
    ]);
    await projector.setViewportSize(PROJECTOR_SIZE);
    await projector.waitForURL(/#\/screen$/);
    await expectProjectorOn(projector, 'join-screen');
    await expect
      .poll(() => projector.locator('.join-screen__code').textContent(), { timeout: 20_000 })
      .toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    // Three phones join before the day starts: each is welcomed in its language.
    const phones: Phone[] = [];
    for (const language of ['en', 'es', 'ar'] as const) {
      const person = await newPerson(browser(), PHONE, { locale: language });
      await person.context.grantPermissions(['microphone', 'camera']);
      await person.page.goto(link);
      phones.push({ ...person, language });
    }
    shots.push(['console', console_], ['projector', projector]);
    for (const phone of phones) shots.push([`phone-${phone.language}`, phone.page]);
    for (const phone of phones) {
      const welcome = phone.page.locator('.phone-welcome');
      const title = findSession(library, SESSION, phone.language)?.data.title ?? '';
      await expect
        .poll(() => phone.page.getByRole('heading', { level: 1, name: title }).count(), {
          timeout: 20_000,
        })
        .toBe(1);
      const text = (await welcome.textContent()) ?? '';
      for (const task of ['taskQuiz', 'taskNarrative', 'taskCards', 'taskRolePlay']) {
        expect(text, `${phone.language} ${task}`).toContain(say(phone.language, `phone.${task}`));
      }
      expect(text).not.toContain(say(phone.language, 'phone.taskPlan'));
      // What the join header used to repeat above every view is said here, once.
      expect(text).toContain(say(phone.language, 'phone.welcomeAnonymous'));
      expect(text).toContain(say(phone.language, 'join.privateTab'));
      const page = (await phone.page.locator('main').textContent()) ?? '';
      expect(page.split(say(phone.language, 'phone.welcomeAnonymous')).length).toBe(2);
      expect(page.split(say(phone.language, 'join.privateTab')).length).toBe(2);
    }
    await shoot('01-welcome');
    for (const phone of phones) {
      await passWelcome(phone.page, say(phone.language, 'phone.welcomeGo'));
      await expectPhoneOn(phone, say(phone.language, 'phone.followHeading'));
      // Past the welcome, a compact header: the activity starts high on a 390x844 screen.
      const top = await phone.page.locator('.phone-tabs').boundingBox();
      expect(top?.y ?? 999, `${phone.language}: the phone's header`).toBeLessThan(160);
    }
    const headerTop = (await phones[0]!.page.locator('.phone-tabs').boundingBox())?.y ?? 0;

    // 09:00, the introduction: Start puts the slides on the projector, the phones follow it.
    await act.click(button('Plan & run the day'), 'Plan & run the day');
    await act.click(button('Start the day'), 'Start the day');
    await expectProjectorOn(projector, 'projector-slides');
    for (const phone of phones) {
      await expectPhoneOn(phone, say(phone.language, 'phone.followHeading'));
      await expect
        .poll(() => phone.page.locator('.phone-day__now').textContent(), { timeout: 20_000 })
        .toBe(
          say(phone.language, 'phone.onNow', { title: itemTitle('introduction', phone.language) }),
        );
    }
    await shoot('02-slides');

    // Identifying incidents: Next opens the quiz on every screen.
    await act.click(button('Next item'), 'Next item');
    await expectProjectorOn(projector, 'projector--quiz', caseTitle('case-analysis-1', 'en'));
    const expectQuizOnPhones = async () => {
      for (const phone of phones) {
        await expectPhoneOn(phone, caseTitle('case-analysis-1', phone.language));
      }
    };
    await expectQuizOnPhones();
    for (const phone of phones) {
      expect(await phone.page.getByText(say(phone.language, 'common.noGroups')).count()).toBe(1);
    }
    // The console goes to the quiz with the agenda's button; from there the band runs the day.
    await act.click(
      button(/^Open on every screen: Quiz: Case analysis 1/),
      'Open on every screen: Quiz',
    );
    await act.click(button('Form the groups'), 'Form the groups');
    await act.click(button('Open 1.1 alone'), 'Open 1.1 alone');
    await expectProjectorOn(projector, 'projector--quiz', 'Situation 1.1');
    for (const [index, phone] of phones.entries()) {
      await phone.page
        .getByRole('combobox', { name: say(phone.language, 'common.chooseGroup') })
        .selectOption({ index: index + 1 });
      const form = phone.page.getByRole('form', {
        name: say(phone.language, 'case.situation', { id: '1.1' }),
      });
      await form
        .getByRole('radio')
        .nth(index % 3)
        .check();
      await form.getByRole('button', { name: say(phone.language, 'phoneQuiz.send') }).click();
      await expect.poll(() => form.getByRole('status').count(), { timeout: 10_000 }).toBe(1);
    }
    await expect
      .poll(() => projector.locator('.quiz-screen__waiting').textContent(), { timeout: 20_000 })
      .toMatch(/^3 of \d+ groups have answered\.$/);
    await shoot('03-quiz');
    await act.click(button('Reveal 1.1'), 'Reveal 1.1');
    for (const phone of phones) {
      await expect
        .poll(
          () =>
            phone.page.getByText(say(phone.language, 'phoneQuiz.revealed', { id: '1.1' })).count(),
          { timeout: 20_000 },
        )
        .toBe(1);
    }
    await shoot('04-quiz-revealed');

    // Case analysis 2, the story: the item's second tool, from the band above the quiz.
    await act.click(
      stripButton(/^Open on every screen: Story: Case analysis 2/),
      'band: Open on every screen: Story',
    );
    await expectProjectorOn(projector, 'projector--story');
    for (const phone of phones) {
      await expectPhoneOn(phone, say(phone.language, 'narrative.phoneHeading'));
      // The quiz left the phones with the story: the thoughts' form is the only one.
      expect(await phone.page.locator('form').count()).toBe(1);
    }
    await act.click(button('Show the next day'), 'Show the next day');
    const thinker = phones[1]!;
    await thinker.page.getByLabel(say('es', 'narrative.phoneLabel')).fill('Nadie avisó al equipo');
    await thinker.page
      .getByRole('button', { name: say('es', 'narrative.phoneSend'), exact: true })
      .click();
    await expect
      .poll(() => projector.getByText('Nadie avisó al equipo').count(), { timeout: 20_000 })
      .toBe(1);
    await shoot('05-story');

    // The break: the projector's countdown, and "back at" on every phone.
    const expectBreak = async () => {
      await expectProjectorOn(projector, 'projector--run', 'Break');
      for (const phone of phones) {
        const [before] = say(phone.language, 'phone.breakBack').split('{{time}}');
        await expectPhoneOn(phone, new RegExp(`^${escape(before ?? '')}\\S+`));
        expect(await phone.page.locator('.phone-day--break p').textContent()).toBe(
          say(phone.language, 'phone.next', { title: itemTitle('own-incidents', phone.language) }),
        );
      }
    };
    await act.click(stripButton('Next item'), 'band: Next item');
    await expectBreak();
    await shoot('06-break');

    // Previous takes every screen back to the quiz where it stood, and Next to the break again.
    await act.click(stripButton('Previous item'), 'band: Previous item');
    await expectProjectorOn(projector, 'projector--quiz', 'Situation 1.1');
    await expectQuizOnPhones();
    await act.click(stripButton('Next item'), 'band: Next item');
    await expectBreak();

    // Their own incidents: the card writer, the wall, and the console on the moderation queue.
    await act.click(stripButton('Next item'), 'band: Next item');
    for (const phone of phones) {
      await expectPhoneOn(phone, say(phone.language, 'phone.cardHeading'));
    }
    const cards = [
      'Someone photographed our office door',
      'Llamadas silenciosas de noche',
      'رسالة تهديد على الهاتف',
    ];
    for (const [index, phone] of phones.entries()) {
      await phone.page.getByLabel(say(phone.language, 'phone.cardText')).fill(cards[index] ?? '');
      await phone.page.getByRole('button', { name: say(phone.language, 'phone.add') }).click();
    }
    const queue = console_.locator('.moderation');
    await expect
      .poll(() => queue.getByRole('heading', { level: 3 }).textContent(), { timeout: 20_000 })
      .toBe('Waiting for you: 3');
    await expectProjectorOn(projector, 'projector--timeline', 'Cards held back: 3');
    await shoot('07-timeline-queue');
    for (const text of cards) {
      await act.click(
        queue
          .getByRole('listitem', { name: `Card: ${text}` })
          .getByRole('button', { name: 'Publish' }),
        'Publish a card',
      );
    }
    await expectProjectorOn(projector, 'projector--timeline', cards[2]);
    for (const phone of phones) {
      await expect
        .poll(() => phone.page.locator('.wall-count').textContent(), { timeout: 20_000 })
        .toBe(say(phone.language, 'wall.count', { count: '3' }));
    }
    // A phone that joins now lands in the timeline, right after its welcome.
    const late = await newPerson(browser(), PHONE, { locale: 'es' });
    await late.context.grantPermissions(['microphone', 'camera']);
    await late.page.goto(link);
    await passWelcome(late.page, say('es', 'phone.welcomeGo'));
    await expectPhoneOn({ ...late, language: 'es' }, say('es', 'phone.cardHeading'));
    await expect
      .poll(() => late.page.locator('.wall-count').textContent(), { timeout: 20_000 })
      .toBe(say('es', 'wall.count', { count: '3' }));
    await late.context.close();
    await shoot('08-timeline');

    // Assessing and reacting: the role-play opens to the phones, and the console on its cast.
    await act.click(stripButton('Next item'), 'band: Next item');
    await expectProjectorOn(projector, 'projector--roleplay', 'Setup: story and roles');
    for (const phone of phones) {
      await expectPhoneOn(phone, caseTitle('role-play-followed', phone.language));
      // The role-play's content note comes first, with the right to pass beside it.
      await phone.page
        .getByRole('button', { name: say(phone.language, 'care.noteContinue') })
        .click();
      await phone.page
        .getByRole('button', { name: say(phone.language, 'rolePlay.takePart') })
        .click();
    }
    await expect
      .poll(
        () => console_.getByRole('list', { name: 'Who plays whom' }).getByRole('listitem').count(),
        { timeout: 20_000 },
      )
      .toBe(3);
    await shoot('09-roleplay');

    // A participant checks their group meanwhile: the room moving on takes the phone along.
    const checker = phones[2]!;
    await checker.page
      .getByRole('navigation', { name: say('ar', 'phone.tabs') })
      .getByRole('button', { name: say('ar', 'phone.tabGroup') })
      .click();
    // It names the group and what the group answered in the quiz (the third option, C).
    const group = checker.page.getByRole('region', {
      name: say('ar', 'phone.tabGroup'),
      exact: true,
    });
    await expect.poll(() => group.count()).toBe(1);
    const groupText = (await group.textContent()) ?? '';
    expect(groupText).toContain(
      say('ar', 'phone.groupChosen', { group: say('ar', 'quiz.groupName', { number: '3' }) }),
    );
    expect(groupText).toContain(say('ar', 'phone.groupAnswer', { id: '1.1', option: 'C' }));

    // The conclusion, a discussion: the projector's agenda, the phones follow it.
    const expectFollow = async (itemId: string | null) => {
      for (const phone of phones) {
        await expectPhoneOn(phone, say(phone.language, 'phone.followHeading'));
        if (itemId === null) continue;
        await expect
          .poll(() => phone.page.locator('.phone-day__now').textContent(), { timeout: 20_000 })
          .toBe(say(phone.language, 'phone.onNow', { title: itemTitle(itemId, phone.language) }));
      }
    };
    await act.click(stripButton('Next item'), 'band: Next item');
    await expectProjectorOn(projector, 'projector--run', 'Conclusion');
    await expectFollow('conclusion');
    await shoot('10-conclusion');

    // Cards outside the timeline: the trainer asks, every phone shows the card writer, and stops.
    await act.click(stripButton('Ask phones for incident cards'), 'band: Ask phones for cards');
    for (const phone of phones) {
      await expectPhoneOn(phone, say(phone.language, 'phone.cardHeading'));
    }
    await expectProjectorOn(projector, 'projector--run', 'Conclusion');
    const afterthought = 'A car waited outside the training venue';
    await phones[0]!.page.getByLabel('What happened? A few words.').fill(afterthought);
    await phones[0]!.page.getByRole('button', { name: 'Add the card' }).click();
    await shoot('11-cards-asked');
    await act.click(stripButton('Stop asking phones for cards'), 'band: Stop asking for cards');
    await expectFollow('conclusion');

    // The end of the day: the projector says so, the phones have nothing left to do.
    await act.click(stripButton('Next item'), 'band: Next item');
    await expectProjectorOn(projector, 'projector--run', "That's all for today");
    await expectFollow(null);
    expect(await strip.count()).toBe(0);
    await shoot('12-end');

    // The cards stay each phone's own, one tap away.
    for (const [index, phone] of phones.entries()) {
      await phone.page
        .getByRole('navigation', { name: say(phone.language, 'phone.tabs') })
        .getByRole('button', { name: say(phone.language, 'phone.yourCards') })
        .click();
      const own = phone.page.getByRole('region', {
        name: say(phone.language, 'phone.yourCards'),
        exact: true,
      });
      await expect.poll(() => own.textContent()).toContain(cards[index]);
      // The card asked outside the timeline waits, sealed, with the facilitator: listed apart.
      if (index === 0) {
        expect(await phone.page.locator('main').textContent()).toContain(afterthought);
      }
    }
    await shoot('13-your-cards');

    // Not one trip back to the day's shelf once the day started.
    const started = act.done.indexOf('click Start the day');
    expect(act.done.slice(started).filter((done) => done.includes('Plan & run'))).toEqual([]);
    console.info(
      `trainer actions, planning to the end of the day: ${act.done.length} ` +
        `(phone header top at 390x844: ${Math.round(headerTop)} px)\n  ${act.done.join('\n  ')}`,
    );
    for (const person of [trainer, ...phones]) expect(person.errors).toEqual([]);
    for (const person of [trainer, ...phones]) await person.context.close();
  }, 420_000);
});

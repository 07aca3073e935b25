/**
 * The printable kit beyond the live tools' flipcharts: sheets for the wall,
 * handouts for the participants' hands and the trainer's own notes, each from
 * the content in the chosen language. Pure: each returns sheets for the layout.
 *
 * What participants see (wall sheets, case sheets, cards, take-aways) is built
 * only from the fields written for them (`forParticipants`, situations,
 * options, stories, questions, role briefs, key messages, `afterwards`): the
 * facilitator's points, step details, tips and model answers go only on the
 * trainer's notes.
 */
import type { TFunction } from 'i18next';
import { creditLine } from '../content/credit';
import type {
  AgendaItem,
  NarrativeCase,
  QuizCase,
  RolePlayCase,
  Session,
  Template,
  TimelineCase,
} from '../content/schema';
import type { CardSheet, CutCard, PrintSheet, Sheet, SheetBlock } from './layout';

type Direction = Sheet['direction'];
type Credited = { source: Session['source'] };

/** The credit of the content a sheet is built from. */
const credit = (t: TFunction, ...from: Credited[]) =>
  creditLine(
    from.map((c) => c.source),
    t,
  );

/** Sheets built elsewhere, with the credit of the content they come from on every page. */
export function credited<T extends PrintSheet>(
  sheets: readonly T[],
  t: TFunction,
  ...from: Credited[]
): T[] {
  const line = credit(t, ...from);
  return sheets.map((sheet) => ({ ...sheet, credit: line }));
}

/** One activity's instructions as participants read them on the wall; none without them. */
export function activityWallSheet(
  session: Session,
  item: AgendaItem,
  t: TFunction,
  direction: Direction,
): Sheet | null {
  if (item.forParticipants.length === 0) return null;
  return {
    title: item.title,
    subtitle: `${session.title} · ${t('session.duration', { count: item.minutes })}`,
    direction,
    grow: true, // read from across the room
    credit: credit(t, session),
    blocks: [{ kind: 'bullets', items: item.forParticipants }],
  };
}

export function activityWallSheets(session: Session, t: TFunction, direction: Direction): Sheet[] {
  return session.agenda.flatMap((item) => activityWallSheet(session, item, t, direction) ?? []);
}

/** The facilitator's notes for one activity: points, steps in full, materials, tips. */
export function facilitatorNotesSheet(
  session: Session,
  item: AgendaItem,
  t: TFunction,
  direction: Direction,
): Sheet {
  const blocks: SheetBlock[] = [];
  if (item.points.length > 0)
    blocks.push(
      { kind: 'heading', text: t('session.points') },
      { kind: 'bullets', items: item.points },
    );
  if (item.steps.length > 0)
    blocks.push(
      { kind: 'heading', text: t('session.steps') },
      {
        kind: 'bullets',
        numbered: true,
        items: item.steps.map((step) => {
          const head = step.minutes
            ? `${step.title} (${t('session.stepMinutes', { count: step.minutes })})`
            : step.title;
          return step.detail ? `${head}: ${step.detail}` : head;
        }),
      },
    );
  if (item.materials.length > 0)
    blocks.push(
      { kind: 'heading', text: t('session.materials') },
      { kind: 'bullets', items: item.materials },
    );
  if (item.tips.length > 0)
    blocks.push(
      { kind: 'heading', text: t('session.tips') },
      { kind: 'bullets', items: item.tips },
    );
  return {
    title: item.title,
    subtitle: `${t('sheets.facilitatorNotes')} · ${session.title} · ${t('session.duration', { count: item.minutes })}`,
    direction,
    keepSections: true,
    credit: credit(t, session),
    blocks,
  };
}

/** The trainer's notes for a whole session: its challenges, then each activity's notes. */
export function facilitatorNotesSheets(
  session: Session,
  t: TFunction,
  direction: Direction,
): Sheet[] {
  const activities = session.agenda.filter((item) => item.kind === 'activity');
  const challenges: Sheet[] =
    session.challenges.length > 0
      ? [
          {
            title: session.title,
            subtitle: t('sheets.facilitatorNotes'),
            direction,
            credit: credit(t, session),
            blocks: [
              { kind: 'heading', text: t('session.challenges') },
              { kind: 'bullets', items: session.challenges },
            ],
          },
        ]
      : [];
  return [
    ...challenges,
    ...activities.map((item) => facilitatorNotesSheet(session, item, t, direction)),
  ];
}

/** The case sheet for the groups: each situation, its options to tick, lines for the reason. */
export function quizCaseSheet(quiz: QuizCase, t: TFunction, direction: Direction): Sheet {
  return {
    title: quiz.title,
    direction,
    keepSections: true, // a situation, its options and its reason lines on one page
    credit: credit(t, quiz),
    blocks: [
      { kind: 'lines', label: t('sheets.field', { label: t('sheets.group') }), count: 1 },
      // The case's own instructions speak to the facilitator; the groups get one line.
      { kind: 'paragraph', text: t('sheets.caseSheetHow') },
      ...quiz.situations.flatMap((situation): SheetBlock[] => [
        { kind: 'heading', text: t('case.situation', { id: situation.id }) },
        { kind: 'paragraph', text: situation.text },
        { kind: 'bullets', marker: '☐', items: quiz.options.map((o) => `${o.key}: ${o.label}`) },
        { kind: 'lines', label: t('sheets.field', { label: t('sheets.reason') }), count: 2 },
      ]),
    ],
  };
}

/** A story told day by day, with the questions to discuss; the facilitator's note stays off it. */
export function narrativeCaseSheet(
  story: NarrativeCase,
  t: TFunction,
  direction: Direction,
): Sheet {
  return {
    title: story.title,
    direction,
    keepSections: true,
    credit: credit(t, story),
    blocks: [
      { kind: 'paragraph', text: story.setting },
      ...story.days.flatMap((day): SheetBlock[] => [
        { kind: 'heading', text: t('case.dayPerson', { day: day.day, person: day.person }) },
        { kind: 'paragraph', text: day.text },
      ]),
      { kind: 'heading', text: t('case.questions') },
      { kind: 'bullets', items: story.questions },
      { kind: 'lines', label: t('sheets.notes'), count: 4 },
    ],
  };
}

/** Incident cards to cut out, six to a page: two of each colour, each with its month line. */
export function incidentCardsSheet(
  timeline: TimelineCase,
  t: TFunction,
  direction: Direction,
): CardSheet {
  const card = (severity: TimelineCase['severities'][number]): CutCard => ({
    mark: severity.id,
    heading: t(`severity.${severity.id}`),
    fields: ['', '', '', t('sheets.field', { label: t('sheets.month') })],
  });
  return {
    kind: 'cards',
    title: t('sheets.incidentCards'),
    direction,
    columns: 2,
    rows: 3,
    cards: timeline.severities.flatMap((s) => [card(s), card(s)]),
    credit: credit(t, timeline),
  };
}

/** The role cards: the witness's once, a staff member's for three more people on the page. */
export function roleCardsSheet(play: RolePlayCase, t: TFunction, direction: Direction): CardSheet {
  return {
    kind: 'cards',
    title: `${t('sheets.roleCards')} · ${play.title}`,
    direction,
    columns: 2,
    rows: 2,
    cards: play.roles.flatMap((role) => {
      const card: CutCard = { heading: role.name, text: role.brief, fields: [] };
      return role.count === 'one' ? [card] : [card, card, card];
    }),
    credit: credit(t, play),
  };
}

/**
 * A plan template to fill in by hand: its heading fields as lines, its columns
 * over empty rows. Columns the project added are marked, and the credit says so.
 */
export function blankTemplateSheet(
  template: Template,
  t: TFunction,
  direction: Direction,
  rows = template.fields.length > 0 ? 4 : 6,
): Sheet {
  const marked = template.columns.some((c) => c.origin === 'project');
  const columns = template.columns.map((c) => {
    const label = c.group ? `${c.group}: ${c.label}` : c.label;
    return c.origin === 'project' ? `${label} ✱` : label;
  });
  return {
    title: template.title,
    subtitle: t('sheets.blank'),
    direction,
    credit: creditLine([template.source], t, { projectMark: marked }),
    blocks: [
      ...template.fields.map((f): SheetBlock => ({
        kind: 'lines',
        label: t('sheets.field', { label: f.label }),
        count: 1,
      })),
      {
        kind: 'table',
        columns,
        rows: Array.from({ length: rows }, () => columns.map(() => '')),
        rowLines: 4,
      },
    ],
  };
}

/** The year line to hang on the wall, blank: four months a sheet, three sheets side by side. */
export function yearLineSheets(
  timeline: TimelineCase,
  months: readonly string[],
  t: TFunction,
  direction: Direction,
): Sheet[] {
  const perSheet = 4;
  const sheets: Sheet[] = [];
  for (let from = 0; from < months.length; from += perSheet) {
    const labels = months.slice(from, from + perSheet);
    sheets.push({
      title: t('sheets.yearLine', {
        from: labels[0] ?? '',
        to: labels[labels.length - 1] ?? '',
        sheet: sheets.length + 1,
        sheets: Math.ceil(months.length / perSheet),
      }),
      direction,
      credit: credit(t, timeline),
      blocks: [
        {
          kind: 'marked',
          items: timeline.severities.map((s) => ({
            text: t('sheets.marked', { label: t(`severity.${s.id}`), text: s.meaning }),
            mark: s.id,
          })),
        },
        { kind: 'months', labels },
      ],
    });
  }
  return sheets;
}

/** Twelve month names from a month of the year, in the chosen language. */
export function monthNames(language: string, firstMonth = 0): string[] {
  const format = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) =>
    format.format(Date.UTC(2026, (firstMonth + i) % 12, 15)),
  );
}

/**
 * The one-page take-away of a session: its key messages, the three steps where
 * the session runs the role-play, and what to do after.
 */
export function takeAwaySheet(
  session: Session,
  play: RolePlayCase | undefined,
  t: TFunction,
  direction: Direction,
): Sheet {
  const blocks: SheetBlock[] = [];
  if (session.keyMessages.length > 0)
    blocks.push(
      { kind: 'heading', text: t('session.keyMessages') },
      { kind: 'bullets', items: session.keyMessages },
    );
  if (play)
    blocks.push(
      { kind: 'heading', text: t('case.threeSteps') },
      { kind: 'bullets', numbered: true, items: play.steps.map((s) => s.title) },
    );
  if (session.afterwards.length > 0)
    blocks.push(
      { kind: 'heading', text: t('sheets.afterwards') },
      { kind: 'bullets', items: session.afterwards },
    );
  return {
    title: session.title,
    subtitle: t('sheets.takeAway'),
    direction,
    fit: true,
    credit: credit(t, session, ...(play ? [play] : [])),
    blocks,
  };
}

/**
 * The flipchart sheets, built from content and the room's data. Pure: each
 * returns a Sheet for the layout step. None carries a participant's identity:
 * cards go without authors, quiz results as counts.
 */
import type { TFunction } from 'i18next';
import type { RolePlayCase, Session, Template } from '../content/schema';
import type { SituationSummary } from '../domain/quiz';
import {
  wallColumns,
  type CountedOnly,
  type Severity,
  type TimelineCard,
} from '../domain/timeline';
import type { Sheet } from './layout';

type Direction = Sheet['direction'];

/**
 * The introduction flipchart the sessions ask for: objectives and structure.
 * With the day's schedule, the structure is on the clock (its items, breaks
 * moved or resized, optional activities run); without it, in minutes.
 */
export function sessionIntroSheet(
  session: Session,
  t: TFunction,
  direction: Direction,
  schedule?: readonly { itemId: string; clock: string }[],
): Sheet {
  let minute = 0;
  const titleOf = (id: string) => session.agenda.find((item) => item.id === id)?.title ?? id;
  const structure =
    schedule && schedule.length > 0
      ? schedule.map((row): [string, string] => [row.clock, titleOf(row.itemId)])
      : session.agenda
          .filter((item) => !item.optional)
          .map((item): [string, string] => {
            const from = minute;
            minute += item.minutes;
            return [t('agenda.clock', { start: from, end: minute }), item.title];
          });
  return {
    title: session.title,
    direction,
    grow: true,
    blocks: [
      { kind: 'heading', text: t('session.learningObjectives') },
      { kind: 'bullets', items: session.learningObjectives },
      { kind: 'heading', text: t('agenda.caption') },
      { kind: 'rows', rows: structure },
    ],
  };
}

/** The three steps for dealing with a security incident, with their questions. */
export function threeStepsSheet(play: RolePlayCase, t: TFunction, direction: Direction): Sheet {
  return {
    title: t('case.threeSteps'),
    subtitle: play.title,
    direction,
    grow: true,
    keepSections: true,
    blocks: play.steps.flatMap((step, index) => [
      { kind: 'heading' as const, text: `${index + 1}. ${step.title}` },
      { kind: 'bullets' as const, items: step.prompts },
    ]),
  };
}

export type RunSheetRow = {
  clock: string;
  title: string;
  minutes: number;
  materials: readonly string[];
  notes: readonly string[];
};

/** The day's run sheet: the agenda on the clock, then what each activity needs. */
export function runSheet(
  title: string,
  date: string,
  rows: readonly RunSheetRow[],
  materials: readonly string[],
  t: TFunction,
  direction: Direction,
): Sheet {
  return {
    title,
    subtitle: date,
    direction,
    blocks: [
      { kind: 'heading', text: t('day.scheduleCaption') },
      {
        kind: 'rows',
        rows: rows.map((row): [string, string] => [
          row.clock,
          `${row.title} (${t('day.minutes', { count: row.minutes })})`,
        ]),
      },
      { kind: 'heading', text: t('checklist.heading') },
      { kind: 'bullets', items: materials.length > 0 ? materials : [t('checklist.empty')] },
      ...rows
        .filter((row) => row.notes.length > 0)
        .flatMap((row) => [
          { kind: 'heading' as const, text: `${row.clock} ${row.title}` },
          { kind: 'bullets' as const, items: row.notes },
        ]),
    ],
  };
}

/** Which situations divided the room: counts only, never who answered what. */
export function quizResultsSheet(
  title: string,
  summary: readonly SituationSummary[],
  optionLabel: (key: string) => string,
  t: TFunction,
  direction: Direction,
): Sheet {
  return {
    title,
    subtitle: t('quiz.summary'),
    direction,
    fit: true, // a few lines over never take a second A1 sheet
    blocks: summary.flatMap((s) => [
      {
        kind: 'heading' as const,
        text: `${t('case.situation', { id: s.situationId })}: ${
          s.answered === 0 ? t('quiz.noAnswers') : s.divided ? t('quiz.divided') : t('quiz.agreed')
        }`,
      },
      {
        kind: 'rows' as const,
        rows: s.tally.map((x): [string, string] => [
          `${x.option}: ${x.count}`,
          optionLabel(x.option),
        ]),
      },
    ]),
  };
}

/** What the facilitator added around the cards: links between them, the group's insights. */
export type WallAround = {
  links?: readonly { a: string; b: string }[];
  insights?: readonly string[];
};

/** A month of the wall on paper: its cards, and how many more are counted there without their text. */
export type WallMonth = { label: string; cards: readonly TimelineCard[]; counted?: number };

/**
 * The incident wall, month by month, each card with the facilitator's note and
 * the cards it is linked with, then the group's insights; authors are never printed.
 * Cards counted, not shown add to their month's count, with a line saying how
 * many; never their text (the sheet is never given it).
 */
export function incidentWallSheet(
  title: string,
  months: readonly WallMonth[],
  t: TFunction,
  direction: Direction,
  around: WallAround = {},
): Sheet {
  const textOf = new Map(months.flatMap((m) => m.cards.map((c) => [c.id, c.text] as const)));
  const linked = (id: string) =>
    (around.links ?? [])
      .flatMap((l) => (l.a === id ? [l.b] : l.b === id ? [l.a] : []))
      .flatMap((other) => textOf.get(other) ?? []);
  const describe = (card: TimelineCard) => {
    const others = linked(card.id);
    return [
      card.text,
      card.note ? t('sheets.note', { note: card.note }) : '',
      others.length > 0 ? t('sheets.linkedWith', { cards: others.join('; ') }) : '',
    ]
      .filter(Boolean)
      .join(' · ');
  };
  const insights = around.insights ?? [];
  return {
    title,
    direction,
    blocks: [
      ...wallMonthBlocks(months, describe, t),
      ...(insights.length > 0
        ? [
            { kind: 'heading' as const, text: t('timeline.insights') },
            { kind: 'bullets' as const, items: insights },
          ]
        : []),
    ],
  };
}

/**
 * The wall on paper as the room sees it (domain/timeline's wallColumns): the
 * wall's months and shown severities, cards hidden at their author's request
 * left out, unplaced cards last, counted cards in their month's count as on the
 * projector. The one wall sheet every export uses.
 */
export function wallSheet(
  cards: readonly TimelineCard[],
  wall: { months: readonly string[]; shown: ReadonlySet<Severity> },
  words: { title: string; month: (month: string) => string; notPlaced: string },
  t: TFunction,
  direction: Direction,
  around: WallAround = {},
  counted: readonly CountedOnly[] = [],
): Sheet {
  const { columns, unplaced } = wallColumns(cards, wall.months, wall.shown, counted);
  const total = (counts: Record<Severity, number>) => counts.red + counts.yellow + counts.green;
  return incidentWallSheet(
    words.title,
    [
      ...columns.map((column) => ({
        label: words.month(column.month),
        cards: column.cards,
        counted: total(column.counts) - column.cards.length,
      })),
      { label: words.notPlaced, cards: unplaced },
    ],
    t,
    direction,
    around,
  );
}

function wallMonthBlocks(
  months: readonly WallMonth[],
  describe: (card: TimelineCard) => string,
  t: TFunction,
) {
  return months
    .filter((month) => month.cards.length > 0 || (month.counted ?? 0) > 0)
    .flatMap((month) => {
      const counted = month.counted ?? 0;
      return [
        { kind: 'heading' as const, text: `${month.label} (${month.cards.length + counted})` },
        ...(month.cards.length > 0
          ? [
              {
                kind: 'marked' as const,
                items: month.cards.map((card) => ({
                  text: t('sheets.marked', {
                    label: t(`severity.${card.severity}`),
                    text: describe(card),
                  }),
                  mark: card.severity,
                })),
              },
            ]
          : []),
        ...(counted > 0
          ? [
              {
                kind: 'paragraph' as const,
                text: t('privateLayer.countedHeading', { count: counted }),
              },
            ]
          : []),
      ];
    });
}

/** A plan table: the template's columns, with the group's measures or, before there are any, the worked example. */
export function planTableSheet(
  template: Template,
  rows: readonly (readonly string[])[] | null,
  t: TFunction,
  direction: Direction,
): Sheet {
  const cell = (value: string | readonly string[] | undefined) =>
    Array.isArray(value) ? value.join(' ') : ((value as string | undefined) ?? '');
  const example = template.example;
  const shown =
    rows ?? example?.rows.map((row) => template.columns.map((c) => cell(row[c.id]))) ?? [];
  return {
    title: template.title,
    subtitle: rows === null && example ? t('record.example', { title: example.title }) : undefined,
    direction,
    blocks: [
      {
        kind: 'table',
        columns: template.columns.map((c) => (c.group ? `${c.group}: ${c.label}` : c.label)),
        widths: columnWeights(
          template.columns.map((c) => (c.group ? `${c.group}: ${c.label}` : c.label)),
          shown,
        ),
        rows: shown,
      },
    ],
  };
}

export type RolePlayRecord = {
  register: { what: string; when: string; where: string; who: string; reporter: string };
  /** Points the group agreed, per step. */
  steps: Record<'register' | 'analyse' | 'react', readonly string[]>;
  /** Agreed actions: who and by when are columns of their own, not text. */
  actions?: readonly { text: string; who: string; when: string }[];
  keyPoints: readonly string[];
};

/** The role-play's record: the registered incident and each step's points; blank, it is the form to fill. */
export function rolePlayRecordSheet(
  play: RolePlayCase,
  record: RolePlayRecord | null,
  t: TFunction,
  direction: Direction,
): Sheet {
  const blank = t('record.toFill');
  const field = (value: string | undefined) => (value && value.trim() !== '' ? value : blank);
  return {
    title: play.title,
    direction,
    blocks: [
      { kind: 'heading', text: play.steps[0]?.title ?? '' },
      {
        kind: 'rows',
        rows: (['what', 'when', 'where', 'who', 'reporter'] as const).map(
          (key): [string, string] => [t(`record.${key}`), field(record?.register[key])],
        ),
      },
      ...play.steps.slice(1).flatMap((step) => [
        { kind: 'heading' as const, text: step.title },
        {
          kind: 'bullets' as const,
          items: record?.steps[step.id].length ? record.steps[step.id] : step.prompts,
        },
      ]),
      ...(record?.actions?.length
        ? [
            {
              kind: 'table' as const,
              columns: [t('sheets.action'), t('sheets.who'), t('sheets.byWhen')],
              widths: [3, 1.2, 1],
              rows: record.actions.map((a) => [a.text, a.who, a.when]),
            },
          ]
        : []),
      { kind: 'heading', text: t('record.keyPoints') },
      { kind: 'bullets', items: record?.keyPoints.length ? record.keyPoints : [blank] },
      { kind: 'paragraph', text: play.careReminder },
    ],
  };
}

/** Wide enough for each column's longest word, with more room where the text is long. */
export function columnWeights(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): number[] {
  return headers.map((header, column) => {
    const texts = [header, ...rows.map((row) => row[column] ?? '')];
    const longestWord = Math.max(
      ...texts.flatMap((text) => text.split(/\s+/).map((word) => word.length)),
    );
    const average = texts.reduce((sum, text) => sum + text.length, 0) / texts.length;
    return Math.min(14, Math.max(6, longestWord)) + Math.min(20, average * 0.15);
  });
}

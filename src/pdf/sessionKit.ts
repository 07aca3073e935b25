/**
 * A session's printable kit, gathered from the session and the cases and
 * templates its activities link: what goes on the wall (A1), what goes into
 * the participants' hands (A4), and the trainer's own notes. Pure.
 */
import type { TFunction } from 'i18next';
import { findCase, findTemplate } from '../content/library';
import type { AgendaItem, Case, Session, Template } from '../content/schema';
import type { ContentLibrary } from '../content/validate';
import {
  activityWallSheet,
  activityWallSheets,
  blankTemplateSheet,
  credited,
  facilitatorNotesSheet,
  facilitatorNotesSheets,
  incidentCardsSheet,
  monthNames,
  narrativeCaseSheet,
  quizCaseSheet,
  roleCardsSheet,
  takeAwaySheet,
  yearLineSheets,
} from './handouts';
import type { PrintSheet, Sheet } from './layout';
import { sessionIntroSheet, threeStepsSheet } from './sheets';

type Options = { t: TFunction; language: string; direction: Sheet['direction'] };

/** Each case or template once, however many of the session's activities link it. */
const once = (ids: readonly string[]) => [...new Set(ids)];

function linkedCases(items: readonly AgendaItem[], library: ContentLibrary, language: string) {
  return once(items.flatMap((item) => item.cases)).flatMap((id): Case[] => {
    const found = findCase(library, id, language);
    return found ? [found.data] : [];
  });
}

function linkedTemplates(items: readonly AgendaItem[], library: ContentLibrary, language: string) {
  return once(items.flatMap((item) => item.templates)).flatMap((id): Template[] => {
    const found = findTemplate(library, id, language);
    return found ? [found.data] : [];
  });
}

/** What one activity's cases put on the wall: the three steps, the blank year line. */
function caseWallSheets(cases: readonly Case[], { t, language, direction }: Options): Sheet[] {
  return cases.flatMap((c): Sheet[] => {
    if (c.format === 'roleplay') return credited([threeStepsSheet(c, t, direction)], t, c);
    if (c.format === 'timeline') return yearLineSheets(c, monthNames(language), t, direction);
    return [];
  });
}

/** What one activity's cases and templates put into hands: case sheets, cards, blank tables. */
function handoutSheets(
  cases: readonly Case[],
  templates: readonly Template[],
  { t, direction }: Options,
): PrintSheet[] {
  return [
    ...cases.flatMap((c): PrintSheet[] => {
      if (c.format === 'quiz') return [quizCaseSheet(c, t, direction)];
      if (c.format === 'narrative') return [narrativeCaseSheet(c, t, direction)];
      if (c.format === 'roleplay') return [roleCardsSheet(c, t, direction)];
      return [incidentCardsSheet(c, t, direction)];
    }),
    ...templates.map((template) => blankTemplateSheet(template, t, direction)),
  ];
}

/** The session's flipcharts: introduction with the agenda, each activity's sheet, the steps, the year line. */
export function sessionWallSheets(
  session: Session,
  library: ContentLibrary,
  options: Options,
  schedule?: readonly { itemId: string; clock: string }[],
): Sheet[] {
  const { t, direction, language } = options;
  return [
    ...credited([sessionIntroSheet(session, t, direction, schedule)], t, session),
    ...activityWallSheets(session, t, direction),
    ...caseWallSheets(linkedCases(session.agenda, library, language), options),
  ];
}

/** The session's handouts, A4: case sheets, cards, role cards, blank templates, the take-away. */
export function sessionHandouts(
  session: Session,
  library: ContentLibrary,
  options: Options,
): PrintSheet[] {
  const { t, direction, language } = options;
  const cases = linkedCases(session.agenda, library, language);
  const play = cases.find((c) => c.format === 'roleplay');
  return [
    ...handoutSheets(cases, linkedTemplates(session.agenda, library, language), options),
    takeAwaySheet(session, play, t, direction),
  ];
}

export function sessionNotes(session: Session, { t, direction }: Options): Sheet[] {
  return facilitatorNotesSheets(session, t, direction);
}

/** One activity's kit, for the export beside it: its wall sheet, its cases' sheets and its notes. */
export function activityKit(
  session: Session,
  item: AgendaItem,
  library: ContentLibrary,
  options: Options,
): { wall: Sheet[]; handouts: PrintSheet[]; notes: Sheet[] } {
  const { t, direction, language } = options;
  const cases = linkedCases([item], library, language);
  return {
    wall: [
      ...[activityWallSheet(session, item, t, direction)].filter((s): s is Sheet => s !== null),
      ...caseWallSheets(cases, options),
    ],
    handouts: handoutSheets(cases, linkedTemplates([item], library, language), options),
    notes: [facilitatorNotesSheet(session, item, t, direction)],
  };
}

// @vitest-environment node
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { NEW_RUN, projectSchedule } from '../../src/domain/agendaRun';
import {
  dayNow,
  groupAnswers,
  phoneActivity,
  phoneTasksOfDay,
  type RoomRuns,
} from '../../src/domain/phoneView';
import { newStage, showOnStage, withPhoneTasks } from '../../src/domain/stage';
import { openSituation } from '../../src/domain/quiz';
import { writeQuizRun } from '../../src/sync/quiz/quizOperations';
import { readQuizRun } from '../../src/sync/quiz/quizSchema';
import { readRolePlayRun } from '../../src/sync/rolePlay/rolePlaySchema';
import { readStage } from '../../src/sync/stage/stageSchema';
import { openLaunch, setPhoneTasks } from '../../src/sync/stage/stageOperations';
import { openPlanToPhones } from '../../src/sync/plan/planOperations';

const runs: RoomRuns = {
  quizCaseId: 'case-analysis-1',
  narrativeCaseId: 'case-analysis-2',
  rolePlay: { caseId: 'role-play-followed', open: true },
};
const none: RoomRuns = { quizCaseId: null, narrativeCaseId: null, rolePlay: null };
const detail = { situationIds: ['1.1', '1.2'], rolePlayMinutes: 30 };

describe('what a phone shows', () => {
  it('shows only the activity on the projector, one at a time', () => {
    const stage = newStage();
    expect(phoneActivity(showOnStage(stage, 'quiz', 'case-analysis-1'), runs)).toEqual({
      kind: 'quiz',
      caseId: 'case-analysis-1',
    });
    expect(phoneActivity(showOnStage(stage, 'narrative', 'case-analysis-2'), runs)).toEqual({
      kind: 'narrative',
      caseId: 'case-analysis-2',
    });
    expect(phoneActivity(showOnStage(stage, 'timeline'), runs)).toEqual({ kind: 'cards' });
    expect(phoneActivity(showOnStage(stage, 'break'), runs)).toEqual({ kind: 'break' });
    expect(phoneActivity(showOnStage(stage, 'roleplay', 'role-play-followed'), runs)).toEqual({
      kind: 'roleplay',
      caseId: 'role-play-followed',
    });
  });

  it('follows the projector during slides and the agenda, and where a tool has no run or is closed to phones', () => {
    const closed = { ...runs, rolePlay: { caseId: 'role-play-followed', open: false } };
    expect(phoneActivity(newStage(), closed)).toEqual({ kind: 'follow' });
    expect(phoneActivity(showOnStage(newStage(), 'slides'), closed)).toEqual({ kind: 'follow' });
    expect(phoneActivity(showOnStage(newStage(), 'quiz', 'case-analysis-1'), none)).toEqual({
      kind: 'follow',
    });
    expect(phoneActivity(showOnStage(newStage(), 'roleplay', 'x'), closed)).toEqual({
      kind: 'follow',
    });
    expect(phoneActivity(showOnStage(newStage(), 'plan'), closed)).toEqual({ kind: 'follow' });
    expect(
      phoneActivity(withPhoneTasks(showOnStage(newStage(), 'plan'), { plan: true }), runs),
    ).toEqual({ kind: 'plan' });
  });

  it('keeps a task the trainer opened to phones by hand while the projector shows the agenda', () => {
    expect(phoneActivity(withPhoneTasks(newStage(), { plan: true }), none)).toEqual({
      kind: 'plan',
    });
    expect(phoneActivity(withPhoneTasks(newStage(), { quiz: ['1.1'] }), runs)).toEqual({
      kind: 'quiz',
      caseId: 'case-analysis-1',
    });
  });

  it('shows the card writer when the trainer asks phones for cards outside the timeline, until the agenda moves on', () => {
    const asked = withPhoneTasks(newStage(), { cards: true });
    expect(phoneActivity(asked, none)).toEqual({ kind: 'cards' });
    expect(phoneActivity(showOnStage(asked, 'slides'), runs)).toEqual({ kind: 'cards' });
    expect(phoneActivity(showOnStage(asked, 'welcome'), runs)).toEqual({ kind: 'cards' });
    // The asked cards come before a task left open by hand, but not before the tool on the projector.
    expect(phoneActivity(withPhoneTasks(asked, { plan: true }), none)).toEqual({ kind: 'cards' });
    expect(phoneActivity(showOnStage(asked, 'quiz', 'case-analysis-1'), runs)).toEqual({
      kind: 'quiz',
      caseId: 'case-analysis-1',
    });
    expect(phoneActivity(showOnStage(asked, 'break'), runs)).toEqual({ kind: 'break' });
    const doc = new Y.Doc();
    setPhoneTasks(doc, { cards: true });
    expect(readStage(doc).phones.cards).toBe(true);
    openLaunch(doc, { kind: 'narrative', caseId: 'case-analysis-2' }, detail);
    expect(readStage(doc).phones.cards).toBe(false);
  });

  it('reads a stage stored before phones could be asked for cards as asking none', () => {
    const doc = new Y.Doc();
    doc.getMap('stage').set('current', {
      kind: 'agenda',
      activity: null,
      step: null,
      phones: { quiz: [], rolePlay: false, plan: true },
    });
    expect(readStage(doc)).toMatchObject({ kind: 'agenda', phones: { plan: true, cards: false } });
  });

  it('tells the welcome screen what the day will ask of a phone, once each, in agenda order', () => {
    expect(
      phoneTasksOfDay([
        { kind: 'slides', sessionId: 's' },
        { kind: 'quiz', caseId: 'a' },
        { kind: 'narrative', caseId: 'b' },
        { kind: 'break' },
        { kind: 'timeline', caseId: 'c' },
        { kind: 'quiz', caseId: 'd' },
        { kind: 'roleplay', caseId: 'e' },
        { kind: 'discussion' },
      ]),
    ).toEqual(['quiz', 'narrative', 'cards', 'roleplay']);
    expect(phoneTasksOfDay([{ kind: 'slides', sessionId: 's' }, { kind: 'break' }])).toEqual([]);
  });
});

describe('the agenda moving on ends what phones did for the activity before', () => {
  it('closes the quiz situations when the story comes, and the role-play when the break comes', () => {
    const doc = new Y.Doc();
    openLaunch(doc, { kind: 'quiz', caseId: 'case-analysis-1' }, detail);
    const run = readQuizRun(doc);
    if (!run) throw new Error('no quiz run');
    writeQuizRun(doc, openSituation(run, '1.1', true));
    openLaunch(doc, { kind: 'quiz', caseId: 'case-analysis-1' }, detail);
    expect(readStage(doc).phones.quiz).toEqual(['1.1']);

    openLaunch(doc, { kind: 'narrative', caseId: 'case-analysis-2' }, detail);
    expect(readStage(doc).phones.quiz).toEqual([]);
    expect(readStage(doc).kind).toBe('narrative');

    openLaunch(doc, { kind: 'roleplay', caseId: 'role-play-followed' }, detail);
    expect(readStage(doc).phones.rolePlay).toBe(true);
    expect(readRolePlayRun(doc)?.open).toBe(true);
    openLaunch(doc, { kind: 'break' }, detail);
    expect(readStage(doc)).toMatchObject({
      kind: 'break',
      phones: { quiz: [], rolePlay: false, plan: false },
    });
    expect(readRolePlayRun(doc)?.open).toBe(false);
  });

  it('opens the plan to the groups’ phones with the plan, and closes it for the slides', () => {
    const doc = new Y.Doc();
    openLaunch(doc, { kind: 'plan', templateId: null }, detail);
    expect(readStage(doc)).toMatchObject({ kind: 'plan', phones: { plan: true } });
    openLaunch(doc, { kind: 'slides', sessionId: 'security-plan' }, detail);
    expect(readStage(doc)).toMatchObject({ kind: 'agenda', phones: { plan: false } });
    openPlanToPhones(doc, true);
    expect(readStage(doc).phones.plan).toBe(true);
  });
});

describe('where the day stands, on a phone', () => {
  const plan = [
    {
      key: 's/quiz',
      sessionId: 's',
      itemId: 'quiz',
      kind: 'activity',
      minutes: 50,
      optional: false,
    },
    {
      key: 's/break',
      sessionId: 's',
      itemId: 'break',
      kind: 'break',
      minutes: 20,
      optional: false,
    },
    {
      key: 's/skip',
      sessionId: 's',
      itemId: 'skip',
      kind: 'activity',
      minutes: 5,
      optional: false,
    },
    {
      key: 's/wall',
      sessionId: 's',
      itemId: 'wall',
      kind: 'activity',
      minutes: 20,
      optional: false,
    },
  ] as const;
  const nine = Date.UTC(2026, 11, 2, 9, 0);
  const minute = 60_000;

  it('says when the break ends and what comes after it, passing over a skipped item', () => {
    // The quiz ran 55 minutes; the break started at 09:55 and has run 5 minutes.
    const run = {
      ...NEW_RUN,
      status: 'running' as const,
      current: 1,
      startedAt: nine + 55 * minute,
      spentMs: { 's/quiz': 55 * minute },
      skipped: ['s/skip'],
    };
    const rows = projectSchedule(run, plan, nine, nine + 60 * minute);
    expect(dayNow(rows)).toEqual({
      currentKey: 's/break',
      endsAt: nine + 75 * minute,
      nextKey: 's/wall',
    });
  });

  it('names nothing running before the day starts', () => {
    expect(dayNow(projectSchedule(NEW_RUN, plan, nine, nine - minute))).toEqual({
      currentKey: null,
      endsAt: null,
      nextKey: 's/quiz',
    });
  });
});

describe('what "Your group" lists', () => {
  const answer = (
    situationId: string,
    groupId: string,
    option: string,
    caseId = 'case-analysis-1',
  ) => ({
    caseId,
    situationId,
    groupId,
    option,
  });
  it('lists the group’s answers to the room’s quiz in the quiz’s order, and no other group’s or case’s', () => {
    const answers = [
      answer('1.10', 'g1', 'C'),
      answer('1.2', 'g1', 'B'),
      answer('1.1', 'g2', 'A'),
      answer('1.1', 'g1', 'A'),
      answer('1.1', 'g1', 'B', 'other-case'),
    ];
    expect(groupAnswers(answers, 'case-analysis-1', 'g1')).toEqual([
      { situationId: '1.1', option: 'A' },
      { situationId: '1.2', option: 'B' },
      { situationId: '1.10', option: 'C' },
    ]);
    expect(groupAnswers(answers, 'case-analysis-1', null)).toEqual([]);
    expect(groupAnswers(answers, null, 'g1')).toEqual([]);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { activityClock, agendaClock, ownClock } from '../../src/domain/activityClock';
import { NEW_RUN, extend, next, pause, resume, start } from '../../src/domain/agendaRun';
import { launchesFor, type AgendaToolItem, type CaseFormat } from '../../src/domain/agendaTools';
import type { PlannedItem } from '../../src/domain/dayPlan';
import { newRolePlayRun, startTimer } from '../../src/domain/rolePlay';

const MIN = 60_000;
const planned = (itemId: string, minutes: number): PlannedItem => ({
  key: `security-incidents/${itemId}`,
  sessionId: 'security-incidents',
  itemId,
  kind: itemId === 'break' ? 'break' : 'activity',
  minutes,
  optional: false,
});
// The morning of "Security incidents", as its content links its tools.
const items: Record<string, AgendaToolItem> = {
  identify: {
    kind: 'activity',
    tool: 'quiz',
    cases: ['case-analysis-1', 'case-analysis-2'],
    templates: [],
  },
  break: { kind: 'break', cases: [], templates: [] },
  react: { kind: 'activity', tool: 'roleplay', cases: ['role-play-followed'], templates: [] },
  drafting: { kind: 'activity', tool: 'plan', cases: [], templates: ['security-plan-table'] },
};
const formats: Record<string, CaseFormat> = {
  'case-analysis-1': 'quiz',
  'case-analysis-2': 'narrative',
  'role-play-followed': 'roleplay',
};
const plan = [planned('identify', 50), planned('break', 20), planned('react', 50)];
const launches = (key: string) => {
  const item = items[key.split('/')[1] ?? ''];
  return item ? launchesFor(item, 'security-incidents', (id) => formats[id]) : [];
};
const rolePlay = { kind: 'roleplay', caseId: 'role-play-followed' } as const;

describe('one clock per activity', () => {
  it('is the running agenda item’s countdown while the agenda runs the activity', () => {
    const run = next(next(start(NEW_RUN, plan, 0), plan, 50 * MIN), plan, 70 * MIN);
    const clock = agendaClock(run, plan, launches, rolePlay, 70 * MIN + 12 * MIN);
    expect(clock).toEqual({
      source: 'agenda',
      remainingMs: 38 * MIN,
      allowedMs: 50 * MIN,
      running: true,
      itemKey: 'security-incidents/react',
    });
  });

  it('replaces the role-play’s own timer while the agenda runs it, and gives it back after', () => {
    // The role-play was opened and its own 30:00 started before the day reached it.
    const own = ownClock(startTimer(newRolePlayRun('role-play-followed', 30), 0).timer, 5 * MIN);
    expect(own.remainingMs).toBe(25 * MIN);
    const atBreak = next(start(NEW_RUN, plan, 0), plan, 50 * MIN);
    expect(activityClock(agendaClock(atBreak, plan, launches, rolePlay, 55 * MIN), own)).toBe(own);
    const onIt = next(atBreak, plan, 70 * MIN);
    const shown = activityClock(agendaClock(onIt, plan, launches, rolePlay, 75 * MIN), own);
    expect(shown).toMatchObject({ source: 'agenda', remainingMs: 45 * MIN });
    const finished = next(onIt, plan, 120 * MIN);
    expect(agendaClock(finished, plan, launches, rolePlay, 121 * MIN)).toBeNull();
  });

  it('is extended and paused by the same change the agenda makes: there is one clock', () => {
    const run = start(NEW_RUN, plan, 0);
    const quiz = { kind: 'quiz', caseId: 'case-analysis-1' } as const;
    const before = agendaClock(run, plan, launches, quiz, 10 * MIN);
    const extended = extend(run, 'security-incidents/identify', 5);
    const after = agendaClock(extended, plan, launches, quiz, 10 * MIN);
    expect(before?.remainingMs).toBe(40 * MIN);
    expect(after?.remainingMs).toBe(45 * MIN);
    expect(after?.allowedMs).toBe(55 * MIN);
    const paused = pause(extended, 10 * MIN);
    expect(agendaClock(paused, plan, launches, quiz, 30 * MIN)).toMatchObject({
      remainingMs: 45 * MIN,
      running: false,
    });
    const resumed = resume(paused, 30 * MIN);
    expect(agendaClock(resumed, plan, launches, quiz, 31 * MIN)?.remainingMs).toBe(44 * MIN);
  });

  it('belongs to the item’s own cases: the story it links shares it, another case does not', () => {
    const run = start(NEW_RUN, plan, 0);
    const story = { kind: 'narrative', caseId: 'case-analysis-2' } as const;
    expect(agendaClock(run, plan, launches, story, MIN)?.remainingMs).toBe(49 * MIN);
    expect(agendaClock(run, plan, launches, rolePlay, MIN)).toBeNull();
    expect(agendaClock(run, plan, launches, { kind: 'plan' }, MIN)).toBeNull();
  });

  it('is the plan’s while a plan item runs, whichever template it opens', () => {
    const withPlan = [planned('drafting', 60)];
    const run = start(NEW_RUN, withPlan, 0);
    expect(agendaClock(run, withPlan, launches, { kind: 'plan' }, 20 * MIN)?.remainingMs).toBe(
      40 * MIN,
    );
  });

  it('is none before the day starts: a tool without a timer of its own shows none', () => {
    const quiz = { kind: 'quiz', caseId: 'case-analysis-1' } as const;
    expect(agendaClock(NEW_RUN, plan, launches, quiz, 0)).toBeNull();
    expect(activityClock(null, null)).toBeNull();
  });
});

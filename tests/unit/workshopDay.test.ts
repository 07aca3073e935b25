// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as run from '../../src/domain/agendaRun';
import { itemKey, type SessionAgenda } from '../../src/domain/dayPlan';
import {
  dayStartsAt,
  moveSession,
  newDaySettings,
  placeBreak,
  planForSettings,
  leftOutAfter,
  planRows,
  sessionBlocks,
  sessionTotals,
  setBreakMinutes,
  toggleOptional,
  toggleSession,
  type DaySettings,
} from '../../src/domain/workshopDay';
import { agendaStateSchema } from '../../src/sync/roomSchema';

const MIN = 60_000;
const incidents = {
  id: 'security-incidents',
  durationMinutes: 140,
  agenda: [
    { id: 'introduction', kind: 'activity', minutes: 10, optional: false },
    { id: 'identifying-incidents', kind: 'activity', minutes: 50, optional: false },
    { id: 'break', kind: 'break', minutes: 20, optional: false },
    { id: 'own-incidents', kind: 'activity', minutes: 20, optional: true },
    { id: 'assess-and-react', kind: 'activity', minutes: 50, optional: false },
    { id: 'conclusion', kind: 'activity', minutes: 10, optional: false },
  ],
} satisfies SessionAgenda & { durationMinutes: number };
const securityPlan = {
  id: 'security-plan',
  durationMinutes: 140,
  agenda: [
    { id: 'introduction', kind: 'activity', minutes: 20, optional: false },
    { id: 'break', kind: 'break', minutes: 20, optional: false },
    { id: 'drafting', kind: 'activity', minutes: 90, optional: false },
    { id: 'conclusion', kind: 'activity', minutes: 10, optional: false },
  ],
} satisfies SessionAgenda & { durationMinutes: number };
const sessions = [incidents, securityPlan];
const day: DaySettings = {
  ...newDaySettings(['security-incidents', 'security-plan'], new Date(2026, 10, 23)),
  startTime: '09:30',
};
const hhmm = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};
const OWN = itemKey('security-incidents', 'own-incidents');
const BREAK = itemKey('security-incidents', 'break');

describe('the day plan table', () => {
  it('starts on the chosen date and time, in the laptop’s time zone', () => {
    expect(new Date(dayStartsAt(day))).toEqual(new Date(2026, 10, 23, 9, 30));
  });

  it('shows each item’s minutes, its session’s accumulated time and its clock time', () => {
    const rows = planRows(planForSettings(day, sessions), dayStartsAt(day));
    expect(
      rows.map((r) => `${hhmm(r.startsAt)} ${r.itemId} ${r.minutes} ${r.accumulatedMinutes}`),
    ).toEqual([
      '09:30 introduction 10 10',
      '09:40 identifying-incidents 50 60',
      '10:30 break 20 80',
      '10:50 assess-and-react 50 130',
      '11:40 conclusion 10 140',
      '11:50 introduction 20 20',
      '12:10 break 20 40',
      '12:30 drafting 90 130',
      '14:00 conclusion 10 140',
    ]);
  });

  it('flags a session whose planned minutes differ from its stated length', () => {
    const withOptional = setBreakMinutes(toggleOptional(day, OWN, true), BREAK, 15);
    const plan = planForSettings(withOptional, sessions);
    expect(sessionTotals(plan, sessions, withOptional.sessionIds)).toEqual([
      {
        sessionId: 'security-incidents',
        plannedMinutes: 155,
        statedMinutes: 140,
        differenceMinutes: 15,
      },
      { sessionId: 'security-plan', plannedMinutes: 140, statedMinutes: 140, differenceMinutes: 0 },
    ]);
  });

  it('reorders, removes and re-adds sessions', () => {
    const swapped = moveSession(day, 'security-plan', -1);
    expect(swapped.sessionIds).toEqual(['security-plan', 'security-incidents']);
    expect(moveSession(swapped, 'security-plan', -1)).toBe(swapped);
    const alone = toggleSession(day, 'security-incidents', false);
    expect(planForSettings(alone, sessions).every((i) => i.sessionId === 'security-plan')).toBe(
      true,
    );
    expect(toggleSession(alone, 'security-incidents', true).sessionIds).toEqual([
      'security-plan',
      'security-incidents',
    ]);
  });

  it('moves a break and puts it back', () => {
    const moved = placeBreak(day, BREAK, itemKey('security-incidents', 'introduction'));
    expect(planForSettings(moved, sessions)[1]?.key).toBe(BREAK);
    expect(planForSettings(placeBreak(moved, BREAK, null), sessions)[2]?.key).toBe(BREAK);
  });

  it('groups the table by session, a moved break joining the block it sits in', () => {
    const moved = placeBreak(
      day,
      itemKey('security-plan', 'break'),
      itemKey('security-incidents', 'conclusion'),
    );
    const blocks = sessionBlocks(planForSettings(moved, sessions));
    expect(blocks.map((b) => [b.sessionId, b.rows.length])).toEqual([
      ['security-incidents', 6],
      ['security-plan', 3],
    ]);
  });

  it('shows a left-out optional activity after the item it follows, and not once it is run', () => {
    expect(leftOutAfter(incidents, 'break', []).map((i) => i.id)).toEqual(['own-incidents']);
    expect(leftOutAfter(incidents, 'break', [OWN])).toEqual([]);
    expect(leftOutAfter(incidents, 'introduction', [])).toEqual([]);
  });

  it('passes over a session the library no longer has', () => {
    const stale = { ...day, sessionIds: ['gone', 'security-plan'] };
    expect(planForSettings(stale, sessions)).toHaveLength(4);
  });
});

describe('the schedule while the day runs', () => {
  const plan = planForSettings(day, sessions);
  const startsAt = dayStartsAt(day);

  it('shows what finished items took and pushes the rest back by an overrun and a pause', () => {
    let state = run.start(run.NEW_RUN, plan, startsAt);
    state = run.next(state, plan, startsAt + 15 * MIN); // the introduction took 15′, 5′ over
    state = run.pause(state, startsAt + 20 * MIN);
    const now = startsAt + 30 * MIN; // paused for 10′
    const rows = run.projectSchedule(state, plan, startsAt, now);
    expect(rows[0]).toMatchObject({ state: 'done', spentMs: 15 * MIN });
    expect(rows[1]).toMatchObject({ state: 'current', startsAt: now - 5 * MIN });
    expect(hhmm(rows[1]?.endsAt ?? 0)).toBe('10:45'); // 45′ left from 10:00
    expect(hhmm(rows[2]?.startsAt ?? 0)).toBe('10:45');
    expect(run.projectDay(state, plan, startsAt, now).lagMs).toBe(15 * MIN);
  });

  it('lists a skipped item as skipped and pulls the day forward by its minutes', () => {
    let state = run.start(run.NEW_RUN, plan, startsAt);
    state = run.skip(state, plan, itemKey('security-plan', 'drafting'), startsAt);
    const rows = run.projectSchedule(state, plan, startsAt, startsAt);
    expect(rows[7]?.state).toBe('skipped');
    expect(hhmm(rows[8]?.startsAt ?? 0)).toBe('12:30');
    expect(run.projectDay(state, plan, startsAt, startsAt).lagMs).toBe(-90 * MIN);
  });

  it('stays on the current item when the trainer adds the optional activity mid-run', () => {
    let state = run.start(run.NEW_RUN, plan, startsAt);
    state = run.next(
      run.next(run.next(state, plan, startsAt + 10 * MIN), plan, startsAt + 60 * MIN),
      plan,
      startsAt + 80 * MIN,
    );
    expect(plan[state.current]?.itemId).toBe('assess-and-react');
    const wider = planForSettings(toggleOptional(day, OWN, true), sessions);
    const rebased = run.rebaseRun(state, plan, wider, startsAt + 81 * MIN);
    expect(wider[rebased.current]?.itemId).toBe('assess-and-react');
    expect(run.elapsedMs(rebased, startsAt + 81 * MIN)).toBe(MIN);
  });

  it('moves on when the current item leaves the plan', () => {
    const withOwn = toggleOptional(day, OWN, true);
    const wide = planForSettings(withOwn, sessions);
    let state = run.start(run.NEW_RUN, wide, startsAt);
    state = { ...state, current: 3, startedAt: startsAt + 80 * MIN };
    const narrow = planForSettings(toggleOptional(withOwn, OWN, false), sessions);
    const rebased = run.rebaseRun(state, wide, narrow, startsAt + 85 * MIN);
    expect(narrow[rebased.current]?.itemId).toBe('assess-and-react');
    expect(run.remainingMs(rebased, narrow, startsAt + 85 * MIN)).toBe(50 * MIN);
  });

  it('ends at its start plus the minutes of what is included, whatever the edits', () => {
    const keys = sessions.flatMap((s) => s.agenda.map((i) => itemKey(s.id, i.id)));
    const edit = fc.oneof(
      fc.boolean().map((on) => (s: DaySettings) => toggleOptional(s, OWN, on)),
      fc
        .tuple(
          fc.constantFrom(BREAK, itemKey('security-plan', 'break')),
          fc.integer({ min: 1, max: 90 }),
        )
        .map(
          ([key, minutes]) =>
            (s: DaySettings) =>
              setBreakMinutes(s, key, minutes),
        ),
      fc
        .tuple(
          fc.constantFrom(BREAK, itemKey('security-plan', 'break')),
          fc.option(fc.constantFrom(...keys)),
        )
        .map(
          ([key, after]) =>
            (s: DaySettings) =>
              placeBreak(s, key, after),
        ),
      fc
        .tuple(
          fc.constantFrom('security-incidents', 'security-plan'),
          fc.constantFrom(-1 as const, 1 as const),
        )
        .map(
          ([id, by]) =>
            (s: DaySettings) =>
              moveSession(s, id, by),
        ),
      fc.tuple(fc.constantFrom('security-incidents', 'security-plan'), fc.boolean()).map(
        ([id, on]) =>
          (s: DaySettings) =>
            toggleSession(s, id, on),
      ),
      fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => (s: DaySettings) => ({
          ...s,
          startTime: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
        })),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        const settings = edits.reduce((s, apply) => apply(s), day);
        const plan = planForSettings(settings, sessions);
        const rows = planRows(plan, dayStartsAt(settings));
        const included = sessions
          .filter((s) => settings.sessionIds.includes(s.id))
          .flatMap((s) =>
            s.agenda
              .filter((i) => !i.optional || settings.includedOptional.includes(itemKey(s.id, i.id)))
              .map((i) => settings.breakMinutes[itemKey(s.id, i.id)] ?? i.minutes),
          )
          .reduce((sum, minutes) => sum + minutes, 0);
        const end = rows.at(-1)?.endsAt ?? dayStartsAt(settings);
        expect(end).toBe(dayStartsAt(settings) + included * MIN);
      }),
    );
  });
});

describe('the countdown against the wall clock', () => {
  it('loses no time across an hour of pauses and reloads (the stored run read back through the schema)', () => {
    const plan = planForSettings(day, sessions);
    const startedAt = dayStartsAt(day);
    const step = fc.record({
      gapMs: fc.integer({ min: 1, max: 600_000 }),
      action: fc.constantFrom('tick', 'pause', 'resume', 'reload'),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        let state = run.start(run.NEW_RUN, plan, startedAt);
        state = run.extend(state, plan[0]?.key ?? '', 600); // long enough never to end
        let now = startedAt;
        let runningMs = 0;
        for (const { gapMs, action } of steps) {
          if (state.status === 'running') runningMs += gapMs;
          now += gapMs;
          if (action === 'pause') state = run.pause(state, now);
          if (action === 'resume') state = run.resume(state, now);
          if (action === 'reload') {
            const stored = JSON.parse(
              JSON.stringify({ settings: day, run: state, updatedAt: now }),
            );
            state = agendaStateSchema.parse(stored).run;
          }
        }
        expect(run.elapsedMs(state, now)).toBe(runningMs);
      }),
    );
  });
});

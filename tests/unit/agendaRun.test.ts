// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NEW_RUN,
  elapsedMs,
  extend,
  next,
  pause,
  phase,
  previous,
  projectDay,
  remainingMs,
  resume,
  skip,
  start,
  type AgendaRun,
} from '../../src/domain/agendaRun';
import type { PlannedItem } from '../../src/domain/dayPlan';

const MIN = 60_000;
const item = (
  itemId: string,
  minutes: number,
  kind: 'activity' | 'break' = 'activity',
): PlannedItem => ({
  key: `s/${itemId}`,
  sessionId: 's',
  itemId,
  kind,
  minutes,
  optional: false,
});
const plan = [
  item('intro', 10),
  item('identify', 50),
  item('break', 20, 'break'),
  item('react', 50),
  item('end', 10),
];
const t0 = 1_000_000;

describe('running the agenda', () => {
  it('counts down the current activity from the wall clock', () => {
    const run = start(NEW_RUN, plan, t0);
    expect(remainingMs(run, plan, t0 + 4 * MIN)).toBe(6 * MIN);
    expect(phase(remainingMs(run, plan, t0 + 8.5 * MIN))).toBe('warning');
    expect(phase(remainingMs(run, plan, t0 + 11 * MIN))).toBe('overrun');
    expect(remainingMs(run, plan, t0 + 11 * MIN)).toBe(-1 * MIN);
  });

  it('stops the clock while paused and continues from the same second', () => {
    let run = start(NEW_RUN, plan, t0);
    run = pause(run, t0 + 3 * MIN);
    expect(remainingMs(run, plan, t0 + 30 * MIN)).toBe(7 * MIN);
    run = resume(run, t0 + 30 * MIN);
    expect(remainingMs(run, plan, t0 + 31 * MIN)).toBe(6 * MIN);
  });

  it('survives a reload: the stored run gives the same countdown', () => {
    const run = start(NEW_RUN, plan, t0);
    const reloaded = JSON.parse(JSON.stringify(run)) as AgendaRun;
    expect(remainingMs(reloaded, plan, t0 + 123_456)).toBe(remainingMs(run, plan, t0 + 123_456));
  });

  it('extends an activity by minutes, and never below its planned time', () => {
    let run = start(NEW_RUN, plan, t0);
    run = extend(run, 's/intro', 5);
    expect(remainingMs(run, plan, t0)).toBe(15 * MIN);
    run = extend(run, 's/intro', -20);
    expect(remainingMs(run, plan, t0)).toBe(10 * MIN);
  });

  it('moves on with next, records what the activity took, and can go back to it', () => {
    let run = start(NEW_RUN, plan, t0);
    run = next(run, plan, t0 + 12 * MIN);
    expect(run.current).toBe(1);
    expect(run.spentMs['s/intro']).toBe(12 * MIN);
    run = previous(run, plan, t0 + 13 * MIN);
    expect(run.current).toBe(0);
    expect(elapsedMs(run, t0 + 14 * MIN)).toBe(13 * MIN);
  });

  it('skips the current activity or a later one', () => {
    let run = start(NEW_RUN, plan, t0);
    run = skip(run, plan, 's/break', t0);
    run = next(run, plan, t0 + 10 * MIN);
    run = next(run, plan, t0 + 60 * MIN);
    expect(plan[run.current]?.itemId).toBe('react');
    run = skip(run, plan, 's/react', t0 + 61 * MIN);
    expect(plan[run.current]?.itemId).toBe('end');
    run = next(run, plan, t0 + 71 * MIN);
    expect(run.status).toBe('finished');
  });

  it('says how far behind or ahead the day is', () => {
    let run = start(NEW_RUN, plan, t0);
    expect(projectDay(run, plan, t0, t0).lagMs).toBe(0);
    run = next(run, plan, t0 + 15 * MIN); // intro took 15' instead of 10'
    expect(projectDay(run, plan, t0, t0 + 15 * MIN).lagMs).toBe(5 * MIN);
    run = skip(run, plan, 's/break', t0 + 15 * MIN);
    expect(projectDay(run, plan, t0, t0 + 15 * MIN).lagMs).toBe(-15 * MIN);
    run = pause(run, t0 + 20 * MIN);
    expect(projectDay(run, plan, t0, t0 + 30 * MIN).lagMs).toBe(-5 * MIN);
  });

  it('keeps elapsed plus remaining equal to the allowed time, whatever the sequence of actions', () => {
    type Action = 'pause' | 'resume' | 'extend' | 'wait';
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom<Action>('pause', 'resume', 'extend', 'wait'),
            fc.integer({ min: 0, max: 20 * MIN }),
          ),
        ),
        (actions) => {
          let now = t0;
          let run = start(NEW_RUN, plan, now);
          let extra = 0;
          for (const [action, ms] of actions) {
            now += ms;
            if (action === 'pause') run = pause(run, now);
            if (action === 'resume') run = resume(run, now);
            if (action === 'extend') {
              run = extend(run, 's/intro', 1);
              extra += MIN;
            }
          }
          expect(elapsedMs(run, now) + remainingMs(run, plan, now)).toBe(10 * MIN + extra);
          expect(elapsedMs(run, now)).toBeLessThanOrEqual(now - t0);
        },
      ),
    );
  });
});

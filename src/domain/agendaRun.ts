/**
 * Running the day's agenda: timers as data, never ticks. The run stores when the
 * current item's clock last started and what was spent before; every screen
 * derives its countdown from the wall clock, so a reload resumes at the right
 * second and nothing drifts.
 */
import type { PlannedItem } from './dayPlan';

const MINUTE_MS = 60_000;
/** The default "time is nearly up" warning. */
export const OVERRUN_WARNING_MS = 2 * MINUTE_MS;

export type AgendaRun = {
  status: 'ready' | 'running' | 'paused' | 'finished';
  /** Index in the plan of the item being run. */
  current: number;
  /** When the current item's clock last started; null while paused or not started. */
  startedAt: number | null;
  /** Time spent on the current item before startedAt (pauses split it). */
  spentBeforeMs: number;
  /** Extra time given to items, by key. */
  extraMs: Readonly<Record<string, number>>;
  /** Time actually spent on items already run, by key. */
  spentMs: Readonly<Record<string, number>>;
  skipped: string[];
};

export const NEW_RUN: AgendaRun = {
  status: 'ready',
  current: 0,
  startedAt: null,
  spentBeforeMs: 0,
  extraMs: {},
  spentMs: {},
  skipped: [],
};

function firstToRun(
  plan: readonly PlannedItem[],
  from: number,
  skipped: readonly string[],
  step = 1,
): number {
  let index = from;
  while (index >= 0 && index < plan.length && skipped.includes(plan[index]?.key ?? ''))
    index += step;
  return index;
}

export function start(run: AgendaRun, plan: readonly PlannedItem[], now: number): AgendaRun {
  if (run.status !== 'ready') return run;
  const current = firstToRun(plan, 0, run.skipped);
  if (current >= plan.length) return { ...run, status: 'finished', current };
  return { ...run, status: 'running', current, startedAt: now, spentBeforeMs: 0 };
}

export function pause(run: AgendaRun, now: number): AgendaRun {
  if (run.status !== 'running' || run.startedAt === null) return run;
  return { ...run, status: 'paused', startedAt: null, spentBeforeMs: elapsedMs(run, now) };
}

export function resume(run: AgendaRun, now: number): AgendaRun {
  if (run.status !== 'paused') return run;
  return { ...run, status: 'running', startedAt: now };
}

/** Ends the current item (recording what it really took) and starts the next one. */
export function next(run: AgendaRun, plan: readonly PlannedItem[], now: number): AgendaRun {
  if (run.status === 'ready') return start(run, plan, now);
  if (run.status === 'finished') return run;
  const key = plan[run.current]?.key;
  const spentMs = key ? { ...run.spentMs, [key]: elapsedMs(run, now) } : run.spentMs;
  const current = firstToRun(plan, run.current + 1, run.skipped);
  if (current >= plan.length) {
    return { ...run, status: 'finished', current, startedAt: null, spentBeforeMs: 0, spentMs };
  }
  return { ...run, status: 'running', current, startedAt: now, spentBeforeMs: 0, spentMs };
}

/** Goes back to the item before, with the time it had already taken, to undo a hasty "next". */
export function previous(run: AgendaRun, plan: readonly PlannedItem[], now: number): AgendaRun {
  const back = firstToRun(plan, Math.min(run.current, plan.length) - 1, run.skipped, -1);
  if (back < 0 || run.status === 'ready') return run;
  const key = plan[back]?.key ?? '';
  const { [key]: spentBefore = 0, ...spentMs } = run.spentMs;
  return {
    ...run,
    status: 'running',
    current: back,
    startedAt: now,
    spentBeforeMs: spentBefore,
    spentMs,
  };
}

export function extend(run: AgendaRun, key: string, minutes: number): AgendaRun {
  const extra = Math.max(0, (run.extraMs[key] ?? 0) + minutes * MINUTE_MS);
  return { ...run, extraMs: { ...run.extraMs, [key]: extra } };
}

/** Leaves an item out of the run; skipping the current one moves on without counting it. */
export function skip(
  run: AgendaRun,
  plan: readonly PlannedItem[],
  key: string,
  now: number,
): AgendaRun {
  if (run.skipped.includes(key)) return run;
  const skipped = [...run.skipped, key];
  const isCurrent = plan[run.current]?.key === key && run.status !== 'ready';
  if (!isCurrent) return { ...run, skipped };
  const current = firstToRun(plan, run.current + 1, skipped);
  if (current >= plan.length)
    return { ...run, skipped, status: 'finished', current, startedAt: null, spentBeforeMs: 0 };
  return { ...run, skipped, status: 'running', current, startedAt: now, spentBeforeMs: 0 };
}

export function elapsedMs(run: AgendaRun, now: number): number {
  return run.spentBeforeMs + (run.startedAt === null ? 0 : Math.max(0, now - run.startedAt));
}

export function allowedMs(run: AgendaRun, item: PlannedItem): number {
  return item.minutes * MINUTE_MS + (run.extraMs[item.key] ?? 0);
}

/** Time left on the current item; negative once it overruns. */
export function remainingMs(run: AgendaRun, plan: readonly PlannedItem[], now: number): number {
  const item = plan[run.current];
  return item ? allowedMs(run, item) - elapsedMs(run, now) : 0;
}

export type TimerPhase = 'ok' | 'warning' | 'overrun';

export function phase(remaining: number, warningMs = OVERRUN_WARNING_MS): TimerPhase {
  if (remaining < 0) return 'overrun';
  return remaining <= warningMs ? 'warning' : 'ok';
}

/**
 * When the day will end at this pace, and how far behind (positive) or ahead
 * (negative) of the plan that is. The current item counts for what is left of
 * it from now, so pauses, overruns and a late start all show; the items after it
 * count as planned plus any extension.
 */
export function projectDay(
  run: AgendaRun,
  plan: readonly PlannedItem[],
  dayStartsAt: number,
  now: number,
): { endsAt: number; plannedEndsAt: number; lagMs: number } {
  const plannedEndsAt = dayStartsAt + plan.reduce((sum, item) => sum + item.minutes * MINUTE_MS, 0);
  const toRun = (from: number) =>
    plan
      .slice(from)
      .filter((item) => !run.skipped.includes(item.key))
      .reduce((sum, item) => sum + allowedMs(run, item), 0);
  let endsAt: number;
  if (run.status === 'ready') endsAt = Math.max(dayStartsAt, now) + toRun(0);
  else if (run.status === 'finished') {
    endsAt = dayStartsAt + Object.values(run.spentMs).reduce((sum, ms) => sum + ms, 0);
  } else endsAt = now + Math.max(0, remainingMs(run, plan, now)) + toRun(run.current + 1);
  return { endsAt, plannedEndsAt, lagMs: endsAt - plannedEndsAt };
}

export type RunRowState = 'done' | 'current' | 'upcoming' | 'skipped';

export type RunRow = {
  key: string;
  state: RunRowState;
  /** When the item started (current) or is now expected to start (upcoming). */
  startsAt: number | null;
  /** When it is now expected to end. */
  endsAt: number | null;
  /** What a finished item really took. */
  spentMs: number | null;
};

/**
 * The day's schedule recomputed from where the run stands: finished items with
 * what they took, the current one from when its clock started, and the rest
 * pushed back or pulled forward by every pause, overrun, extension and skip.
 */
export function projectSchedule(
  run: AgendaRun,
  plan: readonly PlannedItem[],
  dayStartsAt: number,
  now: number,
): RunRow[] {
  const active = run.status === 'running' || run.status === 'paused';
  let clock =
    run.status === 'ready'
      ? Math.max(dayStartsAt, now)
      : now + Math.max(0, active ? remainingMs(run, plan, now) : 0);
  return plan.map((item, index) => {
    const row = { key: item.key, startsAt: null, endsAt: null, spentMs: null };
    if (run.skipped.includes(item.key)) return { ...row, state: 'skipped' };
    if (run.status !== 'ready' && index < run.current) {
      return { ...row, state: 'done', spentMs: run.spentMs[item.key] ?? 0 };
    }
    if (active && index === run.current) {
      return {
        ...row,
        state: 'current',
        startsAt: now - elapsedMs(run, now),
        endsAt: clock,
      };
    }
    const startsAt = clock;
    clock += allowedMs(run, item);
    return { ...row, state: 'upcoming', startsAt, endsAt: clock };
  });
}

/**
 * Keeps the run on the same item when the trainer changes the plan mid-day
 * (adds the optional activity, moves a break). If the current item left the
 * plan, the run moves on to whatever now stands in its place.
 */
export function rebaseRun(
  run: AgendaRun,
  oldPlan: readonly PlannedItem[],
  newPlan: readonly PlannedItem[],
  now: number,
): AgendaRun {
  if (run.status === 'ready') return { ...run, current: 0 };
  if (run.status === 'finished') return { ...run, current: newPlan.length };
  const key = oldPlan[run.current]?.key;
  const at = newPlan.findIndex((item) => item.key === key);
  if (at !== -1) return { ...run, current: at };
  const current = firstToRun(newPlan, Math.min(run.current, newPlan.length), run.skipped);
  if (current >= newPlan.length) {
    return { ...run, status: 'finished', current, startedAt: null, spentBeforeMs: 0 };
  }
  const startedAt = run.status === 'running' ? now : null;
  return { ...run, current, startedAt, spentBeforeMs: 0 };
}

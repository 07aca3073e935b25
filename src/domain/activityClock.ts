/**
 * One clock per activity. While the day's agenda runs an item that opens a
 * tool (the quiz with its case, the role-play, the plan), that tool's time is
 * the item's own countdown: pausing or extending either is the same change,
 * because there is only the agenda's clock. When the day runs something else,
 * or is not running, a tool may keep a standalone timer (the role-play's), and
 * only then is that one shown. Pure.
 */
import { allowedMs, remainingMs as agendaRemainingMs, type AgendaRun } from './agendaRun';
import type { ToolLaunch } from './agendaTools';
import type { PlannedItem } from './dayPlan';
import { timerRemainingMs, type RolePlayTimer } from './rolePlay';

/** A tool as the console and projector run it: its kind, and its case for a case tool. */
export type ClockTarget =
  { kind: 'quiz' | 'narrative' | 'timeline' | 'roleplay'; caseId: string } | { kind: 'plan' };

export type ActivityClock = {
  /** `agenda`: the running item's clock; `own`: the tool's standalone timer. */
  source: 'agenda' | 'own';
  remainingMs: number;
  /** The whole time it has (with any extension), for a screen that shows the share left. */
  allowedMs: number;
  running: boolean;
  /** The agenda item's key, when the agenda keeps the time. */
  itemKey: string | null;
};

/** Whether an agenda item's screen is this tool (a plan opens on any template). */
export function launchOpens(launch: ToolLaunch, target: ClockTarget): boolean {
  if (launch.kind !== target.kind) return false;
  if (target.kind === 'plan') return true;
  return 'caseId' in launch && launch.caseId === target.caseId;
}

/**
 * The agenda's clock for this tool: the item being run (running or paused)
 * when it opens the tool, else null.
 *
 * @param launches the screens the item of a key opens (domain/agendaTools)
 */
export function agendaClock(
  run: AgendaRun,
  plan: readonly PlannedItem[],
  launches: (key: string) => readonly ToolLaunch[],
  target: ClockTarget,
  now: number,
): ActivityClock | null {
  if (run.status !== 'running' && run.status !== 'paused') return null;
  const item = plan[run.current];
  if (!item || !launches(item.key).some((launch) => launchOpens(launch, target))) return null;
  return {
    source: 'agenda',
    remainingMs: agendaRemainingMs(run, plan, now),
    allowedMs: allowedMs(run, item),
    running: run.status === 'running',
    itemKey: item.key,
  };
}

/** The role-play's standalone timer, read as a clock. */
export function ownClock(timer: RolePlayTimer, now: number): ActivityClock {
  return {
    source: 'own',
    remainingMs: timerRemainingMs(timer, now),
    allowedMs: timer.minutes * 60_000,
    running: timer.startedAt !== null,
    itemKey: null,
  };
}

/** The one clock a tool shows: the agenda's while it runs the tool, else its own (if any). */
export function activityClock(
  fromAgenda: ActivityClock | null,
  own: ActivityClock | null,
): ActivityClock | null {
  return fromAgenda ?? own;
}

/**
 * The trainer's plan for one workshop day, as plain data that can be stored,
 * sent to the projector and validated: which sessions in which order, when the
 * day starts, and the choices that shape its agenda. Everything shown is derived
 * from it through dayPlan and agendaRun.
 */
import {
  itemKey,
  planDay,
  scheduleDay,
  type DayPlanChoices,
  type PlannedItem,
  type ScheduledItem,
  type SessionAgenda,
} from './dayPlan';

export type DaySettings = {
  /** Session ids in running order. */
  sessionIds: string[];
  /** Local date, "2026-11-23". */
  date: string;
  /** Local time, "09:30". */
  startTime: string;
  /** Keys of the optional activities the trainer will run. */
  includedOptional: string[];
  /** Break lengths the trainer changed, by key. */
  breakMinutes: Record<string, number>;
  /** Where a break goes: the key of the item it follows. */
  breakAfter: Record<string, string>;
  /** "Time is nearly up" warning, in minutes before the end of an item. */
  warningMinutes: number;
};

export const DEFAULT_WARNING_MINUTES = 2;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function localDate(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function newDaySettings(sessionIds: string[], today: Date): DaySettings {
  return {
    sessionIds,
    date: localDate(today),
    startTime: '09:00',
    includedOptional: [],
    breakMinutes: {},
    breakAfter: {},
    warningMinutes: DEFAULT_WARNING_MINUTES,
  };
}

export function choicesOf(settings: DaySettings): DayPlanChoices {
  return {
    includedOptional: new Set(settings.includedOptional),
    breakMinutes: new Map(Object.entries(settings.breakMinutes)),
    breakAfter: new Map(Object.entries(settings.breakAfter)),
  };
}

/** The day's items in order; session ids the library does not know are passed over. */
export function planForSettings(
  settings: DaySettings,
  sessions: readonly SessionAgenda[],
): PlannedItem[] {
  const chosen = settings.sessionIds.flatMap((id) => sessions.filter((s) => s.id === id));
  return planDay(chosen, choicesOf(settings));
}

/** The day's start as a timestamp, read in the laptop's own time zone. */
export function dayStartsAt(settings: Pick<DaySettings, 'date' | 'startTime'>): number {
  const [year = 1970, month = 1, day = 1] = settings.date.split('-').map(Number);
  const [hours = 0, minutes = 0] = settings.startTime.split(':').map(Number);
  return new Date(year, month - 1, day, hours, minutes).getTime();
}

export type PlanRow = ScheduledItem & {
  /** Minutes from the start of the item's session to the end of the item: the "Acc. time". */
  accumulatedMinutes: number;
};

/** The planning table: each item on the clock, with its session's accumulated time. */
export function planRows(plan: readonly PlannedItem[], startsAt: number): PlanRow[] {
  const accumulated = new Map<string, number>();
  return scheduleDay(plan, startsAt).map((item) => {
    const total = (accumulated.get(item.sessionId) ?? 0) + item.minutes;
    accumulated.set(item.sessionId, total);
    return { ...item, accumulatedMinutes: total };
  });
}

export type SessionTotal = {
  sessionId: string;
  plannedMinutes: number;
  statedMinutes: number;
  /** Planned minus stated: a mismatch is shown, never hidden. */
  differenceMinutes: number;
};

export function sessionTotals(
  plan: readonly PlannedItem[],
  sessions: readonly { id: string; durationMinutes: number }[],
  sessionIds: readonly string[],
): SessionTotal[] {
  return sessionIds.flatMap((id) => {
    const session = sessions.find((s) => s.id === id);
    if (!session) return [];
    const plannedMinutes = plan
      .filter((item) => item.sessionId === id)
      .reduce((sum, item) => sum + item.minutes, 0);
    return [
      {
        sessionId: id,
        plannedMinutes,
        statedMinutes: session.durationMinutes,
        differenceMinutes: plannedMinutes - session.durationMinutes,
      },
    ];
  });
}

/** Adds or removes an optional activity from the day. */
export function toggleOptional(settings: DaySettings, key: string, include: boolean): DaySettings {
  const rest = settings.includedOptional.filter((k) => k !== key);
  return { ...settings, includedOptional: include ? [...rest, key] : rest };
}

export function setBreakMinutes(settings: DaySettings, key: string, minutes: number): DaySettings {
  const safe = Math.min(180, Math.max(1, Math.round(minutes)));
  return { ...settings, breakMinutes: { ...settings.breakMinutes, [key]: safe } };
}

/** Places a break after another item; null puts it back where its session has it. */
export function placeBreak(settings: DaySettings, key: string, after: string | null): DaySettings {
  const rest = Object.fromEntries(Object.entries(settings.breakAfter).filter(([k]) => k !== key));
  return { ...settings, breakAfter: after === null ? rest : { ...rest, [key]: after } };
}

/** Moves a session one place earlier (-1) or later (+1) in the day. */
export function moveSession(settings: DaySettings, id: string, by: -1 | 1): DaySettings {
  const ids = [...settings.sessionIds];
  const from = ids.indexOf(id);
  const to = from + by;
  if (from === -1 || to < 0 || to >= ids.length) return settings;
  [ids[from], ids[to]] = [ids[to] as string, ids[from] as string];
  return { ...settings, sessionIds: ids };
}

export function toggleSession(settings: DaySettings, id: string, include: boolean): DaySettings {
  const rest = settings.sessionIds.filter((s) => s !== id);
  return { ...settings, sessionIds: include ? [...rest, id] : rest };
}

/** Blocks of consecutive rows of one session, for the table; a break joins the block it was placed in. */
export function sessionBlocks<T extends { sessionId: string; kind: 'activity' | 'break' }>(
  rows: readonly T[],
): { sessionId: string; rows: T[] }[] {
  const blocks: { sessionId: string; rows: T[] }[] = [];
  for (const row of rows) {
    const last = blocks[blocks.length - 1];
    if (last && (row.kind === 'break' || last.sessionId === row.sessionId)) last.rows.push(row);
    else blocks.push({ sessionId: row.sessionId, rows: [row] });
  }
  return blocks;
}

/** The optional activities left out of the day that follow an item in its session, to show in place. */
export function leftOutAfter<T extends { id: string; optional: boolean }>(
  session: { id: string; agenda: readonly T[] },
  itemId: string,
  includedOptional: readonly string[],
): T[] {
  const out: T[] = [];
  const from = session.agenda.findIndex((item) => item.id === itemId);
  for (const item of session.agenda.slice(from + 1)) {
    if (!item.optional || includedOptional.includes(itemKey(session.id, item.id))) break;
    out.push(item);
  }
  return out;
}

/**
 * The session the day is on: the one of the item being run, else the day's first.
 * The console's Sessions shelf opens on it.
 */
export function sessionInFocus(
  settings: DaySettings,
  run: { status: string; current: number },
  sessions: readonly SessionAgenda[],
): string | undefined {
  if (run.status === 'running' || run.status === 'paused') {
    const running = planForSettings(settings, sessions)[run.current];
    if (running) return running.sessionId;
  }
  return settings.sessionIds.find((id) => sessions.some((s) => s.id === id));
}

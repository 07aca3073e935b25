/**
 * Agenda arithmetic: where each item starts and ends within a session, in
 * minutes from the session's start. Pure; the console and projector both read it.
 */
export type AgendaEntry = {
  id: string;
  kind: 'activity' | 'break';
  minutes: number;
  optional: boolean;
};

export type ScheduledEntry<T extends AgendaEntry> = T & {
  startMinute: number;
  endMinute: number;
};

/**
 * Lays the included items end to end. Optional activities are left out unless
 * their id is in `includedOptional`: the session's stated length leaves them out,
 * and the trainer adds their time when choosing to run them.
 */
export function scheduleAgenda<T extends AgendaEntry>(
  items: readonly T[],
  includedOptional: ReadonlySet<string> = new Set(),
): ScheduledEntry<T>[] {
  let minute = 0;
  const scheduled: ScheduledEntry<T>[] = [];
  for (const item of items) {
    if (item.optional && !includedOptional.has(item.id)) continue;
    scheduled.push({ ...item, startMinute: minute, endMinute: minute + item.minutes });
    minute += item.minutes;
  }
  return scheduled;
}

export function totalMinutes(items: readonly AgendaEntry[]): number {
  return items.reduce((sum, item) => sum + item.minutes, 0);
}

/** "2 h 20 min" style parts, for the translated duration label. */
export function hoursAndMinutes(minutes: number): { hours: number; minutes: number } {
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

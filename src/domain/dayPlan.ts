/**
 * A workshop day: the chosen sessions in order, their optional activities in or
 * out, each break's length and place, laid out on the clock. Pure: the console,
 * the projector and the run sheet all derive their times from here.
 */
export type PlannedItem = {
  /** Unique within the day: "<session id>/<agenda item id>". */
  key: string;
  sessionId: string;
  itemId: string;
  kind: 'activity' | 'break';
  minutes: number;
  optional: boolean;
};

export type SessionAgenda = {
  id: string;
  agenda: readonly { id: string; kind: 'activity' | 'break'; minutes: number; optional: boolean }[];
};

export type DayPlanChoices = {
  /** Optional activities to run, by key. */
  includedOptional: ReadonlySet<string>;
  /** Break lengths the trainer changed, by key, in minutes. */
  breakMinutes: ReadonlyMap<string, number>;
  /** Where a break goes instead of its place in the session: the key of the item it follows. */
  breakAfter: ReadonlyMap<string, string>;
};

export const NO_CHOICES: DayPlanChoices = {
  includedOptional: new Set(),
  breakMinutes: new Map(),
  breakAfter: new Map(),
};

export type ScheduledItem = PlannedItem & { startsAt: number; endsAt: number };

const MINUTE_MS = 60_000;

export function itemKey(sessionId: string, itemId: string): string {
  return `${sessionId}/${itemId}`;
}

/** The day's items in running order, with the trainer's choices applied. */
export function planDay(
  sessions: readonly SessionAgenda[],
  choices: DayPlanChoices = NO_CHOICES,
): PlannedItem[] {
  const items: PlannedItem[] = sessions.flatMap((session) =>
    session.agenda.map((item) => {
      const key = itemKey(session.id, item.id);
      const minutes =
        item.kind === 'break' ? (choices.breakMinutes.get(key) ?? item.minutes) : item.minutes;
      return {
        key,
        sessionId: session.id,
        itemId: item.id,
        kind: item.kind,
        minutes,
        optional: item.optional,
      };
    }),
  );
  const included = items.filter((item) => !item.optional || choices.includedOptional.has(item.key));
  return moveBreaks(included, choices.breakAfter);
}

/** Moves each break the trainer placed elsewhere to just after the item named. */
function moveBreaks(items: PlannedItem[], breakAfter: ReadonlyMap<string, string>): PlannedItem[] {
  let ordered = items;
  for (const [breakKey, afterKey] of breakAfter) {
    const moving = ordered.find((item) => item.key === breakKey && item.kind === 'break');
    if (!moving || breakKey === afterKey) continue;
    const rest = ordered.filter((item) => item !== moving);
    const at = rest.findIndex((item) => item.key === afterKey);
    if (at === -1) continue; // the item it followed is left out: the break keeps its place
    ordered = [...rest.slice(0, at + 1), moving, ...rest.slice(at + 1)];
  }
  return ordered;
}

/** Puts the plan on the clock from the day's start (a timestamp in ms). */
export function scheduleDay(items: readonly PlannedItem[], startsAt: number): ScheduledItem[] {
  let clock = startsAt;
  return items.map((item) => {
    const scheduled = { ...item, startsAt: clock, endsAt: clock + item.minutes * MINUTE_MS };
    clock = scheduled.endsAt;
    return scheduled;
  });
}

export function dayMinutes(items: readonly PlannedItem[]): number {
  return items.reduce((sum, item) => sum + item.minutes, 0);
}

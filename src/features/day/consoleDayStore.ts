/**
 * The console's day: its plan and where the run stands. Kept outside React so
 * the projector channel and the room hear every change once, whatever renders.
 */
import i18next from 'i18next';
import { useSyncExternalStore } from 'react';
import type { RoomDoc } from '../../sync/roomDoc';
import { isUiLanguage } from '../../i18n/languages';
import type { AgendaState } from '../../sync/roomSchema';
import { loadStoredDay, openDayChannel, storeDay, type DayChannel } from './dayChannel';

export type ConsoleDay = AgendaState;

let day: ConsoleDay | null | undefined;
let channel: DayChannel | null = null;
const listeners = new Set<() => void>();
/** The open room and its writer, given by the room layer: this store is in the console's first load, the layer is not. */
type PublishDay = (doc: RoomDoc, day: ConsoleDay) => void;
const rooms = new Map<RoomDoc, PublishDay>();

function current(): ConsoleDay | null {
  if (day === undefined) {
    day = loadStoredDay();
    channel = openDayChannel((message) => {
      // A projector that just opened asks for the state; answer with ours.
      if (message.type === 'hello' && day) channel?.post({ type: 'state', state: day });
    });
  }
  return day;
}

export function updateConsoleDay(
  change: (day: ConsoleDay | null) => Omit<ConsoleDay, 'updatedAt'>,
) {
  // The projector speaks the console's language: every copy of the day says which.
  const language = isUiLanguage(i18next.language) ? i18next.language : undefined;
  const next: AgendaState = { ...change(current()), updatedAt: Date.now(), language };
  day = next;
  storeDay(next);
  channel?.post({ type: 'state', state: next });
  rooms.forEach((publish, doc) => publish(doc, next));
  listeners.forEach((listener) => listener());
}

/** The console changed its language: a day already planned tells the projector. */
export function announceConsoleLanguage(language: string): void {
  const held = current();
  if (held && held.language !== language) updateConsoleDay(() => held);
}

/** While a room is open, every change of the day is written into it too. */
export function shareDayWithRoom(doc: RoomDoc, publish: PublishDay): () => void {
  rooms.set(doc, publish);
  const now = current();
  if (now) publish(doc, now);
  return () => rooms.delete(doc);
}

export function useConsoleDay(): ConsoleDay | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, current);
}

/**
 * How the console's day travels to the projector window on the same laptop:
 * the last state is kept in localStorage (so either window can reload) and each
 * change is posted on a BroadcastChannel. Everything received is validated.
 */
import { parseAgendaState, type AgendaState } from '../../sync/day/agendaSchema';

const STORAGE_KEY = 'swk.day';
const CHANNEL_NAME = 'swk-day';

type DayMessage = { type: 'state'; state: AgendaState } | { type: 'hello' };

export function loadStoredDay(): AgendaState | null {
  try {
    return parseAgendaState(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'));
  } catch {
    return null;
  }
}

export function storeDay(state: AgendaState): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // storage full or disabled: the projector still follows over the channel
  }
}

export function isDayStorageKey(key: string | null): boolean {
  return key === STORAGE_KEY;
}

export type DayChannel = {
  post(message: DayMessage): void;
  close(): void;
};

export function openDayChannel(onMessage: (message: DayMessage) => void): DayChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => {}, close: () => {} };
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown; state?: unknown } | null;
    if (data?.type === 'hello') onMessage({ type: 'hello' });
    if (data?.type === 'state') {
      const state = parseAgendaState(data.state);
      if (state) onMessage({ type: 'state', state });
    }
  };
  return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}

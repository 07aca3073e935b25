import { useSyncExternalStore } from 'react';
import type { RoomConnection } from '../../sync/roomConnection';
import { storedRoom } from '../../sync/storedRoom';

/**
 * The console's open room, if any: restored from this laptop after a reload.
 * The room layer (yjs, the connection, the stores) is not in the console's first
 * load: a stored room is reopened from it once the first screen is drawn, and
 * until then the console says it is reopening the room (`useConsoleRoomReopening`).
 */
let current: RoomConnection | null | undefined;
/** A stored room being reopened: the room layer is loading. */
let reopening = false;
const listeners = new Set<() => void>();
/** While a room is open, the console answers phones that typed its short code. */
let stopAnswering: (() => void) | null = null;

const notify = () => listeners.forEach((listener) => listener());

function answerCodesOf(connection: RoomConnection | null): void {
  stopAnswering?.();
  stopAnswering = null;
  if (!connection) return;
  void import('./consoleRoomAnswers').then(({ answerPhones }) => {
    // Another room may have replaced this one while the module loaded.
    if (current !== connection) return;
    stopAnswering = answerPhones(connection, () => current === connection);
  });
}

function reopenStored(): void {
  const stored = storedRoom();
  current = null;
  if (!stored) return;
  reopening = true;
  void import('../../sync/consoleRoom').then(
    ({ openConsoleRoom }) => {
      reopening = false;
      // A room the trainer opened meanwhile wins; the stored one was replaced by it.
      if (current === null) {
        current = openConsoleRoom(stored);
        answerCodesOf(current);
      }
      notify();
    },
    () => {
      // The room layer did not load (the server went away): the trainer sees no room,
      // and a reload tries again; the stored room stays on this laptop.
      reopening = false;
      notify();
    },
  );
}

function get(): RoomConnection | null {
  if (current === undefined) reopenStored();
  return current ?? null;
}

export function setConsoleRoom(connection: RoomConnection | null): void {
  current = connection;
  reopening = false;
  answerCodesOf(connection);
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useConsoleRoom(): RoomConnection | null {
  return useSyncExternalStore(subscribe, get);
}

/** Whether the console is still reopening the room this laptop keeps (just after a reload). */
export function useConsoleRoomReopening(): boolean {
  return useSyncExternalStore(subscribe, () => {
    get();
    return reopening;
  });
}

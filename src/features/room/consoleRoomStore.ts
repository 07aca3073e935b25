import { useSyncExternalStore } from 'react';
import { openConsoleRoom, storedRoom } from '../../sync/consoleRoom';
import type { RoomConnection } from '../../sync/roomConnection';

/** The console's open room, if any: restored from this laptop after a reload. */
let current: RoomConnection | null | undefined;
const listeners = new Set<() => void>();

function get(): RoomConnection | null {
  if (current === undefined) {
    const stored = storedRoom();
    current = stored ? openConsoleRoom(stored) : null;
  }
  return current;
}

export function setConsoleRoom(connection: RoomConnection | null): void {
  current = connection;
  listeners.forEach((listener) => listener());
}

export function useConsoleRoom(): RoomConnection | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, get);
}

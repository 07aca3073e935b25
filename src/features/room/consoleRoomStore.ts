import { useSyncExternalStore } from 'react';
import { openConsoleRoom, storedRoom } from '../../sync/consoleRoom';
import { answerJoinCodes } from '../../sync/join/joinCodeExchange';
import { publishFingerprint } from '../../sync/join/joinSchema';
import { fetchWorkshopInfo } from '../../sync/admission';
import type { RoomConnection } from '../../sync/roomConnection';

/** The console's open room, if any: restored from this laptop after a reload. */
let current: RoomConnection | null | undefined;
const listeners = new Set<() => void>();
/** While a room is open, the console answers phones that typed its short code. */
let stopAnswering: (() => void) | null = null;

function answerCodesOf(connection: RoomConnection | null): void {
  stopAnswering?.();
  stopAnswering = connection ? answerJoinCodes(connection.room, connection.key) : null;
  // The certificate's fingerprint goes into the room (signed), for projectors on other devices.
  if (connection) {
    void fetchWorkshopInfo().then((info) => {
      if (info?.fingerprint && current === connection) {
        publishFingerprint(connection.doc, info.fingerprint);
      }
    });
  }
}

function get(): RoomConnection | null {
  if (current === undefined) {
    const stored = storedRoom();
    current = stored ? openConsoleRoom(stored) : null;
    answerCodesOf(current);
  }
  return current;
}

export function setConsoleRoom(connection: RoomConnection | null): void {
  current = connection;
  answerCodesOf(connection);
  listeners.forEach((listener) => listener());
}

export function useConsoleRoom(): RoomConnection | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, get);
}

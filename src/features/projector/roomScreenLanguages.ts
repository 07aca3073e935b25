/**
 * The projector's side of the second language: what its room says. Apart from
 * projectorLanguage.ts, which the console's first load carries without the room layer.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { RoomDoc } from '../../sync/roomDoc';
import { screenLanguagesStore, type ScreenLanguages } from '../../sync/day/screenLanguages';

const noRoom = () => () => undefined;

/** The second language as the room says it; null outside a room or before a console said. */
export function useRoomScreenLanguages(doc: RoomDoc | null): ScreenLanguages | null {
  const subscribeToRoom = useCallback(
    (listener: () => void) => (doc ? screenLanguagesStore.subscribe(doc, listener) : noRoom()),
    [doc],
  );
  return useSyncExternalStore(subscribeToRoom, () =>
    doc ? screenLanguagesStore.snapshot(doc) : null,
  );
}

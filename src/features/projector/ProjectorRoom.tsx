import { useMemo, useSyncExternalStore } from 'react';
import { storedRoom, type RoomCredentials } from '../../sync/consoleRoom';
import { openRoomConnection, type RoomConnection } from '../../sync/roomConnection';

function subscribeToStorage(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

/** The console's room as stored on this laptop; a room opened after the projector is found too. */
function useStoredRoomIds(): string | null {
  return useSyncExternalStore(subscribeToStorage, () => {
    const stored = storedRoom();
    return stored ? `${stored.room} ${stored.key}` : null;
  });
}

/**
 * The projector joins the room the console opened: on the console's laptop it
 * finds it in storage; on another device, from the projector link.
 */
export function useProjectorRoom(linked: RoomCredentials | null): RoomConnection | null {
  const stored = useStoredRoomIds();
  const [room, key] = linked ? [linked.room, linked.key] : (stored?.split(' ') ?? []);
  return useMemo(
    () => (room && key ? openRoomConnection(room, key, 'projector') : null),
    [room, key],
  );
}

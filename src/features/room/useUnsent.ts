import { useCallback, useState } from 'react';
import type { RoomConnection } from '../../sync/roomConnection';
import { useRoomSnapshot } from './useRoom';

/**
 * Which of this phone's cards the console does not hold yet: each is noted with the
 * phone's clock once written, and is sent once the console's confirmed clock reaches it.
 */
export function useUnsent(connection: RoomConnection): {
  noteWritten: (id: string) => void;
  unsent: ReadonlySet<string>;
} {
  const { confirmedClock } = useRoomSnapshot(connection);
  const [written, setWritten] = useState<ReadonlyMap<string, number>>(() => new Map());
  const noteWritten = useCallback(
    (id: string) => setWritten((before) => new Map(before).set(id, connection.localClock())),
    [connection],
  );
  const unsent = new Set(
    [...written].filter(([, clock]) => clock > confirmedClock).map(([id]) => id),
  );
  return { noteWritten, unsent };
}

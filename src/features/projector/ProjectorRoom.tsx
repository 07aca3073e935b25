import { useMemo } from 'react';
import { storedRoom, type RoomCredentials } from '../../sync/consoleRoom';
import { openRoomConnection, type RoomConnection } from '../../sync/roomConnection';
import { IncidentWall } from '../room/IncidentWall';

/**
 * The projector joins the room the console opened: on the console's laptop it
 * finds it in storage; on another device, from the projector link.
 */
export function useProjectorRoom(linked: RoomCredentials | null): RoomConnection | null {
  const room = linked?.room;
  const key = linked?.key;
  const credentials = useMemo(() => (room && key ? { room, key } : storedRoom()), [room, key]);
  return useMemo(
    () => (credentials ? openRoomConnection(credentials.room, credentials.key, 'projector') : null),
    [credentials],
  );
}

export function ProjectorRoom({ connection }: { connection: RoomConnection | null }) {
  if (!connection) return null;
  return (
    <div className="projector projector--wall">
      <IncidentWall doc={connection.doc} />
    </div>
  );
}

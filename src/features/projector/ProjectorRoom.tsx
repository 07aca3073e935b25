import { useMemo } from 'react';
import { storedRoom } from '../../sync/consoleRoom';
import { openRoomConnection, type RoomConnection } from '../../sync/roomConnection';
import { IncidentWall } from '../room/IncidentWall';

/** The projector is a window of the console's laptop: it joins the room the console opened. */
export function useProjectorRoom(): RoomConnection | null {
  const credentials = useMemo(() => storedRoom(), []);
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

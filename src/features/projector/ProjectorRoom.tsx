import { useMemo } from 'react';
import { storedRoom } from '../../sync/consoleRoom';
import { openRoomConnection } from '../../sync/roomConnection';
import { IncidentWall } from '../room/IncidentWall';

/** The projector is a window of the console's laptop: it joins the room the console opened. */
export function ProjectorRoom() {
  const credentials = useMemo(() => storedRoom(), []);
  const connection = useMemo(
    () => (credentials ? openRoomConnection(credentials.room, credentials.key, 'projector') : null),
    [credentials],
  );
  if (!connection) return null;
  return (
    <div className="projector projector--wall">
      <IncidentWall doc={connection.doc} />
    </div>
  );
}

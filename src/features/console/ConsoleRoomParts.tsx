import { useEffect } from 'react';
import { publishAgendaState } from '../../sync/day/agendaSync';
import { writeScreenLanguages } from '../../sync/day/screenLanguages';
import type { RoomConnection } from '../../sync/roomConnection';
import { ConsoleCare } from '../care/ConsoleCare';
import { shareDayWithRoom } from '../day/consoleDayStore';
import { shareScreenLanguagesWithRoom } from '../projector/projectorLanguage';
import { RoomProvider } from '../room/RoomContext';

/**
 * What the console does on every shelf while its room is open, loaded with the
 * room and not in the first load: a projector on another screen follows the day
 * and the second language through the room, and the room's care (pause, break
 * requests) is at hand.
 */
export default function ConsoleRoomParts({ room }: { room: RoomConnection }) {
  useEffect(() => shareDayWithRoom(room.doc, publishAgendaState), [room]);
  useEffect(() => shareScreenLanguagesWithRoom(room.doc, writeScreenLanguages), [room]);
  return (
    <RoomProvider doc={room.doc}>
      <ConsoleCare room={room.room} />
    </RoomProvider>
  );
}

import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyWithRetry } from '../../lib/lazyWithRetry';
import { useConsoleRoom, useConsoleRoomReopening } from '../room/consoleRoomStore';
import { RoomProvider } from '../room/RoomContext';
import type { Props } from './RoomAsksPanel';

// With the room's operations, so the Day shelf draws without the room layer.
const RoomAsksPanel = lazyWithRetry(() => import('./RoomAsksPanel'));

/**
 * What the trainer asks of the room beside the agenda, where the day is run:
 * the join screen on the projector (latecomers), and incident cards from the
 * phones outside the timeline activity. Shown only while a room is open; just
 * after a reload, while the room this laptop keeps is reopened, it says so.
 */
export function RoomAsks(props: Props) {
  const { t } = useTranslation();
  const connection = useConsoleRoom();
  const reopening = useConsoleRoomReopening();
  const wait = <p role="status">{t('room.reopening')}</p>;
  if (!connection) return reopening ? wait : null;
  return (
    <RoomProvider doc={connection.doc}>
      <Suspense fallback={wait}>
        <RoomAsksPanel {...props} />
      </Suspense>
    </RoomProvider>
  );
}

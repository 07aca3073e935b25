import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { joinPath } from '../../app/route';

type Props = { room: string; roomKey: string | null };

/** A short, readable form of the room id, for "am I in the right room?" checks aloud. */
function roomCode(room: string): string {
  return room.slice(0, 6).toUpperCase();
}

export function JoinPage({ room, roomKey }: Props) {
  const { t } = useTranslation();

  // The key must not linger in the address bar, history or a shoulder-surfer's view.
  useEffect(() => {
    if (roomKey && window.location.hash !== joinPath(room)) {
      window.history.replaceState(null, '', joinPath(room));
    }
  }, [room, roomKey]);

  return (
    <div className="join">
      <h1>{t('join.title')}</h1>
      <p className="join__room">{t('join.room', { code: roomCode(room) })}</p>
      {roomKey ? (
        <div role="status" className="join__status">
          <p className="join__waiting">{t('join.waiting')}</p>
          <p>{t('join.waitingDetail')}</p>
          <p className="join__privacy">{t('join.anonymous')}</p>
        </div>
      ) : (
        <p role="alert" className="join__problem">
          {t('join.noKey')}
        </p>
      )}
    </div>
  );
}

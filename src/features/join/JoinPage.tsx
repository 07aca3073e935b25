import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { joinPath } from '../../lib/route';
import { lazyWithRetry } from '../../lib/lazyWithRetry';
import './join.css';

type Props = { room: string; roomKey: string | null };

// The live room (yjs, WebRTC) loads after the join screen shows, to keep the first paint light.
const PhoneRoom = lazyWithRetry(() => import('../room/PhoneRoom'));

/** A short, readable form of the room id, for "am I in the right room?" checks aloud. */
function roomCode(room: string): string {
  // Isolated left to right, so "-" or "_" in the code stay in place inside Arabic text.
  return `\u2066${room.slice(0, 6).toUpperCase()}\u2069`;
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
        <div className="join__status">
          <p className="join__privacy">{t('join.anonymous')}</p>
          <p className="join__privacy">{t('join.privateTab')}</p>
          <Suspense fallback={<p role="status">{t('status.connecting')}</p>}>
            <PhoneRoom room={room} roomKey={roomKey} />
          </Suspense>
        </div>
      ) : (
        <p role="alert" className="join__problem">
          {t('join.noKey')}
        </p>
      )}
    </div>
  );
}

import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { joinPath } from '../../lib/route';
import { lazyWithRetry } from '../../lib/lazyWithRetry';
import { formatJoinCode } from '../../sync/join/joinCode';
import { useJoinCode } from './useJoinCode';
import { withEveryString } from '../../i18n/setup';
import { GenericWelcome, PhoneWelcomeFrame, RoomStatusLine } from '../room/PhoneWelcomeFrame';
import { welcomeSeen } from '../room/phoneWelcome';
import './join.css';

type Props = { room: string; roomKey: string | null };

// The live room (yjs, the stores, WebRTC) loads while the join screen and its welcome show,
// so that a phone on a slow network can read and pass the welcome before it has arrived.
const PhoneRoom = lazyWithRetry(withEveryString(() => import('../room/PhoneRoom')));

/** A phone that opened the full join link (the console's "copy link", tests). */
export function JoinPage({ room, roomKey }: Props) {
  const { t } = useTranslation();

  // The key must not linger in the address bar, history or a shoulder-surfer's view.
  useEffect(() => {
    if (roomKey && window.location.hash !== joinPath(room)) {
      window.history.replaceState(null, '', joinPath(room));
    }
  }, [room, roomKey]);

  return roomKey ? (
    <JoinedRoom room={room} roomKey={roomKey} />
  ) : (
    <div className="join">
      <h1>{t('join.title')}</h1>
      <p role="alert" className="join__problem">
        {t('join.noKey')}
      </p>
    </div>
  );
}

/**
 * The room a phone is in, however it got the key (the link, or the short code's exchange).
 * A compact header only (the room's code; the connection's state comes with the room): what
 * a person needs to know once, that they are anonymous and the private-tab advice, is on
 * the welcome screen, not above every activity.
 */
export function JoinedRoom({ room, roomKey }: { room: string; roomKey: string }) {
  const { t } = useTranslation();
  const code = useJoinCode(roomKey);
  const roomAsked = useAfterFirstPaint();
  // Here, not in RoomLoading: the welcome passed before the room is asked for stays passed.
  const [passed, setPassed] = useState(() => welcomeSeen(room));
  const loading = <RoomLoading room={room} passed={passed} onPassed={() => setPassed(true)} />;
  return (
    <div className="join join--in-room">
      {/* The projector's code: "am I in the right room?" at a glance. Isolated left to right in Arabic. */}
      {code && (
        <p className="join__room">
          {t('join.room', { code: `\u2066${formatJoinCode(code)}\u2069` })}
        </p>
      )}
      {roomAsked ? (
        <Suspense fallback={loading}>
          <PhoneRoom room={room} roomKey={roomKey} />
        </Suspense>
      ) : (
        loading
      )}
    </div>
  );
}

/**
 * True from just after the first paint. Asking for the live room in the first render
 * put its forty files' preload links (Vite's preload helper) into the long task that
 * draws the welcome, at 4x slower CPU about 140 ms of it; a frame later, the welcome
 * is up first. The timer covers a page in the background, where frames do not come.
 */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const done = () => setPainted(true);
    const frame = requestAnimationFrame(() => setTimeout(done, 0));
    const timer = setTimeout(done, 200);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}

/**
 * Until the live room has loaded: the status line it will show, and the welcome
 * (once per room and visit) with its generic heading. Passed here, it is not shown
 * again when the room arrives; the room's own welcome then adds the day's title.
 */
function RoomLoading(props: { room: string; passed: boolean; onPassed: () => void }) {
  const { room, passed, onPassed } = props;
  return (
    <>
      <RoomStatusLine status="connecting" />
      {!passed && (
        <PhoneWelcomeFrame room={room} onDone={onPassed}>
          <GenericWelcome />
        </PhoneWelcomeFrame>
      )}
    </>
  );
}

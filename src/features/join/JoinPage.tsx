import { Suspense, useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { joinPath } from '../../lib/route';
import { lazyWithRetry } from '../../lib/lazyWithRetry';
import { formatJoinCode } from '../../sync/join/joinCode';
import { loadNetworkCode } from '../../sync/networkCode';
import { useJoinCode } from './useJoinCode';
import { withEveryString } from '../../i18n/setup';
import { GenericWelcome, PhoneWelcomeFrame, RoomStatusLine } from '../room/PhoneWelcomeFrame';
import { welcomeSeen } from '../room/phoneWelcome';
import './join.css';

type Props = { room: string; roomKey: string | null };

/** Resolved by the first JoinedRoom on the page once its welcome is committed. */
let welcomeCommitted: () => void = () => {};
const welcomeOnPage = new Promise<void>((done) => {
  welcomeCommitted = done;
});

// The live room (yjs, the stores, WebRTC) loads while the join screen and its welcome show,
// so that a phone on a slow network can read and pass the welcome before it has arrived.
// It is asked for once the welcome is on the page, not when React first renders it: the
// first screen renders in slices (main.tsx), and a frame between two slices let the room's
// forty files and the rest of the strings start before the welcome showed.
const PhoneRoom = lazyWithRetry(() =>
  welcomeOnPage.then(afterFirstPaint).then(
    withEveryString(() => {
      // The network code is asked for at the same time, not once the room's code has run.
      void loadNetworkCode();
      return import('../room/PhoneRoom');
    }),
  ),
);

/**
 * Resolves just after the next paint. Asked for in the first render, the live room's
 * import put Vite's preload links for its forty files into the long task that draws the
 * welcome (at 4x slower CPU about 140 ms of it); a frame later, the welcome is up first.
 * The timer covers a page in the background, where frames do not come.
 */
function afterFirstPaint(): Promise<void> {
  return new Promise((done) => {
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 200);
  });
}

/** A phone that opened the full join link (the console's "copy link", tests). */
export function JoinPage({ room, roomKey }: Props) {
  const { t } = useTranslation();

  // The key must not linger in the address bar, history or a shoulder-surfer's view. A layout
  // effect, so it is gone in the same task that first draws the page: the first screen renders
  // as a transition (main.tsx), whose ordinary effects can run a while after it is on screen.
  useLayoutEffect(() => {
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
  useEffect(() => welcomeCommitted(), []);
  return (
    <div className="join join--in-room">
      {/* The projector's code: "am I in the right room?" at a glance. Isolated left to right in Arabic. */}
      {code && (
        <p className="join__room">
          {t('join.room', { code: `\u2066${formatJoinCode(code)}\u2069` })}
        </p>
      )}
      <Suspense fallback={<RoomLoading room={room} />}>
        <PhoneRoom room={room} roomKey={roomKey} />
      </Suspense>
    </div>
  );
}

/**
 * Until the live room has loaded: the status line it will show, and the welcome
 * (once per room and visit) with its generic heading. Passed here, it is not shown
 * again when the room arrives; the room's own welcome then adds the day's title.
 */
function RoomLoading({ room }: { room: string }) {
  const [passed, setPassed] = useState(() => welcomeSeen(room));
  return (
    <>
      <RoomStatusLine status="connecting" />
      {!passed && (
        <PhoneWelcomeFrame room={room} onDone={() => setPassed(true)}>
          <GenericWelcome />
        </PhoneWelcomeFrame>
      )}
    </>
  );
}

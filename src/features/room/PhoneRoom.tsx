import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activityKey, phoneActivity, type PhoneActivityView } from '../../domain/phoneView';
import {
  closeRoomConnection,
  openRoomConnection,
  type RoomConnection,
} from '../../sync/roomConnection';
import { forget, isKept, keep, recall } from '../../sync/phoneMemory';
import { forgetOwnWords, keepOwnWords } from '../../sync/privateLayer/ownWords';
import { randomToken } from '../../sync/roomId';
import { useQuiz } from '../quiz/useQuiz';
import { useRolePlay } from '../rolePlay/useRolePlay';
import { PhoneYourCards, type CardWriterProps } from '../timeline/PhoneCardWriter';
import { ConnectionHelp } from './ConnectionHelp';
import { PhoneActivity } from './PhoneActivity';
import { PhoneWelcome, useWelcome } from './PhoneDay';
import { RoomStatusLine } from './PhoneWelcomeFrame';
import { PhoneGroup } from './PhoneGroup';
import { RoomProvider } from './RoomContext';
import { useRoomSnapshot, useStage } from './useRoom';
import { useUnsent } from './useUnsent';
import { PauseCurtain } from '../care/PauseCurtain';
import { BreakSignal } from '../care/BreakSignal';
import { RoomDiscretion } from '../care/DiscreetSettings';
import './room.css';

/**
 * A participant's phone in the room: the welcome once, then only what the
 * room is doing now, with "Your cards" and "Your group" one tap away.
 */
export default function PhoneRoom({ room, roomKey }: { room: string; roomKey: string }) {
  const connection = useMemo(() => openRoomConnection(room, roomKey, 'phone'), [room, roomKey]);
  const { status } = useRoomSnapshot(connection);
  // An anonymous id for this visit: lets the phone find its own cards, says nothing of its person.
  const device = useMemo(() => recall(room)?.device ?? randomToken(12), [room]);
  useEffect(() => {
    if (status !== 'closed') return;
    forget(room);
    forgetOwnWords(room);
    void connection.persistOnDevice(false).then(() => closeRoomConnection(room));
  }, [status, room, connection]);
  const inRoom = status !== 'closed' && status !== 'wrong-key';
  return (
    <>
      <RoomStatusLine status={status} />
      {inRoom && <ConnectionHelp connection={connection} />}
      {inRoom && (
        <RoomProvider doc={connection.doc}>
          <PauseCurtain>
            <PhoneShell room={room} roomKey={roomKey} device={device} connection={connection} />
          </PauseCurtain>
          <BreakSignal room={room} />
          <RoomDiscretion />
        </RoomProvider>
      )}
    </>
  );
}

type View = 'now' | 'cards' | 'group';

type ShellProps = { room: string; roomKey: string; device: string; connection: RoomConnection };

function PhoneShell({ room, roomKey, device, connection }: ShellProps) {
  const { t } = useTranslation();
  const [welcome, passWelcome] = useWelcome(room);
  const { noteWritten, unsent } = useUnsent(connection);
  const [nickname, setNickname] = useState('');
  const activity = useCurrentActivity();
  const key = activityKey(activity);
  // A view chosen by tap lasts until the room moves on: then the phone goes to the new activity.
  const [chosen, setChosen] = useState<{ view: View; during: string }>({
    view: 'now',
    during: key,
  });
  const view = chosen.during === key ? chosen.view : 'now';
  const choose = (next: View) => setChosen({ view: next, during: key });
  if (welcome) return <PhoneWelcome room={room} onDone={passWelcome} />;
  const cards: CardWriterProps = {
    room,
    device,
    nickname,
    onNickname: (name) => {
      setNickname(name);
      connection.setNickname(name);
    },
    onWritten: noteWritten,
    unsent,
  };
  return (
    <>
      <nav className="phone-tabs" aria-label={t('phone.tabs')}>
        <TabButton pressed={view === 'now'} onClick={() => choose('now')}>
          {t('phone.tabNow')}
        </TabButton>
        <TabButton pressed={view === 'cards'} onClick={() => choose('cards')}>
          {t('phone.yourCards')}
        </TabButton>
        <TabButton pressed={view === 'group'} onClick={() => choose('group')}>
          {t('phone.tabGroup')}
        </TabButton>
      </nav>
      {view === 'now' && <PhoneActivity room={room} view={activity} cards={cards} />}
      {view === 'cards' && (
        <>
          <PhoneYourCards room={room} device={device} unsent={unsent} />
          <KeepOnPhone
            room={room}
            onChange={(on) => {
              if (on) {
                // The whole visit's memory (admission secret, console key) and this visit's words.
                keep(room, recall(room) ?? { key: roomKey, device });
                keepOwnWords(room);
              } else forget(room);
              void connection.persistOnDevice(on);
            }}
          />
        </>
      )}
      {view === 'group' && <PhoneGroup room={room} />}
    </>
  );
}

/** What the room does now, from the stage and the runs it holds. */
function useCurrentActivity(): PhoneActivityView {
  const stage = useStage();
  const quiz = useQuiz();
  const rolePlay = useRolePlay().run;
  return phoneActivity(stage, {
    quizCaseId: quiz.run?.caseId ?? null,
    narrativeCaseId: quiz.narrative?.caseId ?? null,
    rolePlay: rolePlay ? { caseId: rolePlay.caseId, open: rolePlay.open } : null,
  });
}

function TabButton(props: { pressed: boolean; onClick: () => void; children: string }) {
  return (
    <button type="button" aria-pressed={props.pressed} onClick={props.onClick}>
      {props.children}
    </button>
  );
}

function KeepOnPhone({ room, onChange }: { room: string; onChange: (on: boolean) => void }) {
  const { t } = useTranslation();
  const [kept, setKept] = useState(() => isKept(room));
  const hintId = useId();
  return (
    <label className="check keep">
      <input
        type="checkbox"
        checked={kept}
        aria-describedby={hintId}
        onChange={(event) => {
          setKept(event.target.checked);
          onChange(event.target.checked);
        }}
      />
      <span>
        {t('phone.keep')}
        <small id={hintId}>{t('phone.keepHint')}</small>
      </span>
    </label>
  );
}

import { Suspense, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_TEXT_MAX_CHARS, NICKNAME_MAX_CHARS } from '../../sync/limits';
import {
  closeRoomConnection,
  openRoomConnection,
  type RoomStatus,
} from '../../sync/roomConnection';
import { forget, isKept, keep, recall } from '../../sync/phoneMemory';
import { randomToken } from '../../sync/roomId';
import { addIncidentCard } from '../../sync/roomOperations';
import type { Severity } from '../../sync/roomSchema';
import { PhoneActivity } from '../quiz/PhoneActivity';

// Placing cards on the year needs drag and drop: loaded once the phone has a card.
const PhoneCards = lazyWithRetry(() => import('../timeline/PhoneCards'));
import { RoomProvider, useRoomDoc } from './RoomContext';
import { useIncidentCardItems, useRoomSnapshot } from './useRoom';
import { ConnectionHelp } from './ConnectionHelp';
import { useUnsent } from './useUnsent';
import { lazyWithRetry } from '../../lib/lazyWithRetry';
import { SeverityChoice } from '../common/SeverityChoice';
import './room.css';

export default function PhoneRoom({ room, roomKey }: { room: string; roomKey: string }) {
  const connection = useMemo(() => openRoomConnection(room, roomKey, 'phone'), [room, roomKey]);
  const { status } = useRoomSnapshot(connection);
  const { noteWritten, unsent } = useUnsent(connection);
  // An anonymous id for this visit: lets the phone find its own cards, says nothing of its person.
  const device = useMemo(() => recall(room)?.device ?? randomToken(12), [room]);
  useEffect(() => {
    if (status !== 'closed') return;
    forget(room);
    void connection.persistOnDevice(false).then(() => closeRoomConnection(room));
  }, [status, room, connection]);
  return (
    <>
      <StatusBanner status={status} />
      {status !== 'closed' && status !== 'wrong-key' && <ConnectionHelp connection={connection} />}
      {status !== 'closed' && status !== 'wrong-key' && (
        <RoomProvider doc={connection.doc}>
          <PhoneActivity room={room} device={device} />
          <CardWriter
            device={device}
            onNickname={connection.setNickname}
            onWritten={noteWritten}
            unsent={unsent}
          />
          <KeepOnPhone
            room={room}
            onChange={(on) => {
              if (on) keep(room, { key: roomKey, device });
              else forget(room);
              void connection.persistOnDevice(on);
            }}
          />
        </RoomProvider>
      )}
    </>
  );
}

function StatusBanner({ status }: { status: RoomStatus }) {
  const { t } = useTranslation();
  return (
    <p role="status" className={`room-status room-status--${status}`} data-status={status}>
      {t(`status.${status}`)}
    </p>
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

type WriterProps = {
  device: string;
  onNickname: (name: string | null) => void;
  onWritten: (cardId: string) => void;
  /** This phone's cards the console does not hold yet. */
  unsent: ReadonlySet<string>;
};

function CardWriter({ device, onNickname, onWritten, unsent }: WriterProps) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [severity, setSeverity] = useState<Severity>('yellow');
  const [nickname, setNickname] = useState('');
  const [sign, setSign] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const counterId = useId();
  const items = useIncidentCardItems();
  const mine = items.filter((card) => card.device === device);
  return (
    <>
      <label className="field">
        <span>{t('phone.nickname')}</span>
        <input
          value={nickname}
          maxLength={NICKNAME_MAX_CHARS}
          autoComplete="off"
          onChange={(event) => {
            setNickname(event.target.value);
            onNickname(event.target.value);
          }}
        />
        <small>{t('phone.nicknameHint')}</small>
      </label>
      <form
        className="card-writer"
        aria-labelledby="card-writer-heading"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() === '') {
            setProblem(t('phone.empty'));
            return;
          }
          const card = addIncidentCard(doc, device, {
            text,
            severity,
            author: sign ? nickname : null,
          });
          onWritten(card.id);
          setText('');
          setProblem(null);
        }}
      >
        <h2 id="card-writer-heading">{t('phone.cardHeading')}</h2>
        <label className="field">
          <span>{t('phone.cardText')}</span>
          <textarea
            value={text}
            maxLength={CARD_TEXT_MAX_CHARS}
            rows={3}
            aria-describedby={counterId}
            onChange={(event) => setText(event.target.value)}
          />
          <small id={counterId}>
            {t('phone.cardCounter', { count: text.length, max: CARD_TEXT_MAX_CHARS })}
          </small>
        </label>
        <SeverityChoice name="severity" value={severity} onChange={setSeverity} />
        {nickname.trim() !== '' && (
          <label className="check">
            <input
              type="checkbox"
              checked={sign}
              onChange={(event) => setSign(event.target.checked)}
            />
            {t('phone.sign')}
          </label>
        )}
        {problem && <p role="alert">{problem}</p>}
        <button type="submit" className="button--primary">
          {t('phone.add')}
        </button>
      </form>
      <UnsentCards cards={mine.filter((card) => unsent.has(card.id))} />
      <p className="wall-count" aria-live="polite">
        {t('wall.count', { count: items.length })}
      </p>
      <section aria-labelledby="my-cards-heading">
        <h2 id="my-cards-heading">{t('phone.yourCards')}</h2>
        {mine.length === 0 ? (
          <p>{t('phone.noCards')}</p>
        ) : (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <PhoneCards cards={mine} allCards={items} />
          </Suspense>
        )}
      </section>
    </>
  );
}

/** What this phone wrote that has not reached the console yet: it goes when the link returns. */
function UnsentCards({ cards }: { cards: { id: string; text: string }[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (cards.length === 0) return null;
  return (
    <section className="unsent" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('connection.unsentHeading')}</h2>
      <ul>
        {cards.map((card) => (
          <li key={card.id} dir="auto">
            {card.text}
          </li>
        ))}
      </ul>
      <p>{t('connection.kept')}</p>
    </section>
  );
}

import { Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_TEXT_MAX_CHARS, NICKNAME_MAX_CHARS } from '../../sync/limits';
import type { Severity } from '../../sync/roomSchema';
import { sendCard } from '../../sync/privateLayer/sealedOperations';
import { rememberOwnCard } from '../../sync/privateLayer/ownWords';
import { DEFAULT_SHARING, type SharingChoice } from '../../domain/consent';
import type { IdentifyingDetail } from '../../domain/identifiability';
import { wallMonths } from '../../domain/timeline';
import {
  IdentifyingWarning,
  OwnSealedCards,
  PrivacyNotice,
  SharingChoiceField,
  useIdentifyingCheck,
  useNoticeRead,
} from './PrivateCardParts';
import { useOwnSealedCards, usePhoneSide } from './usePrivateCards';
import { monthLabel } from './useCardDrag';
import { lazyWithRetry } from '../../lib/lazyWithRetry';
import { SeverityChoice } from '../common/SeverityChoice';
import { useRoomDoc } from '../room/RoomContext';
import { PhoneActivityFrame } from '../room/PhoneActivityFrame';
import { useIncidentCardItems } from '../room/useRoom';
import { OwnCardsPlain } from './UnsentMark';
import './timeline.css';

// Placing cards on the year needs drag and drop: loaded once the phone has a card.
const PhoneCards = lazyWithRetry(() => import('./PhoneCards'));

export type CardWriterProps = {
  room: string;
  device: string;
  /** The name this phone gives the room (kept by the shell while the writer comes and goes). */
  nickname: string;
  onNickname: (name: string) => void;
  onWritten: (cardId: string) => void;
  /** This phone's cards the console does not hold yet. */
  unsent: ReadonlySet<string>;
};

/**
 * The timeline activity on a phone: write an incident card (anonymous unless
 * signed), see what has not reached the console yet, then place one's cards
 * on the year.
 */
export function PhoneCardWriter(props: CardWriterProps) {
  const { room, device, nickname, onNickname, onWritten, unsent } = props;
  const doc = useRoomDoc();
  const { t, i18n } = useTranslation();
  const phone = usePhoneSide(room, device);
  const [noticeRead, readNotice] = useNoticeRead(room);
  const [text, setText] = useState('');
  const [severity, setSeverity] = useState<Severity>('yellow');
  const [choice, setChoice] = useState<SharingChoice>(DEFAULT_SHARING);
  const [month, setMonth] = useState('');
  const [sign, setSign] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [warning, setWarning] = useState<IdentifyingDetail[] | null>(null);
  const identifying = useIdentifyingCheck();
  const textId = useId();
  const counterId = useId();
  const items = useIncidentCardItems();
  const months = wallMonths(new Date(), null);
  const send = async () => {
    setWarning(null);
    try {
      const sent = await sendCard(doc, phone, {
        text,
        severity,
        choice,
        month: month || null,
        author: sign ? nickname : null,
      });
      if (sent.sealed) rememberOwnCard(room, sent);
      readNotice();
      onWritten(sent.id);
      setText('');
      setMonth('');
      setChoice(DEFAULT_SHARING);
      setProblem(null);
    } catch {
      setProblem(t(phone.missingKey ? 'privateLayer.noConsoleKey' : 'privateLayer.notSent'));
    }
  };
  return (
    <>
      <PhoneActivityFrame className="card-writer" title={t('phone.cardHeading')}>
        {!noticeRead && <PrivacyNotice onRead={readNotice} />}
        <label className="field">
          <span>{t('phone.nickname')}</span>
          <input
            value={nickname}
            maxLength={NICKNAME_MAX_CHARS}
            autoComplete="off"
            onChange={(event) => onNickname(event.target.value)}
          />
          <small>{t('phone.nicknameHint')}</small>
        </label>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim() === '') {
              setProblem(t('phone.empty'));
              return;
            }
            // "Could this identify someone?": a gentle warning, never a block.
            const details = identifying(text);
            if (details.length > 0) setWarning(details);
            else void send();
          }}
        >
          <label className="field">
            <span>{t('phone.cardText')}</span>
            <textarea
              id={textId}
              value={text}
              maxLength={CARD_TEXT_MAX_CHARS}
              rows={3}
              aria-describedby={counterId}
              onChange={(event) => {
                setText(event.target.value);
                setWarning(null);
              }}
            />
            <small id={counterId}>
              {t('phone.cardCounter', { count: text.length, max: CARD_TEXT_MAX_CHARS })}
            </small>
          </label>
          <SeverityChoice name="severity" value={severity} onChange={setSeverity} />
          <SharingChoiceField name="sharing" value={choice} onChange={setChoice} />
          <label className="field">
            <span>{t('privateLayer.month')}</span>
            <select value={month} onChange={(event) => setMonth(event.target.value)}>
              <option value="">{t('timeline.notPlaced')}</option>
              {months.map((m) => (
                <option key={m} value={m}>
                  {monthLabel(m, i18n.language, 'long')}
                </option>
              ))}
            </select>
          </label>
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
          {warning ? (
            <IdentifyingWarning
              details={warning}
              onKeep={() => void send()}
              onEdit={() => {
                setWarning(null);
                document.getElementById(textId)?.focus();
              }}
            />
          ) : (
            <button type="submit" className="button--primary">
              {t('phone.add')}
            </button>
          )}
        </form>
        <p className="wall-count" aria-live="polite">
          {t('wall.count', { count: items.length })}
        </p>
      </PhoneActivityFrame>
      <PhoneYourCards room={room} device={device} unsent={unsent} />
    </>
  );
}

/**
 * This phone's own cards, to place on the year (and withdraw), each the console does not
 * hold yet marked so: part of the timeline activity, and the "Your cards" view.
 */
export function PhoneYourCards({
  room,
  device,
  unsent,
}: {
  room: string;
  device: string;
  unsent: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const items = useIncidentCardItems();
  const mine = items.filter((card) => card.device === device);
  const phone = usePhoneSide(room, device);
  // Sealed cards are listed in their author's words; "no card yet" would then be untrue.
  const sentSealed = useOwnSealedCards(room).some((card) => card.sealed);
  const headingId = useId();
  return (
    <>
      <OwnSealedCards phone={phone} unsent={unsent} />
      {(mine.length > 0 || !sentSealed) && (
        <section className="phone-your-cards" aria-labelledby={headingId}>
          <h2 id={headingId}>{t('phone.yourCards')}</h2>
          {mine.length === 0 ? (
            <p>{t('phone.noCards')}</p>
          ) : (
            // Cut off from the laptop, the part that places cards may not load: the cards and
            // their marks show meanwhile.
            <Suspense fallback={<OwnCardsPlain cards={mine} unsent={unsent} />}>
              <PhoneCards cards={mine} allCards={items} unsent={unsent} />
            </Suspense>
          )}
        </section>
      )}
    </>
  );
}

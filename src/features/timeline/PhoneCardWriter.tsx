import { Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_TEXT_MAX_CHARS, NICKNAME_MAX_CHARS } from '../../sync/limits';
import { addIncidentCard } from '../../sync/roomOperations';
import type { Severity } from '../../sync/roomSchema';
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
  const { device, nickname, onNickname, onWritten, unsent } = props;
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [severity, setSeverity] = useState<Severity>('yellow');
  const [sign, setSign] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const counterId = useId();
  const items = useIncidentCardItems();
  return (
    <>
      <PhoneActivityFrame className="card-writer" title={t('phone.cardHeading')}>
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
        <p className="wall-count" aria-live="polite">
          {t('wall.count', { count: items.length })}
        </p>
      </PhoneActivityFrame>
      <PhoneYourCards device={device} unsent={unsent} />
    </>
  );
}

/**
 * This phone's own cards, to place on the year (and withdraw), each the console does not
 * hold yet marked so: part of the timeline activity, and the "Your cards" view.
 */
export function PhoneYourCards({
  device,
  unsent,
}: {
  device: string;
  unsent: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const items = useIncidentCardItems();
  const mine = items.filter((card) => card.device === device);
  const headingId = useId();
  return (
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
  );
}

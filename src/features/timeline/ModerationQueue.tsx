import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canPublishText, moderationQueue } from '../../domain/consent';
import { CARD_TEXT_MAX_CHARS } from '../../sync/limits';
import {
  keepPrivate,
  openSealedCards,
  proposeEdit,
  publishCard,
  setOpenWall,
  type OpenedCard,
} from '../../sync/privateLayer/sealedOperations';
import { useConsoleRoom } from '../room/consoleRoomStore';
import { useRoomDoc } from '../room/RoomContext';
import { useIncidentCardItems } from '../room/useRoom';
import { useFacilitatorBox, useOpenWall, usePrivateLayer } from './usePrivateCards';
import { monthLabel } from './useCardDrag';
import './privateLayer.css';

/**
 * The cards phones sealed to this laptop, opened here only: what waits for a
 * decision (publish, keep private, propose an edit to its author), what waits
 * for its author's answer, what is for the facilitator only, what is counted.
 * Authors' answers are acted on by the console's watcher, on any shelf.
 */
export function ModerationQueue() {
  const { t } = useTranslation();
  const doc = useRoomDoc();
  const connection = useConsoleRoom();
  const room = connection?.room ?? null;
  const layer = usePrivateLayer();
  const wall = useIncidentCardItems();
  const box = useFacilitatorBox(room);
  const [opened, setOpened] = useState<OpenedCard[]>([]);
  const cache = useMemo(() => new Map<string, OpenedCard | null>(), []);
  const headingId = useId();
  useEffect(() => {
    if (!box || !room) return;
    let live = true;
    // Authors' answers are settled by the console's watcher (privateLayer/answerWatcher.ts).
    void openSealedCards(doc, box, room, cache).then((cards) => {
      if (live) setOpened(cards);
    });
    return () => {
      live = false;
    };
  }, [doc, box, room, cache, layer]);
  const publishedIds = useMemo(() => new Set(wall.map((card) => card.id)), [wall]);
  const queue = moderationQueue(opened, layer.decisions, publishedIds);
  const sealedCards = layer.sealed.filter((record) => record.kind === 'card').length;
  const unopened = box ? sealedCards - opened.length : 0;
  return (
    <section className="moderation" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('privateLayer.queueHeading', { count: queue.waiting.length })}</h3>
      <p>{t('privateLayer.queueIntro')}</p>
      <OpenWallSetting />
      {queue.waiting.length === 0 && <p>{t('privateLayer.queueEmpty')}</p>}
      <ul className="moderation__cards">
        {queue.waiting.map((card) => (
          <QueueCard
            key={card.id}
            card={card}
            declined={layer.decisions.get(card.id)?.state === 'declined'}
            onPublish={() => publishCard(doc, card)}
            onKeepPrivate={() => keepPrivate(doc, card)}
            onPropose={box && room ? (text) => proposeEdit(doc, box, room, card, text) : undefined}
          />
        ))}
      </ul>
      <SealedList
        heading={t('privateLayer.proposedHeading', { count: queue.proposed.length })}
        cards={queue.proposed}
      />
      <SealedList
        heading={t('privateLayer.heldHeading', { count: queue.held.length })}
        cards={queue.held}
      />
      <SealedList
        heading={t('privateLayer.countedHeading', { count: queue.counted.length })}
        cards={queue.counted}
      />
      {unopened > 0 && <p className="note">{t('privateLayer.unopened', { count: unopened })}</p>}
    </section>
  );
}

/** The room's setting: moderated (the default) or an open wall for low-risk groups. */
export function OpenWallSetting() {
  const { t } = useTranslation();
  const doc = useRoomDoc();
  const openWall = useOpenWall();
  return (
    <label className="check open-wall">
      <input
        type="checkbox"
        checked={openWall}
        onChange={(event) => setOpenWall(doc, event.target.checked)}
      />
      <span>
        {t('privateLayer.openWall')}
        <small>{t('privateLayer.openWallHint')}</small>
      </span>
    </label>
  );
}

function CardFacts({ card }: { card: OpenedCard }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p className="card__text" dir="auto">
        {card.text}
      </p>
      <p className="card__severity">
        {[
          t(`severity.${card.severity}`),
          card.month ? monthLabel(card.month, i18n.language, 'long') : t('timeline.notPlaced'),
          t('privateLayer.choiceShown', { choice: t(`privateLayer.choice.${card.choice}`) }),
          ...(card.author ? [t('privateLayer.signedBy', { name: card.author })] : []),
        ].join(' · ')}
      </p>
    </>
  );
}

function QueueCard({
  card,
  declined,
  onPublish,
  onKeepPrivate,
  onPropose,
}: {
  card: OpenedCard;
  declined: boolean;
  onPublish: () => void;
  onKeepPrivate: () => void;
  onPropose: ((text: string) => Promise<void>) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <li
      className={`card severity--${card.severity}`}
      aria-label={t('privateLayer.queueCard', { text: card.text })}
    >
      <CardFacts card={card} />
      {declined && <p className="note">{t('privateLayer.declined')}</p>}
      {canPublishText(card.choice) && (
        <ModerationActions
          text={card.text}
          maxLength={CARD_TEXT_MAX_CHARS}
          onPublish={onPublish}
          onKeepPrivate={onKeepPrivate}
          onPropose={onPropose}
        />
      )}
    </li>
  );
}

/**
 * What the facilitator does with a sealed text for the room: publish it, keep
 * it private, or write a new wording and ask its author (nothing shows until
 * they agree). The cards' queue, the quiz's reasons and the role-play's points share it.
 */
export function ModerationActions({
  text: original,
  maxLength,
  proposalLabel,
  onPublish,
  onKeepPrivate,
  onPropose,
}: {
  text: string;
  maxLength: number;
  proposalLabel?: string;
  onPublish: () => void;
  onKeepPrivate: () => void;
  onPropose: ((text: string) => Promise<void>) | undefined;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(original);
  if (editing) {
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() === '' || !onPropose) return;
          void onPropose(text).then(() => setEditing(false));
        }}
      >
        <label className="field">
          <span>{proposalLabel ?? t('privateLayer.proposalText')}</span>
          <textarea
            value={text}
            rows={3}
            maxLength={maxLength}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <button type="submit" className="button--primary">
          {t('privateLayer.sendProposal')}
        </button>
        <button type="button" onClick={() => setEditing(false)}>
          {t('privateLayer.cancel')}
        </button>
      </form>
    );
  }
  return (
    <div className="card__actions">
      <button type="button" className="button--primary" onClick={onPublish}>
        {t('privateLayer.publish')}
      </button>
      <button type="button" onClick={onKeepPrivate}>
        {t('privateLayer.keepPrivate')}
      </button>
      <button type="button" disabled={!onPropose} onClick={() => setEditing(true)}>
        {t('privateLayer.propose')}
      </button>
    </div>
  );
}

function SealedList({ heading, cards }: { heading: string; cards: OpenedCard[] }) {
  const headingId = useId();
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>{heading}</h4>
      <ul className="moderation__cards">
        {cards.map((card) => (
          <li key={card.id} className={`card severity--${card.severity}`}>
            <CardFacts card={card} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The phone's side of the private layer, around the card writer: the notice
 * before the first card, the choice of who may see it, the gentle "could this
 * identify someone?" warning, and the cards this phone sealed with what became
 * of them (and the facilitator's proposed edits, to agree to or not).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHARING_CHOICES, type SharingChoice } from '../../domain/consent';
import {
  findIdentifyingDetails,
  type CheckLanguage,
  type IdentifyingDetail,
} from '../../domain/identifiability';
import {
  answerProposal,
  type OpenedProposal,
  type PhoneSide,
  type SentCard,
} from '../../sync/privateLayer/sealedOperations';
import { useRoomDoc } from '../room/RoomContext';
import { useIncidentCardItems } from '../room/useRoom';
import { useOpenWall, useOwnSealedCards, usePrivateLayer, useProposals } from './usePrivateCards';
import './privateLayer.css';

const noticeEntry = (room: string) => `swk.notice.${room}`;

function noticeSeen(room: string): boolean {
  try {
    return sessionStorage.getItem(noticeEntry(room)) === '1';
  } catch {
    return false;
  }
}

/** Whether this visit has read the notice; it is shown once per visit, before the first card or point. */
export function useNoticeRead(room: string): [boolean, () => void] {
  const [read, setRead] = useState(() => noticeSeen(room));
  return [
    read,
    () => {
      try {
        sessionStorage.setItem(noticeEntry(room), '1');
      } catch {
        // storage refused: the notice shows again after a reload, nothing else changes
      }
      setRead(true);
    },
  ];
}

/** What a person is about to write: an incident card, or a role-play point. */
type Writing = 'card' | 'point';

/** Who sees what a person writes, before they write anything. */
export function PrivacyNotice({
  onRead,
  writing = 'card',
}: {
  onRead: () => void;
  writing?: Writing;
}) {
  const { t } = useTranslation();
  const openWall = useOpenWall();
  const headingId = useId();
  return (
    <section className="privacy-notice" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('privateLayer.noticeHeading')}</h3>
      <ul>
        <li>{t('privateLayer.noticeFacilitator')}</li>
        <li>
          {writing === 'point'
            ? t(openWall ? 'privateWords.noticeOpenBoard' : 'privateWords.noticeBoard')
            : t(openWall ? 'privateLayer.noticeOpenWall' : 'privateLayer.noticeWall')}
        </li>
        <li>{t('privateLayer.noticeAnonymous')}</li>
        <li>{t('privateLayer.noticeErased')}</li>
        <li>{t('privateLayer.noticeNothing')}</li>
      </ul>
      <button type="button" className="button--primary" onClick={onRead}>
        {t('privateLayer.noticeOk')}
      </button>
    </section>
  );
}

export function SharingChoiceField({
  name,
  value,
  onChange,
  writing = 'card',
}: {
  name: string;
  value: SharingChoice;
  onChange: (choice: SharingChoice) => void;
  writing?: Writing;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="sharing-choice">
      <legend>
        {writing === 'point' ? t('privateWords.pointChoiceLegend') : t('privateLayer.choiceLegend')}
      </legend>
      {SHARING_CHOICES.map((choice) => (
        <label key={choice} className="sharing-option">
          <input
            type="radio"
            name={name}
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
          />
          {writing === 'point' && choice === 'counted'
            ? t('privateWords.pointCounted')
            : t(`privateLayer.choice.${choice}`)}
        </label>
      ))}
    </fieldset>
  );
}

const CHECK_LANGUAGES: readonly CheckLanguage[] = ['en', 'es', 'fr', 'ar'];

/** The details a text might identify someone by, in the phone's language. */
export function useIdentifyingCheck(): (text: string) => IdentifyingDetail[] {
  const { i18n } = useTranslation();
  const base = i18n.language.split('-')[0] ?? 'en';
  const lang = CHECK_LANGUAGES.find((known) => known === base) ?? 'en';
  return (text) => findIdentifyingDetails(text, lang);
}

/** A gentle warning, never a block: the person keeps the text as it is or goes back to edit it. */
export function IdentifyingWarning({
  details,
  onKeep,
  onEdit,
}: {
  details: readonly IdentifyingDetail[];
  onKeep: () => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <div className="identifying-warning" role="alertdialog" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('privateLayer.warnHeading')}</h3>
      <p>{t('privateLayer.warnBody')}</p>
      <ul>
        {details.map((detail) => (
          <li key={`${detail.start}-${detail.end}`}>
            <strong dir="auto">{detail.text}</strong>
            {` · ${t(`privateLayer.detail.${detail.kind}`)}`}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onKeep}>
        {t('privateLayer.warnKeep')}
      </button>
      <button type="button" className="button--primary" onClick={onEdit}>
        {t('privateLayer.warnEdit')}
      </button>
    </div>
  );
}

type CardState =
  'unsent' | 'waiting' | 'published' | 'private' | 'counted' | 'facilitator' | 'proposed';

/** The cards this phone sealed, in its own words, and what the facilitator did with them. */
export function OwnSealedCards({
  phone,
  unsent,
}: {
  phone: PhoneSide;
  /** Sealed cards the console does not hold yet. */
  unsent: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const own = useOwnSealedCards(phone.room);
  const layer = usePrivateLayer();
  const onWall = new Set(useIncidentCardItems().map((card) => card.id));
  const proposals = useProposals(phone);
  const headingId = useId();
  const sealed = own.filter((card) => card.sealed);
  if (sealed.length === 0) return null;
  const stateOf = (card: SentCard): CardState => {
    if (unsent.has(card.id)) return 'unsent';
    if (card.choice === 'counted') return 'counted';
    if (card.choice === 'facilitator') return 'facilitator';
    if (onWall.has(card.id)) return 'published';
    const decision = layer.decisions.get(card.id)?.state;
    if (decision === 'private') return 'private';
    return 'waiting';
  };
  return (
    <section className="own-sealed" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('privateLayer.ownHeading')}</h2>
      <ul>
        {sealed.map((card) => {
          const proposal = proposals.find((p) => p.reply.about === card.id);
          return (
            <li key={card.id} className={`card severity--${card.severity}`}>
              <p className="card__text" dir="auto">
                {card.text}
              </p>
              <p className="card__severity">
                {`${t(`severity.${card.severity}`)} · ${t(`privateLayer.state.${stateOf(card)}`)}`}
              </p>
              {proposal && <ProposalAnswer phone={phone} proposal={proposal} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The facilitator asks to reword what this phone wrote: its author agrees, or keeps their words. */
export function ProposalAnswer({
  phone,
  proposal,
  heading,
}: {
  phone: PhoneSide;
  proposal: OpenedProposal;
  /** What the wording is for, when it is not the wall. */
  heading?: string;
}) {
  const { t } = useTranslation();
  const doc = useRoomDoc();
  const [answered, setAnswered] = useState(false);
  const answer = (agreed: boolean) => {
    setAnswered(true);
    void answerProposal(doc, phone, proposal.reply, agreed);
  };
  return (
    <div
      className="proposal"
      role="group"
      aria-label={heading ?? t('privateLayer.proposalHeading')}
    >
      <p>{heading ?? t('privateLayer.proposalHeading')}</p>
      <blockquote dir="auto">{proposal.text}</blockquote>
      <button
        type="button"
        className="button--primary"
        disabled={answered}
        onClick={() => answer(true)}
      >
        {t('privateLayer.agree')}
      </button>
      <button type="button" disabled={answered} onClick={() => answer(false)}>
        {t('privateLayer.decline')}
      </button>
    </div>
  );
}

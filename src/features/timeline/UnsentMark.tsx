import { useTranslation } from 'react-i18next';
import type { IncidentCard } from '../../sync/roomSchema';

/**
 * On one of this phone's cards the console does not hold yet: kept on the phone, it goes
 * when the phone is back in the room, and the mark then leaves.
 */
export function UnsentMark() {
  const { t } = useTranslation();
  return (
    <p className="card__unsent">
      <strong>{t('connection.unsentHeading')}</strong> {t('connection.unsentCard')}
    </p>
  );
}

/**
 * The phone's own cards as plain text with their marks, while the part that places them on
 * the year loads (or cannot, the phone being cut off from the laptop that serves it).
 */
export function OwnCardsPlain({
  cards,
  unsent,
}: {
  cards: Pick<IncidentCard, 'id' | 'text' | 'severity'>[];
  unsent: ReadonlySet<string>;
}) {
  return (
    <ul className="cards">
      {cards.map((card) => (
        <li key={card.id} className={`card severity--${card.severity}`} data-card-id={card.id}>
          <p className="card__text" dir="auto">
            {card.text}
          </p>
          {unsent.has(card.id) && <UnsentMark />}
        </li>
      ))}
    </ul>
  );
}

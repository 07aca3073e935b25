import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentCard } from '../../sync/roomSchema';

/** One card: its severity in words as well as colour, its text, its author if signed. */
export function IncidentCardItem({ card, children }: { card: IncidentCard; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className={`card severity--${card.severity}`}>
      <span className="card__severity">{t(`severity.${card.severity}`)}</span>
      <span dir="auto">{card.text}</span>
      {card.author && (
        <span className="card__author" dir="auto">
          {card.author}
        </span>
      )}
      {children}
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { IncidentCardItem } from './IncidentCardItem';
import { useIncidentCards } from './useRoom';

/** The room's cards as the projector shows them: severity in words as well as colour. */
export function IncidentWall({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation();
  const { items } = useIncidentCards(doc);
  return (
    <section aria-labelledby="wall-heading" className="wall">
      <h2 id="wall-heading">{t('wall.heading')}</h2>
      {items.length === 0 ? (
        <p>{t('wall.empty')}</p>
      ) : (
        <ul className="cards cards--wall">
          {items.map((card) => (
            <IncidentCardItem key={card.id} card={card} />
          ))}
        </ul>
      )}
    </section>
  );
}

import { DndContext } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { wallColumns, wallMonths } from '../../domain/timeline';
import { SEVERITIES } from '../../sync/roomSchema';
import { TimelineWall } from './TimelineWall';
import { useTimeline } from './useTimeline';
import { useWallSettings } from './useWall';
import './timeline.css';

/** The incident wall for the back of the room. */
export default function ProjectorTimeline() {
  const { t } = useTranslation();
  const { cards, links } = useTimeline();
  const settings = useWallSettings();
  const months = wallMonths(new Date(), settings.year);
  const shown = new Set(settings.shown ?? SEVERITIES);
  const { totals } = wallColumns(cards, months, shown);
  return (
    <section className="projector projector--timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">
        {t('timeline.wallHeading')}
        <span className="timeline__totals">
          {SEVERITIES.map((s) => (
            <span key={s} className={`count count--${s}`}>
              {`${t(`severity.${s}`)} ${totals[s]}`}
            </span>
          ))}
        </span>
      </h2>
      {cards.length === 0 ? (
        <p>{t('timeline.wallEmpty')}</p>
      ) : (
        <DndContext>
          <TimelineWall cards={cards} links={links} months={months} shown={shown} fitToScreen />
        </DndContext>
      )}
    </section>
  );
}

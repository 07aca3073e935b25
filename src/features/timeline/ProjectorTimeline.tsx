import { useTranslation } from 'react-i18next';
import { wallColumns, wallMonths } from '../../domain/timeline';
import { SEVERITIES } from '../../sync/roomSchema';
import { TimelineWall } from './TimelineWall';
import { useTimeline } from './useTimeline';
import { useWallSettings } from './useWall';
import { heldBackCount } from '../../domain/consent';
import { usePrivateLayer } from './usePrivateCards';
import './timeline.css';

/** The incident wall for the back of the room. */
export default function ProjectorTimeline() {
  const { t } = useTranslation();
  const { cards, links } = useTimeline();
  const settings = useWallSettings();
  const layer = usePrivateLayer();
  const heldBack = heldBackCount(
    layer.sealed.filter((record) => record.kind === 'card').map((record) => record.id),
    new Set(cards.map((card) => card.id)),
    new Set(layer.counted.map((card) => card.id)),
  );
  const months = wallMonths(new Date(), settings.year);
  const shown = new Set(settings.shown ?? SEVERITIES);
  const { totals } = wallColumns(cards, months, shown, layer.counted);
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
          {heldBack > 0 && (
            <span className="timeline__held-back">
              {t('privateLayer.heldBack', { count: heldBack })}
            </span>
          )}
        </span>
      </h2>
      {cards.length === 0 && layer.counted.length === 0 ? (
        <p>{t('timeline.wallEmpty')}</p>
      ) : (
        <TimelineWall
          cards={cards}
          links={links}
          months={months}
          shown={shown}
          counted={layer.counted}
          fitToScreen
        />
      )}
    </section>
  );
}

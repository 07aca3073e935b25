import { DndContext } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { wallMonths } from '../../domain/timeline';
import { TimelineWall } from './TimelineWall';
import { useTimeline } from './useTimeline';
import { useWallSettings } from './useWall';

/** The incident wall for the back of the room. */
export default function ProjectorTimeline({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation();
  const { cards, links } = useTimeline(doc);
  const settings = useWallSettings(doc);
  if (cards.length === 0) return null;
  return (
    <section className="projector projector--timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.wallHeading')}</h2>
      <DndContext>
        <TimelineWall
          cards={cards}
          links={links}
          months={wallMonths(new Date(), settings.year)}
          shown={new Set(settings.shown ?? ['red', 'yellow', 'green'])}
        />
      </DndContext>
    </section>
  );
}

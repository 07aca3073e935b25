import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { contentDirection } from '../../content/languages';
import type { Localised } from '../../content/library';
import type { Session } from '../../content/schema';
import { showOnProjector } from '../../sync/stage/stageOperations';
import { PointList } from '../common/PointList';
import { useConsoleRoom } from '../room/consoleRoomStore';
import { SlideDeck } from './SlideDeck';
import { sessionSlides } from './sessionSlides';
import { useSlides } from './slidesStore';

/** The session's slides on the console: drive them, see the notes the room does not. */
export function SlidesPanel({ session }: { session: Localised<Session> }) {
  const { t, i18n } = useTranslation();
  const room = useConsoleRoom();
  const slides = useMemo(() => sessionSlides(session.data, t), [session, t]);
  const [state, setState] = useSlides();
  const mine = state?.sessionId === session.data.id;
  const index = mine ? Math.min(state.index, slides.length - 1) : 0;
  const showing = mine && state.showing;
  const go = (next: number) =>
    setState({
      sessionId: session.data.id,
      index: Math.max(0, Math.min(slides.length - 1, next)),
      showing,
    });
  const notes = slides[index]?.notes ?? [];
  return (
    <section className="slides-panel" aria-labelledby="slides-heading">
      <h3 id="slides-heading">{t('slides.heading')}</h3>
      <div className="slides-panel__controls">
        <button
          type="button"
          aria-pressed={showing}
          onClick={() => {
            if (!showing && room) showOnProjector(room.doc, 'agenda');
            setState({ sessionId: session.data.id, index, showing: !showing });
          }}
        >
          {t('slides.show')}
        </button>
        <button type="button" disabled={index === 0} onClick={() => go(index - 1)}>
          {t('slides.previous')}
        </button>
        <span aria-live="polite">
          {t('slides.position', { number: index + 1, total: slides.length })}
        </span>
        <button type="button" disabled={index >= slides.length - 1} onClick={() => go(index + 1)}>
          {t('slides.next')}
        </button>
      </div>
      <div className="slides-panel__deck" lang={session.lang}>
        <SlideDeck
          slides={slides}
          index={index}
          onIndexChange={go}
          // The deck's headings are in the screen's language: it sets the direction.
          direction={contentDirection(i18n.language)}
          keyboard={false}
          label={t('slides.deck', { title: session.data.title })}
        />
      </div>
      <section className="slides-panel__notes" aria-labelledby="slide-notes-heading">
        <h4 id="slide-notes-heading">{t('slides.notes')}</h4>
        {notes.length > 0 ? <PointList points={notes} /> : <p>{t('slides.noNotes')}</p>}
      </section>
    </section>
  );
}

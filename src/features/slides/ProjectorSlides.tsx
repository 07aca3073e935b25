import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { contentDirection } from '../../content/languages';
import type { Localised } from '../../content/library';
import type { Session } from '../../content/schema';
import { SlideDeck } from './SlideDeck';
import { sessionSlides } from './sessionSlides';
import { writeSlides, type SlidesState } from './slidesStore';
import { FallbackNote } from '../common/ContentText';

/** The slides, full screen; the arrow keys here move the console's deck too. */
export function ProjectorSlides({
  session,
  state,
}: {
  session: Localised<Session>;
  state: SlidesState;
}) {
  const { t, i18n } = useTranslation();
  const slides = useMemo(() => sessionSlides(session.data, t), [session, t]);
  return (
    <div
      className={session.fallback ? 'projector-slides projector-slides--noted' : 'projector-slides'}
      lang={session.lang}
    >
      <FallbackNote origin={session} />
      <SlideDeck
        slides={slides}
        index={Math.min(state.index, slides.length - 1)}
        onIndexChange={(index) => writeSlides({ ...state, index })}
        // The deck's headings are in the screen's language: it sets the direction.
        direction={contentDirection(i18n.language)}
        keyboard
        label={t('slides.deck', { title: session.data.title })}
      />
    </div>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePause } from './useCare';
import './care.css';

/**
 * While the facilitator pauses the room, a phone shows "Paused" and hides what
 * it shows. What is behind stays mounted, only hidden: a half-written card
 * or answer is still there when the room comes back.
 */
export function PauseCurtain({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { paused } = usePause();
  return (
    <>
      {paused && (
        <section className="paused-curtain" role="status" aria-labelledby="paused-heading">
          <h2 id="paused-heading">{t('care.pausedPhone')}</h2>
          <p>{t('care.pausedPhoneHint')}</p>
        </section>
      )}
      <div hidden={paused}>{children}</div>
    </>
  );
}

/** The projector while the room is paused: calm, and nothing of the room on it. */
export function ProjectorPaused() {
  const { t } = useTranslation();
  return (
    <div className="projector projector--paused" data-paused="true">
      <h1>{t('care.pausedProjector')}</h1>
    </div>
  );
}

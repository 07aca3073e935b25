import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { findCase } from '../../content/library';
import { useContentLibrary } from '../common/useContentLibrary';
import { useStage } from '../room/useRoom';
import { ActivityGate } from './ActivityGate';

/** The year's own incidents, when the stage names no other timeline case. */
const OWN_INCIDENTS = 'own-incidents-timeline';

/**
 * The phone's cards go through the timeline case's content note and the right
 * to pass. The note shows while the facilitator has the timeline open, above
 * the card writer (the writer is the activity: the note does not hold it back).
 */
export function TimelineGate({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const library = useContentLibrary();
  const stage = useStage();
  const open = stage.kind === 'timeline';
  const caseId = open && stage.activity ? stage.activity : OWN_INCIDENTS;
  const found = findCase(library, caseId, i18n.language);
  return (
    <ActivityGate
      activity={`timeline/${caseId}`}
      pass="observe"
      note={open ? found?.data.contentNote : undefined}
      blocking={false}
      origin={found}
    >
      {children}
    </ActivityGate>
  );
}

import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhoneActivityView } from '../../domain/phoneView';
import { lazyWithRetry } from '../../lib/lazyWithRetry';
import { PhoneThoughts } from '../quiz/PhoneThoughts';
import { useQuiz } from '../quiz/useQuiz';
import { useRolePlay } from '../rolePlay/useRolePlay';
import { PhoneCardWriter, type CardWriterProps } from '../timeline/PhoneCardWriter';
import { PhoneBreak, PhoneFollow } from './PhoneDay';
import { useWakeLock } from './useWakeLock';
import { TimelineGate } from '../care/TimelineGate';

// Each tool needs its case's text in the phone's language: loaded only once it is on.
const PhoneQuiz = lazyWithRetry(() => import('../quiz/PhoneQuiz'));
const PhoneRolePlay = lazyWithRetry(() => import('../rolePlay/PhoneRolePlay'));
const PhonePlan = lazyWithRetry(() => import('../plan/PhonePlan'));

type Props = { room: string; view: PhoneActivityView; cards: CardWriterProps };

/** The one activity the room is doing now, as the phone takes part in it (see domain/phoneView). */
export function PhoneActivity({ room, view, cards }: Props) {
  const { t } = useTranslation();
  // A phone that sleeps mid-activity drops off the Wi-Fi: the screen stays on meanwhile.
  useWakeLock(view.kind !== 'follow' && view.kind !== 'break');
  const loading = <p role="status">{t('app.loading')}</p>;
  switch (view.kind) {
    case 'quiz':
      return (
        <Suspense fallback={loading}>
          <Quiz room={room} device={cards.device} />
        </Suspense>
      );
    case 'narrative':
      return <PhoneThoughts device={cards.device} caseId={view.caseId} />;
    case 'cards':
      // The timeline's content note and the right to pass come before the card writer.
      return (
        <Suspense fallback={loading}>
          <TimelineGate>
            <PhoneCardWriter {...cards} />
          </TimelineGate>
        </Suspense>
      );
    case 'roleplay':
      return (
        <Suspense fallback={loading}>
          <RolePlay room={room} device={cards.device} />
        </Suspense>
      );
    case 'plan':
      return (
        <Suspense fallback={loading}>
          <PhonePlan room={room} />
        </Suspense>
      );
    case 'break':
      return <PhoneBreak />;
    case 'follow':
      return <PhoneFollow />;
  }
}

function Quiz({ room, device }: { room: string; device: string }) {
  return <PhoneQuiz room={room} device={device} snapshot={useQuiz()} />;
}

function RolePlay({ room, device }: { room: string; device: string }) {
  const snapshot = useRolePlay();
  return snapshot.run ? (
    <PhoneRolePlay room={room} device={device} run={snapshot.run} snapshot={snapshot} />
  ) : null;
}

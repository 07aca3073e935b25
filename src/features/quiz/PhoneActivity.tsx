import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_TEXT_MAX_CHARS } from '../../sync/limits';
import { addThought, removeThought } from '../../sync/quizOperations';
import { useRolePlay } from '../rolePlay/useRolePlay';
import { useWakeLock } from '../room/useWakeLock';
import { useQuiz } from './useQuiz';
import { lazyWithRetry } from '../../lib/lazyWithRetry';
import './quiz.css';
import { useRoomDoc } from '../room/RoomContext';
import { useStage } from '../room/useRoom';
import { phonesSendThoughts } from '../../domain/stage';

// The quiz needs the case's text in the phone's language: loaded only once a quiz is open.
const PhoneQuiz = lazyWithRetry(() => import('./PhoneQuiz'));
const PhoneRolePlay = lazyWithRetry(() => import('../rolePlay/PhoneRolePlay'));
const PhonePlan = lazyWithRetry(() => import('../plan/PhonePlan'));

type Props = { room: string; device: string };

/** What the facilitator has opened for phones: a quiz to answer, a story to comment on. */
export function PhoneActivity({ room, device }: Props) {
  const { t } = useTranslation();
  const stage = useStage();
  const snapshot = useQuiz();
  const rolePlay = useRolePlay();
  const planOpen = stage.phones.plan;
  const quizLive =
    snapshot.run !== null && snapshot.run.open.length + snapshot.run.revealed.length > 0;
  const narrativeOpen = phonesSendThoughts(stage) && snapshot.narrative !== null;
  // A phone that sleeps mid-activity drops off the Wi-Fi: the screen stays on meanwhile.
  useWakeLock(quizLive || Boolean(rolePlay.run?.open) || planOpen || narrativeOpen);
  return (
    <>
      {quizLive && (
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <PhoneQuiz room={room} device={device} snapshot={snapshot} />
        </Suspense>
      )}
      {rolePlay.run?.open && (
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <PhoneRolePlay device={device} run={rolePlay.run} snapshot={rolePlay} />
        </Suspense>
      )}
      {planOpen && (
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <PhonePlan room={room} />
        </Suspense>
      )}
      {phonesSendThoughts(stage) && snapshot.narrative && (
        <PhoneThoughts device={device} caseId={snapshot.narrative.caseId} />
      )}
    </>
  );
}

function PhoneThoughts({ device, caseId }: { device: string; caseId: string }) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const mine = useQuiz().thoughts.items.filter(
    (th) => th.device === device && th.caseId === caseId,
  );
  return (
    <section className="phone-thoughts" aria-labelledby="thoughts-heading">
      <h2 id="thoughts-heading">{t('narrative.phoneHeading')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() === '') return;
          addThought(doc, { caseId, text, device });
          setText('');
        }}
      >
        <label className="field">
          <span>{t('narrative.phoneLabel')}</span>
          <textarea
            rows={2}
            maxLength={CARD_TEXT_MAX_CHARS}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <button type="submit" className="button--primary">
          {t('narrative.phoneSend')}
        </button>
      </form>
      {mine.length > 0 && (
        <>
          <h3>{t('narrative.phoneYours')}</h3>
          <ul className="thoughts">
            {mine.map((thought) => (
              <li key={thought.id}>
                <span>{thought.text}</span>
                <button type="button" onClick={() => removeThought(doc, thought.id)}>
                  {t('narrative.phoneWithdraw')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

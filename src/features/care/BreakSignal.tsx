import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BREAK_REQUEST_INTERVAL_MS } from '../../domain/care';
import { askForBreak } from '../../sync/care/careSchema';
import { recall } from '../../sync/phoneMemory';
import { useRoomDoc } from '../room/RoomContext';
import './care.css';

/**
 * "I need a break": the facilitator's console counts it, with no name and no
 * device (sealed to the console's key). The phone asks once, then waits a
 * while before it offers again.
 */
export function BreakSignal({ room }: { room: string }) {
  const { t } = useTranslation();
  const doc = useRoomDoc();
  const hintId = useId();
  const [sentAt, setSentAt] = useState<number | null>(null);
  useEffect(() => {
    if (sentAt === null) return;
    const timer = setTimeout(
      () => setSentAt(null),
      Math.max(0, sentAt + BREAK_REQUEST_INTERVAL_MS - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [sentAt]);
  return (
    <section className="break-signal" aria-label={t('care.breakAsk')}>
      {sentAt === null ? (
        <>
          <button
            type="button"
            aria-describedby={hintId}
            onClick={() => {
              setSentAt(Date.now());
              const facilitatorPublicKey = recall(room)?.facilitator ?? null;
              void askForBreak(doc, { room, facilitatorPublicKey });
            }}
          >
            {t('care.breakAsk')}
          </button>
          <small id={hintId}>{t('care.breakAskHint')}</small>
        </>
      ) : (
        <p role="status">{t('care.breakSent')}</p>
      )}
    </section>
  );
}

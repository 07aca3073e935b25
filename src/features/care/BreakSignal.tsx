import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { BREAK_REQUEST_INTERVAL_MS } from '../../domain/care';
import { askForBreakUnsealed } from '../../sync/care/careSchema';
import { careSlotFor, runCareSlot, type CareSlotRunner } from '../../sync/care/careSlot';
import { recall } from '../../sync/phoneMemory';
import { useRoomDoc } from '../room/RoomContext';
import './care.css';

type Asked = { state: 'idle' } | { state: 'sending' } | { state: 'sent'; at: number };

/**
 * "I need a break": the facilitator's console counts it, with no name and no
 * device. While the phone is in the room it keeps its care slot re-sealed on a
 * fixed cadence (cover traffic); a request rides the next re-seal. The phone
 * asks once, then waits a while before it offers again.
 */
export function BreakSignal({ room }: { room: string }) {
  const { t } = useTranslation();
  const doc = useRoomDoc();
  const hintId = useId();
  const runner = useCareSlot(room);
  const [asked, setAsked] = useState<Asked>({ state: 'idle' });
  const sentAt = asked.state === 'sent' ? asked.at : null;
  useEffect(() => {
    if (sentAt === null) return;
    const timer = setTimeout(
      () => setAsked({ state: 'idle' }),
      Math.max(0, sentAt + BREAK_REQUEST_INTERVAL_MS - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [sentAt]);
  const ask = () => {
    const slot = runner.current;
    if (slot === null) {
      askForBreakUnsealed(doc);
      setAsked({ state: 'sent', at: Date.now() });
      return;
    }
    setAsked({ state: 'sending' });
    void slot.askForBreak().then(() => setAsked({ state: 'sent', at: Date.now() }));
  };
  return (
    <section className="break-signal" aria-label={t('care.breakAsk')}>
      {asked.state === 'idle' ? (
        <>
          <button type="button" aria-describedby={hintId} onClick={ask}>
            {t('care.breakAsk')}
          </button>
          <small id={hintId}>{t('care.breakAskHint')}</small>
        </>
      ) : (
        <p role="status">
          {asked.state === 'sending' ? t('care.breakSending') : t('care.breakSent')}
        </p>
      )}
    </section>
  );
}

/** This phone's care slot, re-sealed while it is in the room; null when the link carried no console key. */
function useCareSlot(room: string): RefObject<CareSlotRunner | null> {
  const doc = useRoomDoc();
  const facilitatorPublicKey = recall(room)?.facilitator ?? null;
  const runner = useRef<CareSlotRunner | null>(null);
  useEffect(() => {
    if (facilitatorPublicKey === null) return;
    const started = runCareSlot(doc, room, careSlotFor(room, facilitatorPublicKey));
    runner.current = started;
    return () => {
      started.stop();
      runner.current = null;
    };
  }, [doc, room, facilitatorPublicKey]);
  return runner;
}

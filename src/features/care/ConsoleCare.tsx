import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { togglePause, unseenBreakRequests, type BreakRequest } from '../../domain/care';
import {
  markBreaksSeen,
  openBreakRequests,
  readCare,
  setPause,
  type CareSnapshot,
} from '../../sync/care/careSchema';
import { facilitatorBoxFor } from '../../sync/privateLayer/facilitatorKeys';
import { privateLayerStore } from '../../sync/privateLayer/sealedStore';
import type { RoomDoc } from '../../sync/roomDoc';
import { useRoomDoc, useRoomValue } from '../room/RoomContext';
import { useCare, useRoomDiscretion } from './useCare';
import './care.css';

/** Pauses the room, or restores it: what the button and the P key do. */
export function toggleRoomPause(doc: RoomDoc, now = Date.now()): void {
  setPause(doc, togglePause(readCare(doc).pause, now));
}

/** Whether a key press belongs to a field or a control that reads keys itself. */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="application"]') !== null
  );
}

/**
 * The console's care of the room, on every shelf: the pause (button and P key)
 * and how many people asked for a break, never who.
 */
export function ConsoleCare({ room }: { room: string }) {
  const { t } = useTranslation();
  const doc = useRoomDoc();
  const care = useCare();
  const hintId = useId();
  const requests = useBreakRequests(room, care);
  const unseen = unseenBreakRequests(requests, care.breaksSeenAt).length;
  useRoomDiscretion();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'p' && event.key !== 'P') return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (typingInto(event.target)) return;
      event.preventDefault();
      toggleRoomPause(doc);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doc]);
  return (
    <div className="console-care">
      <button
        type="button"
        className={care.pause.paused ? 'button--primary' : undefined}
        aria-pressed={care.pause.paused}
        aria-keyshortcuts="P"
        aria-describedby={hintId}
        onClick={() => toggleRoomPause(doc)}
      >
        {care.pause.paused ? t('care.resume') : t('care.pause')}
      </button>
      <p id={hintId} className="console-care__hint">
        {care.pause.paused ? t('care.pausedConsole') : t('care.pauseKey')}
      </p>
      {unseen > 0 && (
        <p role="status" className="console-care__breaks">
          {t('care.breaksWaiting', { count: unseen })}{' '}
          <button type="button" onClick={() => markBreaksSeen(doc)}>
            {t('care.breaksSeen')}
          </button>
        </p>
      )}
    </div>
  );
}

/**
 * The break requests this console can read: opened with its key, re-read as
 * the room changes. A request stays counted here after its phone's slot has
 * stopped carrying it (until "Seen").
 */
function useBreakRequests(room: string, care: CareSnapshot): BreakRequest[] {
  const doc = useRoomDoc();
  const layer = useRoomValue(privateLayerStore);
  const [requests, setRequests] = useState<BreakRequest[]>([]);
  const cache = useRef(new Map<string, { box: string; request: BreakRequest | null }>());
  const known = useRef(new Map<string, BreakRequest>());
  useEffect(() => {
    let live = true;
    facilitatorBoxFor(room)
      .then((box) => openBreakRequests(doc, box, room, cache.current))
      // Without the room's key on this laptop, only the plain requests can be read.
      .catch(() => care.breaks.items)
      .then((read) => {
        for (const request of read) known.current.set(request.id, request);
        if (live) setRequests([...known.current.values()]);
      });
    return () => {
      live = false;
    };
  }, [doc, room, layer, care.breaks]);
  return requests;
}

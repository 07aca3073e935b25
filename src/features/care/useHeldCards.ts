import { useEffect, useRef, useState } from 'react';
import type { TimelineCard } from '../../domain/timeline';
import { facilitatorBoxFor } from '../../sync/privateLayer/facilitatorKeys';
import { canPublishText } from '../../domain/consent';
import {
  openSealedCards,
  openSealedPoints,
  type OpenedCard,
  type OpenedPoint,
} from '../../sync/privateLayer/sealedOperations';
import { privateLayerStore } from '../../sync/privateLayer/sealedStore';
import { useConsoleRoom } from '../room/consoleRoomStore';
import { useRoomDoc, useRoomValue } from '../room/RoomContext';

export type HeldCard = OpenedCard & { choice: 'counted' | 'facilitator' };

const isHeld = (card: OpenedCard): card is HeldCard => card.choice !== 'room';

type Opener<T> = (
  doc: ReturnType<typeof useRoomDoc>,
  box: Awaited<ReturnType<typeof facilitatorBoxFor>>,
  room: string,
  cache: Map<string, T | null>,
) => Promise<T[]>;

/** What the console opens of one sealed kind, kept to the entries `keep` holds back. */
function useHeldSealed<T, H extends T>(open: Opener<T>, keep: (item: T) => item is H): H[] {
  const doc = useRoomDoc();
  const room = useConsoleRoom()?.room ?? null;
  const layer = useRoomValue(privateLayerStore);
  const [held, setHeld] = useState<H[]>([]);
  const cache = useRef(new Map<string, T | null>());
  useEffect(() => {
    if (room === null) return;
    let live = true;
    facilitatorBoxFor(room)
      .then((box) => open(doc, box, room, cache.current))
      .then((opened) => {
        if (live) setHeld(opened.filter(keep));
      })
      .catch(() => {
        if (live) setHeld([]);
      });
    return () => {
      live = false;
    };
  }, [doc, room, layer, open, keep]);
  return held;
}

/**
 * The cards their authors gave to the facilitator only, or to be counted: the
 * console opens them with its room key. They are never in an export unless
 * the trainer ticks them one by one (KeepFileDialog).
 */
export function useHeldCards(): HeldCard[] {
  return useHeldSealed(openSealedCards, isHeld);
}

export type HeldPoint = OpenedPoint & { choice: 'counted' | 'facilitator' };

const isHeldPoint = (point: OpenedPoint): point is HeldPoint => !canPublishText(point.choice);

/**
 * The role-play points their authors gave to the facilitator only, or to be
 * counted: like held cards, they go in the room file only when ticked one by one.
 */
export function useHeldPoints(): HeldPoint[] {
  return useHeldSealed(openSealedPoints, isHeldPoint);
}

/** A held card as a row of the register, once the trainer ticked it. */
export function heldAsRegisterCard(card: HeldCard): TimelineCard {
  return {
    id: card.id,
    text: card.text,
    severity: card.severity,
    month: card.month,
    author: card.author,
    createdAt: card.createdAt,
    hidden: false,
    note: null,
  };
}

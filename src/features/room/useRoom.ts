import { useCallback, useSyncExternalStore } from 'react';
import type { RoomDoc } from '../../sync/roomDoc';
import { incidentCardsSnapshot, subscribeIncidentCards } from '../../sync/incidentCardStore';
import type { RoomConnection, RoomSnapshot } from '../../sync/roomConnection';
import type { IncidentCard, Validated } from '../../sync/roomSchema';

export function useRoomSnapshot(connection: RoomConnection): RoomSnapshot {
  return useSyncExternalStore(connection.subscribe, connection.snapshot);
}

/** The room's valid incident cards (and how many were dropped), re-read on every change. */
/** Only the cards: a screen using this is not redrawn when only the count of refused entries changes. */
export function useIncidentCardItems(doc: RoomDoc): IncidentCard[] {
  const subscribe = useCallback(
    (listener: () => void) => subscribeIncidentCards(doc, listener),
    [doc],
  );
  return useSyncExternalStore(subscribe, () => incidentCardsSnapshot(doc).items);
}

export function useIncidentCards(doc: RoomDoc): Validated<IncidentCard> {
  const subscribe = useCallback(
    (listener: () => void) => subscribeIncidentCards(doc, listener),
    [doc],
  );
  return useSyncExternalStore(subscribe, () => incidentCardsSnapshot(doc));
}

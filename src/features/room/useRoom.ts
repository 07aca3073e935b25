import { useSyncExternalStore } from 'react';
import type { Group } from '../../domain/groups';
import type { Stage } from '../../domain/stage';
import { cardStore } from '../../sync/timeline/cardStore';
import type { RoomConnection, RoomSnapshot } from '../../sync/roomConnection';
import type { IncidentCard, Validated } from '../../sync/roomSchema';
import { groupStore, stageStore } from '../../sync/stage/stageStore';
import { useRoomValue } from './RoomContext';

export function useRoomSnapshot(connection: RoomConnection): RoomSnapshot {
  return useSyncExternalStore(connection.subscribe, connection.snapshot);
}

const itemsOf = (cards: Validated<IncidentCard>) => cards.items;

/** Only the cards: a screen using this is not redrawn when only the count of refused entries changes. */
export function useIncidentCardItems(): IncidentCard[] {
  return useRoomValue(cardStore, itemsOf);
}

/** The room's valid incident cards (and how many were dropped), re-read on every change. */
export function useIncidentCards(): Validated<IncidentCard> {
  return useRoomValue(cardStore);
}

/** What the projector shows and what phones may do now. */
export function useStage(): Stage {
  return useRoomValue(stageStore);
}

const groupItems = (groups: Validated<Group>) => groups.items;

/** The room's working groups, by number. */
export function useGroups(): Group[] {
  return useRoomValue(groupStore, groupItems);
}

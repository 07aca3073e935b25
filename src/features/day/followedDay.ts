/**
 * The projector's copy of the console's day: the newest of what localStorage,
 * the BroadcastChannel and the room's document say. It keeps following after
 * either window reloads, and through the room when on another screen.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { RoomDoc } from '../../sync/roomDoc';
import { subscribeAgendaState } from '../../sync/day/agendaSync';
import type { AgendaState } from '../../sync/roomSchema';
import { isDayStorageKey, loadStoredDay, openDayChannel } from './dayChannel';

let followed: AgendaState | null = null;
let started = false;
const listeners = new Set<() => void>();

function offer(candidate: AgendaState | null): void {
  if (!candidate || (followed && followed.updatedAt > candidate.updatedAt)) return;
  if (followed && followed.updatedAt === candidate.updatedAt) return;
  followed = candidate;
  listeners.forEach((listener) => listener());
}

function startFollowing(): void {
  if (started) return;
  started = true;
  offer(loadStoredDay());
  const channel = openDayChannel((message) => {
    if (message.type === 'state') offer(message.state);
  });
  channel.post({ type: 'hello' });
  window.addEventListener('storage', (event) => {
    if (isDayStorageKey(event.key)) offer(loadStoredDay());
  });
}

function subscribe(listener: () => void): () => void {
  startFollowing();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useFollowedDay(roomDoc: RoomDoc | null): AgendaState | null {
  useEffect(() => (roomDoc ? subscribeAgendaState(roomDoc, offer) : undefined), [roomDoc]);
  return useSyncExternalStore(subscribe, () => followed);
}

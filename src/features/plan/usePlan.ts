import { useCallback, useSyncExternalStore } from 'react';
import type { RoomDoc } from '../../sync/roomDoc';
import { planStore, type PlanSnapshot } from '../../sync/planStore';

/** The room's security plan, validated, re-read on every change. */
export function usePlan(doc: RoomDoc): PlanSnapshot {
  const subscribe = useCallback(
    (listener: () => void) => planStore.subscribe(doc, listener),
    [doc],
  );
  return useSyncExternalStore(subscribe, () => planStore.snapshot(doc));
}

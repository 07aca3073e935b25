import { useCallback, useSyncExternalStore } from 'react';
import type { RoomDoc } from '../../sync/roomDoc';
import { rolePlayStore, type RolePlaySnapshot } from '../../sync/rolePlayStore';

/** The room's role-play data, validated, re-read on every change. */
export function useRolePlay(doc: RoomDoc): RolePlaySnapshot {
  const subscribe = useCallback(
    (listener: () => void) => rolePlayStore.subscribe(doc, listener),
    [doc],
  );
  return useSyncExternalStore(subscribe, () => rolePlayStore.snapshot(doc));
}

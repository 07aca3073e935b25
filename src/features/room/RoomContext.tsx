/**
 * The room a screen works in, given once near the top of its tree: components
 * read the room through `useRoomValue(store)` and change it through the
 * operations in src/sync with `useRoomDoc()`, never through a `doc` prop.
 */
import {
  createContext,
  useCallback,
  useContext,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { DocStore } from '../../sync/docStore';
import type { RoomDoc } from '../../sync/roomDoc';

const RoomContext = createContext<RoomDoc | null>(null);

export function RoomProvider({ doc, children }: { doc: RoomDoc; children: ReactNode }) {
  return <RoomContext.Provider value={doc}>{children}</RoomContext.Provider>;
}

/** The room's document when the screen is in one (a join screen drawn alone is not). */
export function useRoomDocIfAny(): RoomDoc | null {
  return useContext(RoomContext);
}

/** The room's document, for the operations that change it. */
export function useRoomDoc(): RoomDoc {
  const doc = useContext(RoomContext);
  if (!doc) throw new Error('useRoomDoc is used outside a RoomProvider');
  return doc;
}

/**
 * A store's value for this room, re-read when it changes. `select` picks a
 * part that the store keeps stable between reads (the cards' list, say), so a
 * component is redrawn only when that part changes.
 */
export function useRoomValue<T>(store: DocStore<T>): T;
export function useRoomValue<T, S>(store: DocStore<T>, select: (value: T) => S): S;
export function useRoomValue<T>(store: DocStore<T>, select?: (value: T) => unknown): unknown {
  const doc = useRoomDoc();
  const subscribe = useCallback(
    (listener: () => void) => store.subscribe(doc, listener),
    [store, doc],
  );
  return useSyncExternalStore(subscribe, () => {
    const value = store.snapshot(doc);
    return select ? select(value) : value;
  });
}

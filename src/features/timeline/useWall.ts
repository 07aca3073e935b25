import { useCallback, useSyncExternalStore } from 'react';
import type { RoomDoc } from '../../sync/roomDoc';
import { readWallSettings, type WallSettings } from '../../sync/roomSchema';

const cache = new WeakMap<RoomDoc, { text: string; value: WallSettings }>();

/** The wall's settings (locked, which year), re-read when the room's meta changes. */
export function useWallSettings(doc: RoomDoc): WallSettings {
  const subscribe = useCallback(
    (listener: () => void) => {
      const meta = doc.getMap('meta');
      meta.observe(listener);
      return () => meta.unobserve(listener);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => {
    const value = readWallSettings(doc);
    const text = JSON.stringify(value);
    const held = cache.get(doc);
    if (held?.text === text) return held.value;
    cache.set(doc, { text, value });
    return value;
  });
}

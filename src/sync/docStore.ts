/**
 * A readable store over some of the room's maps: the snapshot is re-read
 * (and so re-validated) when one of them changes, and shared by every
 * component that reads it, so React sees a stable value between changes.
 */
import type * as Y from 'yjs';

export type DocStore<T> = {
  subscribe(doc: Y.Doc, listener: () => void): () => void;
  snapshot(doc: Y.Doc): T;
};

export function createDocStore<T>(maps: readonly string[], read: (doc: Y.Doc) => T): DocStore<T> {
  type Entry = { current: T; listeners: Set<() => void> };
  const entries = new WeakMap<Y.Doc, Entry>();
  const entryFor = (doc: Y.Doc): Entry => {
    const existing = entries.get(doc);
    if (existing) return existing;
    const entry: Entry = { current: read(doc), listeners: new Set() };
    const onChange = () => {
      entry.current = read(doc);
      entry.listeners.forEach((listener) => listener());
    };
    for (const name of maps) doc.getMap(name).observeDeep(onChange);
    entries.set(doc, entry);
    return entry;
  };
  return {
    subscribe(doc, listener) {
      const entry = entryFor(doc);
      entry.listeners.add(listener);
      return () => entry.listeners.delete(listener);
    },
    snapshot: (doc) => entryFor(doc).current,
  };
}

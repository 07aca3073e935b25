/**
 * A readable store over some of the room's maps: the snapshot is re-read
 * (and so re-validated) when one of them changes, and shared by every
 * component that reads it, so React sees a stable value between changes.
 */
import type * as Y from 'yjs';
import { onSignaturesChecked } from './signedValues';

/** How long remote changes are gathered before a store reads its maps again. */
export const REMOTE_BURST_MS = 50;

export type DocStore<T> = {
  /** The maps whose changes it reads. */
  readonly maps: readonly string[];
  subscribe(doc: Y.Doc, listener: () => void): () => void;
  snapshot(doc: Y.Doc): T;
};

/**
 * `same` lets a read that finds what the last one found keep the last value,
 * so the screens that show it are not redrawn.
 */
export function createDocStore<T>(
  maps: readonly string[],
  read: (doc: Y.Doc) => T,
  same?: (before: T, after: T) => boolean,
): DocStore<T> {
  type Entry = { current: T; listeners: Set<() => void> };
  const entries = new WeakMap<Y.Doc, Entry>();
  const entryFor = (doc: Y.Doc): Entry => {
    const existing = entries.get(doc);
    if (existing) return existing;
    const entry: Entry = { current: read(doc), listeners: new Set() };
    let pending: ReturnType<typeof setTimeout> | null = null;
    let lastRead = 0;
    const reread = () => {
      pending = null;
      lastRead = Date.now();
      const next = read(doc);
      if (same?.(entry.current, next)) return;
      entry.current = next;
      entry.listeners.forEach((listener) => listener());
    };
    // This page's own change shows at once. Another's is read in a task of its own, right
    // after the one that applied it, and at most once per REMOTE_BURST_MS: a burst (a catch-up,
    // a hostile peer's 10,000 cards) is validated and drawn a few times, not once per message.
    const onChange = (_events: unknown, transaction: Y.Transaction) => {
      if (transaction.local) {
        if (pending) clearTimeout(pending);
        reread();
      } else {
        pending ??= setTimeout(reread, Math.max(0, lastRead + REMOTE_BURST_MS - Date.now()));
      }
    };
    for (const name of maps) doc.getMap(name).observeDeep(onChange);
    // A console-signed value is acted on once its signature is checked, in the background.
    onSignaturesChecked(doc, () => {
      pending ??= setTimeout(reread, 0);
    });
    entries.set(doc, entry);
    return entry;
  };
  return {
    maps,
    subscribe(doc, listener) {
      const entry = entryFor(doc);
      entry.listeners.add(listener);
      return () => entry.listeners.delete(listener);
    },
    snapshot: (doc) => entryFor(doc).current,
  };
}

/** Two plain JSON values that say the same. */
export function sameJson(before: unknown, after: unknown): boolean {
  return JSON.stringify(before) === JSON.stringify(after);
}

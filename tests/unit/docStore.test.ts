import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { REMOTE_BURST_MS, createDocStore } from '../../src/sync/docStore';
import { linkedPair } from '../support/peers';

/** A store that counts how often it reads the document (each read validates every record). */
function countingStore() {
  let reads = 0;
  const store = createDocStore(['notes'], (doc) => {
    reads += 1;
    return doc.getMap('notes').size;
  });
  return { store, reads: () => reads };
}

describe('a store over the room document', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("shows this page's own change at once", () => {
    const doc = new Y.Doc();
    const { store } = countingStore();
    const seen: number[] = [];
    store.subscribe(doc, () => seen.push(store.snapshot(doc)));
    doc.getMap('notes').set('a', 1);
    expect(seen).toEqual([1]);
  });

  it("reads another peer's change right after it lands, and a burst of them once at its end", () => {
    const [doc, peer] = linkedPair();
    const { store, reads } = countingStore();
    const seen: number[] = [];
    store.subscribe(doc, () => seen.push(store.snapshot(doc)));

    peer.getMap('notes').set('first', 1);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(seen).toEqual([1]);

    const before = reads();
    for (let i = 0; i < 1000; i += 1) peer.getMap('notes').set(`card${i}`, i);
    expect(reads() - before).toBe(0);
    vi.advanceTimersByTime(REMOTE_BURST_MS);
    expect(reads() - before).toBe(1);
    expect(seen.at(-1)).toBe(1001);
  });

  it('a local change during a remote burst reads everything at once and cancels the wait', () => {
    const [doc, peer] = linkedPair();
    const { store, reads } = countingStore();
    store.subscribe(doc, () => undefined);
    peer.getMap('notes').set('a', 1);
    peer.getMap('notes').set('b', 2);
    doc.getMap('notes').set('mine', 3);
    expect(store.snapshot(doc)).toBe(3);
    const after = reads();
    vi.advanceTimersByTime(REMOTE_BURST_MS * 2);
    expect(reads()).toBe(after);
  });
});

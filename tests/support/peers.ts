/** Documents linked as peers in a room are: the shared fixture of the unit tests. */
import * as Y from 'yjs';

/**
 * Documents that pass every change on to each other at once, as peers in a
 * room do. A change arrives with its sender as the origin, so it is remote
 * where it lands (stores read it after REMOTE_BURST_MS, as on a real page).
 */
export function linkedPeers(count = 2): Y.Doc[] {
  const docs = Array.from({ length: count }, () => new Y.Doc());
  for (const from of docs) {
    from.on('update', (update: Uint8Array, origin: unknown) => {
      for (const to of docs) if (to !== from && to !== origin) Y.applyUpdate(to, update, from);
    });
  }
  return docs;
}

/** Two linked peers: this page and another. */
export function linkedPair(): [Y.Doc, Y.Doc] {
  const [a, b] = linkedPeers(2);
  if (!a || !b) throw new Error('two peers expected');
  return [a, b];
}

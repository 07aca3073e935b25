/**
 * The room as tests meet it: documents linked as peers in a room are, and a
 * render inside the room's RoomProvider with the app's real i18n.
 */
import type { ReactElement } from 'react';
import * as Y from 'yjs';
import { RoomProvider } from '../../src/features/room/RoomContext';
import { renderWithI18n } from '../component/render';

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

/**
 * Renders a screen in a room: `doc` is this page's copy, `peer` another
 * device's, linked to it (write there to play a phone or the console).
 */
export async function renderWithRoom(ui: ReactElement, room?: { doc: Y.Doc; peer?: Y.Doc }) {
  const [doc, peer] = room ? [room.doc, room.peer ?? null] : linkedPair();
  const rendered = await renderWithI18n(<RoomProvider doc={doc}>{ui}</RoomProvider>);
  return { ...rendered, doc, peer };
}

/**
 * The room as tests meet it: documents linked as peers in a room are, and a
 * render inside the room's RoomProvider with the app's real i18n.
 */
import type { ReactElement } from 'react';
import type * as Y from 'yjs';
import { RoomProvider } from '../../src/features/room/RoomContext';
import { renderWithI18n } from '../component/render';
import { linkedPair } from './peers';

export { linkedPair, linkedPeers } from './peers';

/**
 * Renders a screen in a room: `doc` is this page's copy, `peer` another
 * device's, linked to it (write there to play a phone or the console).
 */
export async function renderWithRoom(ui: ReactElement, room?: { doc: Y.Doc; peer?: Y.Doc }) {
  const [doc, peer] = room ? [room.doc, room.peer ?? null] : linkedPair();
  const rendered = await renderWithI18n(<RoomProvider doc={doc}>{ui}</RoomProvider>);
  return { ...rendered, doc, peer };
}

/**
 * The console's side of a room's life: open one, find it again after a reload,
 * back it up to a file and bring it back, and erase it everywhere.
 */
import * as Y from 'yjs';
import {
  closeRoomConnection,
  openRoomConnection,
  persistenceName,
  type RoomConnection,
} from './roomConnection';
import { fromBase64 } from './roomCrypto';
import { ROOM_FILE_FORMAT, ROOM_FILE_VERSIONS } from './roomBackup';
import { createRoomCredentials } from './roomId';
import { closeRoom } from './roomLifecycle';
import { forgetRoomOnDevice } from './phoneMemory';
import { deleteFacilitatorKeys, facilitatorBoxFor } from './privateLayer/facilitatorKeys';
import type { FacilitatorBox } from './privateLayer/facilitatorBox';
import { sealImported } from './privateLayer/roomFileSeals';
import { watchAuthorsAnswers } from './privateLayer/answerWatcher';
import { showOnProjector } from './stage/stageOperations';
import { adoptSignedValues } from './signedValues';
import { ROOM_STORAGE_KEY, type RoomCredentials } from './storedRoom';

/** Time for the "room closed" message to reach phones before the connection goes. */
const CLOSE_NOTICE_MS = 1_500;

export { storedRoom, type RoomCredentials } from './storedRoom';

export function openConsoleRoom(credentials: RoomCredentials): RoomConnection {
  const connection = openRoomConnection(credentials.room, credentials.key, 'console');
  // Authors' answers to a rewording are acted on while the room is open, on any shelf.
  watchAuthorsAnswers(connection.doc, credentials.room, facilitatorBoxFor(credentials.room));
  return connection;
}

/**
 * A new, empty room. Its projector starts on the join screen (stage `welcome`):
 * phones come in before anything else happens, without the trainer asking for it.
 */
export function startNewRoom(): RoomConnection {
  const connection = openNewRoom();
  // At once, not after the stored copy loads: a new room has none, and a tool opened the
  // moment after (the role-play from its case) must come after the join screen, not under it.
  showOnProjector(connection.doc, 'welcome');
  return connection;
}

function openNewRoom(): RoomConnection {
  const credentials = createRoomCredentials();
  localStorage.setItem(ROOM_STORAGE_KEY, JSON.stringify(credentials));
  // The private layer's key pair is made with the room (its public half goes in the join link).
  void facilitatorBoxFor(credentials.room);
  return openConsoleRoom(credentials);
}

export class ImportRejected extends Error {}

/** What a room file holds, checked: the document and (version 2) the private layer's words. */
export type RoomFile = { update: Uint8Array; opened: readonly unknown[] };

/** Reads a room file, or throws ImportRejected before any room exists. */
export function readRoomFile(fileText: string): RoomFile {
  try {
    const parsed = JSON.parse(fileText) as {
      format?: unknown;
      version?: unknown;
      update?: unknown;
      opened?: unknown;
    };
    if (
      parsed.format !== ROOM_FILE_FORMAT ||
      typeof parsed.version !== 'number' ||
      !ROOM_FILE_VERSIONS.includes(parsed.version) ||
      typeof parsed.update !== 'string' ||
      (parsed.opened !== undefined && !Array.isArray(parsed.opened))
    ) {
      throw new ImportRejected('not-a-room-file');
    }
    const update = fromBase64(parsed.update);
    Y.applyUpdate(new Y.Doc(), update); // fails here, before any room exists, if the data is corrupt
    return { update, opened: (parsed.opened as unknown[] | undefined) ?? [] };
  } catch (error) {
    throw error instanceof ImportRejected ? error : new ImportRejected('corrupt');
  }
}

/**
 * Puts a room file into a new room's document, on its console: the content as the
 * console's own change (local: its watcher must not take the file's old-room
 * signatures for forgeries and delete them before they are signed again), the
 * private layer's words sealed again to this room's box, and the signed values
 * signed again by this console.
 */
export async function restoreRoomFile(
  doc: Y.Doc,
  file: RoomFile,
  box: FacilitatorBox,
  room: string,
): Promise<void> {
  doc.transact(() => Y.applyUpdate(doc, file.update));
  await sealImported(doc, box, room, file.opened);
  adoptSignedValues(doc);
}

/** Opens a new room holding what the file holds. */
export async function importRoom(fileText: string): Promise<RoomConnection> {
  const file = readRoomFile(fileText);
  // The file's own stage comes with it: the new room starts where the saved one stood.
  const connection = openNewRoom();
  await connection.ready;
  await restoreRoomFile(
    connection.doc,
    file,
    await facilitatorBoxFor(connection.room),
    connection.room,
  );
  return connection;
}

/**
 * Erases the room everywhere this laptop can reach: phones are told it closed,
 * then the connection, the IndexedDB copy, caches and stored keys go.
 */
export async function eraseRoom(connection: RoomConnection): Promise<void> {
  closeRoom(connection.doc);
  await connection.announceClosed();
  await new Promise((done) => setTimeout(done, CLOSE_NOTICE_MS));
  await connection.persistence?.clearData();
  closeRoomConnection(connection.room);
  await deleteDatabase(persistenceName(connection.room));
  await deleteFacilitatorKeys(connection.room);
  if (typeof caches !== 'undefined') {
    for (const name of await caches.keys()) await caches.delete(name);
  }
  forgetRoomOnDevice(connection.room);
  localStorage.removeItem(ROOM_STORAGE_KEY);
  sessionStorage.clear();
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((done) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => done();
  });
}

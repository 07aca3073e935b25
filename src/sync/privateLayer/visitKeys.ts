/**
 * A phone's visit key pair (facilitatorBox.ts), kept across a reload: what the
 * phone sealed its cards with is what the console seals a proposed edit to, so
 * a phone that reloaded between writing a card and being asked about it must
 * still hold it (residual risk 18).
 *
 * The private half stays a non-extractable CryptoKey, in an IndexedDB database
 * of this room only (`swk-visit-keys.<room>`). It lives as long as the visit:
 * a mark in sessionStorage (`swk.visit-key.<room>`, which a closed tab loses)
 * says the stored pair is this visit's; without it (a new tab, another day) the
 * stored pair is replaced by a fresh one. A room kept on the phone ("Keep this
 * room on this phone") keeps its pair as long as it is kept. Leaving the room,
 * or hearing it closed, deletes the database (phoneMemory.forgetRoomOnDevice).
 */
// Types only: phoneMemory imports this module on the first page load, which carries no crypto.
import type { BoxKeys } from './facilitatorBox';

const STORE = 'visit';
const databaseName = (room: string) => `swk-visit-keys.${room}`;
const markName = (room: string) => `swk.visit-key.${room}`;

/**
 * The visit's key pair: the one kept for this visit, else a fresh one from `create`
 * (facilitatorBox.createBoxKeys), kept from now on.
 */
export async function visitKeysFor(
  room: string,
  kept: boolean,
  createBoxKeys: () => Promise<BoxKeys>,
): Promise<BoxKeys> {
  if (typeof indexedDB === 'undefined') return createBoxKeys();
  try {
    const database = await openDatabase(room);
    try {
      if (kept || hasMark(room)) {
        const found = await request<unknown>(
          database.transaction(STORE, 'readonly').objectStore(STORE).get('keys'),
        );
        if (isBoxKeys(found)) {
          setMark(room);
          return found;
        }
      }
      const keys = await createBoxKeys();
      await request(database.transaction(STORE, 'readwrite').objectStore(STORE).put(keys, 'keys'));
      setMark(room);
      return keys;
    } finally {
      database.close();
    }
  } catch {
    // storage refused (private mode): this visit's pair lasts until a reload, as before
    return createBoxKeys();
  }
}

/** Forgets the visit's pair: the room was left or closed. */
export function forgetVisitKeys(room: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return new Promise((done) => {
    const deleting = indexedDB.deleteDatabase(databaseName(room));
    deleting.onsuccess = deleting.onerror = deleting.onblocked = () => done();
  });
}

function hasMark(room: string): boolean {
  try {
    return sessionStorage.getItem(markName(room)) === '1';
  } catch {
    return false;
  }
}

function setMark(room: string): void {
  try {
    sessionStorage.setItem(markName(room), '1');
  } catch {
    // storage refused: the next visit makes a fresh pair
  }
}

function isBoxKeys(value: unknown): value is BoxKeys {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as BoxKeys).privateKey instanceof CryptoKey &&
    typeof (value as BoxKeys).publicKey === 'string'
  );
}

function openDatabase(room: string): Promise<IDBDatabase> {
  return new Promise((done, fail) => {
    const opening = indexedDB.open(databaseName(room), 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
    opening.onsuccess = () => done(opening.result);
    opening.onerror = () => fail(opening.error ?? new Error('indexedDB'));
  });
}

function request<T>(pending: IDBRequest): Promise<T> {
  return new Promise((done, fail) => {
    pending.onsuccess = () => done(pending.result as T);
    pending.onerror = () => fail(pending.error ?? new Error('indexedDB'));
  });
}

/**
 * The console's key pair for a room's private layer, kept in this laptop's
 * IndexedDB beside the room. The private half is a non-extractable CryptoKey:
 * IndexedDB stores it as a key the browser can use, never as bytes a script
 * (or a copied room file) could read. Erasing the room deletes it.
 */
import { createBoxKeys, facilitatorBox, type BoxKeys, type FacilitatorBox } from './facilitatorBox';

const DATABASE = 'swk-facilitator-keys';
const STORE = 'rooms';

const boxes = new Map<string, Promise<FacilitatorBox>>();

/** The room's box, made at the room's creation and found again after a reload. */
export function facilitatorBoxFor(room: string): Promise<FacilitatorBox> {
  const known = boxes.get(room);
  if (known) return known;
  const made = loadOrCreate(room).then(facilitatorBox);
  made.catch(() => boxes.delete(room));
  boxes.set(room, made);
  return made;
}

async function loadOrCreate(room: string): Promise<BoxKeys> {
  const database = await openDatabase();
  try {
    const stored = await request<unknown>(
      database.transaction(STORE, 'readonly').objectStore(STORE).get(room),
    );
    if (isBoxKeys(stored)) return stored;
    const keys = await createBoxKeys();
    await request(database.transaction(STORE, 'readwrite').objectStore(STORE).put(keys, room));
    return keys;
  } finally {
    database.close();
  }
}

/** Forgets the room's private key on this laptop: what phones sealed to it can no longer be opened. */
export async function deleteFacilitatorKeys(room: string): Promise<void> {
  boxes.delete(room);
  if (typeof indexedDB === 'undefined') return;
  const database = await openDatabase();
  try {
    await request(database.transaction(STORE, 'readwrite').objectStore(STORE).delete(room));
  } finally {
    database.close();
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

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((done, fail) => {
    const opening = indexedDB.open(DATABASE, 1);
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

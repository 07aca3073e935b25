/**
 * The console's key pairs for a room, kept in this laptop's IndexedDB beside the
 * room: the private layer's box (ECDH) and the signing key (ECDSA,
 * consoleSignature.ts) of the values only the console may set. The private
 * halves are non-extractable CryptoKeys: IndexedDB stores them as keys the
 * browser can use, never as bytes a script (or a copied room file) could read.
 * Erasing the room deletes them.
 */
import { createBoxKeys, facilitatorBox, type BoxKeys, type FacilitatorBox } from './facilitatorBox';
import { consoleKeysText, createSigningKeys, type SigningKeys } from './consoleSignature';

const DATABASE = 'swk-facilitator-keys';
const STORE = 'rooms';

/** What IndexedDB holds per room. */
type ConsoleKeys = BoxKeys & SigningKeys;

const stored = new Map<string, Promise<ConsoleKeys>>();

function keysFor(room: string): Promise<ConsoleKeys> {
  const known = stored.get(room);
  if (known) return known;
  const made = loadOrCreate(room);
  made.catch(() => stored.delete(room));
  stored.set(room, made);
  return made;
}

/** The console's box with what the join link carries after "f." (box and verify keys). */
export type ConsoleBox = FacilitatorBox & { readonly linkKeys: string };

/** The room's box, made at the room's creation and found again after a reload. */
export function facilitatorBoxFor(room: string): Promise<ConsoleBox> {
  return keysFor(room).then((keys) => ({
    ...facilitatorBox(keys),
    linkKeys: consoleKeysText(keys.publicKey, keys.verifyKey),
  }));
}

/** The room's signing key (made with the box), for the values only the console sets. */
export function consoleSigningKeysFor(room: string): Promise<SigningKeys> {
  return keysFor(room).then(({ signingKey, verifyKey }) => ({ signingKey, verifyKey }));
}

/**
 * The verify key of a room whose console is on this laptop (its projector window), or
 * null: found, never made (a page that is not the console must not make the room's keys).
 */
export async function findConsoleVerifyKey(room: string): Promise<string | null> {
  if (typeof indexedDB === 'undefined') return null;
  // Not made where it is not: a projector on another device holds no database of the console's.
  const existing = await indexedDB.databases().catch(() => []);
  if (!existing.some((found) => found.name === DATABASE)) return null;
  const database = await openDatabase();
  try {
    const found = await request<unknown>(
      database.transaction(STORE, 'readonly').objectStore(STORE).get(room),
    );
    return isSigningKeys(found) ? found.verifyKey : null;
  } finally {
    database.close();
  }
}

async function loadOrCreate(room: string): Promise<ConsoleKeys> {
  const database = await openDatabase();
  try {
    const found = await request<unknown>(
      database.transaction(STORE, 'readonly').objectStore(STORE).get(room),
    );
    if (isBoxKeys(found) && isSigningKeys(found)) return found;
    // A room from before the signature keeps its box and gets a signing key.
    const keys: ConsoleKeys = {
      ...(isBoxKeys(found) ? found : await createBoxKeys()),
      ...(await createSigningKeys()),
    };
    await request(database.transaction(STORE, 'readwrite').objectStore(STORE).put(keys, room));
    return keys;
  } finally {
    database.close();
  }
}

/** Forgets the room's private key on this laptop: what phones sealed to it can no longer be opened. */
export async function deleteFacilitatorKeys(room: string): Promise<void> {
  stored.delete(room);
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

function isSigningKeys(value: unknown): value is SigningKeys {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as SigningKeys).signingKey instanceof CryptoKey &&
    typeof (value as SigningKeys).verifyKey === 'string'
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

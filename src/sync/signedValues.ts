/**
 * Which values of a room only its console may set, and how every page checks
 * them (privateLayer/consoleSignature.ts signs and verifies).
 *
 * Each page registers what it knows for its document: the console its signing
 * key (and so its verify key), a phone or a projector the verify key from its
 * join link. A page with no verify key at all (a link from before the
 * signature) reads these values as before, unchecked.
 *
 * The readers in record.ts are synchronous and WebCrypto is not, so a value is
 * verified once, in the background, and the answer kept: until it is known the
 * reader shows the last value it accepted (or the fallback); when it is known
 * every store of the document reads again (`onSignaturesChecked`). A value that
 * is unsigned, badly signed or older than one already accepted is ignored and
 * counted (`refusedSignatures`), never obeyed.
 *
 * The console also mends: a value of its own that a peer overwrote or deleted
 * is written again, so a page that joins later does not read the forgery.
 */
import type * as Y from 'yjs';
import {
  importVerifyKey,
  signMessage,
  signedMessage,
  SIGNATURE_PATTERN,
  verifyMessage,
} from './privateLayer/consoleSignature';

/** What a signed value carries beside its own fields (zod drops them before the value is read). */
export type SignatureFields = { signedAt: number; signature: string };

type Accepted = { at: number; value: unknown };

type Checks = {
  room: string;
  key: Promise<CryptoKey | null>;
  /** message + signature -> verified */
  results: Map<string, boolean>;
  /** Signatures being checked now. */
  checking: Set<string>;
  refused: Set<string>;
  /** The newest value accepted at each place: shown while a newer one is checked, or over an older one. */
  accepted: Map<string, Accepted>;
  listeners: Set<() => void>;
  notifyPending: boolean;
  signer: Signer | null;
};

type Signer = {
  signingKey: Promise<CryptoKey | null>;
  /** Values this console is signing: read as written until they land. */
  inFlight: Map<string, unknown>;
  /** What this console last wrote at each place, to write again if a peer replaces it. */
  own: Map<string, { stored: Record<string, unknown>; write: (stored: unknown) => void }>;
  last: number;
  queue: Promise<void>;
};

/** Refused values remembered for the count (a flood of forgeries is counted up to this). */
const REFUSED_KEPT_MAX = 10_000;

const checksByDoc = new WeakMap<Y.Doc, Checks>();

/** Where signed values sit: a value's map and key, or a record map (any key). */
const signedPlaces = new Map<string, Set<string> | 'any'>();

/** Called by record.ts for each declaration marked `signed`. */
export function declareSignedPlace(map: string, key: string | null): void {
  if (key === null) {
    signedPlaces.set(map, 'any');
    return;
  }
  const known = signedPlaces.get(map);
  if (known === 'any') return;
  signedPlaces.set(map, (known ?? new Set()).add(key));
}

function isSignedPlace(map: string, key: string): boolean {
  const known = signedPlaces.get(map);
  return known === 'any' || (known?.has(key) ?? false);
}

function checksFor(doc: Y.Doc, room: string, key: Promise<CryptoKey | null>): Checks {
  let checks = checksByDoc.get(doc);
  if (!checks) {
    checks = {
      room,
      key,
      results: new Map(),
      checking: new Set(),
      refused: new Set(),
      accepted: new Map(),
      listeners: new Set(),
      notifyPending: false,
      signer: null,
    };
    checksByDoc.set(doc, checks);
  }
  return checks;
}

/** A phone or a projector: the console's verify key from the join link (null: an old link). */
export function trustConsoleKey(
  doc: Y.Doc,
  room: string,
  verifyKey: string | null | Promise<string | null>,
): void {
  if (!verifyKey) return;
  const checks = checksFor(
    doc,
    room,
    Promise.resolve(verifyKey).then((found) => (found ? importVerifyKey(found) : null)),
  );
  // No key after all (the laptop's projector of a room from before the signature): unchecked.
  checks.key.then(
    (key) => {
      if (key) return;
      checksByDoc.delete(doc);
      notify(checks);
    },
    () => {
      checksByDoc.delete(doc);
      notify(checks);
    },
  );
}

/**
 * The console: it signs with its own key and checks with its public half. Both may
 * come a moment later (IndexedDB); values read in between wait for them.
 */
export function signAsConsole(
  doc: Y.Doc,
  room: string,
  keys: Promise<{ signingKey: CryptoKey; verifyKey: string } | null>,
): void {
  const checks = checksFor(
    doc,
    room,
    keys.then((found) => (found ? importVerifyKey(found.verifyKey) : null)),
  );
  if (checks.signer) return;
  const signer: Signer = {
    signingKey: keys.then((found) => found?.signingKey ?? null).catch(() => null),
    inFlight: new Map(),
    own: new Map(),
    last: 0,
    queue: Promise.resolve(),
  };
  checks.signer = signer;
  watchOwnValues(doc, checks, signer);
}

/** Whether this page checks signatures for the document (it knows the console's verify key). */
export function checksSignatures(doc: Y.Doc): boolean {
  return checksByDoc.has(doc);
}

/** Unsigned, badly signed or replayed values this page refused. */
export function refusedSignatures(doc: Y.Doc): number {
  return checksByDoc.get(doc)?.refused.size ?? 0;
}

/** Called when a background check finishes, so stores read again. */
export function onSignaturesChecked(doc: Y.Doc, listener: () => void): () => void {
  const checks = checksByDoc.get(doc);
  if (!checks) return () => {};
  checks.listeners.add(listener);
  return () => checks.listeners.delete(listener);
}

function notify(checks: Checks): void {
  if (checks.notifyPending) return;
  checks.notifyPending = true;
  setTimeout(() => {
    checks.notifyPending = false;
    checks.listeners.forEach((listener) => listener());
  }, 0);
}

function refuse(checks: Checks, name: string): void {
  if (checks.refused.size >= REFUSED_KEPT_MAX || checks.refused.has(name)) return;
  checks.refused.add(name);
  // The count is news for the console's screen (stores read again and find the same values).
  notify(checks);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value to act on at `place`, given what the document holds there (`held`, as
 * stored) and that value once validated (`parsed`, null when malformed or missing).
 * `undefined`: nothing trustworthy yet (the caller falls back).
 */
export function trustedValue<T>(
  doc: Y.Doc,
  place: string,
  parsed: T | null,
  held: unknown,
): T | null | undefined {
  const checks = checksByDoc.get(doc);
  if (!checks) return parsed;
  const inFlight = checks.signer?.inFlight;
  if (inFlight?.has(place)) return inFlight.get(place) as T;
  const accepted = checks.accepted.get(place);
  const fallback = accepted ? (accepted.value as T) : undefined;
  if (parsed === null) {
    if (held !== undefined) refuse(checks, `${place}\0malformed`);
    return fallback;
  }
  const at = isRecord(held) ? held.signedAt : undefined;
  const signature = isRecord(held) ? held.signature : undefined;
  if (
    typeof at !== 'number' ||
    !Number.isSafeInteger(at) ||
    typeof signature !== 'string' ||
    !SIGNATURE_PATTERN.test(signature)
  ) {
    refuse(checks, `${place}\0unsigned\0${JSON.stringify(parsed)}`);
    return fallback;
  }
  const message = signedMessage(checks.room, place, at, parsed);
  const name = `${message}\0${signature}`;
  const verdict = verdictOf(checks, message, signature);
  // Until it is checked: as if it were not there yet (and not counted as refused).
  if (verdict === undefined) return fallback;
  if (!verdict) return fallback;
  if (accepted && at < accepted.at) {
    refuse(checks, `${name}\0older`);
    return fallback;
  }
  checks.accepted.set(place, { at, value: parsed });
  return parsed;
}

/** The verdict on a signature if known; else starts checking it (the stores read again when done). */
function verdictOf(checks: Checks, message: string, signature: string): boolean | undefined {
  const name = `${message}\0${signature}`;
  const verdict = checks.results.get(name);
  if (verdict !== undefined || checks.checking.has(name)) return verdict;
  checks.checking.add(name);
  void checks.key
    .then((key) => (key ? verifyMessage(key, message, signature) : false))
    .catch(() => false)
    .then((valid) => {
      checks.checking.delete(name);
      checks.results.set(name, valid);
      if (!valid) refuse(checks, name);
      notify(checks);
    });
  return undefined;
}

/**
 * Writes a value only the console may set. On the console it is signed first (and
 * read as written meanwhile); on a page that checks no signatures it is written as
 * is (unit tests, a room from an old link), and elsewhere refused: a phone's
 * write would be ignored by every page anyway.
 */
export function writeSigned(
  doc: Y.Doc,
  place: string,
  checked: Record<string, unknown>,
  write: (stored: unknown) => void,
): void {
  const checks = checksByDoc.get(doc);
  if (!checks) {
    write(checked);
    return;
  }
  const signer = checks.signer;
  if (!signer) return;
  const at = Math.max(Date.now(), signer.last + 1);
  signer.last = at;
  signer.inFlight.set(place, checked);
  signer.queue = signer.queue.then(async () => {
    const key = await signer.signingKey;
    if (!key) return;
    const message = signedMessage(checks.room, place, at, checked);
    const signature = await signMessage(key, message);
    checks.results.set(`${message}\0${signature}`, true);
    const stored = { ...checked, signedAt: at, signature };
    if (signer.inFlight.get(place) === checked) signer.inFlight.delete(place);
    signer.own.set(place, { stored, write });
    write(stored);
  });
}

/**
 * The console writes its own value again where a peer replaced or deleted it
 * (`held`: what the place holds now), unless what is there is a newer value this
 * console's key signed (another tab of the console).
 */
function mendSigned(checks: Checks, signer: Signer, place: string, held: unknown): void {
  const own = signer.own.get(place);
  if (!own || signer.inFlight.has(place)) return;
  if (isRecord(held) && held.signature === own.stored.signature) return;
  const at = isRecord(held) ? held.signedAt : undefined;
  const signature = isRecord(held) ? held.signature : undefined;
  if (
    typeof at !== 'number' ||
    at <= Number(own.stored.signedAt) ||
    typeof signature !== 'string' ||
    !SIGNATURE_PATTERN.test(signature)
  ) {
    own.write(own.stored);
    return;
  }
  const value = Object.fromEntries(
    Object.entries(held as Record<string, unknown>).filter(
      ([field]) => field !== 'signedAt' && field !== 'signature',
    ),
  );
  const message = signedMessage(checks.room, place, at, value);
  void checks.key
    .then((key) => (key ? verifyMessage(key, message, signature) : false))
    .catch(() => false)
    .then((valid) => {
      if (valid)
        signer.own.set(place, { stored: held as Record<string, unknown>, write: own.write });
      else if (signer.own.get(place) === own) own.write(own.stored);
    });
}

/**
 * A value at a signed place this console never wrote (this session): if its signature
 * does not check, it is a forgery and goes, so a page that joins later does not read it.
 */
function removeForgery(doc: Y.Doc, checks: Checks, map: string, key: string, held: unknown): void {
  const at = isRecord(held) ? held.signedAt : undefined;
  const signature = isRecord(held) ? held.signature : undefined;
  const remove = () => {
    refuse(checks, `${map}/${key}\0removed\0${JSON.stringify(held)}`);
    if (doc.getMap(map).get(key) === held) doc.transact(() => doc.getMap(map).delete(key));
  };
  if (typeof at !== 'number' || typeof signature !== 'string') {
    remove();
    return;
  }
  const value = Object.fromEntries(
    Object.entries(held as Record<string, unknown>).filter(
      ([field]) => field !== 'signedAt' && field !== 'signature',
    ),
  );
  const message = signedMessage(checks.room, `${map}/${key}`, at, value);
  void checks.key
    .then((found) => (found ? verifyMessage(found, message, signature) : true))
    .catch(() => true)
    .then((valid) => {
      if (!valid) remove();
    });
}

/**
 * On the console: after each change from another page, every value of its own that
 * the change touched is looked at (and written again if a peer forged or deleted it).
 */
function watchOwnValues(doc: Y.Doc, checks: Checks, signer: Signer): void {
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.local || signer.own.size === 0) return;
    const names = new Map<unknown, string>();
    doc.share.forEach((type, name) => names.set(type, name));
    transaction.changed.forEach((keys, type) => {
      const map = names.get(type);
      if (map === undefined) return;
      keys.forEach((key) => {
        if (key === null) return;
        const place = `${map}/${key}`;
        const held: unknown = doc.getMap(map).get(key);
        if (signer.own.has(place)) mendSigned(checks, signer, place, held);
        else if (held !== undefined && isSignedPlace(map, key)) {
          removeForgery(doc, checks, map, key, held);
        }
      });
    });
  });
}

/** The places this console has signed values at (what its watcher looks after). */
export function ownSignedPlaces(doc: Y.Doc): string[] {
  return [...(checksByDoc.get(doc)?.signer?.own.keys() ?? [])];
}

/**
 * A room file imported on the console: its signed values carry the old room's
 * signature (or none), which no page of the new room would accept. The trainer
 * chose the file, so the console signs what it holds again, as its own.
 */
export function adoptSignedValues(doc: Y.Doc): number {
  let adopted = 0;
  signedPlaces.forEach((keys, mapName) => {
    const map = doc.getMap(mapName);
    map.forEach((held, key) => {
      if ((keys !== 'any' && !keys.has(key)) || !isRecord(held)) return;
      const value = Object.fromEntries(
        Object.entries(held).filter(([field]) => field !== 'signedAt' && field !== 'signature'),
      );
      writeSigned(doc, `${mapName}/${key}`, value, (stored) =>
        doc.transact(() => map.set(key, stored)),
      );
      adopted += 1;
    });
  });
  return adopted;
}

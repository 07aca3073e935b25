/**
 * The private layer's one primitive: a phone seals what it writes to the
 * facilitator's console, and only the console opens it.
 *
 * The console makes an ECDH P-256 key pair per room (the private half
 * non-extractable, kept in its IndexedDB: facilitatorKeys.ts); the public half
 * travels in the join link. A phone makes a fresh key pair for each visit
 * (kept in memory only) and seals each payload with a key derived from
 * ECDH(visit, console) through HKDF-SHA-256 to AES-GCM-256; its visit's public
 * half travels beside the ciphertext. Anyone else in the room, the room key
 * included, holds ciphertext only.
 *
 * The same shared secret, under another HKDF label, carries the console's
 * replies back to that one visit (a proposed edit): only that phone opens them,
 * and only the console or that phone could have sealed them. So a reply a phone
 * seals under its visit key also proves it came from the phone that wrote the
 * original (the console checks that the visit keys match).
 *
 * Every seal is bound (AES-GCM additional data) to the room, the kind of record
 * and its id, so a ciphertext copied under another record does not open.
 */
import { fromBase64, toBase64Url } from '../roomCrypto';
import { splitConsoleKeys } from './consoleSignature';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const IV_BYTES = 12;
const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** An uncompressed P-256 point (65 bytes) in base64url: 87 characters. */
export const BOX_PUBLIC_KEY_PATTERN = /^[A-Za-z0-9_-]{87}$/;

/** What the console keeps and what the phone receives, for one seal. */
export type Sealed = {
  /** The sealing visit's public key (base64url, raw). */
  from: string;
  /** IV and AES-GCM ciphertext, base64url. */
  box: string;
};

/** What a seal is bound to: a ciphertext moved to another record does not open. */
export type SealBinding = { room: string; kind: string; id: string };

type Direction = 'to-facilitator' | 'to-visit';

export type BoxKeys = { privateKey: CryptoKey; publicKey: string };

/** A fresh key pair, the private half non-extractable (it never leaves this page). */
export async function createBoxKeys(): Promise<BoxKeys> {
  const pair = await crypto.subtle.generateKey(CURVE, false, ['deriveBits']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: toBase64Url(raw) };
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(padded + '='.repeat((4 - (padded.length % 4)) % 4));
}

/** Derived keys, per private key and peer: a console opening 500 cards derives once per visit. */
const derived = new WeakMap<CryptoKey, Map<string, Promise<CryptoKey>>>();

function boxKey(own: CryptoKey, peer: string, direction: Direction): Promise<CryptoKey> {
  let perPeer = derived.get(own);
  if (!perPeer) {
    perPeer = new Map();
    derived.set(own, perPeer);
  }
  const name = `${direction}\0${peer}`;
  const known = perPeer.get(name);
  if (known) return known;
  const made = (async () => {
    if (!BOX_PUBLIC_KEY_PATTERN.test(peer)) throw new Error('not a public key');
    const peerKey = await crypto.subtle.importKey('raw', fromBase64Url(peer), CURVE, false, []);
    const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: peerKey }, own, 256);
    const material = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
    return crypto.subtle.deriveKey(
      {
        name: 'HKDF',
        hash: 'SHA-256',
        salt: encoder.encode('swk-facilitator-box-v1'),
        info: encoder.encode(direction),
      },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  })();
  // A peer key that does not import is forgotten, so it is not cached as a failure forever.
  made.catch(() => perPeer.delete(name));
  perPeer.set(name, made);
  return made;
}

function bound({ room, kind, id }: SealBinding): Uint8Array<ArrayBuffer> {
  return encoder.encode(`swk-box\0${room}\0${kind}\0${id}`);
}

async function seal(key: CryptoKey, binding: SealBinding, payload: unknown): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: bound(binding) },
    key,
    encoder.encode(JSON.stringify(payload)),
  );
  const out = new Uint8Array(IV_BYTES + cipher.byteLength);
  out.set(iv);
  out.set(new Uint8Array(cipher), IV_BYTES);
  return toBase64Url(out);
}

async function open(key: Promise<CryptoKey>, binding: SealBinding, box: string): Promise<unknown> {
  try {
    const bytes = fromBase64Url(box);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: bound(binding) },
      await key,
      bytes.subarray(IV_BYTES),
    );
    return JSON.parse(decoder.decode(plain)) as unknown;
  } catch {
    return null;
  }
}

/** A phone's side for one visit: seals to the console, opens the console's replies to it. */
export type PhoneBox = {
  /** This visit's public key: what the console replies to. */
  readonly publicKey: string;
  sealForFacilitator(binding: SealBinding, payload: unknown): Promise<Sealed>;
  /** A reply the console sealed to this visit, or null when it was not (or was tampered with). */
  openFromFacilitator(binding: SealBinding, box: string): Promise<unknown>;
  /** What this visit sealed to the console (it derives the same key): its own words after a reload. */
  openOwnSeal(binding: SealBinding, box: string): Promise<unknown>;
};

/**
 * `consoleKeys`: what the join link carries after "f." (the box's key, and the verify key
 * after a dot, which sealing does not use). `visit`: this visit's key pair when it was
 * kept across a reload (visitKeys.ts); by default a fresh one.
 */
export async function createPhoneBox(consoleKeys: string, visit?: BoxKeys): Promise<PhoneBox> {
  const facilitatorPublicKey = splitConsoleKeys(consoleKeys).box;
  visit ??= await createBoxKeys();
  return {
    publicKey: visit.publicKey,
    sealForFacilitator: async (binding, payload) => ({
      from: visit.publicKey,
      box: await seal(
        await boxKey(visit.privateKey, facilitatorPublicKey, 'to-facilitator'),
        binding,
        payload,
      ),
    }),
    openFromFacilitator: (binding, box) =>
      open(boxKey(visit.privateKey, facilitatorPublicKey, 'to-visit'), binding, box),
    openOwnSeal: (binding, box) =>
      open(boxKey(visit.privateKey, facilitatorPublicKey, 'to-facilitator'), binding, box),
  };
}

/** The console's side: opens what phones sealed, seals replies to one visit. */
export type FacilitatorBox = {
  readonly publicKey: string;
  /** The payload, or null when it was not sealed to this console (or was tampered with). */
  openAsFacilitator(binding: SealBinding, sealed: Sealed): Promise<unknown>;
  sealForVisit(visitPublicKey: string, binding: SealBinding, payload: unknown): Promise<string>;
  /** What this console sealed to a visit (it derives the same key). */
  openOwnReply(visitPublicKey: string, binding: SealBinding, box: string): Promise<unknown>;
};

export function facilitatorBox(keys: BoxKeys): FacilitatorBox {
  return {
    publicKey: keys.publicKey,
    openAsFacilitator: (binding, sealed) =>
      open(boxKey(keys.privateKey, sealed.from, 'to-facilitator'), binding, sealed.box),
    sealForVisit: async (visitPublicKey, binding, payload) =>
      seal(await boxKey(keys.privateKey, visitPublicKey, 'to-visit'), binding, payload),
    openOwnReply: (visitPublicKey, binding, box) =>
      open(boxKey(keys.privateKey, visitPublicKey, 'to-visit'), binding, box),
  };
}

/**
 * The console's signature on the values only the facilitator may set: the
 * pause, the stage, the moderation decisions, the join code's generation and
 * the certificate's fingerprint shown on a remote projector.
 *
 * The console makes an ECDSA P-256 key pair with the room (the private half
 * non-extractable, kept in its IndexedDB beside the facilitator box's key:
 * facilitatorKeys.ts); the public half travels in the join link beside the box's
 * (`f.<box>.<verify>`). Every reader checks a signed value against that public
 * key before acting on it; the room key alone (which every phone holds) cannot
 * make one.
 *
 * What is signed: the room, the value's place (map and key), when it was signed
 * (so a reader can refuse an older value replayed over a newer one) and the
 * value itself as canonical JSON (keys sorted), so a copy under another place,
 * room or time does not verify.
 */
import { fromBase64, toBase64Url } from '../roomCrypto';

const encoder = new TextEncoder();
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** A raw P-256 point in base64url (87 characters), like the box's key. */
export const VERIFY_KEY_PATTERN = /^[A-Za-z0-9_-]{87}$/;
/** A P-256 ECDSA signature (r || s, 64 bytes) in base64url: 86 characters. */
export const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{86}$/;

export type SigningKeys = { signingKey: CryptoKey; verifyKey: string };

export async function createSigningKeys(): Promise<SigningKeys> {
  const pair = await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { signingKey: pair.privateKey, verifyKey: toBase64Url(raw) };
}

/** What a signature covers. `place` is "<map>/<key>". */
export function signedMessage(room: string, place: string, at: number, value: unknown): string {
  return `swk-signed-v1\0${room}\0${place}\0${at}\0${canonicalJson(value)}`;
}

export async function signMessage(signingKey: CryptoKey, message: string): Promise<string> {
  const signature = await crypto.subtle.sign(SIGN, signingKey, encoder.encode(message));
  return toBase64Url(new Uint8Array(signature));
}

export async function importVerifyKey(verifyKey: string): Promise<CryptoKey> {
  if (!VERIFY_KEY_PATTERN.test(verifyKey)) throw new Error('not a verify key');
  return crypto.subtle.importKey('raw', fromBase64Url(verifyKey), ALGORITHM, false, ['verify']);
}

export async function verifyMessage(
  key: CryptoKey,
  message: string,
  signature: string,
): Promise<boolean> {
  if (!SIGNATURE_PATTERN.test(signature)) return false;
  try {
    return await crypto.subtle.verify(SIGN, key, fromBase64Url(signature), encoder.encode(message));
  } catch {
    return false;
  }
}

/** JSON with every object's keys sorted: the same value gives the same text on every page. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The console's keys as the join link carries them after "f.": the box's public key,
 * then (since the signature) the verify key, joined by a dot.
 */
export function consoleKeysText(boxKey: string, verifyKey: string | null): string {
  return verifyKey ? `${boxKey}.${verifyKey}` : boxKey;
}

export function splitConsoleKeys(text: string): { box: string; verify: string | null } {
  const [box = '', verify] = text.split('.');
  return { box, verify: verify && VERIFY_KEY_PATTERN.test(verify) ? verify : null };
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(padded + '='.repeat((4 - (padded.length % 4)) % 4));
}

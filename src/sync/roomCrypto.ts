/**
 * End-to-end encryption of what the relay carries, with the room key. The same
 * construction as y-webrtc's signaling (PBKDF2-SHA-256 to AES-GCM-256, salted
 * with the room id), so the workshop server only ever sees ciphertext.
 */
import { fromBase64, toBase64 } from '../lib/base64';

export { fromBase64, toBase64 };

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const IV_BYTES = 12;

export function deriveRoomKey(secret: string, room: string): Promise<CryptoKey> {
  return crypto.subtle
    .importKey('raw', encoder.encode(secret), 'PBKDF2', false, ['deriveKey'])
    .then((material) =>
      crypto.subtle.deriveKey(
        {
          name: 'PBKDF2',
          salt: encoder.encode(`relay:${room}`),
          iterations: 100_000,
          hash: 'SHA-256',
        },
        material,
        { name: 'AES-GCM', length: 256 },
        false,
        ['encrypt', 'decrypt'],
      ),
    );
}

export async function sealJson(value: unknown, key: CryptoKey): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  const out = new Uint8Array(IV_BYTES + cipher.byteLength);
  out.set(iv);
  out.set(new Uint8Array(cipher), IV_BYTES);
  return toBase64(out);
}

/** The decrypted value, or null when it was not sealed with this key (or was tampered with). */
export async function openJson(sealed: string, key: CryptoKey): Promise<unknown> {
  try {
    const bytes = fromBase64(sealed);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES) },
      key,
      bytes.subarray(IV_BYTES),
    );
    return JSON.parse(decoder.decode(plain)) as unknown;
  } catch {
    return null;
  }
}

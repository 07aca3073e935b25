/**
 * End-to-end encryption of what the relay carries, with the room key. The same
 * construction as y-webrtc's signaling (PBKDF2-SHA-256 to AES-GCM-256, salted
 * with the room id), so the workshop server only ever sees ciphertext.
 *
 * The topics the server forwards on are derived from the key too (HMAC-SHA-256),
 * so the server never learns the room id, and someone who knows only the id
 * (it is in every phone's address bar) cannot find the room's traffic.
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

/** What a room's pages derive from its key and id. */
export type RoomSecrets = {
  /** y-webrtc's room name: its signaling topic, BroadcastChannel and key salt. */
  signalTopic: string;
  /** Where the relay's sealed messages travel. */
  relayTopic: string;
  /**
   * Derived from the room id alone (a hash of it, not the id): the console's key-check
   * value travels there, so a page with a wrong key learns it positively.
   */
  checkTopic: string;
  /** HMAC of the room id under the key: equal on two pages only if their keys are. */
  keyCheck: string;
  /** Seals relay messages (AES-GCM). */
  sealKey: CryptoKey;
  /** Authenticates the relay's parts of long messages (HMAC-SHA-256). */
  macKey: CryptoKey;
};

export async function deriveRoomSecrets(secret: string, room: string): Promise<RoomSecrets> {
  const macKey = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const derive = async (label: string) =>
    toBase64Url(
      new Uint8Array(
        await crypto.subtle.sign('HMAC', macKey, encoder.encode(`swk-${label}\0${room}`)),
      ),
    );
  const checkTopic = toBase64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`swk-check\0${room}`))),
  );
  return {
    signalTopic: await derive('signal'),
    relayTopic: await derive('relay'),
    checkTopic,
    keyCheck: (await derive('key-check')).slice(0, 22),
    sealKey: await deriveRoomKey(secret, room),
    macKey,
  };
}

/** A 128-bit tag of text under the room's MAC key. */
export async function macOf(key: CryptoKey, text: string): Promise<string> {
  const tag = await crypto.subtle.sign('HMAC', key, encoder.encode(`swk-part\0${text}`));
  return toBase64Url(new Uint8Array(tag).subarray(0, 16));
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * additionalData binds a message to where it was sent (the relay's topic): a
 * sealed message moved to another topic does not open.
 */
export async function sealJson(
  value: unknown,
  key: CryptoKey,
  additionalData?: string,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, ...aad(additionalData) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  const out = new Uint8Array(IV_BYTES + cipher.byteLength);
  out.set(iv);
  out.set(new Uint8Array(cipher), IV_BYTES);
  return toBase64(out);
}

/** The decrypted value, or null when it was not sealed with this key (or was tampered with). */
export async function openJson(
  sealed: string,
  key: CryptoKey,
  additionalData?: string,
): Promise<unknown> {
  try {
    const bytes = fromBase64(sealed);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), ...aad(additionalData) },
      key,
      bytes.subarray(IV_BYTES),
    );
    return JSON.parse(decoder.decode(plain)) as unknown;
  } catch {
    return null;
  }
}

function aad(additionalData: string | undefined): { additionalData?: Uint8Array<ArrayBuffer> } {
  return additionalData === undefined ? {} : { additionalData: encoder.encode(additionalData) };
}

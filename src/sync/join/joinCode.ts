/**
 * The room's short code: what a person types from the projector instead of the
 * join link, and the sealed exchange that turns it into the link without the
 * key ever being a navigated URL or passing through the workshop server in clear.
 *
 * The code is 8 symbols of an alphabet without look-alikes (about 35 bits), an
 * HMAC of the room key: every page that holds the key shows the same code, a
 * new room (after an erase) has a new one, and the code tells nothing of the key.
 *
 * The exchange (server/joinCode.js forwards it and keeps nothing):
 * 1. both sides stretch the code with PBKDF2, salted with the server's per-run
 *    nonce, and expand it (HKDF) into a topic, which the server sees, and a seal
 *    salt, which it does not;
 * 2. the phone posts an ephemeral ECDH P-256 public key to the topic;
 * 3. the console answers with the join link, sealed with AES-GCM under
 *    HKDF(ECDH shared secret, salt = the code's seal salt) and bound to both
 *    public keys and the topic.
 * Without the code nobody finds the topic (and tries are rate-limited per
 * address); without one of the two private keys nobody opens an answer, even
 * someone who later recovers the code from a log of the topics.
 */
import { toBase64Url } from '../roomCrypto';

/** No 0/O/Q, 1/I/L, 2/Z, 5/S, 8/B, G/6 (6 stays), U/V: symbols nobody misreads from the back of a room. */
export const JOIN_CODE_ALPHABET = 'ACDEFHJKMNPRTWXY34679';
export const JOIN_CODE_LENGTH = 8;
/** PBKDF2 rounds over the code: about 0.1 s on a phone, per try for anyone guessing offline. */
export const JOIN_CODE_PBKDF2_ITERATIONS = 100_000;
/** Base64url of a raw uncompressed P-256 point (65 bytes). */
const PUBLIC_KEY_CHARS = 87;
const IV_BYTES = 12;
const RAW_POINT_BYTES = 65;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The room's code, from its key and the code's generation (joinSchema.ts; 0 until the
 * trainer asks for a new code): the same on the console, the projector and a remote projector.
 */
export async function joinCodeFor(roomKey: string, generation = 0): Promise<string> {
  const mac = await crypto.subtle.importKey(
    'raw',
    encoder.encode(roomKey),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const tag = new Uint8Array(
    await crypto.subtle.sign(
      'HMAC',
      mac,
      encoder.encode(generation === 0 ? 'swk-join-code' : `swk-join-code\0${generation}`),
    ),
  );
  // 64 bits reduced modulo 21^8 (about 2^35): a bias of about 2^-29, nothing to exploit.
  let value = 0n;
  for (const byte of tag.subarray(0, 8)) value = (value << 8n) | BigInt(byte);
  const base = BigInt(JOIN_CODE_ALPHABET.length);
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    code += JOIN_CODE_ALPHABET[Number(value % base)];
    value /= base;
  }
  return code;
}

/** "ACDE-FHJK": two groups of four, as the projector shows it. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type CodeProblem = 'length' | 'symbols';

/**
 * What a person typed, as a code: capitals, Arabic-Indic and full-width digits
 * read as ASCII, spaces and dashes ignored. A problem says what to fix.
 */
export function readJoinCode(typed: string): { code: string } | { problem: CodeProblem } {
  const code = Array.from(typed.normalize('NFKC').toUpperCase())
    .map((char) => {
      const point = char.codePointAt(0) ?? 0;
      if (point >= 0x660 && point <= 0x669) return String(point - 0x660);
      if (point >= 0x6f0 && point <= 0x6f9) return String(point - 0x6f0);
      return char;
    })
    .filter((char) => !/[\s\-_.·‐-―−]/u.test(char))
    .join('');
  if ([...code].some((char) => !JOIN_CODE_ALPHABET.includes(char))) return { problem: 'symbols' };
  if (code.length !== JOIN_CODE_LENGTH) return { problem: 'length' };
  return { code };
}

export function isJoinCode(text: string): boolean {
  return (
    text.length === JOIN_CODE_LENGTH && [...text].every((char) => JOIN_CODE_ALPHABET.includes(char))
  );
}

/** What both sides derive from the code and the server's nonce. */
export type JoinCodeSecrets = {
  /** Where the server forwards asks and answers: reveals the code only to a brute force. */
  topic: string;
  /** Salt of the answer's key: never leaves the two pages. */
  sealSalt: Uint8Array<ArrayBuffer>;
};

export async function deriveJoinSecrets(code: string, nonce: string): Promise<JoinCodeSecrets> {
  const material = await crypto.subtle.importKey(
    'raw',
    encoder.encode(`swk-join-v1\0${code}`),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const stretched = await crypto.subtle.deriveBits(
    {
      name: 'PBKDF2',
      salt: encoder.encode(`swk-join-nonce\0${nonce}`),
      iterations: JOIN_CODE_PBKDF2_ITERATIONS,
      hash: 'SHA-256',
    },
    material,
    256,
  );
  const hkdf = await crypto.subtle.importKey('raw', stretched, 'HKDF', false, ['deriveBits']);
  const expand = async (label: string, bits: number) =>
    new Uint8Array(
      await crypto.subtle.deriveBits(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(label) },
        hkdf,
        bits,
      ),
    );
  return {
    topic: toBase64Url(await expand('swk-join-topic', 128)),
    sealSalt: await expand('swk-join-seal', 256),
  };
}

/** The phone's side of one ask: its public key to post, and how to open the answer. */
export type JoinAsk = {
  publicKey: string;
  /** The console's answer opened (the join link's fragment), or null if it does not open. */
  open(sealed: string): Promise<string | null>;
};

export async function startJoinAsk(secrets: JoinCodeSecrets): Promise<JoinAsk> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, [
    'deriveBits',
  ]);
  const ownRaw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const publicKey = toBase64Url(ownRaw);
  return {
    publicKey,
    async open(sealed) {
      try {
        const bytes = fromBase64Url(sealed);
        if (bytes.length <= RAW_POINT_BYTES + IV_BYTES) return null;
        const peerRaw = bytes.slice(0, RAW_POINT_BYTES);
        const key = await answerKey(pair.privateKey, peerRaw, secrets, ownRaw, peerRaw);
        const plain = await crypto.subtle.decrypt(
          {
            name: 'AES-GCM',
            iv: bytes.slice(RAW_POINT_BYTES, RAW_POINT_BYTES + IV_BYTES),
            additionalData: encoder.encode(secrets.topic),
          },
          key,
          bytes.slice(RAW_POINT_BYTES + IV_BYTES),
        );
        return decoder.decode(plain);
      } catch {
        return null;
      }
    },
  };
}

/**
 * The console's answer to one ask: the link sealed to the phone's key and the code.
 * Throws if the phone's key is not a P-256 point (the caller drops that ask).
 */
export async function sealJoinAnswer(
  secrets: JoinCodeSecrets,
  phonePublicKey: string,
  link: string,
): Promise<string> {
  if (!isJoinPublicKey(phonePublicKey)) throw new Error('not a public key');
  const phoneRaw = fromBase64Url(phonePublicKey);
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, [
    'deriveBits',
  ]);
  const ownRaw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const key = await answerKey(pair.privateKey, phoneRaw, secrets, phoneRaw, ownRaw);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(secrets.topic) },
      key,
      encoder.encode(link),
    ),
  );
  const out = new Uint8Array(RAW_POINT_BYTES + IV_BYTES + cipher.length);
  out.set(ownRaw);
  out.set(iv, RAW_POINT_BYTES);
  out.set(cipher, RAW_POINT_BYTES + IV_BYTES);
  return toBase64Url(out);
}

export function isJoinPublicKey(text: string): boolean {
  return text.length === PUBLIC_KEY_CHARS && /^[A-Za-z0-9_-]+$/.test(text);
}

/** AES-GCM key of an answer: ECDH, salted with the code's seal salt, bound to both public keys. */
async function answerKey(
  own: CryptoKey,
  peerRaw: Uint8Array<ArrayBuffer>,
  secrets: JoinCodeSecrets,
  phoneRaw: Uint8Array,
  consoleRaw: Uint8Array,
): Promise<CryptoKey> {
  const peer = await crypto.subtle.importKey(
    'raw',
    peerRaw,
    { name: 'ECDH', namedCurve: 'P-256' },
    false,
    [],
  );
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, own, 256);
  const material = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const info = new Uint8Array(16 + phoneRaw.length + consoleRaw.length);
  info.set(encoder.encode('swk-join-answer\0'));
  info.set(phoneRaw, 16);
  info.set(consoleRaw, 16 + phoneRaw.length);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: secrets.sealSalt, info },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// @ts-check
/**
 * Admission: only pages that hold this run's join link reach the signaling endpoint.
 *
 * The server makes a random secret when it starts. The console (on this laptop, over
 * loopback) reads it from /workshop.json and puts it in the join link's fragment beside
 * the room key; a page presents it on the WebSocket upgrade as a subprotocol
 * (`Sec-WebSocket-Protocol: swk.v1, swk.admit.<secret>`), never in a URL, so it is in no
 * log and no Referer. The server answers with `swk.v1` only: the secret is never echoed.
 *
 * Kept apart from the WebSocket code so that any other transport (an HTTPS EventSource
 * with fetch POSTs, say) calls the same check before it counts a client anywhere.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The subprotocol the server selects; a page offers it and the admission token. */
export const SIGNAL_PROTOCOL = 'swk.v1';
/** Prefix of the subprotocol that carries the secret. */
export const ADMISSION_PROTOCOL_PREFIX = 'swk.admit.';
/** 144 random bits, base64url: 24 characters, a valid subprotocol token. */
const ADMISSION_SECRET_BYTES = 18;
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * @typedef {{
 *   secret: string,
 *   check(token: unknown): boolean,
 *   fromUpgrade(request: import('node:http').IncomingMessage): boolean,
 * }} Admission
 */

/**
 * @param {string} [secret] a fixed secret (tests); by default a new random one per run
 * @returns {Admission}
 */
export function createAdmission(
  secret = randomBytes(ADMISSION_SECRET_BYTES).toString('base64url'),
) {
  if (!TOKEN.test(secret)) throw new Error('an admission secret is 16-128 base64url characters');
  const expected = Buffer.from(secret);
  /** @param {unknown} token */
  const check = (token) => {
    if (typeof token !== 'string' || token.length !== secret.length) return false;
    return timingSafeEqual(Buffer.from(token), expected);
  };
  return {
    secret,
    check,
    fromUpgrade: (request) => check(admissionToken(request.headers['sec-websocket-protocol'])),
  };
}

/** How long a kept secret is reused: a restart the same day keeps the handed-out links working. */
export const ADMISSION_KEPT_MS = 12 * 3600 * 1000;

/**
 * The secret of this workshop run, kept in the server's data folder (mode 0600) so that
 * a restart of the server mid-workshop (a crash, the laptop asleep) does not lock every
 * phone out; a new one after ADMISSION_KEPT_MS, or when `fresh` is asked for.
 * @param {string} folder
 * @param {{ fresh?: boolean, now?: number }} [options]
 * @returns {Admission}
 */
export function loadAdmission(folder, options = {}) {
  const now = options.now ?? Date.now();
  const file = join(folder, 'admission.json');
  if (!options.fresh) {
    try {
      const kept = /** @type {{ secret?: unknown, createdAt?: unknown }} */ (
        JSON.parse(readFileSync(file, 'utf8'))
      );
      if (
        typeof kept.secret === 'string' &&
        TOKEN.test(kept.secret) &&
        typeof kept.createdAt === 'number' &&
        now - kept.createdAt >= 0 &&
        now - kept.createdAt < ADMISSION_KEPT_MS
      ) {
        return createAdmission(kept.secret);
      }
    } catch {
      // none kept yet, or unreadable: a new one
    }
  }
  const admission = createAdmission();
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify({ secret: admission.secret, createdAt: now }), {
    mode: 0o600,
  });
  return admission;
}

/**
 * The admission token a WebSocket upgrade offers among its subprotocols, if any.
 * @param {string | string[] | undefined} header
 * @returns {string | null}
 */
export function admissionToken(header) {
  if (typeof header !== 'string' || header.length > 512) return null;
  for (const offered of header.split(',')) {
    const protocol = offered.trim();
    if (protocol.startsWith(ADMISSION_PROTOCOL_PREFIX)) {
      return protocol.slice(ADMISSION_PROTOCOL_PREFIX.length);
    }
  }
  return null;
}

/** The subprotocols a client offers to be admitted. @param {string} secret */
export function admissionProtocols(secret) {
  return [SIGNAL_PROTOCOL, `${ADMISSION_PROTOCOL_PREFIX}${secret}`];
}

/**
 * Whether a request comes from this laptop itself.
 * @param {import('node:http').IncomingMessage} request
 */
export function fromLoopback(request) {
  const address = request.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

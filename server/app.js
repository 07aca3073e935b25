// @ts-check
/** The workshop server in one piece: the built app and the signaling endpoint on one port. */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createAdmission, fromLoopback } from './admission.js';
import { isLoopback, servedAddresses } from './addresses.js';
import { lanAddresses } from './certificate.js';
import {
  CONNECTIONS_KEPT_FOR_THIS_LAPTOP,
  CONNECTIONS_PER_ADDRESS_MAX,
  limitConnections,
} from './connections.js';
import { createHttpSignaling } from './httpSignaling.js';
import { createJoinCodeRelay } from './joinCode.js';
import { attachSignaling } from './signaling.js';
import { SECURITY_HEADERS, createStaticHandler } from './static.js';

/** TCP connections the server holds at once (pages, their assets, signaling sockets). */
export const SERVER_CONNECTIONS_MAX = 1024;
/** Connections the kernel may queue before the server accepts them (Linux caps it at somaxconn). */
const LISTEN_BACKLOG = 2048;
/** A client has this long to send a request's headers (a slow-loris holds no place for long). */
export const HEADERS_TIMEOUT_MS = 10_000;
/** ...and this long to finish the TLS handshake (Node's default is 120 s). */
export const TLS_HANDSHAKE_TIMEOUT_MS = 10_000;
/**
 * How often Node looks for requests past their headers timeout (its default, 30 s, let a
 * slow-loris socket live up to 40 s).
 */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;
export { CONNECTIONS_KEPT_FOR_THIS_LAPTOP, CONNECTIONS_PER_ADDRESS_MAX };
/**
 * TLS 1.3, or TLS 1.2 with forward-secret AEAD suites only (older phones); no CBC, no RSA
 * key exchange. Node's TLS 1.3 suites are all AEAD.
 */
export const TLS_OPTIONS = {
  minVersion: /** @type {const} */ ('TLSv1.2'),
  ciphers: [
    'TLS_AES_128_GCM_SHA256',
    'TLS_AES_256_GCM_SHA384',
    'TLS_CHACHA20_POLY1305_SHA256',
    'ECDHE-ECDSA-AES128-GCM-SHA256',
    'ECDHE-ECDSA-AES256-GCM-SHA384',
    'ECDHE-ECDSA-CHACHA20-POLY1305',
    'ECDHE-RSA-AES128-GCM-SHA256',
    'ECDHE-RSA-AES256-GCM-SHA384',
    'ECDHE-RSA-CHACHA20-POLY1305',
  ].join(':'),
  honorCipherOrder: true,
};

/**
 * @param {{ dist: string, tls?: { cert: string, key: string, fingerprint?: string },
 *           admission?: import('./admission.js').Admission,
 *           joinCode?: import('./joinCode.js').JoinCodeOptions,
 *           signaling?: import('./signaling.js').SignalingOptions,
 *           lanAddresses?: () => string[] }} options
 *   lanAddresses: the laptop's LAN addresses (tests give their own interfaces)
 */
export function createWorkshopServer(options) {
  const serveFile = createStaticHandler(options.dist);
  const admission = options.admission ?? options.signaling?.admission ?? createAdmission();
  // Phones that typed the room's short code get the link from the console through it.
  const joinCodes = createJoinCodeRelay(options.joinCode);
  /** @type {import('node:http').RequestListener} */
  const handler = (req, res) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname === '/workshop.json') {
      workshopInfo(req, res);
      return;
    }
    if (httpSignaling(req, res)) return;
    if (joinCodes.handle(req, res)) return;
    serveFile(req, res);
  };
  /**
   * For the console on this laptop only: where phones reach it (for the join QR code),
   * this run's admission secret and the certificate's fingerprint. Nobody on the
   * network learns the laptop's addresses or the secret from it.
   * @type {import('node:http').RequestListener}
   */
  const workshopInfo = (req, res) => {
    const headers = { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' };
    if (req.method !== 'GET') {
      res.writeHead(405, { ...headers, Allow: 'GET' }).end();
      return;
    }
    if (!fromLoopback(req)) {
      res.writeHead(403, headers).end();
      return;
    }
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    // Only the addresses it listens on: with --host 127.0.0.1 a phone can reach none of them.
    const bound = typeof address === 'object' && address ? address.address : '';
    const served = servedAddresses(bound, (options.lanAddresses ?? lanAddresses)());
    // Plain HTTP (--http, development) is loopback only: phones have no secure context there.
    const urls = options.tls ? served.map((ip) => `https://${ip}:${port}/`) : [];
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        lanUrls: urls,
        loopbackOnly: isLoopback(bound) || !options.tls,
        admission: admission.secret,
        fingerprint: options.tls?.fingerprint ?? null,
      }),
    );
  };
  const timeouts = { connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS };
  const server = options.tls
    ? createHttpsServer(
        {
          ...TLS_OPTIONS,
          ...timeouts,
          handshakeTimeout: TLS_HANDSHAKE_TIMEOUT_MS,
          cert: options.tls.cert,
          key: options.tls.key,
        },
        handler,
      )
    : createHttpServer(timeouts, handler);
  server.maxConnections = SERVER_CONNECTIONS_MAX;
  limitConnections(server, { total: SERVER_CONNECTIONS_MAX });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = 30_000;
  const signaling = attachSignaling(server, { ...options.signaling, admission });
  // The same hub over EventSource and fetch, for phones whose WebSocket cannot open.
  const httpSignaling = createHttpSignaling(signaling, options.signaling);
  return {
    server,
    signaling,
    joinCodes,
    /** @param {number} port @param {string} host @returns {Promise<number>} the port bound */
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        // A deeper accept queue than Node's 511: a burst of sockets past it waits on SYN
        // retransmits for seconds before the server can see (and refuse) them.
        server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      await signaling.close();
      joinCodes.close();
      const closed = new Promise((done) => server.close(() => done(undefined)));
      // Idle keep-alive connections would hold a restart back for seconds.
      server.closeAllConnections();
      await closed;
    },
  };
}

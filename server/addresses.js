// @ts-check
/**
 * Where phones can reach this server. What `npm start` prints, what the certificate
 * names and what /workshop.json hands the console for its join QR code all come from
 * here, so the link never points at an address where nothing listens.
 */
import { lanAddresses } from './certificate.js';

/** The addresses that mean "every interface" to `listen`. */
const EVERY_INTERFACE = new Set(['0.0.0.0', '::', '']);

/**
 * Whether a host or bound address is this laptop only (127.0.0.0/8, ::1, localhost).
 * @param {string} host
 */
export function isLoopback(host) {
  const bare = host.replace(/^\[|\]$/g, '').replace(/^::ffff:/, '');
  return bare === 'localhost' || bare === '::1' || /^127\./.test(bare);
}

/**
 * The LAN addresses a server listening on `host` answers phones on: none when it listens
 * on loopback only; every private address of a real interface when it listens on all of
 * them; else the one address given.
 * @param {string} host the `--host` given, or the address the server is bound to
 * @param {string[]} [lan] the laptop's LAN addresses (tests pass their own)
 * @returns {string[]}
 */
export function servedAddresses(host, lan = lanAddresses()) {
  if (isLoopback(host)) return [];
  if (EVERY_INTERFACE.has(host)) return [...lan];
  return [host];
}

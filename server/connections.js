// @ts-check
/**
 * Places for TCP connections, before any byte of TLS or HTTP is read. Without them one
 * device on the Wi-Fi can open a thousand sockets that say nothing (measured: 1,100 silent
 * sockets from one address held all 1,024 places, and the console on the laptop itself could
 * not load a page, for the 120 s of Node's default TLS handshake timeout).
 *
 * - each address of the network holds at most CONNECTIONS_PER_ADDRESS_MAX at once (a phone's
 *   browser opens about six to load the app, plus its signaling socket or event stream);
 * - the network as a whole holds at most SERVER_CONNECTIONS_MAX minus the places kept for
 *   the laptop itself, so the trainer's console, projector window and erase always connect.
 *
 * What is left: an attacker with many addresses on the Wi-Fi can still fill the network's
 * places and keep phones waiting, each of its sockets for the handshake or headers timeout.
 */

/** Sockets one address of the network may hold at once. */
export const CONNECTIONS_PER_ADDRESS_MAX = 32;
/** Places only the laptop itself (127.0.0.1, ::1) may take: its console and projector. */
export const CONNECTIONS_KEPT_FOR_THIS_LAPTOP = 64;

/**
 * The laptop's own console and projector window: what the browser on the laptop connects from.
 * (Other 127.x addresses are the laptop too, but nothing of ours uses them.)
 * @param {string} address
 */
function isThisLaptop(address) {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * @param {import('node:net').Server} server
 * @param {{ total: number, perAddress?: number, keptForLaptop?: number }} limits
 * @returns {{ refused: () => number }}
 */
export function limitConnections(server, limits) {
  const perAddress = limits.perAddress ?? CONNECTIONS_PER_ADDRESS_MAX;
  const network = limits.total - (limits.keptForLaptop ?? CONNECTIONS_KEPT_FOR_THIS_LAPTOP);
  /** @type {Map<string, number>} */
  const held = new Map();
  let fromNetwork = 0;
  let refused = 0;
  // First, before TLS or HTTP wrap the socket: a refused one costs no handshake.
  server.prependListener('connection', (/** @type {import('node:net').Socket} */ socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    if (isThisLaptop(address)) return;
    const count = held.get(address) ?? 0;
    if (count >= perAddress || fromNetwork >= network) {
      refused += 1;
      socket.destroy();
      return;
    }
    held.set(address, count + 1);
    fromNetwork += 1;
    socket.once('close', () => {
      fromNetwork -= 1;
      const left = (held.get(address) ?? 1) - 1;
      if (left > 0) held.set(address, left);
      else held.delete(address);
    });
  });
  return { refused: () => refused };
}

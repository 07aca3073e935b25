// @ts-check
/**
 * Our signaling endpoint: y-webrtc's protocol, as its bin/server.js speaks it, hardened.
 *
 *   {type:'subscribe', topics}    join topics (at most SIGNAL_TOPICS_PER_CLIENT_MAX)
 *   {type:'unsubscribe', topics}  leave them; a topic nobody holds is forgotten
 *   {type:'publish', topic, ...}  forwarded as is to every subscriber of the topic, the
 *                                 sender included, with `clients` = how many there are
 *   {type:'ping'}                 answered with {type:'pong'}
 *
 * Every frame from a client is untrusted: a malformed one closes that client, never the
 * server, and every resource a client can make us hold is capped. The server only ever
 * sees what peers seal with the room key, on topics derived from the key; it logs no
 * addresses and keeps nothing.
 *
 * Only pages holding this run's join link get in (./admission.js): an upgrade without the
 * admission token is refused before it counts toward any cap. `placeFor(request)` (the
 * admission and the caps, in order) and `accept(socket, request)` (the topics, rates and
 * queues) are the two steps any transport takes, so a second one applies the same rules.
 */
import { WebSocketServer } from 'ws';
import { SIGNAL_PROTOCOL, createAdmission, fromLoopback } from './admission.js';

export const SIGNAL_PATH = '/signal';
/** Largest frame a client may send, in bytes (ws `maxPayload`; past it ws closes with 1009). */
export const SIGNAL_FRAME_MAX_BYTES = 256 * 1024;
/** Topics one connection may hold at once (a phone needs its room's one or two). */
export const SIGNAL_TOPICS_PER_CLIENT_MAX = 16;
/** Longest topic name, in UTF-16 code units. */
export const SIGNAL_TOPIC_MAX_CHARS = 200;
/** Open connections at once; past it an upgrade gets HTTP 503. */
export const SIGNAL_CLIENTS_MAX = 300;
/**
 * Connections from one network address (a phone needs one; loopback, the laptop's own
 * console and projector windows, is not counted); past it an upgrade gets HTTP 503.
 */
export const SIGNAL_CLIENTS_PER_ADDRESS_MAX = 4;
/** Subscribers of one topic: a room's pages (a workshop is a few dozen people). */
export const SIGNAL_SUBSCRIBERS_PER_TOPIC_MAX = 100;
/** Token bucket per client: messages per second refilled... */
export const SIGNAL_MESSAGES_PER_SECOND = 60;
/** ...and the most it holds (a burst, e.g. WebRTC offers and candidates to a whole room). */
export const SIGNAL_MESSAGES_BURST = 120;
/** Interval between ws pings, in ms; a socket that has not answered the last one is dropped. */
export const SIGNAL_HEARTBEAT_MS = 30_000;
/**
 * Bytes queued towards one client that does not read; past it that client is closed
 * (a room's catch-up is about 300 KB sealed; an imported plan up to 1.5 MB, in parts).
 */
export const SIGNAL_SEND_BUFFER_MAX_BYTES = 2 * 1024 * 1024;
/**
 * Bytes queued towards all clients together. Over TLS every queued byte is the server's
 * own memory: 300 clients at 8 MB each made it 2.3 GB. Past this budget a client with
 * more than SIGNAL_SEND_BUFFER_SHARE_BYTES waiting is closed as too slow.
 */
export const SIGNAL_SEND_BUFFER_TOTAL_MAX_BYTES = 48 * 1024 * 1024;
export const SIGNAL_SEND_BUFFER_SHARE_BYTES = 64 * 1024;
/** After we close a client, ms it has to finish the closing handshake before its socket is cut. */
export const SIGNAL_CLOSE_GRACE_MS = 1_000;
/** Log lines per window, in lines and ms: a flood of bad clients cannot bury the terminal. */
export const SIGNAL_LOG_LINES_MAX = 20;
export const SIGNAL_LOG_WINDOW_MS = 10_000;

/** How often the total of queued bytes is summed again, in ms. */
const QUEUED_TOTAL_REFRESH_MS = 20;
const CLOSE_INVALID = 1007;
const CLOSE_POLICY = 1008;
const CLOSE_INTERNAL = 1011;

/**
 * @typedef {{
 *   allowedOrigins?: string[],
 *   log?: (message: string) => void,
 *   frameMaxBytes?: number,
 *   topicsPerClientMax?: number,
 *   topicMaxChars?: number,
 *   clientsMax?: number,
 *   clientsPerAddressMax?: number,
 *   subscribersPerTopicMax?: number,
 *   sendBufferTotalMaxBytes?: number,
 *   admission?: import('./admission.js').Admission,
 *   unlimitedAddress?: (request: import('node:http').IncomingMessage) => boolean,
 *   messagesPerSecond?: number,
 *   messagesBurst?: number,
 *   heartbeatMs?: number,
 *   sendBufferMaxBytes?: number,
 *   closeGraceMs?: number,
 *   onFrame?: (frame: string) => void,
 * }} SignalingOptions
 *   allowedOrigins: the page origins that may connect (exact `Origin` header values);
 *   without it, only a request with no Origin or one whose host is the request's Host.
 *   onFrame: sees every text frame received (tests check the server reads only ciphertext).
 *   admission: who may connect (./admission.js); by default a new random secret.
 *   unlimitedAddress: which clients the per-address cap leaves out (by default loopback:
 *   the laptop's own console and projector windows).
 * @typedef {{
 *   clients: number, topics: number, closedForAbuse: number, closedTooSlow: number,
 *   refusedUnadmitted: number, refusedFull: number,
 * }} SignalingStats
 * @typedef {{ status: number, text: string, reason: string }} Refusal
 * @typedef {{
 *   close(): Promise<void>,
 *   stats(): SignalingStats,
 *   admission: import('./admission.js').Admission,
 *   placeFor(request: import('node:http').IncomingMessage): Refusal | null,
 *   accept(socket: Socket, request: import('node:http').IncomingMessage): void,
 * }} Signaling
 * @typedef {{
 *   topics: Set<string>, tokens: number, refilledAt: number, alive: boolean, closing: boolean,
 *   address: string | null,
 * }} ClientState
 * @typedef {import('ws').WebSocket} Socket
 */

/**
 * Handles `upgrade` requests to SIGNAL_PATH on httpServer (and refuses any other
 * upgrade: nothing else on the workshop server speaks WebSocket).
 * @param {import('node:http').Server | import('node:https').Server} httpServer
 * @param {SignalingOptions} [options]
 * @returns {Signaling}
 */
export function attachSignaling(httpServer, options = {}) {
  const log = limitLog(options.log ?? ((message) => console.warn(`signaling: ${message}`)));
  const limits = {
    frame: options.frameMaxBytes ?? SIGNAL_FRAME_MAX_BYTES,
    topics: options.topicsPerClientMax ?? SIGNAL_TOPICS_PER_CLIENT_MAX,
    topicChars: options.topicMaxChars ?? SIGNAL_TOPIC_MAX_CHARS,
    clients: options.clientsMax ?? SIGNAL_CLIENTS_MAX,
    perAddress: options.clientsPerAddressMax ?? SIGNAL_CLIENTS_PER_ADDRESS_MAX,
    subscribers: options.subscribersPerTopicMax ?? SIGNAL_SUBSCRIBERS_PER_TOPIC_MAX,
    sendTotal: options.sendBufferTotalMaxBytes ?? SIGNAL_SEND_BUFFER_TOTAL_MAX_BYTES,
    rate: options.messagesPerSecond ?? SIGNAL_MESSAGES_PER_SECOND,
    burst: options.messagesBurst ?? SIGNAL_MESSAGES_BURST,
    sendBuffer: options.sendBufferMaxBytes ?? SIGNAL_SEND_BUFFER_MAX_BYTES,
    grace: options.closeGraceMs ?? SIGNAL_CLOSE_GRACE_MS,
  };
  const admission = options.admission ?? createAdmission();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.frame,
    perMessageDeflate: false, // no compression: no zip bombs, no CPU spent inflating
    // The admission token was checked in placeFor; the answer names our protocol only.
    handleProtocols: (protocols) => (protocols.has(SIGNAL_PROTOCOL) ? SIGNAL_PROTOCOL : false),
  });
  /** @type {Map<string, Set<Socket>>} */
  const topics = new Map();
  /** @type {Map<Socket, ClientState>} open clients in good standing (not those we are closing) */
  const clients = new Map();
  /** @type {Map<string, number>} open clients per network address (loopback not counted) */
  const perAddress = new Map();
  let closedForAbuse = 0;
  let closedTooSlow = 0;
  let refusedUnadmitted = 0;
  let refusedFull = 0;
  let closed = false;
  let queuedTotal = 0;
  let queuedTotalAt = 0;

  /**
   * Whether a new client may take a place, checked before it holds any: the admission
   * token first, so that nobody without the join link counts toward a cap.
   * @param {import('node:http').IncomingMessage} request
   * @returns {Refusal | null}
   */
  function placeFor(request) {
    if (closed) return { status: 503, text: 'Service Unavailable', reason: 'closing' };
    if (!originAllowed(request, options.allowedOrigins)) {
      return { status: 403, text: 'Forbidden', reason: `origin ${quote(request.headers.origin)}` };
    }
    if (!admission.fromUpgrade(request)) {
      refusedUnadmitted += 1;
      return { status: 401, text: 'Unauthorized', reason: 'no admission token' };
    }
    if (clients.size >= limits.clients) {
      refusedFull += 1;
      return { status: 503, text: 'Service Unavailable', reason: `${limits.clients} connected` };
    }
    const address = addressOf(request);
    if (address !== null && (perAddress.get(address) ?? 0) >= limits.perAddress) {
      refusedFull += 1;
      return { status: 503, text: 'Service Unavailable', reason: 'too many from one address' };
    }
    return null;
  }

  /** @param {import('node:http').IncomingMessage} request */
  function addressOf(request) {
    const unlimited = options.unlimitedAddress ?? fromLoopback;
    return unlimited(request) ? null : (request.socket.remoteAddress ?? 'unknown');
  }

  /**
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:stream').Duplex} socket
   * @param {Buffer} head
   */
  const onUpgrade = (request, socket, head) => {
    // Node stops watching a socket once it is upgraded: an unheard reset would crash us.
    socket.on('error', () => socket.destroy());
    try {
      if (closed) return refuse(socket, 503, 'Service Unavailable');
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (pathname !== SIGNAL_PATH) return refuse(socket, 404, 'Not Found');
      const refusal = placeFor(request);
      if (refusal) {
        log(`refused a client: ${refusal.reason}`);
        return refuse(socket, refusal.status, refusal.text);
      }
      wss.handleUpgrade(request, socket, head, (ws) => accept(ws, request));
    } catch (error) {
      log(`upgrade failed: ${describe(error)}`);
      refuse(socket, 400, 'Bad Request');
    }
  };
  httpServer.on('upgrade', onUpgrade);

  /**
   * Takes a client that placeFor admitted.
   * @param {Socket} ws @param {import('node:http').IncomingMessage} request
   */
  function accept(ws, request) {
    /** @type {ClientState} */
    const state = {
      topics: new Set(),
      tokens: limits.burst,
      refilledAt: Date.now(),
      alive: true,
      closing: false,
      address: addressOf(request),
    };
    clients.set(ws, state);
    if (state.address !== null) {
      perAddress.set(state.address, (perAddress.get(state.address) ?? 0) + 1);
    }
    ws.on('pong', () => (state.alive = true));
    ws.on('message', (data, isBinary) => {
      // Frames already on the wire keep arriving after we close: they are not read.
      if (state.closing) return;
      try {
        if (!takeToken(state)) return shut(ws, state, CLOSE_POLICY, 'too many messages');
        if (isBinary) return shut(ws, state, CLOSE_INVALID, 'binary frame');
        const text = data.toString();
        options.onFrame?.(text);
        handle(ws, state, text);
      } catch (error) {
        log(`handling a frame failed: ${describe(error)}`);
        shut(ws, state, CLOSE_INTERNAL, 'internal error');
      }
    });
    // ws reports protocol violations (oversized frame, bad UTF-8, unmasked frame...) here
    // and closes the socket itself.
    ws.on('error', (error) => {
      if (!state.closing) closedForAbuse += 1;
      state.closing = true;
      forget(ws, state);
      log(`closed a client: ${describe(error)}`);
    });
    ws.on('close', () => forget(ws, state));
  }

  /**
   * @param {Socket} ws
   * @param {ClientState} state
   * @param {string} text
   */
  function handle(ws, state, text) {
    /** @type {unknown} */
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return shut(ws, state, CLOSE_INVALID, 'malformed JSON');
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return shut(ws, state, CLOSE_INVALID, 'not an object');
    }
    const m = /** @type {Record<string, unknown>} */ (message);
    switch (m.type) {
      case 'subscribe': {
        if (!validTopics(m.topics)) return shut(ws, state, CLOSE_INVALID, 'bad topics');
        for (const topic of m.topics) {
          if (state.topics.has(topic)) continue;
          if (state.topics.size >= limits.topics) {
            return shut(ws, state, CLOSE_POLICY, 'too many topics');
          }
          let subscribers = topics.get(topic);
          // Fan-out is the server's cost: a topic holds a room, not the whole network.
          if (subscribers && subscribers.size >= limits.subscribers) {
            return shut(ws, state, CLOSE_POLICY, 'topic full');
          }
          state.topics.add(topic);
          if (!subscribers) topics.set(topic, (subscribers = new Set()));
          subscribers.add(ws);
        }
        return;
      }
      case 'unsubscribe':
        if (!validTopics(m.topics)) return shut(ws, state, CLOSE_INVALID, 'bad topics');
        for (const topic of m.topics) leave(ws, state, topic);
        return;
      case 'publish': {
        if (typeof m.topic !== 'string') return shut(ws, state, CLOSE_INVALID, 'bad topic');
        const subscribers = topics.get(m.topic);
        if (!subscribers) return;
        // Serialized once; every subscriber is sent the same bytes.
        const out = Buffer.from(JSON.stringify({ ...m, clients: subscribers.size }));
        for (const peer of [...subscribers]) deliver(peer, out);
        return;
      }
      case 'ping':
        ws.send(JSON.stringify({ type: 'pong' }));
        return;
      default:
        return shut(ws, state, CLOSE_INVALID, 'unknown type');
    }
  }

  /** @param {Socket} peer @param {Buffer} out */
  function deliver(peer, out) {
    const state = clients.get(peer);
    if (!state || peer.readyState !== peer.OPEN) return;
    const queued = peer.bufferedAmount;
    if (
      queued + out.length > limits.sendBuffer ||
      (queued > SIGNAL_SEND_BUFFER_SHARE_BYTES && queuedOverall() + out.length > limits.sendTotal)
    ) {
      // A phone on a poor link, not an abuser: counted apart.
      shut(peer, state, CLOSE_POLICY, 'not reading its messages', true);
      return;
    }
    peer.send(out, { binary: false });
    queuedTotal += out.length;
  }

  /** Bytes waiting towards every client, summed again at most every few ms. */
  function queuedOverall() {
    const now = Date.now();
    if (now - queuedTotalAt >= QUEUED_TOTAL_REFRESH_MS) {
      queuedTotal = 0;
      for (const ws of clients.keys()) queuedTotal += ws.bufferedAmount;
      queuedTotalAt = now;
    }
    return queuedTotal;
  }

  /** @param {unknown} value @returns {value is string[]} */
  function validTopics(value) {
    return (
      Array.isArray(value) &&
      value.every(
        (topic) =>
          typeof topic === 'string' && topic.length > 0 && topic.length <= limits.topicChars,
      )
    );
  }

  /** @param {ClientState} state */
  function takeToken(state) {
    const now = Date.now();
    const refill = ((now - state.refilledAt) / 1000) * limits.rate;
    state.tokens = Math.min(limits.burst, state.tokens + refill);
    state.refilledAt = now;
    if (state.tokens < 1) return false;
    state.tokens -= 1;
    return true;
  }

  /**
   * Closes one client for breaking a rule; its socket is cut if it lingers.
   * @param {Socket} ws @param {ClientState} state @param {number} code @param {string} reason
   * @param {boolean} [slow] closed for falling behind rather than for abuse
   */
  function shut(ws, state, code, reason, slow = false) {
    if (state.closing) return;
    state.closing = true;
    if (slow) closedTooSlow += 1;
    else closedForAbuse += 1;
    log(`closing a client (${code}): ${reason}`);
    forget(ws, state);
    ws.close(code, reason);
    setTimeout(() => ws.terminate(), limits.grace).unref();
  }

  /** @param {Socket} ws @param {ClientState} state @param {string} topic */
  function leave(ws, state, topic) {
    state.topics.delete(topic);
    const subscribers = topics.get(topic);
    if (!subscribers) return;
    subscribers.delete(ws);
    if (subscribers.size === 0) topics.delete(topic);
  }

  /** @param {Socket} ws @param {ClientState} state */
  function forget(ws, state) {
    for (const topic of [...state.topics]) leave(ws, state, topic);
    if (clients.delete(ws) && state.address !== null) {
      const count = (perAddress.get(state.address) ?? 1) - 1;
      if (count > 0) perAddress.set(state.address, count);
      else perAddress.delete(state.address);
    }
  }

  const heartbeat = setInterval(() => {
    for (const [ws, state] of [...clients]) {
      if (!state.alive) {
        log('dropped a client that stopped answering pings');
        forget(ws, state);
        ws.terminate();
        continue;
      }
      state.alive = false;
      try {
        ws.ping();
      } catch {
        forget(ws, state);
        ws.terminate();
      }
    }
  }, options.heartbeatMs ?? SIGNAL_HEARTBEAT_MS);
  heartbeat.unref();

  return {
    admission,
    placeFor,
    accept,
    stats: () => ({
      clients: clients.size,
      topics: topics.size,
      closedForAbuse,
      closedTooSlow,
      refusedUnadmitted,
      refusedFull,
    }),
    close: () =>
      new Promise((done) => {
        closed = true;
        clearInterval(heartbeat);
        httpServer.off('upgrade', onUpgrade);
        for (const [ws, state] of [...clients]) {
          forget(ws, state);
          if (!wss.clients.has(ws)) ws.terminate(); // another transport's client (httpSignaling.js)
        }
        // wss.clients also holds the clients we are closing, which would hold wss.close up.
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => done());
      }),
  };
}

/**
 * Same-origin by default: the page the server itself served.
 * @param {import('node:http').IncomingMessage} request
 * @param {string[] | undefined} allowed
 */
function originAllowed(request, allowed) {
  const origin = request.headers.origin;
  if (allowed) return origin !== undefined && allowed.includes(origin);
  if (origin === undefined) return true;
  const host = request.headers.host;
  if (!host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Answers an upgrade we will not take with a bare HTTP status, and drops the socket.
 * @param {import('node:stream').Duplex} socket @param {number} status @param {string} text
 */
function refuse(socket, status, text) {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * At most SIGNAL_LOG_LINES_MAX lines per SIGNAL_LOG_WINDOW_MS; the rest are counted.
 * @param {(message: string) => void} log
 * @returns {(message: string) => void}
 */
function limitLog(log) {
  let windowStart = 0;
  let lines = 0;
  let suppressed = 0;
  return (message) => {
    const now = Date.now();
    if (now - windowStart >= SIGNAL_LOG_WINDOW_MS) {
      if (suppressed > 0) log(`(${suppressed} more messages not shown)`);
      windowStart = now;
      lines = 0;
      suppressed = 0;
    }
    if (lines >= SIGNAL_LOG_LINES_MAX) {
      suppressed += 1;
      return;
    }
    lines += 1;
    log(message);
  };
}

/** A value from a client, made safe and short for the terminal. @param {unknown} value */
function quote(value) {
  return JSON.stringify(String(value).slice(0, 100));
}

/** @param {unknown} error */
function describe(error) {
  return quote(error instanceof Error ? error.message : error);
}

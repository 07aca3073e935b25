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
 * sees what peers seal with the room key; it logs no addresses and keeps nothing.
 */
import { WebSocketServer } from 'ws';

export const SIGNAL_PATH = '/signal';
/** Largest frame a client may send, in bytes (ws `maxPayload`; past it ws closes with 1009). */
export const SIGNAL_FRAME_MAX_BYTES = 256 * 1024;
/** Topics one connection may hold at once (a phone needs its room's one or two). */
export const SIGNAL_TOPICS_PER_CLIENT_MAX = 16;
/** Longest topic name, in UTF-16 code units. */
export const SIGNAL_TOPIC_MAX_CHARS = 200;
/** Open connections at once; past it an upgrade gets HTTP 503. */
export const SIGNAL_CLIENTS_MAX = 300;
/** Token bucket per client: messages per second refilled... */
export const SIGNAL_MESSAGES_PER_SECOND = 60;
/** ...and the most it holds (a burst, e.g. WebRTC offers and candidates to a whole room). */
export const SIGNAL_MESSAGES_BURST = 120;
/** Interval between ws pings, in ms; a socket that has not answered the last one is dropped. */
export const SIGNAL_HEARTBEAT_MS = 30_000;
/** Bytes queued towards one client that does not read; past it that client is closed. */
export const SIGNAL_SEND_BUFFER_MAX_BYTES = 8 * 1024 * 1024;
/** After we close a client, ms it has to finish the closing handshake before its socket is cut. */
export const SIGNAL_CLOSE_GRACE_MS = 1_000;
/** Log lines per window, in lines and ms: a flood of bad clients cannot bury the terminal. */
export const SIGNAL_LOG_LINES_MAX = 20;
export const SIGNAL_LOG_WINDOW_MS = 10_000;

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
 * @typedef {{ clients: number, topics: number, closedForAbuse: number, closedTooSlow: number }} SignalingStats
 * @typedef {{ close(): Promise<void>, stats(): SignalingStats }} Signaling
 * @typedef {{
 *   topics: Set<string>, tokens: number, refilledAt: number, alive: boolean, closing: boolean,
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
    rate: options.messagesPerSecond ?? SIGNAL_MESSAGES_PER_SECOND,
    burst: options.messagesBurst ?? SIGNAL_MESSAGES_BURST,
    sendBuffer: options.sendBufferMaxBytes ?? SIGNAL_SEND_BUFFER_MAX_BYTES,
    grace: options.closeGraceMs ?? SIGNAL_CLOSE_GRACE_MS,
  };
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.frame,
    perMessageDeflate: false, // no compression: no zip bombs, no CPU spent inflating
  });
  /** @type {Map<string, Set<Socket>>} */
  const topics = new Map();
  /** @type {Map<Socket, ClientState>} open clients in good standing (not those we are closing) */
  const clients = new Map();
  let closedForAbuse = 0;
  let closedTooSlow = 0;
  let closed = false;

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
      if (!originAllowed(request, options.allowedOrigins)) {
        log(`refused a page from origin ${quote(request.headers.origin)}`);
        return refuse(socket, 403, 'Forbidden');
      }
      if (wss.clients.size >= limits.clients) {
        log(`refused a client: ${limits.clients} already connected`);
        return refuse(socket, 503, 'Service Unavailable');
      }
      wss.handleUpgrade(request, socket, head, accept);
    } catch (error) {
      log(`upgrade failed: ${describe(error)}`);
      refuse(socket, 400, 'Bad Request');
    }
  };
  httpServer.on('upgrade', onUpgrade);

  /** @param {Socket} ws */
  function accept(ws) {
    /** @type {ClientState} */
    const state = {
      topics: new Set(),
      tokens: limits.burst,
      refilledAt: Date.now(),
      alive: true,
      closing: false,
    };
    clients.set(ws, state);
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
          state.topics.add(topic);
          let subscribers = topics.get(topic);
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
    if (peer.bufferedAmount + out.length > limits.sendBuffer) {
      // A phone on a poor link, not an abuser: counted apart.
      shut(peer, state, CLOSE_POLICY, 'not reading its messages', true);
      return;
    }
    peer.send(out, { binary: false });
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
    clients.delete(ws);
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
    stats: () => ({ clients: clients.size, topics: topics.size, closedForAbuse, closedTooSlow }),
    close: () =>
      new Promise((done) => {
        closed = true;
        clearInterval(heartbeat);
        httpServer.off('upgrade', onUpgrade);
        for (const [ws, state] of [...clients]) forget(ws, state);
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

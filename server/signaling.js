// @ts-check
/**
 * Our signaling endpoint: y-webrtc's protocol (subscribe, unsubscribe, publish,
 * ping), hardened. Every frame from a client is untrusted: a malformed one closes
 * that client, never the server, and every resource a client can make us hold is
 * capped.
 */
import { WebSocketServer } from 'ws';

export const SIGNAL_PATH = '/signal';
export const SIGNAL_FRAME_MAX_BYTES = 256 * 1024;
export const SIGNAL_TOPICS_PER_CLIENT_MAX = 16;
export const SIGNAL_TOPIC_MAX_CHARS = 200;
export const SIGNAL_CLIENTS_MAX = 300;
export const SIGNAL_MESSAGES_PER_SECOND = 60;
export const SIGNAL_MESSAGES_BURST = 120;
export const SIGNAL_HEARTBEAT_MS = 30_000;

const CLOSE_INVALID = 1007;
const CLOSE_POLICY = 1008;

/**
 * @typedef {{
 *   allowedOrigins?: string[],
 *   log?: (message: string) => void,
 *   framesMaxBytes?: number, topicsPerClientMax?: number, clientsMax?: number,
 *   messagesPerSecond?: number, messagesBurst?: number, heartbeatMs?: number,
 *   onFrame?: (frame: string) => void,
 * }} SignalingOptions
 * @typedef {{ topics: Set<string>, tokens: number, refilledAt: number, alive: boolean }} ClientState
 */

/**
 * @param {import('node:http').Server} httpServer
 * @param {SignalingOptions} options
 */
export function attachSignaling(httpServer, options = {}) {
  const log = options.log ?? ((message) => console.warn(`signaling: ${message}`));
  const limits = {
    frame: options.framesMaxBytes ?? SIGNAL_FRAME_MAX_BYTES,
    topics: options.topicsPerClientMax ?? SIGNAL_TOPICS_PER_CLIENT_MAX,
    clients: options.clientsMax ?? SIGNAL_CLIENTS_MAX,
    rate: options.messagesPerSecond ?? SIGNAL_MESSAGES_PER_SECOND,
    burst: options.messagesBurst ?? SIGNAL_MESSAGES_BURST,
  };
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.frame });
  /** @type {Map<string, Set<import('ws').WebSocket>>} */
  const topics = new Map();
  /** @type {Map<import('ws').WebSocket, ClientState>} */
  const clients = new Map();
  let closedForAbuse = 0;

  httpServer.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== SIGNAL_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    if (!originAllowed(request, options.allowedOrigins)) {
      log(`refused origin ${request.headers.origin}`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    if (clients.size >= limits.clients) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws));
  });

  /** @param {import('ws').WebSocket} ws */
  function accept(ws) {
    /** @type {ClientState} */
    const state = { topics: new Set(), tokens: limits.burst, refilledAt: Date.now(), alive: true };
    clients.set(ws, state);
    ws.on('pong', () => (state.alive = true));
    ws.on('message', (data, isBinary) => {
      try {
        if (!takeToken(state)) return abuse(ws, CLOSE_POLICY, 'too many messages');
        if (isBinary) return abuse(ws, CLOSE_INVALID, 'binary frame');
        const text = data.toString();
        options.onFrame?.(text);
        handle(ws, state, text);
      } catch (error) {
        abuse(
          ws,
          CLOSE_INVALID,
          `handler failed: ${error instanceof Error ? error.message : error}`,
        );
      }
    });
    ws.on('error', (error) => log(`client error: ${error.message}`));
    ws.on('close', () => forget(ws, state));
  }

  /**
   * @param {import('ws').WebSocket} ws
   * @param {ClientState} state
   * @param {string} text
   */
  function handle(ws, state, text) {
    /** @type {unknown} */
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return abuse(ws, CLOSE_INVALID, 'malformed JSON');
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return abuse(ws, CLOSE_INVALID, 'not an object');
    }
    const m = /** @type {Record<string, unknown>} */ (message);
    switch (m.type) {
      case 'subscribe':
        if (!validTopics(m.topics)) return abuse(ws, CLOSE_INVALID, 'bad topics');
        for (const topic of m.topics) {
          if (state.topics.has(topic)) continue;
          if (state.topics.size >= limits.topics) return abuse(ws, CLOSE_POLICY, 'too many topics');
          state.topics.add(topic);
          let subscribers = topics.get(topic);
          if (!subscribers) topics.set(topic, (subscribers = new Set()));
          subscribers.add(ws);
        }
        return;
      case 'unsubscribe':
        if (!validTopics(m.topics)) return abuse(ws, CLOSE_INVALID, 'bad topics');
        for (const topic of m.topics) leave(ws, state, topic);
        return;
      case 'publish': {
        if (typeof m.topic !== 'string') return abuse(ws, CLOSE_INVALID, 'bad topic');
        const subscribers = topics.get(m.topic);
        if (!subscribers) return;
        const out = JSON.stringify({ ...m, clients: subscribers.size });
        for (const peer of subscribers) if (peer.readyState === peer.OPEN) peer.send(out);
        return;
      }
      case 'ping':
        ws.send(JSON.stringify({ type: 'pong' }));
        return;
      default:
        return abuse(ws, CLOSE_INVALID, 'unknown type');
    }
  }

  /** @param {unknown} value @returns {value is string[]} */
  function validTopics(value) {
    return (
      Array.isArray(value) &&
      value.every(
        (t) => typeof t === 'string' && t.length > 0 && t.length <= SIGNAL_TOPIC_MAX_CHARS,
      )
    );
  }

  /** @param {ClientState} state */
  function takeToken(state) {
    const now = Date.now();
    state.tokens = Math.min(
      limits.burst,
      state.tokens + ((now - state.refilledAt) / 1000) * limits.rate,
    );
    state.refilledAt = now;
    if (state.tokens < 1) return false;
    state.tokens -= 1;
    return true;
  }

  /** @param {import('ws').WebSocket} ws @param {number} code @param {string} reason */
  function abuse(ws, code, reason) {
    closedForAbuse += 1;
    log(`closing a client: ${reason}`);
    ws.close(code, reason);
    const state = clients.get(ws);
    if (state) forget(ws, state);
  }

  /** @param {import('ws').WebSocket} ws @param {ClientState} state @param {string} topic */
  function leave(ws, state, topic) {
    state.topics.delete(topic);
    const subscribers = topics.get(topic);
    subscribers?.delete(ws);
    if (subscribers?.size === 0) topics.delete(topic);
  }

  /** @param {import('ws').WebSocket} ws @param {ClientState} state */
  function forget(ws, state) {
    for (const topic of [...state.topics]) leave(ws, state, topic);
    clients.delete(ws);
  }

  const heartbeat = setInterval(() => {
    for (const [ws, state] of clients) {
      if (!state.alive) {
        ws.terminate();
        forget(ws, state);
        continue;
      }
      state.alive = false;
      ws.ping();
    }
  }, options.heartbeatMs ?? SIGNAL_HEARTBEAT_MS);
  heartbeat.unref();

  return {
    stats: () => ({ clients: clients.size, topics: topics.size, closedForAbuse }),
    /** @returns {Promise<void>} */
    close: () =>
      new Promise((done) => {
        clearInterval(heartbeat);
        for (const ws of clients.keys()) ws.terminate();
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
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

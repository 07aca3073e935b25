// @ts-check
/**
 * The signaling endpoint over plain HTTPS, for a phone whose WebSocket cannot open or keeps
 * dropping (iOS Safari is reported to refuse `wss:` to a self-signed certificate even after
 * the page's warning was accepted, while fetch and EventSource to the same origin work).
 * Messages go down an EventSource stream and up as fetch POSTs; they are the frames the
 * WebSocket carries, handled by the same hub: the same admission, caps, topics and rate.
 *
 *   POST /signal/session       admission as for the WebSocket upgrade; answers {"id": ...},
 *                              a random 128-bit id that names this client from now on
 *   GET  /signal/events/<id>   text/event-stream: one `data:` line per frame to the client;
 *                              `event: close` when the server closes it
 *   POST /signal/send/<id>     a JSON array of frames (strings), read in order, each one
 *                              counted and capped as a WebSocket frame is; answers 204
 *
 * A client is gone when its stream ends: the phone opens a new session, as a WebSocket
 * client reconnects. A session whose stream does not open within
 * HTTP_SIGNAL_STREAM_WAIT_MS is forgotten.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { SIGNAL_FRAME_MAX_BYTES, SIGNAL_PATH } from './signaling.js';

export const HTTP_SIGNAL_PREFIX = `${SIGNAL_PATH}/`;
/** Frames one POST may carry, and its largest body: a few full frames. */
export const HTTP_SIGNAL_FRAMES_PER_POST_MAX = 64;
export const HTTP_SIGNAL_BODY_MAX_BYTES = 4 * SIGNAL_FRAME_MAX_BYTES;
/** How long a new session waits for its stream. */
export const HTTP_SIGNAL_STREAM_WAIT_MS = 10_000;
/** Sessions waiting for their stream at once: they hold no socket, but they hold memory. */
export const HTTP_SIGNAL_PENDING_MAX = 100;

const OPEN = 1;
const CLOSED = 3;

/**
 * One phone on this transport, shaped as the hub's SignalingClient (the part of ws's
 * WebSocket it uses).
 */
class HttpClient extends EventEmitter {
  OPEN = OPEN;
  readyState = 0;
  /** @type {import('node:http').ServerResponse | null} */
  stream = null;

  get bufferedAmount() {
    return this.stream?.writableLength ?? 0;
  }

  /** @param {Buffer | string} data */
  send(data) {
    if (this.readyState !== OPEN || !this.stream) return;
    const text = typeof data === 'string' ? data : data.toString('utf8');
    // A frame is JSON, which has no raw line breaks: one `data:` line holds it.
    this.stream.write(`data: ${text}\n\n`);
  }

  /** @param {number} code @param {string} reason */
  close(code, reason) {
    if (this.readyState === CLOSED) return;
    this.stream?.end(`event: close\ndata: ${JSON.stringify({ code, reason })}\n\n`);
    this.finish();
  }

  terminate() {
    this.stream?.destroy();
    this.finish();
  }

  /** A comment line keeps proxies and the phone's stream awake; a stream gone answers nothing. */
  ping() {
    const stream = this.stream;
    if (!stream || stream.destroyed || !stream.writable) return;
    stream.write(':\n\n', (error) => {
      if (!error) this.emit('pong');
    });
  }

  finish() {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.emit('close');
  }
}

/**
 * Adds the HTTP transport to a signaling hub. Returns a request handler that answers the
 * requests under /signal/ and returns true, or returns false for any other request.
 * @param {import('./signaling.js').Signaling} signaling
 * @param {{ frameMaxBytes?: number }} [options] the hub's frame limit, if not the default
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean}
 */
export function createHttpSignaling(signaling, options = {}) {
  const frameMax = options.frameMaxBytes ?? SIGNAL_FRAME_MAX_BYTES;
  const bodyMax = Math.max(HTTP_SIGNAL_BODY_MAX_BYTES, 4 * frameMax);
  /** @type {Map<string, HttpClient>} clients by id, from their session until their stream ends */
  const sessions = new Map();
  let pending = 0;
  /** The admitted request of each session: the hub counts clients per address from it. */
  const sessionRequests = new WeakMap();

  return (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!pathname.startsWith(HTTP_SIGNAL_PREFIX)) return false;
    const [route = '', id = ''] = pathname.slice(HTTP_SIGNAL_PREFIX.length).split('/');
    if (route === 'session' && req.method === 'POST') openSession(req, res);
    else if (route === 'events' && req.method === 'GET') openStream(req, res, id);
    else if (route === 'send' && req.method === 'POST') receive(req, res, id);
    else answer(res, 404, 'Not Found');
    return true;
  };

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function openSession(req, res) {
    // The body is not read; a session request carries nothing else.
    req.resume();
    // The token a WebSocket offers as a subprotocol comes in this header (fetch may not set
    // Sec-WebSocket-Protocol): the same admission and caps, in the same order.
    req.headers['sec-websocket-protocol'] = String(req.headers['x-signal-protocol'] ?? '');
    const refusal = signaling.placeFor(req);
    if (refusal) return answer(res, refusal.status, refusal.text);
    if (pending >= HTTP_SIGNAL_PENDING_MAX) return answer(res, 503, 'Service Unavailable');
    const id = randomBytes(16).toString('base64url');
    const client = new HttpClient();
    sessionRequests.set(client, req);
    sessions.set(id, client);
    pending += 1;
    const expiry = setTimeout(() => {
      if (client.stream) return;
      pending -= 1;
      sessions.delete(id);
    }, HTTP_SIGNAL_STREAM_WAIT_MS);
    expiry.unref();
    client.once('open', () => {
      clearTimeout(expiry);
      pending -= 1;
    });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ id }));
  }

  /**
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   * @param {string} id
   */
  function openStream(req, res, id) {
    const client = sessions.get(id);
    if (!client || client.stream) return answer(res, 404, 'Not Found');
    // The session id, given only after admission, is the stream's ticket.
    client.stream = res;
    client.readyState = OPEN;
    client.emit('open');
    req.socket.setTimeout(0);
    req.socket.setNoDelay(true);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    // The phone's EventSource must not retry on its own: a new session is the reconnect.
    res.write('retry: 86400000\n\n');
    const gone = () => {
      sessions.delete(id);
      client.finish();
    };
    res.on('close', gone);
    res.on('error', gone);
    signaling.accept(/** @type {never} */ (client), sessionRequests.get(client) ?? req);
  }

  /**
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   * @param {string} id
   */
  function receive(req, res, id) {
    const client = sessions.get(id);
    if (!client || client.readyState !== OPEN) {
      req.resume();
      return answer(res, 404, 'Not Found');
    }
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > bodyMax) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => {});
    req.on('end', () => {
      if (tooLarge) {
        // As ws does with a frame past maxPayload: the client is closed.
        client.emit('error', new Error('request body too large'));
        client.close(1009, 'message too big');
        return answer(res, 413, 'Payload Too Large');
      }
      /** @type {unknown} */
      let frames;
      try {
        frames = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        frames = null;
      }
      if (
        !Array.isArray(frames) ||
        frames.length > HTTP_SIGNAL_FRAMES_PER_POST_MAX ||
        !frames.every((frame) => typeof frame === 'string')
      ) {
        client.emit('error', new Error('malformed request body'));
        client.close(1007, 'malformed request');
        return answer(res, 400, 'Bad Request');
      }
      for (const frame of frames) {
        if (client.readyState !== OPEN) break;
        const data = Buffer.from(frame, 'utf8');
        if (data.length > frameMax) {
          client.emit('error', new Error('frame too large'));
          client.close(1009, 'message too big');
          break;
        }
        client.emit('message', data, false);
      }
      answer(res, client.readyState === OPEN ? 204 : 410, '');
    });
  }
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} text */
function answer(res, status, text) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

// @ts-check
/**
 * Joining by the room's short code (src/sync/joinCode.ts has the cryptography). The
 * server only forwards: a phone's ask, on a topic both pages derive from the code and
 * this run's nonce, goes to the console listening on that topic, and the console's
 * sealed answer goes back. The server never sees the code, the room, the key or the
 * admission secret; it keeps no ask after it is answered or expired, and logs none.
 *
 *   GET  /join-code/nonce            {"nonce": ...}: this run's salt for the code's stretching
 *   POST /join-code/ask              {"topic", "key"} (the phone's ECDH public key); held until
 *                                    the console answers: 200 {"sealed"}; 404 when nobody listens
 *                                    on the topic (a wrong code); 429 past the tries allowed;
 *                                    504 when the console did not answer in time
 *   GET  /join-code/listen/<topic>   text/event-stream of asks ("event: ask", {"id", "key"});
 *                                    from this laptop only (the console)
 *   POST /join-code/answer           {"id", "sealed"}: from this laptop only
 *   POST /join-code/retire           {"topic"}: from this laptop only. The trainer replaced the
 *                                    code (a photographed wall): its listeners are closed, its
 *                                    waiting asks told 404, and nobody may listen on it again
 *                                    for this run (410), so the old code joins nothing
 *
 * The ask needs no admission secret (the phone does not have it yet). What bounds a
 * guesser is the code's 21^8 (about 3.8 * 10^10) values against JOIN_TRIES_BURST tries
 * per address and JOIN_TRY_REFILL_MS between further ones, and JOIN_FAILURES_PER_MINUTE_MAX
 * wrong codes per minute from all addresses together.
 */
import { randomBytes } from 'node:crypto';
import { fromLoopback } from './admission.js';
import { SECURITY_HEADERS } from './static.js';

export const JOIN_CODE_PREFIX = '/join-code/';
/** Tries an address has at once, and how often it gets one more. */
export const JOIN_TRIES_BURST = 10;
export const JOIN_TRY_REFILL_MS = 6_000;
/** Wrong codes per minute from everyone together: past it every ask waits (a guesser spread over many addresses). */
export const JOIN_FAILURES_PER_MINUTE_MAX = 300;
/** How long an ask waits for the console's answer. */
export const JOIN_ASK_WAIT_MS = 15_000;
/** Asks waiting at once, in all and per topic. */
export const JOIN_PENDING_MAX = 64;
export const JOIN_PENDING_PER_TOPIC_MAX = 8;
/** Consoles listening at once (tabs of this laptop). */
export const JOIN_LISTENERS_MAX = 8;
/** Largest bodies: an ask is two short tokens, an answer a sealed link. */
export const JOIN_ASK_BODY_MAX_BYTES = 512;
export const JOIN_ANSWER_BODY_MAX_BYTES = 4096;
/** Retired topics remembered for the run (a code replaced many times keeps the newest). */
export const JOIN_RETIRED_MAX = 256;
/** Addresses whose tries are counted at once; past it the fullest buckets are dropped. */
export const JOIN_ADDRESSES_TRACKED_MAX = 10_000;
const HEARTBEAT_MS = 20_000;

const TOPIC = /^[A-Za-z0-9_-]{22}$/;
/** A raw P-256 point in base64url. */
const PUBLIC_KEY = /^[A-Za-z0-9_-]{87}$/;
const SEALED = /^[A-Za-z0-9_-]{100,3000}$/;
const ASK_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * @typedef {{
 *   now?: () => number,
 *   triesBurst?: number,
 *   tryRefillMs?: number,
 *   failuresPerMinute?: number,
 *   askWaitMs?: number,
 *   mayListen?: (request: import('node:http').IncomingMessage) => boolean,
 *   triesOf?: (request: import('node:http').IncomingMessage) => string,
 * }} JoinCodeOptions
 *   mayListen: who may listen and answer (by default this laptop only, over loopback).
 *   triesOf: whose tries an ask spends (by default its network address). Only code can set
 *   it (server/main.js never does): the browser tests give each browser context its own
 *   count, as each phone on a Wi-Fi has its own address, while tests/server keep the real one.
 * @typedef {{
 *   asks: number, forwarded: number, answered: number, wrongCode: number,
 *   refusedTries: number, expired: number, retired: number, pending: number, listeners: number,
 * }} JoinCodeStats
 * @typedef {{ topic: string, timer: NodeJS.Timeout,
 *   res: import('node:http').ServerResponse }} PendingAsk
 */

/** @param {JoinCodeOptions} [options] */
export function createJoinCodeRelay(options = {}) {
  const now = options.now ?? Date.now;
  const burst = options.triesBurst ?? JOIN_TRIES_BURST;
  const refillMs = options.tryRefillMs ?? JOIN_TRY_REFILL_MS;
  const failuresMax = options.failuresPerMinute ?? JOIN_FAILURES_PER_MINUTE_MAX;
  const askWaitMs = options.askWaitMs ?? JOIN_ASK_WAIT_MS;
  const mayListen = options.mayListen ?? fromLoopback;
  const triesOf = options.triesOf ?? ((req) => req.socket.remoteAddress ?? 'unknown');
  const nonce = randomBytes(16).toString('base64url');
  /** @type {Map<string, { tokens: number, at: number }>} */
  const tries = new Map();
  let failures = { tokens: failuresMax, at: now() };
  /** @type {Map<string, Set<import('node:http').ServerResponse>>} */
  const listeners = new Map();
  let listenerCount = 0;
  /** @type {Map<string, PendingAsk>} */
  const pending = new Map();
  /** Topics of codes the trainer replaced this run. @type {Set<string>} */
  const retired = new Set();
  const stats = {
    asks: 0,
    forwarded: 0,
    answered: 0,
    wrongCode: 0,
    refusedTries: 0,
    expired: 0,
    retired: 0,
  };
  const heartbeat = setInterval(() => {
    for (const set of listeners.values()) for (const res of set) res.write(':\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  /** One try for this address; false when it has none left. @param {string} address */
  function takeTry(address) {
    const t = now();
    let bucket = tries.get(address);
    if (!bucket) {
      if (tries.size >= JOIN_ADDRESSES_TRACKED_MAX) forgetFullBuckets(t);
      bucket = { tokens: burst, at: t };
      tries.set(address, bucket);
    }
    bucket.tokens = Math.min(burst, bucket.tokens + (t - bucket.at) / refillMs);
    bucket.at = t;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** @param {number} t */
  function forgetFullBuckets(t) {
    for (const [address, bucket] of tries) {
      if (bucket.tokens + (t - bucket.at) / refillMs >= burst) tries.delete(address);
    }
    // Still full of addresses that all tried recently: the oldest go (a flood of spoofed addresses).
    for (const address of tries.keys()) {
      if (tries.size < JOIN_ADDRESSES_TRACKED_MAX) break;
      tries.delete(address);
    }
  }

  function failuresLeft() {
    const t = now();
    failures = {
      tokens: Math.min(failuresMax, failures.tokens + ((t - failures.at) / 60_000) * failuresMax),
      at: t,
    };
    return failures.tokens >= 1;
  }

  /**
   * Answers the requests under /join-code/ and returns true; false for any other request.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  function handle(req, res) {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!pathname.startsWith(JOIN_CODE_PREFIX)) return false;
    const [route = '', topic = '', extra] = pathname.slice(JOIN_CODE_PREFIX.length).split('/');
    if (!sameOrigin(req)) {
      req.resume();
      answer(res, 403, null);
    } else if (route === 'nonce' && req.method === 'GET' && topic === '') {
      answer(res, 200, { nonce });
    } else if (route === 'ask' && req.method === 'POST' && topic === '') {
      ask(req, res);
    } else if (route === 'listen' && req.method === 'GET' && extra === undefined) {
      listen(req, res, topic);
    } else if (route === 'answer' && req.method === 'POST' && topic === '') {
      receiveAnswer(req, res);
    } else if (route === 'retire' && req.method === 'POST' && topic === '') {
      retire(req, res);
    } else {
      req.resume();
      answer(res, 404, null);
    }
    return true;
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function ask(req, res) {
    stats.asks += 1;
    const address = triesOf(req);
    if (!takeTry(address) || !failuresLeft()) {
      stats.refusedTries += 1;
      req.resume();
      res.setHeader('Retry-After', String(Math.ceil(refillMs / 1000)));
      answer(res, 429, null);
      return;
    }
    readJson(req, res, JOIN_ASK_BODY_MAX_BYTES, (body) => {
      const topic = typeof body.topic === 'string' && TOPIC.test(body.topic) ? body.topic : null;
      const key = typeof body.key === 'string' && PUBLIC_KEY.test(body.key) ? body.key : null;
      if (!topic || !key) return answer(res, 400, null);
      const consoles = listeners.get(topic);
      if (!consoles) {
        stats.wrongCode += 1;
        failures.tokens -= 1;
        return answer(res, 404, null);
      }
      const waiting = [...pending.values()].filter((p) => p.topic === topic).length;
      if (pending.size >= JOIN_PENDING_MAX || waiting >= JOIN_PENDING_PER_TOPIC_MAX) {
        return answer(res, 503, null);
      }
      const id = randomBytes(16).toString('base64url');
      const timer = setTimeout(() => {
        if (!pending.delete(id)) return;
        stats.expired += 1;
        answer(res, 504, null);
      }, askWaitMs);
      timer.unref();
      pending.set(id, { topic, timer, res });
      // A phone that gives up frees its place at once.
      res.on('close', () => {
        if (pending.get(id)?.res === res) {
          clearTimeout(timer);
          pending.delete(id);
        }
      });
      stats.forwarded += 1;
      const event = `event: ask\ndata: ${JSON.stringify({ id, key })}\n\n`;
      for (const listener of consoles) listener.write(event);
    });
  }

  /**
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   * @param {string} topic
   */
  function listen(req, res, topic) {
    req.resume();
    if (!mayListen(req)) return answer(res, 403, null);
    if (!TOPIC.test(topic)) return answer(res, 400, null);
    if (retired.has(topic)) return answer(res, 410, null);
    if (listenerCount >= JOIN_LISTENERS_MAX) return answer(res, 503, null);
    const set = listeners.get(topic) ?? new Set();
    listeners.set(topic, set);
    set.add(res);
    listenerCount += 1;
    req.socket.setTimeout(0);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.write('retry: 3000\n\n');
    res.on('close', () => {
      if (!set.delete(res)) return;
      listenerCount -= 1;
      if (set.size === 0) listeners.delete(topic);
    });
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function receiveAnswer(req, res) {
    if (!mayListen(req)) {
      req.resume();
      return answer(res, 403, null);
    }
    readJson(req, res, JOIN_ANSWER_BODY_MAX_BYTES, (body) => {
      const id = typeof body.id === 'string' && ASK_ID.test(body.id) ? body.id : null;
      const sealed =
        typeof body.sealed === 'string' && SEALED.test(body.sealed) ? body.sealed : null;
      if (!id || !sealed) return answer(res, 400, null);
      const waiting = pending.get(id);
      if (!waiting) return answer(res, 404, null);
      pending.delete(id);
      clearTimeout(waiting.timer);
      stats.answered += 1;
      answer(waiting.res, 200, { sealed });
      answer(res, 204, null);
    });
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function retire(req, res) {
    if (!mayListen(req)) {
      req.resume();
      return answer(res, 403, null);
    }
    readJson(req, res, JOIN_ASK_BODY_MAX_BYTES, (body) => {
      const topic = typeof body.topic === 'string' && TOPIC.test(body.topic) ? body.topic : null;
      if (!topic) return answer(res, 400, null);
      if (retired.size >= JOIN_RETIRED_MAX) {
        const oldest = retired.values().next().value;
        if (oldest !== undefined) retired.delete(oldest);
      }
      retired.add(topic);
      stats.retired += 1;
      for (const listener of listeners.get(topic) ?? []) listener.end();
      for (const [id, waiting] of pending) {
        if (waiting.topic !== topic) continue;
        pending.delete(id);
        clearTimeout(waiting.timer);
        answer(waiting.res, 404, null);
      }
      answer(res, 204, null);
    });
  }

  return {
    handle,
    nonce,
    /** @returns {JoinCodeStats} */
    stats: () => ({ ...stats, pending: pending.size, listeners: listenerCount }),
    close() {
      clearInterval(heartbeat);
      for (const waiting of pending.values()) {
        clearTimeout(waiting.timer);
        answer(waiting.res, 503, null);
      }
      pending.clear();
      for (const set of listeners.values()) for (const res of set) res.end();
      listeners.clear();
      listenerCount = 0;
    },
  };
}

/**
 * A page of another site may not spend this address's tries: a request that names an
 * Origin must name this Host. (An ask is JSON, so a cross-site fetch needs a preflight,
 * which nothing here answers.)
 * @param {import('node:http').IncomingMessage} req
 */
function sameOrigin(req) {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Reads a JSON object body of at most `max` bytes; answers 413 or 400 itself.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {number} max @param {(body: Record<string, unknown>) => void} then
 */
function readJson(req, res, max, then) {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    req.resume();
    return answer(res, 415, null);
  }
  if (Number(req.headers['content-length'] ?? 0) > max) {
    req.resume();
    return answer(res, 413, null);
  }
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (/** @type {Buffer} */ chunk) => {
    size += chunk.length;
    if (size > max) tooLarge = true;
    else chunks.push(chunk);
  });
  req.on('error', () => {});
  req.on('end', () => {
    if (tooLarge) return answer(res, 413, null);
    /** @type {unknown} */
    let body = null;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      // answered below
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return answer(res, 400, null);
    }
    then(/** @type {Record<string, unknown>} */ (body));
  });
}

/**
 * @param {import('node:http').ServerResponse} res @param {number} status
 * @param {Record<string, unknown> | null} body
 */
function answer(res, status, body) {
  if (res.headersSent || res.destroyed) return;
  const headers = { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' };
  if (body === null) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * The short code's exchange over the workshop server (server/joinCode.js): the
 * phone asks with the code it was given, the console on the laptop answers with
 * the room's join link, sealed (./joinCode.ts). The link is never a URL the phone
 * navigates to, so its History holds no key.
 */
import { joinLinkPath, parseRoute } from '../../lib/route';
import { fetchWorkshopInfo } from '../admission';
import { facilitatorBoxFor } from '../privateLayer/facilitatorKeys';
import { joinGenerationOf, subscribeJoinGeneration } from './joinGeneration';
import {
  deriveJoinSecrets,
  joinCodeFor,
  sealJoinAnswer,
  startJoinAsk,
  type JoinCodeSecrets,
} from './joinCode';

const BASE = 'join-code/';
/** After a dropped listening stream, the console listens again after this long. */
const LISTEN_AGAIN_MS = 1_000;

/** What the phone's ask came to. */
export type JoinByCodeResult =
  | { ok: true; room: string; key: string; admission?: string; facilitator?: string }
  | {
      ok: false;
      /**
       * wrong-code: nobody listens on that code; too-many-tries: this address must wait;
       * no-answer: the console did not answer (closed, or the room ended);
       * unreadable: an answer came that does not open with this code;
       * unreachable: the laptop's server did not answer at all.
       */
      problem: 'wrong-code' | 'too-many-tries' | 'no-answer' | 'unreadable' | 'unreachable';
    };

async function nonce(): Promise<string | null> {
  const response = await fetch(`${BASE}nonce`, { cache: 'no-store' });
  if (!response.ok) return null;
  const value = (await response.json()) as { nonce?: unknown };
  return typeof value.nonce === 'string' ? value.nonce : null;
}

/** The phone's side: the code (as read by readJoinCode) for the room's link. */
export async function askForLink(code: string): Promise<JoinByCodeResult> {
  let response: Response;
  let secrets: JoinCodeSecrets;
  let ask: Awaited<ReturnType<typeof startJoinAsk>>;
  try {
    const runNonce = await nonce();
    if (!runNonce) return { ok: false, problem: 'unreachable' };
    secrets = await deriveJoinSecrets(code, runNonce);
    ask = await startJoinAsk(secrets);
    response = await fetch(`${BASE}ask`, {
      method: 'POST',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ topic: secrets.topic, key: ask.publicKey }),
    });
  } catch {
    return { ok: false, problem: 'unreachable' };
  }
  if (response.status === 404) return { ok: false, problem: 'wrong-code' };
  if (response.status === 429) return { ok: false, problem: 'too-many-tries' };
  if (!response.ok) return { ok: false, problem: 'no-answer' };
  const body = (await response.json().catch(() => null)) as { sealed?: unknown } | null;
  const link = typeof body?.sealed === 'string' ? await ask.open(body.sealed) : null;
  const route = link ? parseRoute(link) : null;
  if (route?.screen !== 'join' || !route.key) return { ok: false, problem: 'unreadable' };
  return {
    ok: true,
    room: route.room,
    key: route.key,
    ...(route.admission ? { admission: route.admission } : {}),
    ...(route.facilitator ? { facilitator: route.facilitator } : {}),
  };
}

/**
 * The console's side, while its room is open: answers every ask on the room's code
 * with `link` (the join link's fragment, read when an ask comes). Listens again
 * after a drop, with the server's nonce of the moment (a restarted server has a new
 * one). Returns the way to stop.
 */
export function listenForJoinAsks(code: string, link: () => string | null): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  let stopped = false;
  let source: EventSource | null = null;
  let again: ReturnType<typeof setTimeout> | undefined;
  const listen = async () => {
    let secrets: JoinCodeSecrets;
    try {
      const runNonce = await nonce();
      if (!runNonce) throw new Error('no nonce');
      secrets = await deriveJoinSecrets(code, runNonce);
    } catch {
      if (!stopped) again = setTimeout(() => void listen(), LISTEN_AGAIN_MS);
      return;
    }
    if (stopped) return;
    const events = new EventSource(`${BASE}listen/${secrets.topic}`);
    source = events;
    events.addEventListener('ask', (event) => {
      void answerAsk(secrets, (event as MessageEvent<string>).data, link());
    });
    events.onerror = () => {
      // The server went (restarted with a new nonce, or the laptop slept): listen anew.
      events.close();
      if (!stopped) again = setTimeout(() => void listen(), LISTEN_AGAIN_MS);
    };
  };
  void listen();
  return () => {
    stopped = true;
    clearTimeout(again);
    source?.close();
  };
}

async function answerAsk(secrets: JoinCodeSecrets, data: string, link: string | null) {
  if (!link) return;
  try {
    const ask = JSON.parse(data) as { id?: unknown; key?: unknown };
    if (typeof ask.id !== 'string' || typeof ask.key !== 'string') return;
    const sealed = await sealJoinAnswer(secrets, ask.key, link);
    await fetch(`${BASE}answer`, {
      method: 'POST',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: ask.id, sealed }),
    });
  } catch {
    // a malformed ask, or the server went: the phone's ask expires and it is told so
  }
}

/**
 * Tells the server a code was replaced: whoever still listens on it is closed, and
 * nobody may listen on it again this run (server/joinCode.js), so it joins nothing.
 */
export async function retireJoinCode(code: string): Promise<boolean> {
  try {
    const runNonce = await nonce();
    if (!runNonce) return false;
    const { topic } = await deriveJoinSecrets(code, runNonce);
    const response = await fetch(`${BASE}retire`, {
      method: 'POST',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ topic }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The console's room answers its code while it is open, on the laptop whose server
 * tells it the admission secret (the link a phone gets must carry it). It follows the
 * code's generation (joinGeneration.ts): after "New join code" it answers the new code
 * and retires the old one. Returns the way to stop.
 */
export function answerJoinCodes(room: string, key: string): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  let answering = -1;
  // The link carries what the console's own link carries: the console's public keys too.
  const sealTo = facilitatorBoxFor(room).then(
    (box) => box.linkKeys,
    () => null,
  );
  const info = fetchWorkshopInfo();
  const follow = () => {
    const generation = joinGenerationOf(key);
    if (stopped || generation <= answering) return;
    const previous = answering;
    answering = generation;
    void Promise.all([joinCodeFor(key, generation), info, sealTo]).then(
      ([code, found, facilitator]) => {
        const admission = found?.admission;
        if (stopped || answering !== generation || !admission) return;
        stop?.();
        if (previous >= 0) void joinCodeFor(key, previous).then(retireJoinCode);
        stop = listenForJoinAsks(code, () => joinLinkPath(room, key, admission, facilitator));
      },
      () => {
        // no WebCrypto or no server here: phones join by the link
      },
    );
  };
  follow();
  const unsubscribe = subscribeJoinGeneration(follow);
  return () => {
    stopped = true;
    unsubscribe();
    stop?.();
  };
}

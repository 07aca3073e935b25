/**
 * Admission to the workshop server's signaling endpoint. The server makes a
 * secret per run; only pages holding it get a WebSocket (so nobody without the
 * join link can take the server's places). The console, on the laptop itself,
 * reads it from /workshop.json, which answers loopback only; phones and a remote
 * projector have it from their link. It is presented as a WebSocket subprotocol,
 * never in a URL.
 */
import { recall } from './phoneMemory';

/** Must match server/admission.js. */
export const SIGNAL_PROTOCOL = 'swk.v1';
export const ADMISSION_PROTOCOL_PREFIX = 'swk.admit.';

/** What /workshop.json tells the console on this laptop. */
export type WorkshopInfo = {
  /** The addresses the server listens on that phones can reach, as `https://<ip>:<port>/`. */
  lanUrls: string[];
  /** The server listens on this laptop only (`--host 127.0.0.1`, `--http`): no phone can join. */
  loopbackOnly: boolean;
  admission: string | null;
  fingerprint: string | null;
};

let workshopInfo: Promise<WorkshopInfo | null> | null = null;

/** /workshop.json, asked once per page; null off the laptop (the server refuses) or without our server. */
export function fetchWorkshopInfo(): Promise<WorkshopInfo | null> {
  workshopInfo ??= fetch('workshop.json', { cache: 'no-store' })
    .then((response) => (response.ok ? (response.json() as Promise<unknown>) : null))
    .then(readWorkshopInfo)
    .catch(() => null);
  return workshopInfo;
}

/** The next fetchWorkshopInfo asks the server again (a test's new server). */
export function forgetWorkshopInfo(): void {
  workshopInfo = null;
}

/** A join address as the server writes it: an IPv4 address and a port, nothing after them. */
const SERVED_URL = /^https:\/\/\d{1,3}(\.\d{1,3}){3}:\d{1,5}\/$/;

function readWorkshopInfo(value: unknown): WorkshopInfo | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const token = (x: unknown) =>
    typeof x === 'string' && /^[A-Za-z0-9_-]{16,128}$/.test(x) ? x : null;
  return {
    lanUrls: Array.isArray(v.lanUrls)
      ? v.lanUrls.filter((u): u is string => typeof u === 'string' && SERVED_URL.test(u))
      : [],
    loopbackOnly: v.loopbackOnly === true,
    admission: token(v.admission),
    fingerprint:
      typeof v.fingerprint === 'string' && /^[0-9A-F:]{95}$/.test(v.fingerprint)
        ? v.fingerprint
        : null,
  };
}

/** This page's admission for a room: from its link (remembered for the visit), else the laptop's server. */
export async function admissionFor(room: string): Promise<string | null> {
  return recall(room)?.admission ?? (await fetchWorkshopInfo())?.admission ?? null;
}

const offered = new Map<string, string[]>();
let installed = false;

/**
 * y-webrtc (through lib0) opens its signaling WebSocket with no subprotocols; this
 * makes every WebSocket to `url` offer the admission token, reconnections included.
 */
export function presentAdmission(url: string, secret: string): void {
  offered.set(url, [SIGNAL_PROTOCOL, `${ADMISSION_PROTOCOL_PREFIX}${secret}`]);
  if (installed || typeof WebSocket === 'undefined') return;
  installed = true;
  const Native = WebSocket;
  class AdmittedWebSocket extends Native {
    constructor(target: string | URL, protocols?: string | string[]) {
      super(target, protocols ?? offered.get(String(target)));
    }
  }
  globalThis.WebSocket = AdmittedWebSocket;
}

/**
 * The sync baseline: a bare y-webrtc room and one Y.Map.set per card, with no
 * schema, no stores, no React. The floor for our stack: the same signaling
 * server, the same password (encrypted signaling), no STUN, no trickle; y-webrtc's own
 * topology (its default maxConns, 20 links plus up to 14: a full mesh at 30 pages), where
 * ours stops opening phone-to-phone links past a few phones (src/sync/meshTopology.ts).
 * Address: sync.html#<room>/<key>/<admission secret>.
 */
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';

const [room = '', key = '', admission = ''] = location.hash.slice(1).split('/');
const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/signal`;

// The workshop server admits only pages that present this run's secret as a subprotocol.
const Native = WebSocket;
globalThis.WebSocket = class extends Native {
  constructor(target: string | URL, protocols?: string | string[]) {
    super(target, protocols ?? ['swk.v1', `swk.admit.${admission}`]);
  }
};

const doc = new Y.Doc();
const cards = doc.getMap<{ text: string; severity: string; month: string | null }>('cards');
const provider = new WebrtcProvider(room, doc, {
  signaling: [url],
  password: key,
  // As the app's (roomConnection.ts): candidates in the offer and answer, no trickle.
  peerOpts: { config: { iceServers: [] }, trickle: false, iceCompleteTimeout: 1_000 },
});

const seen: Record<string, number> = {};
const count = document.createElement('p');
document.getElementById('root')?.append(count);
cards.observe((event) => {
  const now = Date.now();
  for (const id of event.keysChanged) seen[id] ??= now;
  count.textContent = String(cards.size);
});

declare global {
  interface Window {
    __bench: {
      seen: Record<string, number>;
      write(id: string, text: string): number;
      linked(): boolean;
      peers(): number;
    };
  }
}

window.__bench = {
  seen,
  /** Writes a card; returns when it was written (Date.now(), as `seen` is). */
  write(id, text) {
    const at = Date.now();
    cards.set(id, { text, severity: 'red', month: null });
    return at;
  },
  linked: () => provider.signalingConns.some((conn) => conn.connected),
  peers: () => [...(provider.room?.webrtcConns.values() ?? [])].filter((c) => c.connected).length,
};

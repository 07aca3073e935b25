/**
 * One live connection to a workshop room per page: the shared document, its
 * WebRTC provider (peer to peer, encrypted with the room key), the relay
 * fallback through the workshop server, presence, and on the console the
 * IndexedDB copy that survives a reload. Kept outside React: y-webrtc allows
 * one provider per room, and StrictMode would otherwise make two.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketClient } from 'lib0/websocket';
import { Awareness } from 'y-protocols/awareness';
import type { Room as WebrtcRoom, WebrtcConn, WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { admissionFor, presentAdmission } from './admission';
import {
  AWAY_GAP_MS,
  BACK_NOTICE_MS,
  CATCH_UP_DIRECT_WAIT_MS,
  ICE_GATHERING_MAX_MS,
  DIRECT_CONNECTION_TIMEOUT_MS,
  PEER_START_TIMEOUT_MS,
  WRONG_KEY_AFTER_MS,
} from './limits';
import { RELAY_ORIGIN, RelayChannel, refuseReplayedSignals, type SignalingLink } from './relay';
import { deriveRoomSecrets } from './roomCrypto';
import { isKept } from './phoneMemory';
import { installRoomSocket, signalingTransport, signalingTrouble } from './roomSocket';
import { diagnose, type ConnectionTrouble } from './connectionTrouble';
import { initialiseRoom } from './roomLifecycle';
import { markOnce } from './joinMarks';
import { roomMetaStore } from './roomMetaStore';
import { establishConsoleTrust } from './consoleTrust';
import { followJoinCode } from './join/followJoinCode';
import { loadNetworkCode } from './networkCode';
import { directLinksRule, phonesIn } from './meshTopology';

export type RoomRole = 'console' | 'projector' | 'phone';
/** relay-http: relayed, and the link to the laptop is EventSource and fetch, not a WebSocket. */
export type ConnectionPath = 'direct' | 'relay' | 'relay-http' | 'pending';
export type RoomStatus = 'connecting' | 'connected' | 'reconnecting' | 'wrong-key' | 'closed';

/** What each page tells the others about itself: never a name unless the person gives one. */
export type Presence = { role: RoomRole; nickname: string | null; path: ConnectionPath };

export type RoomSnapshot = {
  status: RoomStatus;
  path: ConnectionPath;
  peers: Map<number, Presence>;
  /** Messages from the room that opened with its key but were malformed or too large. */
  refusedMessages: number;
  /** On a phone out of the room for a few seconds: the likely cause, for its explanation. */
  trouble: ConnectionTrouble | null;
  /** A phone back in the room after losing it or sleeping: for a few seconds, to say so. */
  back: boolean;
  /** How much of this page's own changes the console holds (compare with localClock()). */
  confirmedClock: number;
};

/** Whether two snapshots say the same: the relay notifies at every message, screens redraw only on news. */
function sameSnapshot(a: RoomSnapshot, b: RoomSnapshot): boolean {
  if (
    a.status !== b.status ||
    a.path !== b.path ||
    a.refusedMessages !== b.refusedMessages ||
    a.trouble !== b.trouble ||
    a.back !== b.back ||
    a.confirmedClock !== b.confirmedClock
  )
    return false;
  if (a.peers.size !== b.peers.size) return false;
  for (const [id, presence] of a.peers) {
    const other = b.peers.get(id);
    if (
      !other ||
      other.role !== presence.role ||
      other.nickname !== presence.nickname ||
      other.path !== presence.path
    )
      return false;
  }
  return true;
}

export type RoomConnection = {
  room: string;
  /** The room key: only the console shows it (in the join link); it never leaves the room's pages. */
  key: string;
  doc: Y.Doc;
  awareness: Awareness;
  role: RoomRole;
  persistence: IndexeddbPersistence | null;
  /** A phone's copy on the device, only when its user asks for it. */
  persistOnDevice(on: boolean): Promise<void>;
  /** Resolves once the console's stored copy is loaded (at once elsewhere). */
  ready: Promise<void>;
  subscribe(listener: () => void): () => void;
  snapshot(): RoomSnapshot;
  setNickname(nickname: string | null): void;
  /** The clock of this page's latest own change: a change is with the console once confirmedClock reaches it. */
  localClock(): number;
  announceClosed(): Promise<void>;
  destroy(): void;
};

const connections = new Map<string, RoomConnection>();

/**
 * y-webrtc decrypts signaling messages without catching failures, so a peer with
 * a wrong key makes WebCrypto reject ("OperationError") as an unhandled promise.
 * That is expected in a room with an intruder: the message is dropped either way.
 */
if (typeof window !== 'undefined') {
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    if (reason instanceof DOMException && reason.name === 'OperationError') event.preventDefault();
    // y-webrtc 10.3 reads `glareToken` of a connection that is already gone when a late
    // answer arrives; the answer is for nobody and can be dropped.
    if (reason instanceof TypeError && reason.message.includes("'glareToken'"))
      event.preventDefault();
  });
}

export function signalingUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/signal`;
}

export function persistenceName(room: string): string {
  return `swk-room-${room}`;
}

export function openRoomConnection(room: string, key: string, role: RoomRole): RoomConnection {
  const existing = connections.get(room);
  if (existing) return existing;
  const connection = createConnection(room, key, role);
  connections.set(room, connection);
  return connection;
}

export function closeRoomConnection(room: string): void {
  connections.get(room)?.destroy();
  connections.delete(room);
}

/** As simple-peer looks for it (get-browser-rtc): any of the three names will do. */
function hasWebRtc(): boolean {
  const names = ['RTCPeerConnection', 'webkitRTCPeerConnection', 'mozRTCPeerConnection'];
  return names.some((name) => typeof (globalThis as Record<string, unknown>)[name] === 'function');
}

function createConnection(room: string, key: string, role: RoomRole): RoomConnection {
  markOnce('connection');
  const doc = new Y.Doc();
  // Before any store reads it: who signs, and who checks, what only the console may set.
  establishConsoleTrust(doc, room, role);
  followJoinCode(doc, key);
  const awareness = new Awareness(doc);
  const listeners = new Set<() => void>();
  let destroyed = false;
  const notify = () => {
    const next = computeSnapshot();
    if (sameSnapshot(snapshot, next)) return;
    snapshot = next;
    listeners.forEach((listener) => listener());
    // A projector has nothing to keep of an erased room: it lets go of the connection.
    if (role === 'projector' && snapshot.status === 'closed' && !destroyed) {
      queueMicrotask(() => closeRoomConnection(room));
    }
  };
  let persistence =
    role === 'console' || (role === 'phone' && isKept(room))
      ? new IndexeddbPersistence(persistenceName(room), doc)
      : null;
  const ready = persistence
    ? persistence.whenSynced.then(() => initialiseRoom(doc))
    : Promise.resolve();

  // The network code (y-webrtc and simple-peer, a third of a phone's JavaScript) loads
  // after the page can be used: a card written meanwhile waits in the document and goes
  // out as soon as the room is joined.
  let provider: WebrtcProvider | null = null;
  let link: SignalingLink | null = null;
  let relay: RelayChannel | null = null;
  /** The relay's link on a page without WebRTC (elsewhere it shares y-webrtc's). */
  let ownLink: WebsocketClient | null = null;
  const onLinkChange = () => {
    everConnected ||= link?.connected ?? false;
    if (everConnected) markOnce('linked');
    notify();
  };
  // Which path brought the room's first changes (the relay's catch-up or a peer): see markOnce.
  const markFirstUpdate = (
    _update: Uint8Array,
    origin: unknown,
    _doc: Y.Doc,
    tr: Y.Transaction,
  ) => {
    if (!tr.local) markOnce(origin === RELAY_ORIGIN ? 'first-update-relay' : 'first-update-peer');
  };
  if (role === 'phone') doc.on('update', markFirstUpdate);
  // A peer's change may be the sync that lets a held relay catch-up go (RelayChannel.askForCatchUp).
  // After this task: y-webrtc marks the peer synced once the change is applied.
  const onPeerChange = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    if (!tr.local && origin !== RELAY_ORIGIN && relay?.holdingCatchUp)
      setTimeout(() => relay?.directChange(), 0);
  };
  if (role === 'phone') doc.on('update', onPeerChange);
  /** When this page's network code started: the relay's catch-up waits a while for a direct sync. */
  let networkAt = 0;
  const catchUpHold = (): number => {
    if (role !== 'phone' || !hasWebRtc()) return 0;
    const conns = provider?.room?.webrtcConns;
    if (conns && [...conns.values()].some((conn) => conn.synced)) return 0;
    return Math.max(0, networkAt + CATCH_UP_DIRECT_WAIT_MS - Date.now());
  };
  // Without this run's admission secret the server refuses the socket: the page keeps
  // trying (a restarted server's new link is needed), and says it is connecting. Topics
  // are derived from the key: the server never learns the room id. Both are asked for
  // while the network code loads (the relay's key is 100,000 PBKDF2 rounds), not after it.
  const preparing = Promise.all([admissionFor(room), deriveRoomSecrets(key, room)]);
  void preparing.then(() => markOnce('room-secrets'));
  void loadNetworkCode().then(async ({ WebrtcProvider }) => {
    markOnce('network-code');
    const [admission, secrets] = await preparing;
    if (destroyed) return;
    // The link falls back to EventSource and fetch where a WebSocket cannot open. Put in
    // place first: the admission wrapper then extends it, so both transports present the token.
    installRoomSocket();
    if (admission) presentAdmission(signalingUrl(), admission);
    const webrtc = hasWebRtc();
    const directLinks = directLinksRule(role);
    networkAt = Date.now();
    provider = new WebrtcProvider(secrets.signalTopic, doc, {
      // Without WebRTC a page stays out of WebRTC signaling: announcing itself there would
      // make every peer open a connection it cannot answer (simple-peer throws "No WebRTC
      // support" at the first offer). It uses the relay alone, on a link of its own.
      signaling: webrtc ? [signalingUrl()] : [],
      password: key,
      awareness,
      maxConns: webrtc ? directLinks(phonesIn(awareness.getStates().values())) : 0,
      // LAN host candidates only: no public STUN server ever learns of the room. Those are
      // gathered at once, so each offer and answer carries them all (no trickle): a phone
      // joining 30 others then sends one signaling message per peer, not one per candidate
      // too, which went past the server's per-client rate at 16-20 pages and closed it.
      peerOpts: {
        config: { iceServers: [] },
        trickle: false,
        iceCompleteTimeout: ICE_GATHERING_MAX_MS,
      },
    });
    // Read again at every announce: a phone stops opening links once the room is large
    // (sync/meshTopology.ts). y-webrtc keeps maxConns as a plain field; a getter stands in.
    if (webrtc)
      Object.defineProperty(provider, 'maxConns', {
        get: () => directLinks(phonesIn(awareness.getStates().values())),
        configurable: true,
      });
    void provider.key.then(() => provider?.room && passOnlyWebrtcChanges(provider.room, doc));
    const signaling = webrtc
      ? (provider.signalingConns[0] as unknown as SignalingLink)
      : (ownLink = new WebsocketClient(signalingUrl()));
    if (webrtc) refuseReplayedSignals(signaling, secrets.signalTopic);
    link = signaling;
    signaling.on('connect', onLinkChange);
    signaling.on('disconnect', onLinkChange);
    provider.on('peers', notify);
    relay = new RelayChannel(
      signaling,
      secrets,
      doc,
      awareness,
      role === 'console',
      notify,
      relayNeeded,
      catchUpHold,
    );
    notify();
  });

  const startedAt = Date.now();
  let everConnected = false;
  const path = (): ConnectionPath => {
    const conns = provider?.room?.webrtcConns;
    const direct = conns ? [...conns.values()].some((conn) => conn.connected) : false;
    // A second window of the same browser (the projector) is linked by BroadcastChannel.
    if (direct) markOnce('direct');
    if (direct || (provider?.room?.bcConns.size ?? 0) > 0) return 'direct';
    if (!hasWebRtc() || Date.now() - startedAt > DIRECT_CONNECTION_TIMEOUT_MS)
      return signalingTransport() === 'http' ? 'relay-http' : 'relay';
    return 'pending';
  };
  // Updates go by relay as well only while someone in the room has no direct link:
  // sealing and opening every update on every page costs the phones' CPU.
  const relayNeeded = (): boolean => {
    if (path() !== 'direct') return true;
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId !== doc.clientID && isPresence(state) && state.path !== 'direct') return true;
    }
    return false;
  };
  const status = (): RoomStatus => {
    if (roomMetaStore.snapshot(doc)?.closedAt !== undefined || relay?.closedByConsole)
      return 'closed';
    const linked = link?.connected ?? false;
    if (role === 'console')
      return linked ? 'connected' : everConnected ? 'reconnecting' : 'connecting';
    if (!linked) return everConnected ? 'reconnecting' : 'connecting';
    const heard = (relay?.lastValidAt ?? 0) > 0 || path() === 'direct';
    if (heard) return 'connected';
    // Positive only: the console's key-check value differed from ours, and it never matched.
    const mismatchSince = relay?.keyConfirmed ? 0 : (relay?.keyMismatchSince ?? 0);
    if (mismatchSince && Date.now() - mismatchSince > WRONG_KEY_AFTER_MS) return 'wrong-key';
    return 'connecting';
  };
  // When the phone was last out of the room (from its start), and when it came back.
  let outSince = Date.now();
  let wasIn = false;
  let everIn = false;
  let backAt = 0;
  const computeSnapshot = (): RoomSnapshot => {
    const peers = new Map<number, Presence>();
    awareness.getStates().forEach((state, clientId) => {
      if (clientId !== doc.clientID && isPresence(state)) peers.set(clientId, state);
    });
    const now = Date.now();
    const current = status();
    const inRoom = current === 'connected';
    if (inRoom && !wasIn && everIn) backAt = now;
    if (!inRoom && wasIn) outSince = now;
    everIn ||= inRoom;
    wasIn = inRoom;
    const explain = role === 'phone' && (current === 'connecting' || current === 'reconnecting');
    return {
      status: current,
      path: path(),
      peers,
      refusedMessages: relay?.counters.rejected ?? 0,
      trouble: explain
        ? diagnose({
            inRoom,
            linked: link?.connected ?? false,
            outSince,
            now,
            link: signalingTrouble(),
          })
        : null,
      back: inRoom && now - backAt < BACK_NOTICE_MS,
      confirmedClock: relay?.consoleHasOfMine ?? 0,
    };
  };
  let snapshot = computeSnapshot();

  let nickname: string | null = null;
  const publishPresence = () => {
    const presence: Presence = { role, nickname, path: path() };
    const current = awareness.getLocalState() as Presence | null;
    if (current?.path !== presence.path || current?.nickname !== presence.nickname || !current) {
      awareness.setLocalState(presence);
    }
  };
  publishPresence();

  awareness.on('change', notify);
  const stopMeta = roomMetaStore.subscribe(doc, notify);
  // Path and wrong-key are judged over time; a slow tick keeps them honest.
  let lastTickAt = Date.now();
  const tick = setInterval(() => {
    // Timers stop while a phone sleeps or its page is frozen: a long gap means it was away.
    const now = Date.now();
    if (now - lastTickAt > AWAY_GAP_MS) wake();
    lastTickAt = now;
    publishPresence();
    if (provider?.room) dropStalledPeers(provider.room, peerSeen);
    notify();
  }, 1_000);
  /**
   * Back from sleep, another app or a frozen tab: catch up at once rather than at the
   * next reconnect or renewal, and say so once in the room.
   */
  const wake = () => {
    if (destroyed) return;
    wasIn = false;
    outSince = Date.now();
    const signaling = link as (SignalingLink & { connect?: () => void }) | null;
    if (signaling && !signaling.connected) signaling.connect?.();
    relay?.catchUp();
    notify();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') wake();
  };
  if (typeof document !== 'undefined') {
    document.addEventListener('resume', wake);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', wake);
  }
  const peerSeen = new WeakMap<WebrtcConn, number>();

  return {
    room,
    key,
    doc,
    awareness,
    role,
    get persistence() {
      return persistence;
    },
    async persistOnDevice(on) {
      if (on && !persistence) persistence = new IndexeddbPersistence(persistenceName(room), doc);
      if (!on && persistence) {
        await persistence.clearData();
        persistence = null;
      }
    },
    ready,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => snapshot,
    setNickname(value) {
      nickname = value?.trim() || null;
      publishPresence();
    },
    localClock: () => Y.getState(doc.store, doc.clientID),
    announceClosed: () => relay?.announceClosed() ?? Promise.resolve(),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearInterval(tick);
      stopMeta();
      if (typeof document !== 'undefined') {
        document.removeEventListener('resume', wake);
        document.removeEventListener('visibilitychange', onVisible);
        window.removeEventListener('online', wake);
      }
      link?.off('connect', onLinkChange);
      link?.off('disconnect', onLinkChange);
      relay?.destroy();
      ownLink?.destroy();
      awareness.setLocalState(null);
      // y-webrtc's destroy leaves the signaling socket open: disconnect closes it.
      provider?.disconnect();
      provider?.destroy();
      void persistence?.destroy();
      doc.destroy();
      connections.delete(room);
    },
  };
}

/**
 * y-webrtc passes every change the document takes on to every peer, changes
 * that came by the relay too. Every page hears the relay itself (and a page
 * that missed some gets them in its catch-up), so passing those on only makes
 * each page decode each relayed change once more per peer: a flood through
 * the relay cost every screen three times its work with two peers. Runs once
 * y-webrtc has opened its room, which follows its key derivation.
 */
function passOnlyWebrtcChanges(room: WebrtcRoom, doc: Y.Doc): void {
  const passOn = room._docUpdateHandler;
  const filtered = (update: Uint8Array, origin: unknown) => {
    if (origin !== RELAY_ORIGIN) passOn(update, origin);
  };
  doc.off('update', passOn);
  room._docUpdateHandler = filtered;
  if (room.provider.shouldConnect) doc.on('update', filtered);
}

/**
 * Closes peer connections that never started: a peer on another Wi-Fi segment, or one
 * that went away mid-offer, would otherwise hold a connection in "new" for good. The
 * relay carries that peer meanwhile; y-webrtc tries again at its next announce.
 */
function dropStalledPeers(room: WebrtcRoom, seen: WeakMap<WebrtcConn, number>): void {
  const now = Date.now();
  for (const conn of room.webrtcConns.values()) {
    if (conn.connected || conn.closed) continue;
    const since = seen.get(conn);
    if (since === undefined) seen.set(conn, now);
    else if (now - since > PEER_START_TIMEOUT_MS) conn.destroy();
  }
}

function isPresence(state: unknown): state is Presence {
  if (typeof state !== 'object' || state === null) return false;
  const s = state as Record<string, unknown>;
  return (
    (s.role === 'console' || s.role === 'projector' || s.role === 'phone') &&
    (s.nickname === null || (typeof s.nickname === 'string' && s.nickname.length <= 40)) &&
    (s.path === 'direct' || s.path === 'relay' || s.path === 'relay-http' || s.path === 'pending')
  );
}

/**
 * The page's link to the workshop server's signaling endpoint, with two transports:
 * the WebSocket, and plain HTTPS to the same origin (EventSource down, fetch POST up;
 * server/httpSignaling.js) when the WebSocket cannot open or keeps dropping. iOS Safari
 * is reported to refuse `wss:` to a self-signed certificate even once the page's warning
 * was accepted, while fetch and EventSource work; and WebRTC signaling and the relay share
 * this one link, so without a second transport nothing would take over.
 *
 * lib0's WebsocketClient, which y-webrtc's signaling and our relay use, opens its socket
 * with the global `WebSocket` and no way to pass another: `installRoomSocket` puts
 * `RoomSocket` there, which is the browser's own WebSocket for every other address and,
 * for this origin's /signal, a socket-shaped object that picks its transport itself.
 * Both carry the same frames, so y-webrtc and the relay do not know which one they use.
 */

/** How long a WebSocket may take to open before the HTTP transport is tried. */
export const WEBSOCKET_OPEN_TIMEOUT_MS = 4_000;
/** A WebSocket that drops this many times within the window is given up for HTTP. */
export const WEBSOCKET_DROPS_MAX = 3;
export const WEBSOCKET_DROP_WINDOW_MS = 60_000;
/** Frames and bytes one POST carries at most (the server's caps: 64 frames, 1 MB). */
const POST_FRAMES_MAX = 64;
const POST_CHARS_MAX = 512 * 1024;

export type Transport = 'websocket' | 'http';

/** What went wrong on the way to the server, for the phone's explanation. */
export type LinkTrouble = {
  /** WebSockets that failed to open (or timed out) since the last one that opened. */
  websocketFailures: number;
  /** HTTP sessions that failed since the last one that opened, and the last answer's status (0: no answer). */
  httpFailures: number;
  httpStatus: number | null;
};

type SocketEvents = {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent | Event) => void) | null;
  onerror: ((event: Event) => void) | null;
};

/** The part of a WebSocket that lib0's WebsocketClient uses. */
type SocketLike = SocketEvents & {
  readyState: number;
  binaryType: BinaryType;
  send(data: string): void;
  close(): void;
};

export type SocketEnvironment = {
  WebSocket: new (url: string, protocols?: string | string[]) => SocketLike;
  EventSource: new (url: string) => EventSource;
  fetch: typeof fetch;
  now: () => number;
};

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

const event = (type: string): Event => new Event(type);

/**
 * Signaling over EventSource and fetch, shaped as a WebSocket. A session is opened by a
 * POST (the server's admission), its frames come down one event stream and go up in
 * POSTs sent one at a time, so they arrive in the order they were sent.
 */
export class HttpSignalingSocket implements SocketLike {
  readyState = CONNECTING;
  binaryType: BinaryType = 'blob';
  onopen: SocketEvents['onopen'] = null;
  onmessage: SocketEvents['onmessage'] = null;
  onclose: SocketEvents['onclose'] = null;
  onerror: SocketEvents['onerror'] = null;
  /** The status of the session request when it was refused, 0 when nothing answered. */
  refusedWith: number | null = null;
  private readonly base: string;
  private stream: EventSource | null = null;
  private id = '';
  private readonly queue: string[] = [];
  private sending = false;

  constructor(
    url: string,
    private readonly env: Pick<SocketEnvironment, 'EventSource' | 'fetch'>,
    protocols?: string | string[],
  ) {
    const address = new URL(url);
    address.protocol = address.protocol === 'wss:' ? 'https:' : 'http:';
    this.base = address.href.replace(/\/$/, '');
    void this.start(protocols);
  }

  private async start(protocols?: string | string[]): Promise<void> {
    try {
      const headers: Record<string, string> = {};
      // What a WebSocket would present on its upgrade, for the same admission.
      if (protocols) headers['X-Signal-Protocol'] = [protocols].flat().join(', ');
      const response = await this.env.fetch(`${this.base}/session`, {
        method: 'POST',
        headers,
        cache: 'no-store',
        credentials: 'same-origin',
      });
      if (response.status !== 200) {
        this.refusedWith = response.status;
        return this.finish(true);
      }
      const { id } = (await response.json()) as { id?: unknown };
      if (typeof id !== 'string' || this.readyState !== CONNECTING) return this.finish(true);
      this.id = id;
    } catch {
      this.refusedWith = 0;
      return this.finish(true);
    }
    const stream = new this.env.EventSource(`${this.base}/events/${encodeURIComponent(this.id)}`);
    this.stream = stream;
    stream.onopen = () => {
      if (this.readyState !== CONNECTING) return;
      this.readyState = OPEN;
      this.onopen?.(event('open'));
      this.flush();
    };
    stream.onmessage = (message: MessageEvent<string>) => {
      if (this.readyState === OPEN) this.onmessage?.(message);
    };
    // The server closed this client (a cap, a malformed frame, the server stopping).
    stream.addEventListener('close', () => this.finish(false));
    stream.onerror = () => this.finish(this.readyState === CONNECTING);
  }

  send(data: string): void {
    if (this.readyState === CLOSING || this.readyState === CLOSED) return;
    this.queue.push(data);
    this.flush();
  }

  close(): void {
    this.finish(false);
  }

  private flush(): void {
    if (this.sending || this.readyState !== OPEN || this.queue.length === 0) return;
    const batch: string[] = [];
    let chars = 0;
    while (this.queue.length > 0 && batch.length < POST_FRAMES_MAX) {
      const next = this.queue[0] ?? '';
      if (batch.length > 0 && chars + next.length > POST_CHARS_MAX) break;
      batch.push(next);
      chars += next.length;
      this.queue.shift();
    }
    this.sending = true;
    this.env
      .fetch(`${this.base}/send/${encodeURIComponent(this.id)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(batch),
        cache: 'no-store',
        credentials: 'same-origin',
      })
      .then(
        (response) => {
          this.sending = false;
          if (response.status !== 204) return this.finish(false);
          this.flush();
        },
        () => {
          this.sending = false;
          this.finish(false);
        },
      );
  }

  private finish(failedToOpen: boolean): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.stream?.close();
    this.stream = null;
    this.queue.length = 0;
    // As a WebSocket does: events come after the call that caused them.
    setTimeout(() => {
      if (failedToOpen) this.onerror?.(event('error'));
      this.onclose?.(event('close'));
    });
  }
}

type ChooserState = {
  preferHttp: boolean;
  drops: number[];
  lastOpened: Transport | null;
  trouble: LinkTrouble;
};

/**
 * The `WebSocket` constructor to install: the given one for every address but the
 * signaling endpoint of the page's own origin, a `RoomSocket` there.
 */
export function createRoomSocketClass(env: SocketEnvironment, origin: string) {
  const state: ChooserState = {
    preferHttp: false,
    drops: [],
    lastOpened: null,
    trouble: { websocketFailures: 0, httpFailures: 0, httpStatus: null },
  };

  /** One connection attempt, as lib0 makes one per (re)connect: the WebSocket first, unless given up. */
  class RoomSocket implements SocketLike {
    static readonly CONNECTING = CONNECTING;
    static readonly OPEN = OPEN;
    static readonly CLOSING = CLOSING;
    static readonly CLOSED = CLOSED;
    readyState = CONNECTING;
    binaryType: BinaryType = 'blob';
    onopen: SocketEvents['onopen'] = null;
    onmessage: SocketEvents['onmessage'] = null;
    onclose: SocketEvents['onclose'] = null;
    onerror: SocketEvents['onerror'] = null;
    transport: Transport = 'websocket';
    private inner: SocketLike | null = null;
    private openTimer: ReturnType<typeof setTimeout> | undefined;

    constructor(
      private readonly url: string,
      private readonly protocols?: string | string[],
    ) {
      if (!isSignaling(url, origin)) {
        // Not ours: the browser's own socket, untouched.
        return new env.WebSocket(url, protocols) as unknown as RoomSocket;
      }
      if (state.preferHttp) this.useHttp(false);
      else this.tryWebSocket();
    }

    /** Which transports this page has used, and what failed: for the console and the phone's explanation. */
    static get lastOpened(): Transport | null {
      return state.lastOpened;
    }
    static get trouble(): LinkTrouble {
      return { ...state.trouble };
    }

    send(data: string): void {
      this.inner?.send(data);
    }

    close(): void {
      if (this.readyState === CLOSED) return;
      clearTimeout(this.openTimer);
      this.readyState = CLOSING;
      const inner = this.inner;
      if (!inner) return this.finish(event('close'));
      inner.close();
    }

    private tryWebSocket(): void {
      let socket: SocketLike;
      try {
        socket = new env.WebSocket(this.url, this.protocols);
      } catch {
        // A browser that will not even make one (a policy, a missing constructor).
        return this.websocketFailed();
      }
      this.inner = socket;
      let settled = false;
      this.openTimer = setTimeout(() => {
        if (settled) return;
        settled = true;
        detach(socket);
        socket.close();
        this.websocketFailed();
      }, WEBSOCKET_OPEN_TIMEOUT_MS);
      socket.onopen = (opened) => {
        if (settled) return;
        settled = true;
        clearTimeout(this.openTimer);
        state.trouble.websocketFailures = 0;
        this.opened('websocket', opened);
      };
      socket.onmessage = (message) => this.onmessage?.(message);
      const ended = (ending: Event) => {
        clearTimeout(this.openTimer);
        if (!settled) {
          settled = true;
          detach(socket);
          if (this.readyState === CLOSING) return this.finish(ending);
          return this.websocketFailed();
        }
        if (this.readyState === OPEN) this.noteDrop();
        this.finish(ending);
      };
      socket.onerror = (failure) => {
        if (!settled) return ended(failure);
        this.onerror?.(failure);
      };
      socket.onclose = ended;
    }

    private websocketFailed(): void {
      state.trouble.websocketFailures += 1;
      if (this.readyState !== CONNECTING) return this.finish(event('close'));
      this.useHttp(true);
    }

    /** A WebSocket that opens and drops again and again is given up, like one that never opens. */
    private noteDrop(): void {
      const now = env.now();
      state.drops = [...state.drops.filter((at) => now - at < WEBSOCKET_DROP_WINDOW_MS), now];
      if (state.drops.length >= WEBSOCKET_DROPS_MAX) state.preferHttp = true;
    }

    private useHttp(afterWebSocketFailed: boolean): void {
      this.transport = 'http';
      const socket = new HttpSignalingSocket(this.url, env, this.protocols);
      this.inner = socket;
      let opened = false;
      socket.onopen = (open) => {
        opened = true;
        state.trouble.httpFailures = 0;
        state.trouble.httpStatus = null;
        // The WebSocket failed where HTTP works: the page keeps to HTTP from now on.
        if (afterWebSocketFailed) state.preferHttp = true;
        this.opened('http', open);
      };
      socket.onmessage = (message) => this.onmessage?.(message);
      socket.onerror = (failure) => this.onerror?.(failure);
      socket.onclose = (closing) => {
        if (!opened) {
          state.trouble.httpFailures += 1;
          state.trouble.httpStatus = socket.refusedWith;
        }
        this.finish(closing);
      };
    }

    private opened(transport: Transport, open: Event): void {
      if (this.readyState !== CONNECTING) {
        this.inner?.close();
        return;
      }
      this.readyState = OPEN;
      this.transport = transport;
      state.lastOpened = transport;
      this.onopen?.(open);
    }

    private finish(closing: Event): void {
      if (this.readyState === CLOSED) return;
      this.readyState = CLOSED;
      this.onclose?.(closing);
    }
  }
  return RoomSocket;
}

export type RoomSocketClass = ReturnType<typeof createRoomSocketClass>;

function detach(socket: SocketLike): void {
  socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
}

function isSignaling(url: string, origin: string): boolean {
  try {
    const address = new URL(url);
    const page = new URL(origin);
    return address.host === page.host && address.pathname === '/signal';
  } catch {
    return false;
  }
}

let installed: RoomSocketClass | null = null;

/** Puts the RoomSocket in place of `WebSocket` once per page (before y-webrtc connects). */
export function installRoomSocket(): RoomSocketClass {
  if (installed) return installed;
  const env: SocketEnvironment = {
    WebSocket: globalThis.WebSocket as unknown as SocketEnvironment['WebSocket'],
    EventSource: globalThis.EventSource,
    fetch: globalThis.fetch.bind(globalThis),
    now: () => Date.now(),
  };
  installed = createRoomSocketClass(env, window.location.origin);
  globalThis.WebSocket = installed as unknown as typeof WebSocket;
  return installed;
}

/** The transport of the page's last open link to the server (null before one opened). */
export function signalingTransport(): Transport | null {
  return installed?.lastOpened ?? null;
}

/** What failed on the way to the server, since the last link that opened. */
export function signalingTrouble(): LinkTrouble | null {
  return installed?.trouble ?? null;
}

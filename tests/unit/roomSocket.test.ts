// @vitest-environment node
/**
 * The page's link to the signaling endpoint picks its transport: the WebSocket, or
 * EventSource and fetch when the WebSocket cannot open or keeps dropping.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  WEBSOCKET_DROPS_MAX,
  WEBSOCKET_OPEN_TIMEOUT_MS,
  createRoomSocketClass,
  type SocketEnvironment,
} from '../../src/sync/roomSocket';

const ORIGIN = 'https://laptop.example:8443';
const SIGNAL = 'wss://laptop.example:8443/signal';

type Behaviour = 'opens' | 'throws' | 'fails' | 'hangs';

/** A workshop server in memory: what the phone's sockets, streams and POSTs reach. */
function fakeEnvironment(websocket: Behaviour, session: number = 200) {
  const posted: string[][] = [];
  const streams: FakeEventSource[] = [];
  const sockets: FakeWebSocket[] = [];
  class FakeWebSocket {
    readyState = 0;
    binaryType: BinaryType = 'blob';
    onopen: ((e: Event) => void) | null = null;
    onmessage: ((e: MessageEvent) => void) | null = null;
    onclose: ((e: Event) => void) | null = null;
    onerror: ((e: Event) => void) | null = null;
    sent: string[] = [];
    constructor(readonly url: string) {
      if (websocket === 'throws') throw new DOMException('refused', 'SecurityError');
      sockets.push(this);
      setTimeout(() => {
        if (websocket === 'opens') {
          this.readyState = 1;
          this.onopen?.(new Event('open'));
        } else if (websocket === 'fails') {
          this.onerror?.(new Event('error'));
          this.onclose?.(new Event('close'));
        }
      });
    }
    send(data: string) {
      this.sent.push(data);
    }
    close() {
      this.readyState = 3;
      setTimeout(() => this.onclose?.(new Event('close')));
    }
    /** The server ends the connection. */
    drop() {
      this.readyState = 3;
      this.onclose?.(new Event('close'));
    }
  }
  class FakeEventSource extends EventTarget {
    onopen: ((e: Event) => void) | null = null;
    onmessage: ((e: MessageEvent) => void) | null = null;
    onerror: ((e: Event) => void) | null = null;
    closed = false;
    constructor(readonly url: string) {
      super();
      streams.push(this);
      setTimeout(() => this.onopen?.(new Event('open')));
    }
    close() {
      this.closed = true;
    }
    deliver(data: string) {
      this.onmessage?.(new MessageEvent('message', { data }));
    }
  }
  const fetchFake = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const address = String(url);
    if (address.endsWith('/signal/session'))
      return new Response(session === 200 ? JSON.stringify({ id: 'abc' }) : '', {
        status: session,
      });
    if (address.endsWith('/signal/send/abc')) {
      posted.push(JSON.parse(String(init?.body)) as string[]);
      return new Response(null, { status: 204 });
    }
    return new Response(null, { status: 404 });
  });
  const env: SocketEnvironment = {
    WebSocket: FakeWebSocket as unknown as SocketEnvironment['WebSocket'],
    EventSource: FakeEventSource as unknown as SocketEnvironment['EventSource'],
    fetch: fetchFake as unknown as typeof fetch,
    now: () => Date.now(),
  };
  return { env, posted, streams, sockets, fetch: fetchFake };
}

/** What lib0's WebsocketClient sees of one socket. */
function watch(socket: InstanceType<ReturnType<typeof createRoomSocketClass>>) {
  const seen: string[] = [];
  socket.onopen = () => seen.push('open');
  socket.onmessage = (event) => seen.push(`message ${String(event.data)}`);
  socket.onclose = () => seen.push('close');
  socket.onerror = () => seen.push('error');
  return seen;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the room socket', () => {
  it('is the WebSocket when it opens, and the browser’s own socket for any other address', async () => {
    const server = fakeEnvironment('opens');
    const RoomSocket = createRoomSocketClass(server.env, ORIGIN);
    const socket = new RoomSocket(SIGNAL);
    const seen = watch(socket);
    await vi.waitFor(() => expect(seen).toEqual(['open']));
    expect(socket.transport).toBe('websocket');
    socket.send('{"type":"ping"}');
    expect(server.sockets[0]?.sent).toEqual(['{"type":"ping"}']);
    expect(server.fetch).not.toHaveBeenCalled();
    const other = new RoomSocket('wss://elsewhere.example/signal');
    expect(other).toBe(server.sockets[1]);
  });

  it('carries on over EventSource and fetch when the WebSocket constructor throws, frames in order', async () => {
    const server = fakeEnvironment('throws');
    const RoomSocket = createRoomSocketClass(server.env, ORIGIN);
    const socket = new RoomSocket(SIGNAL);
    const seen = watch(socket);
    await vi.waitFor(() => expect(seen).toEqual(['open']));
    expect(socket.transport).toBe('http');
    expect(RoomSocket.lastOpened).toBe('http');
    expect(server.streams[0]?.url).toBe('https://laptop.example:8443/signal/events/abc');
    socket.send('one');
    socket.send('two');
    socket.send('three');
    await vi.waitFor(() => expect(server.posted.flat()).toEqual(['one', 'two', 'three']));
    // Sent one POST at a time: the first alone, the next two together once it was answered.
    expect(server.posted).toEqual([['one'], ['two', 'three']]);
    server.streams[0]?.deliver('{"type":"pong"}');
    expect(seen).toEqual(['open', 'message {"type":"pong"}']);
    socket.close();
    await vi.waitFor(() => expect(seen.at(-1)).toBe('close'));
    expect(server.streams[0]?.closed).toBe(true);
  });

  it('keeps to HTTP once a WebSocket failed where HTTP worked', async () => {
    const server = fakeEnvironment('fails');
    const RoomSocket = createRoomSocketClass(server.env, ORIGIN);
    const first = watch(new RoomSocket(SIGNAL));
    await vi.waitFor(() => expect(first).toEqual(['open']));
    expect(server.sockets).toHaveLength(1);
    const again = new RoomSocket(SIGNAL);
    const second = watch(again);
    await vi.waitFor(() => expect(second).toEqual(['open']));
    expect(server.sockets).toHaveLength(1); // no second WebSocket was tried
    expect(again.transport).toBe('http');
  });

  it('tries HTTP when a WebSocket does not open in time', async () => {
    vi.useFakeTimers();
    const server = fakeEnvironment('hangs');
    const RoomSocket = createRoomSocketClass(server.env, ORIGIN);
    const socket = new RoomSocket(SIGNAL);
    const seen = watch(socket);
    await vi.advanceTimersByTimeAsync(WEBSOCKET_OPEN_TIMEOUT_MS - 100);
    expect(server.fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    await vi.waitFor(() => expect(seen).toEqual(['open']));
    expect(socket.transport).toBe('http');
    expect(server.sockets[0]?.readyState).toBe(3);
  });

  it('gives up a WebSocket that keeps dropping', async () => {
    const server = fakeEnvironment('opens');
    const RoomSocket = createRoomSocketClass(server.env, ORIGIN);
    for (let drop = 0; drop < WEBSOCKET_DROPS_MAX; drop += 1) {
      const socket = new RoomSocket(SIGNAL);
      const seen = watch(socket);
      await vi.waitFor(() => expect(seen).toEqual(['open']));
      expect(socket.transport).toBe('websocket');
      server.sockets.at(-1)?.drop();
      expect(seen).toEqual(['open', 'close']);
    }
    const next = new RoomSocket(SIGNAL);
    const seen = watch(next);
    await vi.waitFor(() => expect(seen).toEqual(['open']));
    expect(next.transport).toBe('http');
  });

  it('reports a refused session as a failed open, with the status for the explanation', async () => {
    const server = fakeEnvironment('throws', 403);
    const RoomSocket = createRoomSocketClass(server.env, ORIGIN);
    const seen = watch(new RoomSocket(SIGNAL));
    await vi.waitFor(() => expect(seen).toEqual(['error', 'close']));
    expect(RoomSocket.trouble).toEqual({ websocketFailures: 1, httpFailures: 1, httpStatus: 403 });
    expect(RoomSocket.lastOpened).toBeNull();
    // A later try that fails the same way does not stick to HTTP: nothing worked yet.
    new RoomSocket(SIGNAL);
    await vi.waitFor(() => expect(RoomSocket.trouble.websocketFailures).toBe(2));
  });
});

/** A peer in Node that has the key, for the browser tests of what a hostile participant can do. */
import WebSocket from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { admissionProtocols } from '../../server/admission.js';
import { RelayChannel, type SignalingLink } from '../../src/sync/relay';
import { deriveRoomSecrets } from '../../src/sync/roomCrypto';

/** A participant who has the key and a script: a peer in Node, speaking the relay like a phone. */
export async function nodePeer(baseURL: string, room: string, key: string, admission: string) {
  const socket = new WebSocket(
    `${baseURL.replace('http', 'ws')}signal`,
    admissionProtocols(admission),
  );
  const listeners = new Map<string, Set<(message: never) => void>>();
  const emit = (event: string, message?: unknown) =>
    listeners.get(event)?.forEach((listener) => listener(message as never));
  const link: SignalingLink = {
    connected: false,
    send: (message) => socket.send(JSON.stringify(message)),
    on: (event, listener) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)?.add(listener);
    },
    off: (event, listener) => listeners.get(event)?.delete(listener),
  };
  socket.on('message', (data) => emit('message', JSON.parse(String(data))));
  let closed: number | null = null;
  socket.on('close', (code) => {
    closed = code;
  });
  await new Promise((done) => socket.once('open', done));
  link.connected = true;
  const doc = new Y.Doc();
  const secrets = await deriveRoomSecrets(key, room);
  const relay = new RelayChannel(link, secrets, doc, new Awareness(doc), false, () => {});
  /** Sealed with the room key, so every page opens it: only its content is malformed. */
  const publishRaw = (message: unknown) =>
    (relay as unknown as { publish(m: unknown): Promise<void> }).publish(message);
  return {
    doc,
    relay,
    secrets,
    publishRaw,
    sendRaw: (frame: string) => socket.send(frame),
    close: () => socket.close(),
    closedWith: () => closed,
  };
}

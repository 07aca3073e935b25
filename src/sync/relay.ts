/**
 * The relay: the room's updates sealed with the room key and carried by the
 * workshop server over the signaling connection, for phones that cannot reach
 * their peers over WebRTC (client isolation, no WebRTC at all). The server
 * forwards ciphertext it cannot read.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  CONSOLE_BEACON_INTERVAL_MS,
  RELAY_ASSEMBLIES_MAX,
  RELAY_ASSEMBLY_TIMEOUT_MS,
  RELAY_PARTS_MAX,
  RELAY_PART_CHARS,
  UPDATE_MAX_BYTES,
  CATCH_UP_MAX_BYTES,
} from './limits';
import { fromBase64, openJson, sealJson, toBase64 } from './roomCrypto';

/** What the signaling connection offers (lib0's WebsocketClient, as y-webrtc uses it). */
export type SignalingLink = {
  connected: boolean;
  send(message: object): void;
  on(event: 'message' | 'connect' | 'disconnect', listener: (message: never) => void): void;
  off(event: 'message' | 'connect' | 'disconnect', listener: (message: never) => void): void;
};

type RelayMessage =
  /** c: sent by the console; phones then say hello back, in case theirs went unheard. */
  | { t: 'hello'; from: number; sv: string; c?: boolean }
  | { t: 'state'; to: number; u: string; sv: string }
  | { t: 'update'; u: string }
  | { t: 'awareness'; u: string }
  | { t: 'beacon' }
  | { t: 'closed' };

export type RelayCounters = { received: number; undecryptable: number; rejected: number };

export const RELAY_ORIGIN = Symbol('relay');

type Assembly = { pieces: (string | undefined)[]; received: number; startedAt: number };

export class RelayChannel {
  readonly counters: RelayCounters = { received: 0, undecryptable: 0, rejected: 0 };
  lastValidAt = 0;
  firstUndecryptableAt = 0;
  closedByConsole = false;
  /** The server echoes a publish to its sender too; this tells our own messages apart. */
  private readonly sender = Math.random().toString(36).slice(2);
  private beacon: ReturnType<typeof setInterval> | undefined;
  private published = 0;
  /** Messages arriving in parts, by id, until every part is in. */
  private readonly assemblies = new Map<string, Assembly>();

  constructor(
    private readonly link: SignalingLink,
    private readonly topic: string,
    private readonly key: CryptoKey,
    private readonly doc: Y.Doc,
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly isConsole: boolean,
    private readonly onChange: () => void,
    /** Whether anyone (this page included) lacks a direct link: only then do updates go by relay too. */
    private readonly relayNeeded: () => boolean = () => true,
  ) {
    link.on('message', this.onMessage);
    link.on('connect', this.onConnect);
    doc.on('update', this.onDocUpdate);
    awareness.on('update', this.onAwarenessUpdate);
    if (link.connected) this.onConnect();
    if (isConsole)
      this.beacon = setInterval(
        () => void this.publish({ t: 'beacon' }),
        CONSOLE_BEACON_INTERVAL_MS,
      );
  }

  destroy(): void {
    clearInterval(this.beacon);
    this.link.off('message', this.onMessage);
    this.link.off('connect', this.onConnect);
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    if (this.link.connected) this.link.send({ type: 'unsubscribe', topics: [this.topic] });
  }

  /** Tells every phone the room has ended (the console, when erasing). */
  announceClosed(): Promise<void> {
    return this.publish({ t: 'closed' });
  }

  private onConnect = (): void => {
    this.link.send({ type: 'subscribe', topics: [this.topic] });
    this.sayHello();
    if (this.isConsole) this.sendBeacon();
  };

  private sayHello(): void {
    void this.publish({
      t: 'hello',
      from: this.doc.clientID,
      sv: toBase64(Y.encodeStateVector(this.doc)),
      ...(this.isConsole ? { c: true } : {}),
    });
  }

  private lastBeaconAt = 0;

  private sendBeacon(): void {
    this.lastBeaconAt = Date.now();
    void this.publish({ t: 'beacon' });
  }

  private onDocUpdate = (
    update: Uint8Array,
    origin: unknown,
    _doc: Y.Doc,
    tr: Y.Transaction,
  ): void => {
    if (origin === RELAY_ORIGIN || !tr.local || !this.relayNeeded()) return;
    void this.publish({ t: 'update', u: toBase64(update) });
  };

  private onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin !== 'local') return;
    const clients = [...change.added, ...change.updated, ...change.removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
    void this.publish({ t: 'awareness', u: toBase64(update) });
  };

  private onMessage = (message: { type?: unknown; topic?: unknown; data?: unknown }): void => {
    if (
      message.type !== 'publish' ||
      message.topic !== this.topic ||
      typeof message.data !== 'string'
    ) {
      return;
    }
    const sealed = message.data.includes('.') ? this.assemble(message.data) : message.data;
    if (sealed !== null) void openJson(sealed, this.key).then((value) => this.receive(value));
  };

  /**
   * Keeps a part of a long message ("id.index.count.piece"); returns the whole
   * sealed message once its last part is in. Only the parts' order is in clear:
   * the message is checked by its seal once put together.
   */
  private assemble(data: string): string | null {
    const part = /^([a-z0-9-]{1,40})\.(\d{1,3})\.(\d{1,3})\.(.+)$/s.exec(data);
    const id = part?.[1] ?? '';
    const index = Number(part?.[2]);
    const count = Number(part?.[3]);
    const piece = part?.[4] ?? '';
    if (!part || count < 2 || count > RELAY_PARTS_MAX || index >= count) {
      this.counters.rejected += 1;
      return null;
    }
    if (id.startsWith(`${this.sender}-`)) return null; // our own, echoed back
    const assembly = this.assemblyFor(id, count);
    if (assembly.pieces.length !== count || assembly.pieces[index] !== undefined) {
      this.counters.rejected += 1;
      return null;
    }
    assembly.pieces[index] = piece;
    assembly.received += 1;
    if (assembly.received < count) return null;
    this.assemblies.delete(id);
    return assembly.pieces.join('');
  }

  /** Holds at most a few messages' parts, for a while: parts alone cannot fill a phone's memory. */
  private assemblyFor(id: string, count: number): Assembly {
    const now = Date.now();
    for (const [key, held] of this.assemblies) {
      if (now - held.startedAt > RELAY_ASSEMBLY_TIMEOUT_MS) this.assemblies.delete(key);
    }
    const existing = this.assemblies.get(id);
    if (existing) return existing;
    if (this.assemblies.size >= RELAY_ASSEMBLIES_MAX) {
      const oldest = this.assemblies.keys().next().value;
      if (oldest !== undefined) this.assemblies.delete(oldest);
      this.counters.rejected += 1;
    }
    const created: Assembly = {
      pieces: new Array<string | undefined>(count),
      received: 0,
      startedAt: now,
    };
    this.assemblies.set(id, created);
    return created;
  }

  private receive(value: unknown): void {
    if (value === null) {
      this.counters.undecryptable += 1;
      this.firstUndecryptableAt ||= Date.now();
      // Someone with another key is here: answer at once, so their phone can say "wrong key".
      if (this.isConsole && Date.now() - this.lastBeaconAt > 1_000) this.sendBeacon();
      this.onChange();
      return;
    }
    const envelope = value as { s?: unknown; m?: RelayMessage };
    if (envelope.s === this.sender) return;
    const message = envelope.m as RelayMessage;
    try {
      this.handle(message);
      this.counters.received += 1;
      this.lastValidAt = Date.now();
    } catch {
      this.counters.rejected += 1; // well-sealed but malformed: a peer with the key misbehaving
    }
    this.onChange();
  }

  private handle(message: RelayMessage): void {
    switch (message.t) {
      case 'hello':
        // A phone back before the console spoke into an empty room: greet the console again.
        if (!this.isConsole && message.c === true) this.sayHello();
        if (this.isConsole && message.from !== this.doc.clientID) {
          const sv = fromBase64(message.sv);
          void this.publish({
            t: 'state',
            to: message.from,
            u: toBase64(Y.encodeStateAsUpdate(this.doc, sv)),
            sv: toBase64(Y.encodeStateVector(this.doc)),
          });
        }
        return;
      case 'state':
        if (message.to !== this.doc.clientID) return;
        this.apply(message.u, CATCH_UP_MAX_BYTES);
        // Send back what the console lacks: changes this phone made while apart.
        void this.publish({
          t: 'update',
          u: toBase64(Y.encodeStateAsUpdate(this.doc, fromBase64(message.sv))),
        });
        return;
      case 'update':
        this.apply(message.u, UPDATE_MAX_BYTES);
        return;
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, fromBase64(message.u), RELAY_ORIGIN);
        return;
      case 'beacon':
        return;
      case 'closed':
        this.closedByConsole = true;
        return;
      default:
        throw new Error('unknown relay message');
    }
  }

  private apply(encoded: string, maxBytes: number): void {
    if (encoded.length > Math.ceil(maxBytes / 3) * 4) throw new Error('update too large');
    Y.applyUpdate(this.doc, fromBase64(encoded), RELAY_ORIGIN);
  }

  private async publish(message: RelayMessage): Promise<void> {
    if (!this.link.connected) return;
    const sealed = await sealJson({ s: this.sender, m: message }, this.key);
    if (sealed.length <= RELAY_PART_CHARS) {
      this.link.send({ type: 'publish', topic: this.topic, data: sealed });
      return;
    }
    // A room's catch-up or a large import: in parts the server's frame limit lets through.
    const id = `${this.sender}-${(this.published += 1)}`;
    const count = Math.ceil(sealed.length / RELAY_PART_CHARS);
    for (let index = 0; index < count; index += 1) {
      const piece = sealed.slice(index * RELAY_PART_CHARS, (index + 1) * RELAY_PART_CHARS);
      this.link.send({
        type: 'publish',
        topic: this.topic,
        data: `${id}.${index}.${count}.${piece}`,
      });
    }
  }
}

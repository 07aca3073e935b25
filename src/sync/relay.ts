/**
 * The relay: the room's updates sealed with the room key and carried by the
 * workshop server over the signaling connection, for phones that cannot reach
 * their peers over WebRTC (client isolation, no WebRTC at all). The server
 * forwards ciphertext it cannot read, on a topic derived from the key.
 *
 * Everything that arrives is untrusted until it opens with the key: a long
 * message's parts each carry a MAC (over the topic, the message id, the part's
 * place and its piece) and are dropped before they are stored if it does not
 * match; a sealed message carries its sender and a counter, and a repeat is
 * dropped; a phone's hello must carry the console's current nonce before the
 * console answers it with a catch-up, at most once per sender every few seconds.
 * What fails to open is counted apart ("undecryptable": junk from someone
 * without the key) from what opened but was malformed ("rejected").
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  CATCH_UP_INTERVAL_MS,
  CATCH_UP_MAX_BYTES,
  CONSOLE_BEACON_INTERVAL_MS,
  CONSOLE_NONCE_MS,
  RELAY_ASSEMBLIES_MAX,
  RELAY_ASSEMBLY_TIMEOUT_MS,
  RELAY_COUNTER_WINDOW,
  RELAY_HELD_CHARS_MAX,
  RELAY_PARTS_MAX,
  RELAY_PART_CHARS,
  RELAY_SENDERS_MAX,
  SIGNALS_REMEMBERED,
  UPDATE_MAX_BYTES,
} from './limits';
import { markOnce } from './joinMarks';
import { randomToken } from './roomId';
import { fromBase64, macOf, openJson, sealJson, toBase64, type RoomSecrets } from './roomCrypto';

/** What the signaling connection offers (lib0's WebsocketClient, as y-webrtc uses it). */
export type SignalingLink = {
  connected: boolean;
  send(message: object): void;
  on(event: 'message' | 'connect' | 'disconnect', listener: (message: never) => void): void;
  off(event: 'message' | 'connect' | 'disconnect', listener: (message: never) => void): void;
};

type RelayMessage =
  /**
   * c: sent by the console (phones then say hello back, in case theirs went unheard).
   * nonce: the console's current one, on a phone's hello; the console's own, on its hello.
   */
  | { t: 'hello'; from: number; sv: string; c?: boolean; nonce?: string; at?: number }
  | { t: 'state'; to: number; u: string; sv: string }
  | { t: 'update'; u: string }
  | { t: 'awareness'; u: string }
  /** The console is here; nonce and at (its clock) let phones prove their hello is fresh. */
  /** sv: the console's state vector, so each phone knows which of its own changes it holds. */
  | { t: 'beacon'; nonce?: string; at?: number; sv?: string }
  | { t: 'closed' };

/**
 * How long a phone lets a change wait for its writer's earlier ones (they may be in the
 * next message) before it asks the console for them; then again as long as they lack.
 */
const GAP_WAIT_MS = CATCH_UP_INTERVAL_MS / 2;

/** A state vector names each writer once: a room's few hundred fit in well under this. */
const STATE_VECTOR_MAX_CHARS = 16 * 1024;

/** What a page sealed: who (a random id per page), its counter, the message. */
type Envelope = { s: string; n: number; m: RelayMessage };

export type RelayCounters = {
  /** Messages that opened and were applied. */
  received: number;
  /** Junk that does not open with the key (or whose part's MAC does not match). */
  undecryptable: number;
  /** Messages that opened with the key but were malformed or too large. */
  rejected: number;
  /** Messages heard before (a replay), or a hello without a fresh nonce. */
  replayed: number;
};

export const RELAY_ORIGIN = Symbol('relay');

type Assembly = {
  pieces: (string | undefined)[];
  received: number;
  chars: number;
  startedAt: number;
};

const PART =
  /^([A-Za-z0-9_-]{1,40})\.(\d{1,3})\.(\d{1,3})\.([A-Za-z0-9+/=]+)\.([A-Za-z0-9_-]{22})$/;
/** The key-check value on the check topic: "kc.<value>"; a page asks with "ask". */
const KEY_CHECK_PREFIX = 'kc.';
const KEY_CHECK_ASK = 'ask';
/** The console answers asks for its key check and nonce-less hellos at most this often. */
const ANSWER_INTERVAL_MS = 100;

export class RelayChannel {
  readonly counters: RelayCounters = { received: 0, undecryptable: 0, rejected: 0, replayed: 0 };
  lastValidAt = 0;
  /** When this page first heard the console's key-check value differ from its own (0: never). */
  keyMismatchSince = 0;
  /** Whether this page has heard the console's key-check value equal its own. */
  keyConfirmed = false;
  /** How much of this page's own changes the console holds (a Yjs clock; 0 until it says). */
  consoleHasOfMine = 0;
  closedByConsole = false;
  /** The server echoes a publish to its sender too; this tells our own messages apart. */
  private readonly sender = randomToken(9);
  private beacon: ReturnType<typeof setInterval> | undefined;
  /** On a phone: its catch-up, held while a direct link may bring the room (askForCatchUp). */
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly sweep: ReturnType<typeof setInterval>;
  private counter = 0;
  private published = 0;
  /** Messages arriving in parts, by id, until every part is in. */
  private readonly assemblies = new Map<string, Assembly>();
  private heldChars = 0;
  /** Ids of messages already put together: their parts again are repeats. */
  private readonly assembled = new Set<string>();
  /** Per sender: its highest counter, and the counters heard within the window below it. */
  private readonly heard = new Map<string, { max: number; recent: Set<number> }>();
  /** On the console: its nonces (current and previous) and when each sender last got a catch-up. */
  private nonces: string[] = [randomToken(12)];
  private nonceAt = Date.now();
  private readonly caughtUpAt = new Map<string, number>();
  private lastBeaconAt = 0;
  private lastKeyCheckAt = 0;
  private readonly pending = new Map<'beacon' | 'keyCheck', ReturnType<typeof setTimeout>>();
  /** On a phone: the console's latest nonce (by the console's clock) and whether it caught us up. */
  private consoleNonce: { nonce: string; at: number } | null = null;
  private caughtUp = false;
  private lastHelloAt = 0;
  /**
   * Up to which clock this page's own changes went by relay (see withUnrelayed). A phone's
   * first ones (made before its relay started, or while everyone was direct) went by
   * WebRTC alone; the console's are in every catch-up it gives, so it starts at its clock.
   */
  private relayedOfMine = 0;
  /** On a phone: while changes wait for earlier ones the relay never brought (see healGap). */
  private gapTimer: ReturnType<typeof setTimeout> | undefined;
  private gapAsks = 0;
  private helloNonce: string | null = null;

  constructor(
    private readonly link: SignalingLink,
    private readonly secrets: RoomSecrets,
    private readonly doc: Y.Doc,
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly isConsole: boolean,
    private readonly onChange: () => void,
    /** Whether anyone (this page included) lacks a direct link: only then do updates go by relay too. */
    private readonly relayNeeded: () => boolean = () => true,
    /**
     * On a phone: how long (ms) to wait still before asking the console for its catch-up,
     * while a direct link may be bringing the room (see askForCatchUp); 0 to ask now.
     */
    private readonly catchUpHold: () => number = () => 0,
  ) {
    link.on('message', this.onMessage);
    link.on('connect', this.onConnect);
    doc.on('update', this.onDocUpdate);
    awareness.on('update', this.onAwarenessUpdate);
    if (isConsole) this.relayedOfMine = Y.getState(doc.store, doc.clientID);
    if (link.connected) this.onConnect();
    if (isConsole) this.beacon = setInterval(() => this.sendBeacon(), CONSOLE_BEACON_INTERVAL_MS);
    this.sweep = setInterval(() => this.sweepParts(), RELAY_ASSEMBLY_TIMEOUT_MS / 3);
  }

  private get topic(): string {
    return this.secrets.relayTopic;
  }

  destroy(): void {
    clearInterval(this.beacon);
    clearInterval(this.sweep);
    clearTimeout(this.holdTimer);
    clearTimeout(this.gapTimer);
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.link.off('message', this.onMessage);
    this.link.off('connect', this.onConnect);
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.assemblies.clear();
    if (this.link.connected) {
      this.link.send({ type: 'unsubscribe', topics: [this.topic, this.secrets.checkTopic] });
    }
  }

  /** Tells every phone the room has ended (the console, when erasing). */
  announceClosed(): Promise<void> {
    return this.publish({ t: 'closed' });
  }

  /** Asks the room again for what this page missed (after sleeping), and says it is here. */
  catchUp(): void {
    if (!this.link.connected) return;
    this.sayHello();
    this.sharePresence();
  }

  /**
   * A phone's hello with the console's nonce asks for a catch-up: everything the phone's
   * state vector lacks, and the whole delete set. A phone that has just joined also gets
   * the room from a WebRTC peer; asked for at once, the catch-up would carry the whole
   * room a second time (and the server would send it to every phone on the topic). So
   * the phone asks once a direct peer has synced it (or the hold is over): its state vector
   * then names what it holds, and the console sends only the rest. Deletions are not lost:
   * they move no state vector, but every catch-up carries the full delete set.
   */
  private askForCatchUp(): void {
    clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    if (this.caughtUp || this.isConsole) return;
    const wait = this.catchUpHold();
    if (wait > 0) {
      this.holdTimer = setTimeout(() => this.askForCatchUp(), wait);
      return;
    }
    this.sayHello();
  }

  /** Whether this phone holds its catch-up, waiting for a direct peer (see askForCatchUp). */
  get holdingCatchUp(): boolean {
    return this.holdTimer !== undefined;
  }

  /** A direct peer brought changes: a held catch-up may be asked for now (see askForCatchUp). */
  directChange(): void {
    if (this.holdingCatchUp) this.askForCatchUp();
  }

  private onConnect = (): void => {
    this.link.send({ type: 'subscribe', topics: [this.topic, this.secrets.checkTopic] });
    this.caughtUp = false;
    this.sayHello();
    this.sharePresence();
    if (this.isConsole) this.sendBeacon();
    else this.link.send({ type: 'publish', topic: this.secrets.checkTopic, data: KEY_CHECK_ASK });
  };

  private sayHello(): void {
    this.lastHelloAt = Date.now();
    this.helloNonce = this.consoleNonce?.nonce ?? null;
    void this.publish({
      t: 'hello',
      from: this.doc.clientID,
      sv: toBase64(Y.encodeStateVector(this.doc)),
      ...(this.isConsole
        ? { c: true, nonce: this.currentNonce(), at: Date.now() }
        : this.consoleNonce
          ? { nonce: this.consoleNonce.nonce }
          : {}),
    });
  }

  /** The console's nonce, renewed every CONSOLE_NONCE_MS; the previous one is still accepted. */
  private currentNonce(): string {
    if (Date.now() - this.nonceAt > CONSOLE_NONCE_MS) {
      this.nonces = [randomToken(12), this.nonces[0] ?? ''];
      this.nonceAt = Date.now();
    }
    return this.nonces[0] ?? '';
  }

  private sendBeacon(): void {
    this.lastBeaconAt = Date.now();
    void this.publish({
      t: 'beacon',
      nonce: this.currentNonce(),
      at: Date.now(),
      sv: toBase64(Y.encodeStateVector(this.doc)),
    });
    this.sendKeyCheck();
  }

  /** Runs an answer now, or once ANSWER_INTERVAL_MS after the last one: asks in between share it. */
  private soon(what: 'beacon' | 'keyCheck', lastAt: number, answer: () => void): void {
    if (this.pending.has(what)) return;
    const wait = lastAt + ANSWER_INTERVAL_MS - Date.now();
    if (wait <= 0) return answer();
    this.pending.set(
      what,
      setTimeout(() => {
        this.pending.delete(what);
        answer();
      }, wait),
    );
  }

  /** This page's presence, at once: relayed pages would otherwise appear at awareness's renewal (15 s). */
  private sharePresence(): void {
    if (this.awareness.getLocalState() === null) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]);
    void this.publish({ t: 'awareness', u: toBase64(update) });
  }

  private sendKeyCheck(): void {
    this.lastKeyCheckAt = Date.now();
    if (!this.link.connected) return;
    this.link.send({
      type: 'publish',
      topic: this.secrets.checkTopic,
      data: `${KEY_CHECK_PREFIX}${this.secrets.keyCheck}`,
    });
  }

  private onDocUpdate = (
    update: Uint8Array,
    origin: unknown,
    _doc: Y.Doc,
    tr: Y.Transaction,
  ): void => {
    if (origin === RELAY_ORIGIN || !tr.local || !this.relayNeeded()) return;
    void this.publish({ t: 'update', u: toBase64(this.withUnrelayed(update, tr)) });
  };

  /**
   * A change of this page's, with every earlier one of its own the relay never carried.
   * Yjs applies a writer's changes only in order: a relayed phone that lacks a phone's
   * first changes (they went to the console by WebRTC, and the console passes on nothing
   * it did not write) would hold every later one of that phone unapplied, for good.
   * The delete set comes whole with it. Past what the relay takes as one change, the
   * change goes alone, and the relayed page asks the console for the rest (healGap).
   */
  private withUnrelayed(update: Uint8Array, tr: Y.Transaction): Uint8Array {
    const me = this.doc.clientID;
    const from = this.relayedOfMine;
    this.relayedOfMine = Math.max(from, Y.getState(this.doc.store, me));
    if ((tr.beforeState.get(me) ?? 0) <= from) return update;
    const whole = Y.encodeStateAsUpdate(this.doc, this.stateVectorWithMineFrom(from));
    return whole.byteLength <= UPDATE_MAX_BYTES ? whole : update;
  }

  /** This page's state vector, but its own clock set back to `clock`: the rest of the room is held. */
  private stateVectorWithMineFrom(clock: number, base?: Map<number, number>): Uint8Array {
    const vector = new Map(base ?? Y.decodeStateVector(Y.encodeStateVector(this.doc)));
    vector.set(this.doc.clientID, Math.min(clock, vector.get(this.doc.clientID) ?? 0));
    return Y.encodeStateVector(vector);
  }

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
    if (message.type !== 'publish' || typeof message.data !== 'string') return;
    if (message.topic === this.secrets.checkTopic) return this.onKeyCheck(message.data);
    if (message.topic !== this.topic) return;
    const data = message.data;
    if (data.includes('.')) {
      void this.assemble(data).then((sealed) => (sealed === null ? undefined : this.open(sealed)));
    } else if (data.length <= RELAY_PART_CHARS) {
      void this.open(data);
    } else {
      this.junk();
    }
  };

  /** The check topic carries only key-check values and asks for them; anything else is junk. */
  private onKeyCheck(data: string): void {
    if (data === KEY_CHECK_ASK) {
      if (this.isConsole) this.soon('keyCheck', this.lastKeyCheckAt, () => this.sendKeyCheck());
      return;
    }
    if (!data.startsWith(KEY_CHECK_PREFIX) || this.isConsole) return;
    if (data.slice(KEY_CHECK_PREFIX.length) === this.secrets.keyCheck) {
      this.keyConfirmed = true;
    } else {
      // Anyone who knows the room id can send this: it counts only while nothing opens.
      this.keyMismatchSince ||= Date.now();
    }
    this.onChange();
  }

  private junk(): void {
    this.counters.undecryptable += 1;
    this.onChange();
  }

  /**
   * Keeps a part of a long message ("id.index.count.piece.mac") once its MAC matches;
   * returns the whole sealed message once its last part is in.
   */
  private async assemble(data: string): Promise<string | null> {
    const part = data.length <= RELAY_PART_CHARS + 80 ? PART.exec(data) : null;
    const id = part?.[1] ?? '';
    const index = Number(part?.[2]);
    const count = Number(part?.[3]);
    const piece = part?.[4] ?? '';
    const mac = part?.[5] ?? '';
    if (!part || count < 2 || count > RELAY_PARTS_MAX || index >= count) {
      this.junk();
      return null;
    }
    if (id.startsWith(`${this.sender}-`)) return null; // our own, echoed back
    if (this.assembled.has(id)) {
      this.counters.replayed += 1;
      return null;
    }
    if ((await macOf(this.secrets.macKey, partText(this.topic, id, index, count, piece))) !== mac) {
      this.junk();
      return null;
    }
    const assembly = this.assemblyFor(id, count);
    if (assembly.pieces.length !== count) {
      this.counters.rejected += 1; // well-MACed but inconsistent: a peer with the key misbehaving
      return null;
    }
    if (assembly.pieces[index] !== undefined) {
      this.counters.replayed += 1;
      return null;
    }
    this.makeRoom(piece.length);
    if (!this.assemblies.has(id)) return null; // dropped to make room for newer messages
    assembly.pieces[index] = piece;
    assembly.received += 1;
    assembly.chars += piece.length;
    this.heldChars += piece.length;
    if (assembly.received < count) return null;
    this.drop(id);
    remember(this.assembled, id, RELAY_SENDERS_MAX * 2);
    return assembly.pieces.join('');
  }

  /** Holds at most a few messages' parts, for a while: parts alone cannot fill a phone's memory. */
  private assemblyFor(id: string, count: number): Assembly {
    const existing = this.assemblies.get(id);
    if (existing) return existing;
    if (this.assemblies.size >= RELAY_ASSEMBLIES_MAX) {
      const oldest = this.assemblies.keys().next().value;
      if (oldest !== undefined) this.drop(oldest);
    }
    const created: Assembly = {
      pieces: new Array<string | undefined>(count),
      received: 0,
      chars: 0,
      startedAt: Date.now(),
    };
    this.assemblies.set(id, created);
    return created;
  }

  /** Drops the oldest messages' parts until `chars` more fit under RELAY_HELD_CHARS_MAX. */
  private makeRoom(chars: number): void {
    while (this.heldChars + chars > RELAY_HELD_CHARS_MAX && this.assemblies.size > 0) {
      const oldest = this.assemblies.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  private drop(id: string): void {
    const assembly = this.assemblies.get(id);
    if (!assembly) return;
    this.heldChars -= assembly.chars;
    this.assemblies.delete(id);
  }

  private sweepParts(): void {
    const now = Date.now();
    for (const [id, held] of this.assemblies) {
      if (now - held.startedAt > RELAY_ASSEMBLY_TIMEOUT_MS) this.drop(id);
    }
  }

  private async open(sealed: string): Promise<void> {
    const value = await openJson(sealed, this.secrets.sealKey, this.topic);
    if (value === null) return this.junk();
    const envelope = value as Partial<Envelope>;
    if (envelope.s === this.sender) return;
    if (typeof envelope.s !== 'string' || !this.fresh(envelope.s, envelope.n)) {
      this.counters.replayed += 1;
      return;
    }
    try {
      this.handle(envelope.s, envelope.m as RelayMessage);
      this.counters.received += 1;
      this.lastValidAt = Date.now();
    } catch {
      this.counters.rejected += 1; // well-sealed but malformed: a peer with the key misbehaving
    }
    this.onChange();
  }

  /** Whether a sender's counter is new: above its window, or in it and not heard yet. */
  private fresh(sender: string, n: unknown): boolean {
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) return false;
    let window = this.heard.get(sender);
    if (window) {
      this.heard.delete(sender); // kept most recently used last
    } else {
      if (this.heard.size >= RELAY_SENDERS_MAX) {
        const oldest = this.heard.keys().next().value;
        if (oldest !== undefined) this.heard.delete(oldest);
      }
      window = { max: 0, recent: new Set() };
    }
    this.heard.set(sender, window);
    if (n <= window.max - RELAY_COUNTER_WINDOW || window.recent.has(n)) return false;
    window.recent.add(n);
    if (n > window.max) {
      window.max = n;
      for (const old of window.recent)
        if (old <= n - RELAY_COUNTER_WINDOW) window.recent.delete(old);
    }
    return true;
  }

  private handle(sender: string, message: RelayMessage): void {
    switch (message.t) {
      case 'hello':
        if (!this.isConsole) {
          // A console back (or here first): greet it again if it has not caught us up.
          if (message.c === true) this.heardConsole(message.nonce, message.at, true);
          return;
        }
        if (message.from === this.doc.clientID) return;
        this.answerHello(sender, message);
        return;
      case 'state':
        if (message.to !== this.doc.clientID) return;
        this.apply(message.u, CATCH_UP_MAX_BYTES);
        this.caughtUp = true;
        markOnce('relay-catch-up');
        this.noteConsoleState(message.sv);
        this.sendBack(message.sv);
        return;
      case 'update':
        this.apply(message.u, UPDATE_MAX_BYTES);
        return;
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, fromBase64(message.u), RELAY_ORIGIN);
        return;
      case 'beacon':
        if (!this.isConsole) this.heardConsole(message.nonce, message.at);
        if (!this.isConsole && typeof message.sv === 'string') this.noteConsoleState(message.sv);
        return;
      case 'closed':
        this.closedByConsole = true;
        return;
      default:
        throw new Error('unknown relay message');
    }
  }

  /**
   * The console's nonce, by its own clock (a replayed older beacon does not turn it
   * back); a phone not caught up yet says hello with it.
   */
  private heardConsole(nonce: unknown, at: unknown, consoleHello = false): void {
    if (typeof nonce !== 'string' || typeof at !== 'number') return;
    if (!this.consoleNonce || at > this.consoleNonce.at) {
      this.consoleNonce = { nonce, at };
      // A console that (re)joined lacks what this phone wrote meanwhile: say hello again.
      if (consoleHello) this.caughtUp = false;
    }
    // At once with a nonce our last hello lacked; else at most once a second.
    const newNonce = this.consoleNonce.nonce !== this.helloNonce;
    if (this.holdingCatchUp) return; // asked for once the hold is over
    if (!this.caughtUp && (newNonce || Date.now() - this.lastHelloAt > 1_000)) this.askForCatchUp();
  }

  /**
   * A catch-up only for a hello with a current nonce (a replayed one is stale), at most
   * one per sender every CATCH_UP_INTERVAL_MS; a hello without one is answered with a
   * beacon, which gives the phone the nonce.
   */
  private answerHello(sender: string, message: Extract<RelayMessage, { t: 'hello' }>): void {
    this.currentNonce();
    if (typeof message.nonce !== 'string' || !this.nonces.includes(message.nonce)) {
      this.counters.replayed += message.nonce === undefined ? 0 : 1;
      this.soon('beacon', this.lastBeaconAt, () => this.sendBeacon());
      return;
    }
    const now = Date.now();
    if (now - (this.caughtUpAt.get(sender) ?? 0) < CATCH_UP_INTERVAL_MS) return;
    this.caughtUpAt.delete(sender);
    if (this.caughtUpAt.size >= RELAY_SENDERS_MAX) {
      const oldest = this.caughtUpAt.keys().next().value;
      if (oldest !== undefined) this.caughtUpAt.delete(oldest);
    }
    this.caughtUpAt.set(sender, now);
    this.sharePresence();
    const sv = fromBase64(message.sv);
    void this.publish({
      t: 'state',
      to: message.from,
      u: toBase64(Y.encodeStateAsUpdate(this.doc, sv)),
      sv: toBase64(Y.encodeStateVector(this.doc)),
    });
  }

  /**
   * After a catch-up: what the console lacks (changes this phone made while apart), and
   * this phone's own changes the relay never carried, which a direct peer may have
   * brought the console already but no relayed page has (see withUnrelayed).
   */
  private sendBack(consoleVector: string): void {
    if (consoleVector.length > STATE_VECTOR_MAX_CHARS) throw new Error('state vector too large');
    const held = Y.decodeStateVector(fromBase64(consoleVector));
    const vector = this.stateVectorWithMineFrom(this.relayedOfMine, held);
    this.relayedOfMine = Y.getState(this.doc.store, this.doc.clientID);
    void this.publish({ t: 'update', u: toBase64(Y.encodeStateAsUpdate(this.doc, vector)) });
  }

  private noteConsoleState(encoded: string): void {
    if (encoded.length > STATE_VECTOR_MAX_CHARS) throw new Error('state vector too large');
    const clock = Y.decodeStateVector(fromBase64(encoded)).get(this.doc.clientID) ?? 0;
    if (clock > this.consoleHasOfMine) this.consoleHasOfMine = clock;
  }

  private apply(encoded: string, maxBytes: number): void {
    if (encoded.length > Math.ceil(maxBytes / 3) * 4) throw new Error('update too large');
    Y.applyUpdate(this.doc, fromBase64(encoded), RELAY_ORIGIN);
    this.healGap();
  }

  /**
   * On a phone: changes that wait for earlier ones of their writer the relay never
   * brought (a page older than withUnrelayed, or one too large to go with them) are
   * asked of the console, which holds them, while the gap lasts. Its answer is a
   * catch-up, at most one per CATCH_UP_INTERVAL_MS: a gap closed meanwhile asks nothing.
   */
  private healGap(): void {
    if (this.isConsole || this.gapTimer !== undefined) return;
    if (!this.doc.store.pendingStructs) {
      this.gapAsks = 0;
      return;
    }
    // Waits longer after each ask: a gap the console cannot fill either costs little.
    this.gapTimer = setTimeout(
      () => {
        this.gapTimer = undefined;
        if (!this.doc.store.pendingStructs) return this.healGap();
        this.gapAsks += 1;
        if (!this.holdingCatchUp) this.sayHello();
        this.healGap();
      },
      GAP_WAIT_MS * 2 ** Math.min(this.gapAsks, 5),
    );
  }

  private async publish(message: RelayMessage): Promise<void> {
    if (!this.link.connected) return;
    const envelope: Envelope = { s: this.sender, n: (this.counter += 1), m: message };
    const sealed = await sealJson(envelope, this.secrets.sealKey, this.topic);
    if (sealed.length <= RELAY_PART_CHARS) {
      this.link.send({ type: 'publish', topic: this.topic, data: sealed });
      return;
    }
    // A room's catch-up or a large import: in parts the server's frame limit lets through.
    const id = `${this.sender}-${(this.published += 1)}`;
    const count = Math.ceil(sealed.length / RELAY_PART_CHARS);
    const parts = await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        const piece = sealed.slice(index * RELAY_PART_CHARS, (index + 1) * RELAY_PART_CHARS);
        const mac = await macOf(this.secrets.macKey, partText(this.topic, id, index, count, piece));
        return `${id}.${index}.${count}.${piece}.${mac}`;
      }),
    );
    for (const data of parts) this.link.send({ type: 'publish', topic: this.topic, data });
  }
}

/** What a part's MAC covers: where it goes, which message, its place in it, and its piece. */
function partText(topic: string, id: string, index: number, count: number, piece: string): string {
  return `${topic}\0${id}\0${index}\0${count}\0${piece}`;
}

function remember(set: Set<string>, value: string, max: number): void {
  set.add(value);
  if (set.size > max) {
    const oldest = set.values().next().value;
    if (oldest !== undefined) set.delete(oldest);
  }
}

const AES_GCM = [...'AES-GCM'].map((c) => c.charCodeAt(0));

/**
 * Whether data has the shape of y-webrtc's sealed messages (lib0 encoding: the
 * string "AES-GCM", a 12-byte IV, then the ciphertext to the end). y-webrtc decodes
 * without catching: junk of another shape would throw inside it, unheard.
 */
export function sealedAsYWebrtcSeals(data: string): boolean {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(data);
  } catch {
    return false;
  }
  if (bytes.length < 1 + AES_GCM.length + 1 + 12 + 1 + 16) return false;
  if (bytes[0] !== AES_GCM.length || AES_GCM.some((c, i) => bytes[1 + i] !== c)) return false;
  let at = 1 + AES_GCM.length;
  if (bytes[at] !== 12) return false;
  at += 1 + 12;
  // The ciphertext's length as a lib0 varUint, then exactly that many bytes.
  let length = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    const byte = bytes[at];
    if (byte === undefined) return false;
    at += 1;
    length += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return length >= 16 && at + length === bytes.length;
  }
  return false;
}

/** An emitter of signaling messages as lib0's WebsocketClient is (y-webrtc's SignalingConn). */
type Emitter = { emit(name: string, args: unknown[]): void };

/**
 * y-webrtc acts on every signaling message that opens with the key, a replayed one
 * too (a captured offer replayed to a connected peer tears the link down). Each
 * sealed message is unique (a random IV): one heard before on the room's topic is
 * dropped before y-webrtc sees it.
 */
export function refuseReplayedSignals(connection: unknown, topic: string): () => number {
  const emitter = connection as Emitter;
  const seen = new Set<string>();
  let refused = 0;
  const emit = emitter.emit.bind(emitter);
  emitter.emit = (name, args) => {
    const message = args[0] as { type?: unknown; topic?: unknown; data?: unknown } | undefined;
    if (
      name === 'message' &&
      message?.type === 'publish' &&
      message.topic === topic &&
      typeof message.data === 'string'
    ) {
      if (seen.has(message.data) || !sealedAsYWebrtcSeals(message.data)) {
        refused += 1;
        return;
      }
      remember(seen, message.data, SIGNALS_REMEMBERED);
    }
    emit(name, args);
  };
  return () => refused;
}

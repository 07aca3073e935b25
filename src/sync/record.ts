/**
 * One way to declare what the room's document holds, and one way to read it.
 *
 * A *record kind* is a map of many records under their keys (cards, points,
 * plan threats): its schema is typed against the domain type, its order is
 * the room's one comparator (time then id, src/domain/order.ts) unless it
 * says otherwise, and its caps keep the oldest records per device and in the
 * room, so a flooding peer cannot push others' records off a screen.
 *
 * A *value* is one entry of a map under a fixed key (the quiz's run, the wall's
 * settings, the stage): a malformed one reads as its fallback.
 *
 * Every read goes through these: an entry that fails its schema, sits under the
 * wrong key or is past a cap is dropped and counted, never shown.
 */
import type * as Y from 'yjs';
import { byTimeThenId } from '../domain/order';
import type { Validated } from './schemaParts';
import { declareSignedPlace, trustedValue, writeSigned } from './signedValues';

/** What a zod (mini) schema offers that a reader needs; typed, so a record needs no cast. */
export type Schema<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
  parse(value: unknown): T;
};

export type RecordDeclaration<T, Stored = T> = {
  readonly map: string;
  readonly schema: Schema<Stored>;
  /** The key a record sits under; an entry under another key is dropped. */
  readonly key: (record: T) => string;
  /** Oldest first, ties by id: the order every peer lists them in. */
  readonly order: (a: T, b: T) => number;
  /** The device that wrote it; records that carry none share one bucket. */
  readonly device: (record: T) => string;
  readonly perDeviceCap: number;
  readonly perRoomCap: number;
  /** Fills fields that records written before they existed lack. */
  readonly defaults: (stored: Stored) => T;
  /** Turns what the map holds into plain JSON (a card is a map of fields). */
  readonly value: (held: unknown) => unknown;
  /** Only the console may write it: readers act only on its signature (signedValues.ts). */
  readonly signed: boolean;
};

type RecordOptions<T, Stored> = {
  map: string;
  schema: Schema<Stored>;
  key: (record: T) => string;
  perDeviceCap: number;
  perRoomCap: number;
  /** Default: by `time`, then by key. */
  order?: (a: T, b: T) => number;
  time?: (record: T) => number;
  device?: (record: T) => string;
  value?: (held: unknown) => unknown;
  signed?: boolean;
} & ([Stored] extends [T]
  ? { defaults?: (stored: Stored) => T }
  : { defaults: (stored: Stored) => T });

/** The bucket of records that carry no device: the facilitator's and the plan's. */
export const NO_DEVICE = '';

export function defineRoomRecord<T, Stored = T>(
  options: RecordOptions<T, Stored>,
): RecordDeclaration<T, Stored> {
  const { key, time } = options;
  if (options.signed) declareSignedPlace(options.map, null);
  const order = options.order ?? byTimeThenId<T>(time ?? (() => 0), key);
  return {
    map: options.map,
    schema: options.schema,
    key,
    order,
    device: options.device ?? (() => NO_DEVICE),
    perDeviceCap: options.perDeviceCap,
    perRoomCap: options.perRoomCap,
    // `Stored` is `T` when no defaults are given (the options' type says so).
    defaults: options.defaults ?? ((stored: Stored) => stored as unknown as T),
    value: options.value ?? ((held) => held),
    signed: options.signed ?? false,
  };
}

export type ValueDeclaration<T> = {
  readonly map: string;
  readonly key: string;
  readonly schema: Schema<T>;
  readonly fallback: () => T;
  /** Only the console may write it: readers act only on its signature (signedValues.ts). */
  readonly signed?: boolean;
};

export function defineRoomValue<T>(options: ValueDeclaration<T>): ValueDeclaration<T> {
  if (options.signed) declareSignedPlace(options.map, options.key);
  return options;
}

/** A record as it sits in its map: valid and under its own key, or null. */
export function parseRecord<T, Stored>(
  declaration: RecordDeclaration<T, Stored>,
  key: string,
  held: unknown,
): T | null {
  const parsed = declaration.schema.safeParse(declaration.value(held));
  if (!parsed.success) return null;
  const record = declaration.defaults(parsed.data);
  return declaration.key(record) === key ? record : null;
}

/**
 * The oldest records, at most so many per device and in the room. `sorted`
 * is in the declaration's order.
 */
export function withinCaps<T>(
  declaration: Pick<RecordDeclaration<T, unknown>, 'device' | 'perDeviceCap' | 'perRoomCap'>,
  sorted: readonly T[],
): T[] {
  const perDevice = new Map<string, number>();
  const items: T[] = [];
  for (const record of sorted) {
    if (items.length >= declaration.perRoomCap) break;
    const device = declaration.device(record);
    const count = (perDevice.get(device) ?? 0) + 1;
    perDevice.set(device, count);
    if (count <= declaration.perDeviceCap) items.push(record);
  }
  return items;
}

/** Every valid record of a kind, in its order, within its caps; the rest counted. */
export function readRecords<T, Stored>(
  doc: Y.Doc,
  declaration: RecordDeclaration<T, Stored>,
): Validated<T> {
  const valid: T[] = [];
  let invalid = 0;
  doc.getMap(declaration.map).forEach((held, key) => {
    const record = parseRecord(declaration, key, held);
    if (!declaration.signed) {
      if (record === null) invalid += 1;
      else valid.push(record);
      return;
    }
    // Refused signatures are counted apart (signedValues.refusedSignatures).
    const trusted = trustedValue(doc, `${declaration.map}/${key}`, record, declaration.value(held));
    if (trusted) valid.push(trusted);
  });
  valid.sort(declaration.order);
  const items = withinCaps(declaration, valid);
  return { items, dropped: invalid + valid.length - items.length };
}

/** A value, or its fallback when it is missing or malformed. */
export function readValue<T>(doc: Y.Doc, declaration: ValueDeclaration<T>): T {
  return readStoredValue(doc, declaration) ?? declaration.fallback();
}

/** A value as the map holds it, or null when it is missing, malformed or (signed) not trusted. */
export function readStoredValue<T>(doc: Y.Doc, declaration: ValueDeclaration<T>): T | null {
  const held: unknown = doc.getMap(declaration.map).get(declaration.key);
  const parsed = declaration.schema.safeParse(held);
  const value = parsed.success ? parsed.data : null;
  if (!declaration.signed) return value;
  return trustedValue(doc, `${declaration.map}/${declaration.key}`, value, held) ?? null;
}

/** Writes a record under its key, checked against its schema first. */
export function writeRecord<T, Stored>(
  doc: Y.Doc,
  declaration: RecordDeclaration<T, Stored>,
  record: T,
): void {
  const checked = declaration.schema.parse(record);
  const key = declaration.key(record);
  const write = (stored: unknown) =>
    doc.transact(() => doc.getMap(declaration.map).set(key, stored));
  if (declaration.signed)
    writeSigned(doc, `${declaration.map}/${key}`, checked as Record<string, unknown>, write);
  else write(checked);
}

/**
 * Writes a value, checked against its schema first. A signed one is signed by the
 * console before it lands (its own reads see it at once), and not written elsewhere.
 */
export function writeValue<T>(doc: Y.Doc, declaration: ValueDeclaration<T>, value: T): void {
  const checked = declaration.schema.parse(value);
  const write = (stored: unknown) =>
    doc.transact(() => doc.getMap(declaration.map).set(declaration.key, stored));
  if (declaration.signed) {
    writeSigned(
      doc,
      `${declaration.map}/${declaration.key}`,
      checked as Record<string, unknown>,
      write,
    );
  } else write(checked);
}

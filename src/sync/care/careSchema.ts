/**
 * The facilitator's care of the room in its document: the pause (the projector
 * and phones follow it from any device), discreet mode's neutral name, and the
 * private break requests. A break request holds no device id and no text, so
 * no phone that holds the document can tell whose it is.
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import {
  WORKSHOP_NAME_MAX_CHARS,
  notDiscreet,
  notPaused,
  type BreakRequest,
  type Discreet,
  type RoomPause,
} from '../../domain/care';
import { BREAK_REQUESTS_PER_ROOM_MAX } from '../limits';
import {
  defineRoomRecord,
  defineRoomValue,
  readRecords,
  readValue,
  writeRecord,
  writeValue,
} from '../record';
import { randomToken } from '../roomId';
import { createPhoneBox, type FacilitatorBox } from '../privateLayer/facilitatorBox';
import { readSealedRecords, sealedRecords, type SealedRecord } from '../privateLayer/sealedSchema';
import { ROOM_MAPS, tokenSchema, type Validated } from '../schemaParts';
import { createDocStore, sameJson } from '../docStore';

const time = z.number().check(z.int(), z.nonnegative());

export const roomPause = defineRoomValue<RoomPause>({
  map: ROOM_MAPS.care,
  key: 'pause',
  schema: z.object({ paused: z.boolean(), at: time }),
  fallback: notPaused,
  signed: true,
});

export const discreetMode = defineRoomValue<Discreet>({
  map: ROOM_MAPS.care,
  key: 'discreet',
  schema: z.object({
    on: z.boolean(),
    name: z.string().check(z.maxLength(WORKSHOP_NAME_MAX_CHARS)),
  }),
  fallback: notDiscreet,
});

/** Break requests up to this time have been seen by the facilitator. */
export const breaksSeenAt = defineRoomValue<number>({
  map: ROOM_MAPS.care,
  key: 'breaksSeenAt',
  schema: time,
  fallback: () => 0,
});

export const breakRequests = defineRoomRecord<BreakRequest>({
  map: ROOM_MAPS.breakRequests,
  schema: z.object({ id: tokenSchema, at: time }),
  key: (request) => request.id,
  time: (request) => request.at,
  perDeviceCap: BREAK_REQUESTS_PER_ROOM_MAX,
  perRoomCap: BREAK_REQUESTS_PER_ROOM_MAX,
});

export type CareSnapshot = {
  pause: RoomPause;
  discreet: Discreet;
  breaks: Validated<BreakRequest>;
  breaksSeenAt: number;
};

export function readCare(doc: Y.Doc): CareSnapshot {
  return {
    pause: readValue(doc, roomPause),
    discreet: readValue(doc, discreetMode),
    breaks: readRecords(doc, breakRequests),
    breaksSeenAt: readValue(doc, breaksSeenAt),
  };
}

export const careStore = createDocStore(
  [ROOM_MAPS.care, ROOM_MAPS.breakRequests],
  readCare,
  sameJson,
);

/** Pauses the room, or restores it. */
export function setPause(doc: Y.Doc, pause: RoomPause): void {
  writeValue(doc, roomPause, pause);
}

export function setDiscreet(doc: Y.Doc, discreet: Discreet): void {
  writeValue(doc, discreetMode, { on: discreet.on, name: discreet.name.trim() });
}

/**
 * "I need a break", from a phone, with no name and no device. Sealed to the
 * console's key when the link carried it: a signal record in the private
 * layer's map, under a random device id and a key pair made for this one
 * request, so it links to none of the phone's cards or points (only that a
 * signal was sent, and when, shows). Without the console's key (an older
 * link), a plain record of when and a random id, nothing else.
 */
export async function askForBreak(
  doc: Y.Doc,
  seal: { room: string; facilitatorPublicKey: string | null },
  now = Date.now(),
): Promise<BreakRequest> {
  const request: BreakRequest = { id: randomToken(12), at: now };
  if (seal.facilitatorPublicKey === null) {
    writeRecord(doc, breakRequests, request);
    return request;
  }
  const once = await createPhoneBox(seal.facilitatorPublicKey);
  const sealed = await once.sealForFacilitator(breakBinding(seal.room, request.id), BREAK_PAYLOAD);
  writeRecord(doc, sealedRecords, {
    id: request.id,
    kind: 'signal' as const,
    device: randomToken(12),
    ...sealed,
    createdAt: now,
  });
  return request;
}

const BREAK_PAYLOAD = { signal: 'break' } as const;
const breakPayload = z.object({ signal: z.literal('break') });

function breakBinding(room: string, id: string) {
  return { room, kind: 'signal', id };
}

/**
 * The break requests the console can read: the sealed signals that open with
 * its key (each opened once, `cache` by id and box) and the plain ones.
 */
export async function openBreakRequests(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
  cache: Map<string, boolean>,
): Promise<BreakRequest[]> {
  const signals: SealedRecord[] = readSealedRecords(doc).items.filter(
    (record) => record.kind === 'signal',
  );
  const opened: BreakRequest[] = [];
  for (const record of signals) {
    const name = `${record.id}\0${record.box}`;
    if (!cache.has(name)) {
      const payload = await box.openAsFacilitator(breakBinding(room, record.id), record);
      cache.set(name, breakPayload.safeParse(payload).success);
    }
    if (cache.get(name)) opened.push({ id: record.id, at: record.createdAt });
  }
  return [...opened, ...readRecords(doc, breakRequests).items];
}

/** The facilitator has seen every request made until now. */
export function markBreaksSeen(doc: Y.Doc, now = Date.now()): void {
  writeValue(doc, breaksSeenAt, now);
}

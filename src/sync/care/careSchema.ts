/**
 * The facilitator's care of the room in its document: the pause (the projector
 * and phones follow it from any device), discreet mode's neutral name, and the
 * private break requests. A break request rides a phone's sealed care slot
 * (careSlot.ts), which every phone re-seals on the same cadence whether or not
 * it asks, so no phone that holds the document can tell that one exists.
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
import type { FacilitatorBox } from '../privateLayer/facilitatorBox';
import { openCareSlots } from './careSlot';
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
    // Inside the same value, so whatever signs or checks discreet mode covers it too.
    keepWords: z.optional(z.boolean()),
  }),
  fallback: notDiscreet,
  // A forged "off" would put the topic words back on every screen and export: only the console's counts.
  signed: true,
});

/** Break requests up to this time have been seen by the facilitator. */
export const breaksSeenAt = defineRoomValue<{ at: number }>({
  map: ROOM_MAPS.care,
  key: 'breaksSeenAt',
  schema: z.object({ at: time }),
  fallback: () => ({ at: 0 }),
  // A key holder who set it far ahead would hide every later request for a break: only the console's counts.
  signed: true,
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
    breaksSeenAt: readValue(doc, breaksSeenAt).at,
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
  writeValue(doc, discreetMode, {
    on: discreet.on,
    name: discreet.name.trim(),
    // Written only when set: a room that never kept the words reads as before.
    ...(discreet.keepWords === true ? { keepWords: true } : {}),
  });
}

/**
 * "I need a break" from a phone whose link did not carry the console's key (an
 * older link): a plain record of when, under a random id, nothing else. With
 * the key, the request rides the phone's sealed care slot instead (careSlot.ts).
 */
export function askForBreakUnsealed(doc: Y.Doc, now = Date.now()): BreakRequest {
  const request: BreakRequest = { id: randomToken(12), at: now };
  writeRecord(doc, breakRequests, request);
  return request;
}

/**
 * The break requests the console can read: those the phones' care slots carry
 * (opened with its key, `cache` per slot) and the plain ones.
 */
export async function openBreakRequests(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
  cache: Map<string, { box: string; request: BreakRequest | null }>,
): Promise<BreakRequest[]> {
  return [
    ...(await openCareSlots(doc, box, room, cache)),
    ...readRecords(doc, breakRequests).items,
  ];
}

/** The facilitator has seen every request made until now. */
export function markBreaksSeen(doc: Y.Doc, now = Date.now()): void {
  writeValue(doc, breaksSeenAt, { at: now });
}

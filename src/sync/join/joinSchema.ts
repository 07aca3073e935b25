/**
 * What the room's document says about joining it, set by the console alone (both
 * are signed: signedValues.ts):
 * - the join code's generation: the code is derived from the room key and this
 *   number, so "New join code" retires a photographed code without a new room;
 * - the laptop's certificate fingerprint, so a projector on another device (which
 *   the workshop server does not tell) shows the same four groups as the console.
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { createDocStore, sameJson } from '../docStore';
import { defineRoomValue, readValue, writeValue } from '../record';
import { ROOM_MAPS } from '../schemaParts';

export const JOIN_CODE_GENERATION_MAX = 1_000_000;

export type JoinCodeGeneration = { generation: number };

export const joinCodeGeneration = defineRoomValue<JoinCodeGeneration>({
  map: ROOM_MAPS.meta,
  key: 'joinCode',
  schema: z.object({
    generation: z.number().check(z.int(), z.nonnegative(), z.lte(JOIN_CODE_GENERATION_MAX)),
  }),
  fallback: () => ({ generation: 0 }),
  signed: true,
});

/** The certificate's SHA-256 as the server prints it ("AB:CD:..."), or null when unknown. */
export type RoomCertificate = { fingerprint: string | null };

export const roomCertificate = defineRoomValue<RoomCertificate>({
  map: ROOM_MAPS.meta,
  key: 'certificate',
  schema: z.object({ fingerprint: z.nullable(z.string().check(z.regex(/^[0-9A-F:]{95}$/))) }),
  fallback: () => ({ fingerprint: null }),
  signed: true,
});

export type JoinState = { generation: number; fingerprint: string | null };

export function readJoinState(doc: Y.Doc): JoinState {
  return {
    generation: readValue(doc, joinCodeGeneration).generation,
    fingerprint: readValue(doc, roomCertificate).fingerprint,
  };
}

export const joinStore = createDocStore([ROOM_MAPS.meta], readJoinState, sameJson);

/** "New join code": the next generation (the console signs it; phones already in stay in). */
export function replaceJoinCode(doc: Y.Doc): number {
  const next = Math.min(readJoinState(doc).generation + 1, JOIN_CODE_GENERATION_MAX);
  writeValue(doc, joinCodeGeneration, { generation: next });
  return next;
}

/** The console tells the room its laptop's certificate, when it differs from what the room says. */
export function publishFingerprint(doc: Y.Doc, fingerprint: string): void {
  if (readJoinState(doc).fingerprint === fingerprint) return;
  writeValue(doc, roomCertificate, { fingerprint });
}

/** When the room was created and closed: every phone, online then, learns it ended. */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { defineRoomValue, readStoredValue } from './record';
import { ROOM_MAPS } from './schemaParts';

const timestamp = z.number();

export const roomCreatedAt = defineRoomValue<number>({
  map: ROOM_MAPS.meta,
  key: 'createdAt',
  schema: timestamp,
  fallback: () => 0,
});

export const roomClosedAt = defineRoomValue<number>({
  map: ROOM_MAPS.meta,
  key: 'closedAt',
  schema: timestamp,
  fallback: () => 0,
});

export type RoomMeta = { createdAt: number; closedAt?: number };

export function readRoomMeta(doc: Y.Doc): RoomMeta | null {
  const createdAt = readStoredValue(doc, roomCreatedAt);
  if (createdAt === null) return null;
  const closedAt = readStoredValue(doc, roomClosedAt);
  return closedAt === null ? { createdAt } : { createdAt, closedAt };
}

/**
 * The room's life: when the console made it and when it closed. Room-wide, so
 * it lives beside the connection rather than in any tool's folder.
 */
import type * as Y from 'yjs';
import { readStoredValue, writeValue } from './record';
import { roomClosedAt, roomCreatedAt } from './roomMetaSchema';

export function initialiseRoom(doc: Y.Doc, now = Date.now()): void {
  if (readStoredValue(doc, roomCreatedAt) === null) writeValue(doc, roomCreatedAt, now);
}

/** Marks the room closed so every phone, online now, learns it ended. */
export function closeRoom(doc: Y.Doc, now = Date.now()): void {
  writeValue(doc, roomClosedAt, now);
}

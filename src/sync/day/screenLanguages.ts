/**
 * The projector's second language as the console chose it, shown beside the
 * projector's own for a room that works with interpreters. In the room, so a
 * projector on another device follows it, not only a window that shares the
 * laptop's localStorage. (The projector's own language comes with the day, see
 * agendaSchema.) Phones do not read it: they keep their own.
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { createDocStore, sameJson } from '../docStore';
import { defineRoomValue, readStoredValue, writeValue } from '../record';
import { ROOM_MAPS } from '../schemaParts';

const languageCode = z.string().check(z.regex(/^[a-z]{2}$/));

export const screenLanguagesSchema = z.object({
  /** The second column's language; null for one language. */
  second: z.nullable(languageCode),
});
export type ScreenLanguages = z.infer<typeof screenLanguagesSchema>;

export const screenLanguages = defineRoomValue<ScreenLanguages | null>({
  map: ROOM_MAPS.agenda,
  key: 'screenLanguages',
  schema: screenLanguagesSchema,
  fallback: () => null,
});

/** Null until the console has said (an older console, or a room opened before this field). */
export function readScreenLanguages(doc: Y.Doc): ScreenLanguages | null {
  return readStoredValue(doc, screenLanguages);
}

export const screenLanguagesStore = createDocStore(
  [ROOM_MAPS.agenda],
  readScreenLanguages,
  sameJson,
);

/** Writes the console's choice unless the room already holds the same. */
export function writeScreenLanguages(doc: Y.Doc, value: ScreenLanguages): void {
  if (sameJson(readScreenLanguages(doc), value)) return;
  writeValue(doc, screenLanguages, value);
}

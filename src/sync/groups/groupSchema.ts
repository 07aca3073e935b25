/**
 * The room's working groups, one record each (the map keeps its first name,
 * `quizGroups`, so a room open today reads as before). The quiz, the
 * role-play and the plan all use them.
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { GROUPS_MAX, type Group } from '../../domain/groups';
import { compareKeys } from '../../domain/order';
import { NICKNAME_MAX_CHARS } from '../limits';
import { defineRoomRecord, readRecords } from '../record';
import { ROOM_MAPS, tokenSchema, type Validated } from '../schemaParts';

export const groupSchema = z.object({
  id: tokenSchema,
  number: z.number().check(z.int(), z.gte(1), z.lte(GROUPS_MAX)),
  name: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(NICKNAME_MAX_CHARS))),
});

export const groups = defineRoomRecord<Group>({
  map: ROOM_MAPS.groups,
  schema: groupSchema,
  key: (group) => group.id,
  order: (a, b) => a.number - b.number || compareKeys(a.id, b.id),
  perDeviceCap: GROUPS_MAX,
  perRoomCap: GROUPS_MAX,
});

/** The groups, by number. */
export function readGroups(doc: Y.Doc): Validated<Group> {
  return readRecords(doc, groups);
}

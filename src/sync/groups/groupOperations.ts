/** Named changes to the room's working groups, each one transaction. */
import type * as Y from 'yjs';
import type { Group } from '../../domain/groups';
import { groupSchema, groups as groupRecords } from './groupSchema';
import { NICKNAME_MAX_CHARS } from '../limits';
import { writeRecord } from '../record';
import { randomToken } from '../roomId';
import { ROOM_MAPS } from '../schemaParts';

export function newGroupId(): string {
  return randomToken(9);
}

/** Sets the room's groups; groups no longer listed go, with their quiz answers. */
export function setGroups(doc: Y.Doc, groups: readonly Group[]): void {
  const map = doc.getMap(groupRecords.map);
  const answers = doc.getMap(ROOM_MAPS.quizAnswers);
  const keep = new Set(groups.map((g) => g.id));
  doc.transact(() => {
    for (const id of [...map.keys()]) if (!keep.has(id)) map.delete(id);
    for (const key of [...answers.keys()]) {
      if (!keep.has(key.split('|')[2] ?? '')) answers.delete(key);
    }
    for (const group of groups) map.set(group.id, groupSchema.parse(group));
  });
}

export function renameGroup(doc: Y.Doc, group: Group, name: string): void {
  const trimmed = name.trim().slice(0, NICKNAME_MAX_CHARS);
  writeRecord(doc, groupRecords, { ...group, name: trimmed === '' ? null : trimmed });
}

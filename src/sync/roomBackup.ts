/**
 * The room as a backup file holds it: its content only. A Yjs update carries
 * the client id of every peer that wrote, and the records carry the random ids
 * of the phones and groups that wrote them; a file that leaves the laptop
 * should not let anyone tell which phone wrote which card. So the content is
 * copied into a fresh document (one new client id for everything) and every
 * device and group id is replaced by a new random one, the same one wherever
 * it appears, so each phone's share and each group's answers still hold.
 */
import * as Y from 'yjs';
import { toBase64 } from './roomCrypto';
import { randomToken } from './roomId';
import { ROOM_MAPS, tokenSchema } from './schemaParts';
import type { FacilitatorBox } from './privateLayer/facilitatorBox';
import { openForFile, type OpenedEntry } from './privateLayer/roomFileSeals';

const ID_FIELDS = new Set(['device', 'groupId']);
export const ROOM_FILE_FORMAT = 'security-workshop-kit/room';
/**
 * 2: the private layer travels opened (`opened`) for the new room's console to seal
 * again; 1 (still read): it travelled as the old room's ciphertext, which no new room opens.
 */
export const ROOM_FILE_VERSION = 2;
export const ROOM_FILE_VERSIONS: readonly number[] = [1, 2];

/**
 * What a version-2 file leaves out of the document: the old room's ciphertext
 * (its words travel opened instead) and the console's sealed proposals to visits
 * of the old room, which no phone of a new room could open or answer.
 */
const OLD_ROOM_SEALS: ReadonlySet<string> = new Set([ROOM_MAPS.sealed, ROOM_MAPS.sealedReplies]);

/** Maps whose entries sit under a sealed card's id: what goes when that card is left out. */
const SEALED_ENTRY_MAPS: ReadonlySet<string> = new Set([
  ROOM_MAPS.sealed,
  ROOM_MAPS.sealedReplies,
  ROOM_MAPS.moderation,
  ROOM_MAPS.countedCards,
  ROOM_MAPS.countedPoints,
]);

/**
 * The room file the console saves: its format, when, and the anonymised
 * content. `leaveOut`: sealed cards (by id) the file must not hold: the
 * counted and facilitator-only cards the trainer did not tick.
 */
export function roomBackupText(
  doc: Y.Doc,
  now = new Date(),
  leaveOut: ReadonlySet<string> = new Set(),
): string {
  return JSON.stringify({
    format: ROOM_FILE_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    update: toBase64(Y.encodeStateAsUpdate(anonymisedCopy(doc, leaveOut).copy)),
  });
}

/**
 * The room file as the console saves it: like `roomBackupText`, and what phones
 * sealed to this console opened (`box`: this room's), for the new room's console
 * to seal again to its own key (privateLayer/roomFileSeals.ts). `leaveOut`: the
 * held cards and points the trainer did not tick, which leave no trace at all.
 */
export async function roomFileText(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
  leaveOut: ReadonlySet<string> = new Set(),
  now = new Date(),
): Promise<string> {
  const opened = await openForFile(doc, box, room, leaveOut);
  const { copy, opened: renamed } = anonymisedCopy(doc, leaveOut, opened);
  return JSON.stringify({
    format: ROOM_FILE_FORMAT,
    version: ROOM_FILE_VERSION,
    exportedAt: now.toISOString(),
    update: toBase64(Y.encodeStateAsUpdate(copy)),
    opened: renamed,
  });
}

/**
 * `opened` (a version-2 file): the private layer's words, renamed with the same
 * pseudonyms as the document; the old room's seals are then left out of it, and the
 * decisions that waited on an author's answer go back to the queue (the new room
 * has no proposal for them and no visit that could answer one).
 */
export function anonymisedCopy(
  doc: Y.Doc,
  leaveOut: ReadonlySet<string> = new Set(),
  opened?: readonly OpenedEntry[],
): { copy: Y.Doc; opened: unknown[] } {
  const contents = Object.values(ROOM_MAPS).flatMap((name) => {
    if (opened && OLD_ROOM_SEALS.has(name)) return [];
    const entries = doc.getMap(name).toJSON() as Record<string, unknown>;
    if (SEALED_ENTRY_MAPS.has(name)) for (const id of leaveOut) delete entries[id];
    if (opened && name === ROOM_MAPS.moderation) {
      for (const [id, decision] of Object.entries(entries)) {
        const state = isRecord(decision) ? decision.state : undefined;
        if (state === 'proposed' || state === 'declined') delete entries[id];
      }
    }
    return [[name, entries] as const];
  });
  const ids = new Set<string>();
  collectIds(opened ?? [], ids);
  for (const [name, entries] of contents) {
    collectIds(entries, ids);
    // The groups are kept under their ids.
    if (name === ROOM_MAPS.groups) Object.keys(entries).forEach((id) => addId(id, ids));
  }
  const pseudonyms = [...ids].map((id) => [id, randomToken(12)] as const);
  const rename = (text: string) =>
    pseudonyms.reduce((out, [id, pseudonym]) => out.replaceAll(id, pseudonym), text);

  const copy = new Y.Doc();
  copy.transact(() => {
    for (const [name, entries] of contents) {
      const target = copy.getMap(name);
      for (const [key, value] of Object.entries(entries)) {
        const renamed = renameAll(value, rename);
        // Cards are maps of fields (two people may change one card's fields at once).
        target.set(
          rename(key),
          name === ROOM_MAPS.cards && isRecord(renamed)
            ? new Y.Map(Object.entries(renamed))
            : renamed,
        );
      }
    }
  });
  return { copy, opened: (opened ?? []).map((entry) => renameAll(entry, rename)) };
}

function collectIds(value: unknown, ids: Set<string>): void {
  if (Array.isArray(value)) value.forEach((item) => collectIds(item, ids));
  if (!isRecord(value)) return;
  for (const [field, inner] of Object.entries(value)) {
    if (ID_FIELDS.has(field)) addId(inner, ids);
    else collectIds(inner, ids);
  }
}

function addId(value: unknown, ids: Set<string>): void {
  if (tokenSchema.safeParse(value).success) ids.add(value as string);
}

function renameAll(value: unknown, rename: (text: string) => string): unknown {
  if (typeof value === 'string') return rename(value);
  if (Array.isArray(value)) return value.map((item) => renameAll(item, rename));
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [rename(key), renameAll(inner, rename)]),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

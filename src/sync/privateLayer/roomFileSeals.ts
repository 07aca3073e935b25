/**
 * The private layer across a room file. What phones sealed is sealed to the
 * old room's console key, which erasing that room deletes and which a new room
 * never has: a file carrying only ciphertext would bring back a room whose
 * queue, withheld cards, reasons and points no one can open again.
 *
 * So the console opens them as it saves the file (the file stays on the
 * trainer's laptop, after the "Keeping the register" dialog; held entries only
 * if ticked one by one), and the new room's console seals each one again, to
 * its own box key, as it imports the file: the new room's document holds
 * ciphertext only, as the old one did, and no other phone of the new room can
 * read what was not published.
 *
 * The words are sealed again under one key pair made for the import (an
 * "import visit"): the authors' own visits belonged to the old room, so no
 * phone of the new room can answer a proposed rewording of them; they can
 * still be published as written or kept private.
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { writeRecord } from '../record';
import { tokenSchema } from '../schemaParts';
import { createBoxKeys, createPhoneBox, type FacilitatorBox } from './facilitatorBox';
import { binding, openEachSealed } from './sealedOperations';
import {
  sealedCardPayloadSchema,
  sealedPointPayloadSchema,
  sealedReasonPayloadSchema,
  sealedRecords,
  type SealedRecord,
} from './sealedSchema';

/** The kinds a room file carries opened: what participants wrote (not replies or signals). */
export const KINDS_IN_A_FILE = ['card', 'point', 'reason'] as const;
type KindInAFile = (typeof KINDS_IN_A_FILE)[number];

const payloadSchemas: Record<KindInAFile, z.ZodMiniType> = {
  card: sealedCardPayloadSchema,
  point: sealedPointPayloadSchema,
  reason: sealedReasonPayloadSchema,
};

/** One sealed record as the console opened it for the file. */
export const openedEntrySchema = z.object({
  kind: z.enum(KINDS_IN_A_FILE),
  id: tokenSchema,
  device: tokenSchema,
  createdAt: z.number().check(z.int(), z.nonnegative()),
  payload: z.unknown(),
});
export type OpenedEntry = z.infer<typeof openedEntrySchema>;

/**
 * Everything phones sealed to this console that it can open, but what the file
 * must leave out (`leaveOut`: the held cards and points the trainer did not tick).
 */
export async function openForFile(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
  leaveOut: ReadonlySet<string>,
): Promise<OpenedEntry[]> {
  const entries: OpenedEntry[] = [];
  for (const kind of KINDS_IN_A_FILE) {
    const opened = await openEachSealed<OpenedEntry>(
      doc,
      box,
      room,
      kind,
      new Map(),
      (payload, record) =>
        payloadSchemas[kind].safeParse(payload).success
          ? { kind, id: record.id, device: record.device, createdAt: record.createdAt, payload }
          : null,
    );
    entries.push(...opened.filter((entry) => !leaveOut.has(entry.id)));
  }
  return entries;
}

/**
 * Seals what a room file carried opened to this (new) room's console, under the
 * same ids, devices and times: the queue, the withheld lists and the reveal
 * read them as before. Entries that do not match their schema are left out.
 * Returns how many were sealed.
 */
export async function sealImported(
  doc: Y.Doc,
  consoleBox: FacilitatorBox,
  room: string,
  entries: readonly unknown[],
): Promise<number> {
  const visit = await createPhoneBox(consoleBox.publicKey, await createBoxKeys());
  const records: SealedRecord[] = [];
  for (const entry of entries) {
    const parsed = openedEntrySchema.safeParse(entry);
    if (!parsed.success) continue;
    const { kind, id, device, createdAt, payload } = parsed.data;
    const checked = payloadSchemas[kind].safeParse(payload);
    if (!checked.success) continue;
    const sealed = await visit.sealForFacilitator(binding(room, kind, id), payload);
    records.push({ id, kind, device, ...sealed, createdAt });
  }
  doc.transact(() => records.forEach((record) => writeRecord(doc, sealedRecords, record)));
  return records.length;
}

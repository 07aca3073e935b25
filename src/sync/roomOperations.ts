/**
 * Named operations on the room's document, each one transaction. A card is
 * changed by replacing its record under the same key, never by delete and
 * re-insert, so concurrent edits cannot duplicate it (STYLE.md).
 */
import type * as Y from 'yjs';
import { CARD_TEXT_MAX_CHARS, NICKNAME_MAX_CHARS } from './limits';
import { randomToken } from './roomId';
import {
  cardsMap,
  incidentCardSchema,
  metaMap,
  type IncidentCard,
  type Severity,
} from './roomSchema';

export type NewCard = { text: string; severity: Severity; author?: string | null };

export class CardRejected extends Error {}

export function addIncidentCard(
  doc: Y.Doc,
  device: string,
  input: NewCard,
  now = Date.now(),
): IncidentCard {
  const text = input.text.trim();
  if (text.length === 0) throw new CardRejected('empty');
  if (text.length > CARD_TEXT_MAX_CHARS) throw new CardRejected('too-long');
  const author = input.author?.trim().slice(0, NICKNAME_MAX_CHARS) || null;
  const card = incidentCardSchema.parse({
    id: randomToken(12),
    text,
    severity: input.severity,
    month: null,
    author,
    device,
    createdAt: now,
  });
  doc.transact(() => cardsMap(doc).set(card.id, card));
  return card;
}

export function withdrawIncidentCard(doc: Y.Doc, id: string): void {
  doc.transact(() => cardsMap(doc).delete(id));
}

export function initialiseRoom(doc: Y.Doc, now = Date.now()): void {
  doc.transact(() => {
    if (!metaMap(doc).has('createdAt')) metaMap(doc).set('createdAt', now);
  });
}

/** Marks the room closed so every phone, online now, learns it ended. */
export function closeRoom(doc: Y.Doc, now = Date.now()): void {
  doc.transact(() => metaMap(doc).set('closedAt', now));
}

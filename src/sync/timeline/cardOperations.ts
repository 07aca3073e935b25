/**
 * Named operations on the room's document, each one transaction. A card is
 * changed by replacing its record under the same key, never by delete and
 * re-insert, so concurrent edits cannot duplicate it (STYLE.md).
 */
import * as Y from 'yjs';
import { CARD_TEXT_MAX_CHARS, NICKNAME_MAX_CHARS } from '../limits';
import { randomToken } from '../roomId';
import {
  cardValue,
  cardsMap,
  incidentCardSchema,
  type IncidentCard,
  type Severity,
} from './cardSchema';
import { writeRecord, writeValue } from '../record';
import {
  cardLinkKey,
  cardLinks,
  insights,
  wallSettings,
  type WallSettings,
} from './timelineSchema';

export type NewCard = {
  text: string;
  severity: Severity;
  author?: string | null;
  /** Placed on the timeline at once ("2026-03"); a phone's card starts unplaced. */
  month?: string | null;
  /** A card the facilitator publishes keeps the id it was sealed under. */
  id?: string;
};

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
  const card: IncidentCard = {
    ...incidentCardSchema.parse({
      id: input.id ?? randomToken(12),
      text,
      severity: input.severity,
      month: input.month ?? null,
      author,
      device,
      createdAt: now,
    }),
    reclassified: false,
    note: null,
    hidden: false,
  };
  doc.transact(() => cardsMap(doc).set(card.id, new Y.Map(Object.entries(card))));
  return card;
}

export type CardChange = Partial<
  Pick<IncidentCard, 'text' | 'severity' | 'month' | 'reclassified' | 'note' | 'hidden'>
>;

/**
 * Changes a card's fields in place: a move sets its month, a reclassification
 * its severity. Two people moving the same card at once end with it in one
 * month everywhere; a move and a reclassification made at once both land.
 */
export function changeIncidentCard(doc: Y.Doc, id: string, change: CardChange): void {
  // Withdrawn on another phone while this one was moving it: nothing left to change.
  if (!cardsMap(doc).has(id)) return;
  const checked = incidentCardSchema.safeParse({
    ...(cardValue(cardsMap(doc).get(id)) as object),
    ...change,
  });
  if (!checked.success) throw new CardRejected('invalid');
  doc.transact(() => {
    const held = cardsMap(doc).get(id);
    const fields: Y.Map<unknown> =
      held instanceof Y.Map
        ? (held as Y.Map<unknown>)
        : new Y.Map<unknown>(Object.entries(checked.data as Record<string, unknown>));
    if (!(held instanceof Y.Map)) cardsMap(doc).set(id, fields); // an older plain record becomes fields once
    for (const [key, value] of Object.entries(change)) fields.set(key, value);
  });
}

export function linkCards(doc: Y.Doc, a: string, b: string, now = Date.now()): void {
  if (a === b) return;
  writeRecord(doc, cardLinks, { a: a < b ? a : b, b: a < b ? b : a, createdAt: now });
}

export function unlinkCards(doc: Y.Doc, a: string, b: string): void {
  doc.transact(() => doc.getMap(cardLinks.map).delete(cardLinkKey(a, b)));
}

export function addInsight(doc: Y.Doc, text: string, now = Date.now()): void {
  writeRecord(doc, insights, { id: randomToken(12), text: text.trim(), createdAt: now });
}

export function removeInsight(doc: Y.Doc, id: string): void {
  doc.transact(() => doc.getMap(insights.map).delete(id));
}

export function setWallSettings(doc: Y.Doc, settings: WallSettings): void {
  writeValue(doc, wallSettings, settings);
}

export function withdrawIncidentCard(doc: Y.Doc, id: string): void {
  doc.transact(() => cardsMap(doc).delete(id));
}

/**
 * The timeline's incident cards: what a phone writes, the facilitator moves
 * and the projector's wall shows. Read through the card index (cardIndex.ts).
 */
import * as z from 'zod/mini';
import * as Y from 'yjs';
import {
  CARD_TEXT_MAX_CHARS,
  CARDS_PER_PARTICIPANT_MAX,
  CARDS_PER_ROOM_MAX,
  NICKNAME_MAX_CHARS,
} from '../limits';
import { defineRoomRecord } from '../record';
import { ROOM_MAPS, tokenSchema } from '../schemaParts';

export const SEVERITIES = ['red', 'yellow', 'green'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const incidentCardSchema = z.object({
  id: tokenSchema,
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(CARD_TEXT_MAX_CHARS)),
  severity: z.enum(SEVERITIES),
  /** Year and month, "2026-03"; null until the card is placed on the timeline. */
  month: z.nullable(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/))),
  /** Only present when the author chose to sign the card. */
  author: z.nullable(z.string().check(z.maxLength(NICKNAME_MAX_CHARS))),
  /** A random id of the writing device, never its person: lets a phone find its own cards. */
  device: tokenSchema,
  createdAt: z.number().check(z.int(), z.nonnegative()),
  /** The facilitator changed the severity; the author's phone says so. */
  reclassified: z.optional(z.boolean()),
  /** The facilitator's note on the card. */
  note: z.optional(z.nullable(z.string().check(z.maxLength(CARD_TEXT_MAX_CHARS)))),
  /** Hidden from the wall at its author's request; still in the author's own list. */
  hidden: z.optional(z.boolean()),
});
type IncidentCardRecord = z.infer<typeof incidentCardSchema>;
export type IncidentCard = Required<IncidentCardRecord>;

/** A card is a map of fields (so a move and a reclassification made at once both land); older ones are plain records. */
export function cardValue(value: unknown): unknown {
  return value instanceof Y.Map ? value.toJSON() : value;
}

export function cardsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOM_MAPS.cards);
}

export const incidentCards = defineRoomRecord<IncidentCard, IncidentCardRecord>({
  map: ROOM_MAPS.cards,
  schema: incidentCardSchema,
  key: (card) => card.id,
  time: (card) => card.createdAt,
  device: (card) => card.device,
  perDeviceCap: CARDS_PER_PARTICIPANT_MAX,
  perRoomCap: CARDS_PER_ROOM_MAX,
  /** Records written before a field existed read as its default. */
  defaults: (card) => ({
    ...card,
    reclassified: card.reclassified ?? false,
    note: card.note ?? null,
    hidden: card.hidden ?? false,
  }),
  value: cardValue,
});

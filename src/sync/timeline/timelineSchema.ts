/**
 * The incident timeline around the cards: links the group sees between
 * incidents, the insights it draws, and the wall's settings.
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { compareKeys } from '../../domain/order';
import { SEVERITIES } from './cardSchema';
import { CARD_LINKS_PER_ROOM_MAX, CARD_TEXT_MAX_CHARS, INSIGHTS_PER_ROOM_MAX } from '../limits';
import { defineRoomRecord, defineRoomValue, readRecords, readValue } from '../record';
import { ROOM_MAPS, tokenSchema, type Validated } from '../schemaParts';

export const cardLinkSchema = z.object({ a: tokenSchema, b: tokenSchema, createdAt: z.number() });
export type CardLink = z.infer<typeof cardLinkSchema>;

export function cardLinkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export const cardLinks = defineRoomRecord<CardLink>({
  map: ROOM_MAPS.cardLinks,
  schema: cardLinkSchema,
  key: (link) => cardLinkKey(link.a, link.b),
  // Every peer iterates the map in its own order: sorted, every screen lists links alike.
  order: (x, y) =>
    x.createdAt - y.createdAt || compareKeys(cardLinkKey(x.a, x.b), cardLinkKey(y.a, y.b)),
  perDeviceCap: CARD_LINKS_PER_ROOM_MAX,
  perRoomCap: CARD_LINKS_PER_ROOM_MAX,
});

/** Links between cards that are both still on the wall. */
export function readCardLinks(doc: Y.Doc, cardIds: ReadonlySet<string>): Validated<CardLink> {
  const { items, dropped } = readRecords(doc, cardLinks);
  const kept = items.filter((l) => l.a !== l.b && cardIds.has(l.a) && cardIds.has(l.b));
  return { items: kept, dropped: dropped + items.length - kept.length };
}

export const insightSchema = z.object({
  id: tokenSchema,
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(CARD_TEXT_MAX_CHARS)),
  createdAt: z.number(),
});
export type Insight = z.infer<typeof insightSchema>;

export const insights = defineRoomRecord<Insight>({
  map: ROOM_MAPS.insights,
  schema: insightSchema,
  key: (insight) => insight.id,
  time: (insight) => insight.createdAt,
  perDeviceCap: INSIGHTS_PER_ROOM_MAX,
  perRoomCap: INSIGHTS_PER_ROOM_MAX,
});

export function readInsights(doc: Y.Doc): Validated<Insight> {
  return readRecords(doc, insights);
}

export const wallSettingsSchema = z.object({
  locked: z.boolean(),
  /** A calendar year, or null for the last twelve months. */
  year: z.nullable(z.number().check(z.int(), z.gte(2000), z.lte(2100))),
  /** The severities the wall shows: the facilitator's filter. */
  shown: z.optional(z.array(z.enum(SEVERITIES)).check(z.maxLength(3))),
});
export type WallSettings = z.infer<typeof wallSettingsSchema>;

export const wallSettings = defineRoomValue<WallSettings>({
  map: ROOM_MAPS.meta,
  key: 'wall',
  schema: wallSettingsSchema,
  fallback: () => ({ locked: false, year: null, shown: [...SEVERITIES] }),
  // The facilitator's moderation of the wall (locked, which year, which colours): the console's alone.
  signed: true,
});

export function readWallSettings(doc: Y.Doc): WallSettings {
  return readValue(doc, wallSettings);
}

/**
 * The shape of a workshop room's shared document, declared once. Every read
 * goes through these validators, so a malformed or oversized entry from a peer
 * is dropped and counted, never shown.
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import {
  CARD_TEXT_MAX_CHARS,
  CARDS_PER_PARTICIPANT_MAX,
  CARDS_PER_ROOM_MAX,
  NICKNAME_MAX_CHARS,
} from './limits';

export const SEVERITIES = ['red', 'yellow', 'green'] as const;
export type Severity = (typeof SEVERITIES)[number];

const tokenSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));

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
});
export type IncidentCard = z.infer<typeof incidentCardSchema>;

export const roomMetaSchema = z.object({
  createdAt: z.number(),
  closedAt: z.optional(z.number()),
});
export type RoomMeta = z.infer<typeof roomMetaSchema>;

/** The document's top-level types, named in one place. */
export const ROOM_MAPS = { meta: 'meta', cards: 'incidentCards', agenda: 'agenda' } as const;

export function cardsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOM_MAPS.cards);
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOM_MAPS.meta);
}

export type Validated<T> = { items: T[]; dropped: number };

/**
 * The room's incident cards, valid ones only, oldest first. Cards beyond the
 * per-device and per-room limits are dropped too, keeping the oldest, so a
 * flooding peer cannot push others' cards off the wall.
 */
export function readIncidentCards(doc: Y.Doc): Validated<IncidentCard> {
  const valid: IncidentCard[] = [];
  let dropped = 0;
  cardsMap(doc).forEach((value, key) => {
    const parsed = incidentCardSchema.safeParse(value);
    if (parsed.success && parsed.data.id === key) valid.push(parsed.data);
    else dropped += 1;
  });
  valid.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const perDevice = new Map<string, number>();
  const items: IncidentCard[] = [];
  for (const card of valid) {
    const count = (perDevice.get(card.device) ?? 0) + 1;
    perDevice.set(card.device, count);
    if (count > CARDS_PER_PARTICIPANT_MAX || items.length >= CARDS_PER_ROOM_MAX) dropped += 1;
    else items.push(card);
  }
  return { items, dropped };
}

export function readRoomMeta(doc: Y.Doc): RoomMeta | null {
  const parsed = roomMetaSchema.safeParse(metaMap(doc).toJSON());
  return parsed.success ? parsed.data : null;
}

/**
 * The console's day plan and where its run stands, so a projector on another
 * screen can follow it. Also the shape kept in the console's localStorage and
 * sent over BroadcastChannel: one validator for every way it travels.
 */
const itemKeySchema = z.string().check(z.regex(/^[a-z0-9-]{1,60}\/[a-z0-9-]{1,60}$/));
const sessionIdSchema = z.string().check(z.regex(/^[a-z0-9-]{1,60}$/));
const msSchema = z.number().check(z.nonnegative(), z.lte(7 * 24 * 3_600_000));

export const daySettingsSchema = z.object({
  sessionIds: z.array(sessionIdSchema).check(z.maxLength(20)),
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  startTime: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  includedOptional: z.array(itemKeySchema).check(z.maxLength(200)),
  breakMinutes: z.record(itemKeySchema, z.number().check(z.int(), z.gte(1), z.lte(180))),
  breakAfter: z.record(itemKeySchema, itemKeySchema),
  warningMinutes: z.number().check(z.gte(0), z.lte(30)),
});

export const agendaRunSchema = z.object({
  status: z.enum(['ready', 'running', 'paused', 'finished']),
  current: z.number().check(z.int(), z.nonnegative(), z.lte(500)),
  startedAt: z.nullable(z.number().check(z.nonnegative())),
  spentBeforeMs: msSchema,
  extraMs: z.record(itemKeySchema, msSchema),
  spentMs: z.record(itemKeySchema, msSchema),
  skipped: z.array(itemKeySchema).check(z.maxLength(500)),
});

export const agendaStateSchema = z.object({
  settings: daySettingsSchema,
  run: agendaRunSchema,
  /** The console's clock when it last changed: the newest copy wins. */
  updatedAt: z.number().check(z.nonnegative()),
});
export type AgendaState = z.infer<typeof agendaStateSchema>;

const AGENDA_KEY = 'day';

export function agendaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOM_MAPS.agenda);
}

export function readAgendaState(doc: Y.Doc): AgendaState | null {
  return parseAgendaState(agendaMap(doc).get(AGENDA_KEY));
}

export function parseAgendaState(value: unknown): AgendaState | null {
  const parsed = agendaStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function writeAgendaState(doc: Y.Doc, state: AgendaState): void {
  doc.transact(() => agendaMap(doc).set(AGENDA_KEY, state));
}

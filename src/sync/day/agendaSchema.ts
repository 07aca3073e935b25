import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { defineRoomValue, readStoredValue } from '../record';
import { ROOM_MAPS } from '../schemaParts';

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
  /** The console's interface language: the projector speaks it too (absent in older rooms). */
  language: z.optional(z.string().check(z.regex(/^[a-z]{2}$/))),
});
export type AgendaState = z.infer<typeof agendaStateSchema>;

export const agendaState = defineRoomValue<AgendaState | null>({
  map: ROOM_MAPS.agenda,
  key: 'day',
  schema: agendaStateSchema,
  fallback: () => null,
});

export function agendaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOM_MAPS.agenda);
}

export function readAgendaState(doc: Y.Doc): AgendaState | null {
  return readStoredValue(doc, agendaState);
}

export function parseAgendaState(value: unknown): AgendaState | null {
  const parsed = agendaStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Not checked on write: the console's own state; a projector drops it on read if it is malformed. */
export function writeAgendaState(doc: Y.Doc, state: AgendaState): void {
  doc.transact(() => agendaMap(doc).set(agendaState.key, state));
}

/**
 * The shape of a workshop room's shared document, declared once. Every read
 * goes through these validators, so a malformed or oversized entry from a peer
 * is dropped and counted, never shown.
 */
import * as z from 'zod/mini';
import * as Y from 'yjs';
import {
  ANSWER_JUSTIFICATION_MAX_CHARS,
  QUIZ_GROUPS_MAX,
  CARD_TEXT_MAX_CHARS,
  CARDS_PER_PARTICIPANT_MAX,
  CARDS_PER_ROOM_MAX,
  NICKNAME_MAX_CHARS,
} from './limits';
import { ROOM_MAPS, caseIdSchema, readValid, tokenSchema, type Validated } from './schemaParts';
import { compareKeys } from '../domain/order';

export { ROOM_MAPS, readValid, type Validated } from './schemaParts';
export * from './rolePlaySchema';

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

/** Records written before a field existed read as its default. */
function withDefaults(card: IncidentCardRecord): IncidentCard {
  return {
    ...card,
    reclassified: card.reclassified ?? false,
    note: card.note ?? null,
    hidden: card.hidden ?? false,
  };
}

/** A card is a map of fields (so a move and a reclassification made at once both land); older ones are plain records. */
export function cardValue(value: unknown): unknown {
  return value instanceof Y.Map ? value.toJSON() : value;
}

export const roomMetaSchema = z.object({
  createdAt: z.number(),
  closedAt: z.optional(z.number()),
});
export type RoomMeta = z.infer<typeof roomMetaSchema>;

export function cardsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOM_MAPS.cards);
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOM_MAPS.meta);
}

/**
 * The room's incident cards, valid ones only, oldest first. Cards beyond the
 * per-device and per-room limits are dropped too, keeping the oldest, so a
 * flooding peer cannot push others' cards off the wall.
 */
export function readIncidentCards(doc: Y.Doc): Validated<IncidentCard> {
  const cache = cardCacheFor(doc);
  // Inside a transaction the change marks are not in yet: check every card.
  if (cache.stale || doc._transaction !== null) rebuild(doc, cache);
  else for (const key of cache.changedKeys) reparse(doc, cache, key);
  cache.changedKeys.clear();
  cache.stale = false;
  const items = withinLimits(cache.sorted);
  // The same cards as last time keep the same list: a flood past the room's cap, all of it
  // dropped, then redraws no screen that shows only the cards.
  const same =
    cache.items.length === items.length && items.every((card, i) => card === cache.items[i]);
  if (!same) cache.items = items;
  return { items: cache.items, dropped: cache.invalid + cache.sorted.length - items.length };
}

/** The oldest cards, at most so many per device and in the room. */
function withinLimits(sorted: readonly IncidentCard[]): IncidentCard[] {
  const perDevice = new Map<string, number>();
  const items: IncidentCard[] = [];
  for (const card of sorted) {
    if (items.length >= CARDS_PER_ROOM_MAX) break;
    const count = (perDevice.get(card.device) ?? 0) + 1;
    perDevice.set(card.device, count);
    if (count <= CARDS_PER_PARTICIPANT_MAX) items.push(card);
  }
  return items;
}

type ParsedCard = { json: string; card: IncidentCard | null };

/**
 * What the last read found, and which cards changed since: a read after a
 * change looks at the changed cards only, so the cost of a read does not grow
 * with a flood of 10,000 cards the room already holds (and refuses).
 */
type CardCache = {
  parsed: Map<string, ParsedCard>;
  /** Every valid card, oldest first. */
  sorted: IncidentCard[];
  invalid: number;
  items: IncidentCard[];
  changedKeys: Set<string>;
  /** A change could not be traced to its card: the next read checks them all. */
  stale: boolean;
};
const cardCaches = new WeakMap<Y.Doc, CardCache>();

function cardCacheFor(doc: Y.Doc): CardCache {
  const existing = cardCaches.get(doc);
  if (existing) return existing;
  const cache: CardCache = {
    parsed: new Map(),
    sorted: [],
    invalid: 0,
    items: [],
    changedKeys: new Set(),
    stale: true,
  };
  const cards = cardsMap(doc);
  cards.observeDeep((events) => {
    for (const event of events) {
      if (event.target === cards) {
        (event as Y.YMapEvent<unknown>).keysChanged.forEach((key) => cache.changedKeys.add(key));
        continue;
      }
      const key = keyInCards(cards, event.target);
      if (key === null) cache.stale = true;
      else cache.changedKeys.add(key);
    }
  });
  cardCaches.set(doc, cache);
  return cache;
}

/** The key under which a changed card's fields sit in the room's cards. */
function keyInCards(cards: Y.Map<unknown>, target: Y.AbstractType<unknown>): string | null {
  let item = target._item;
  while (item && item.parent !== cards) item = (item.parent as Y.AbstractType<unknown>)._item;
  return typeof item?.parentSub === 'string' ? item.parentSub : null;
}

function rebuild(doc: Y.Doc, cache: CardCache): void {
  const parsed = new Map<string, ParsedCard>();
  const sorted: IncidentCard[] = [];
  let invalid = 0;
  cardsMap(doc).forEach((value, key) => {
    const entry = parseCard(key, value, cache.parsed.get(key));
    parsed.set(key, entry);
    if (entry.card) sorted.push(entry.card);
    else invalid += 1;
  });
  sorted.sort(compareCards);
  Object.assign(cache, { parsed, sorted, invalid });
}

function reparse(doc: Y.Doc, cache: CardCache, key: string): void {
  const before = cache.parsed.get(key);
  if (before?.card) {
    const at = indexOfCard(cache.sorted, before.card);
    if (at >= 0) cache.sorted.splice(at, 1);
  } else if (before) cache.invalid -= 1;
  const cards = cardsMap(doc);
  if (!cards.has(key)) {
    cache.parsed.delete(key);
    return;
  }
  const entry = parseCard(key, cards.get(key), before);
  cache.parsed.set(key, entry);
  if (entry.card) cache.sorted.splice(insertionPoint(cache.sorted, entry.card), 0, entry.card);
  else cache.invalid += 1;
}

/** Oldest first; ties by id in code-unit order, the same on every peer. */
function compareCards(a: IncidentCard, b: IncidentCard): number {
  return a.createdAt - b.createdAt || compareKeys(a.id, b.id);
}

/** Where a card goes in a sorted list (binary search). */
function insertionPoint(sorted: readonly IncidentCard[], card: IncidentCard): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareCards(sorted[middle] as IncidentCard, card) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A card's place in a sorted list; ids are unique keys, so the position is its own. */
function indexOfCard(sorted: readonly IncidentCard[], card: IncidentCard): number {
  const at = insertionPoint(sorted, card);
  return sorted[at] === card ? at : sorted.indexOf(card);
}

/**
 * A card unchanged since the last read is not validated again and keeps the
 * same object, so the wall redraws only the cards that changed (a drop on a
 * wall of 300 cards touches one). A card that grew past its limits still fails.
 */
function parseCard(key: string, held: unknown, before: ParsedCard | undefined): ParsedCard {
  const value = cardValue(held);
  let json: string;
  try {
    json = JSON.stringify(value) ?? '';
  } catch {
    return { json: '', card: null };
  }
  if (before && before.json === json) return before;
  const parsed = incidentCardSchema.safeParse(value);
  const card = parsed.success && parsed.data.id === key ? withDefaults(parsed.data) : null;
  return { json, card };
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

/**
 * Case-analysis quizzes: the facilitator's groups and what is open, each
 * group's answer per situation, and the thoughts phones send during a
 * narrative case. A group's answer lives under one key, so its latest wins.
 */
const situationIdSchema = z.string().check(z.regex(/^\d{1,2}\.\d{1,2}$/));

export const quizGroupSchema = z.object({
  id: tokenSchema,
  number: z.number().check(z.int(), z.gte(1), z.lte(QUIZ_GROUPS_MAX)),
  name: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(NICKNAME_MAX_CHARS))),
});
export type QuizGroupRecord = z.infer<typeof quizGroupSchema>;

export const quizRunSchema = z.object({
  caseId: caseIdSchema,
  situations: z.array(situationIdSchema).check(z.maxLength(50)),
  open: z.array(situationIdSchema).check(z.maxLength(50)),
  revealed: z.array(situationIdSchema).check(z.maxLength(50)),
  explained: z.array(situationIdSchema).check(z.maxLength(50)),
  /** The situation on the projector. */
  focus: z.nullable(situationIdSchema),
});

/** What the console puts on the projector, over the day's agenda. */
export const PROJECTOR_SCREENS = [
  'agenda',
  'quiz',
  'narrative',
  'timeline',
  'roleplay',
  'plan',
] as const;
export type ProjectorScreen = (typeof PROJECTOR_SCREENS)[number];

export function readProjectorScreen(doc: Y.Doc): ProjectorScreen {
  const parsed = z.enum(PROJECTOR_SCREENS).safeParse(doc.getMap(ROOM_MAPS.quiz).get('screen'));
  return parsed.success ? parsed.data : 'agenda';
}

export const narrativeRunSchema = z.object({
  caseId: caseIdSchema,
  /** How many days of the story are shown, from the first. */
  daysShown: z.number().check(z.int(), z.nonnegative(), z.lte(14)),
  questions: z.boolean(),
  note: z.boolean(),
  lesson: z.boolean(),
});
export type NarrativeRun = z.infer<typeof narrativeRunSchema>;

export const quizAnswerSchema = z.object({
  caseId: caseIdSchema,
  situationId: situationIdSchema,
  groupId: tokenSchema,
  option: z.string().check(z.regex(/^[A-Z]$/)),
  justification: z.string().check(z.maxLength(ANSWER_JUSTIFICATION_MAX_CHARS)),
  at: z.number().check(z.int(), z.nonnegative()),
  device: tokenSchema,
});
export type QuizAnswerRecord = z.infer<typeof quizAnswerSchema>;

export const thoughtSchema = z.object({
  id: tokenSchema,
  caseId: caseIdSchema,
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(CARD_TEXT_MAX_CHARS)),
  device: tokenSchema,
  createdAt: z.number().check(z.int(), z.nonnegative()),
});
export type Thought = z.infer<typeof thoughtSchema>;

export function quizAnswerKey(caseId: string, situationId: string, groupId: string): string {
  return `${caseId}|${situationId}|${groupId}`;
}

export function readQuizGroups(doc: Y.Doc): Validated<QuizGroupRecord> {
  const { items, dropped } = readValid(
    doc.getMap(ROOM_MAPS.quizGroups),
    quizGroupSchema,
    (g) => g.id,
  );
  items.sort((a, b) => a.number - b.number);
  return {
    items: items.slice(0, QUIZ_GROUPS_MAX),
    dropped: dropped + Math.max(0, items.length - QUIZ_GROUPS_MAX),
  };
}

export function readQuizRun(doc: Y.Doc): z.infer<typeof quizRunSchema> | null {
  const parsed = quizRunSchema.safeParse(doc.getMap(ROOM_MAPS.quiz).get('run'));
  return parsed.success ? parsed.data : null;
}

export function readNarrativeRun(doc: Y.Doc): NarrativeRun | null {
  const parsed = narrativeRunSchema.safeParse(doc.getMap(ROOM_MAPS.quiz).get('narrative'));
  return parsed.success ? parsed.data : null;
}

export function readQuizAnswers(doc: Y.Doc): Validated<QuizAnswerRecord> {
  return readValid(doc.getMap(ROOM_MAPS.quizAnswers), quizAnswerSchema, (a) =>
    quizAnswerKey(a.caseId, a.situationId, a.groupId),
  );
}

/** Thoughts, oldest first; a device past its share is cut off, as with cards. */
export function readThoughts(doc: Y.Doc): Validated<Thought> {
  const { items, dropped } = readValid(doc.getMap(ROOM_MAPS.thoughts), thoughtSchema, (t) => t.id);
  items.sort((a, b) => a.createdAt - b.createdAt || compareKeys(a.id, b.id));
  const perDevice = new Map<string, number>();
  const kept = items.filter((thought) => {
    const count = (perDevice.get(thought.device) ?? 0) + 1;
    perDevice.set(thought.device, count);
    return count <= CARDS_PER_PARTICIPANT_MAX;
  });
  return { items: kept, dropped: dropped + items.length - kept.length };
}

/**
 * The incident timeline around the cards: links the group sees between
 * incidents, the insights it draws, and the wall's settings.
 */
export const cardLinkSchema = z.object({ a: tokenSchema, b: tokenSchema, createdAt: z.number() });
export type CardLink = z.infer<typeof cardLinkSchema>;

export function cardLinkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Links between cards that are both still on the wall. */
export function readCardLinks(doc: Y.Doc, cardIds: ReadonlySet<string>): Validated<CardLink> {
  const { items, dropped } = readValid(doc.getMap(ROOM_MAPS.cardLinks), cardLinkSchema, (l) =>
    cardLinkKey(l.a, l.b),
  );
  const kept = items
    .filter((l) => l.a !== l.b && cardIds.has(l.a) && cardIds.has(l.b))
    // Every peer iterates the map in its own order: sort, so every screen lists links alike.
    .sort(
      (x, y) =>
        x.createdAt - y.createdAt || compareKeys(cardLinkKey(x.a, x.b), cardLinkKey(y.a, y.b)),
    );
  return { items: kept, dropped: dropped + items.length - kept.length };
}

export const insightSchema = z.object({
  id: tokenSchema,
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(CARD_TEXT_MAX_CHARS)),
  createdAt: z.number(),
});
export type Insight = z.infer<typeof insightSchema>;

export function readInsights(doc: Y.Doc): Validated<Insight> {
  const result = readValid(doc.getMap(ROOM_MAPS.insights), insightSchema, (i) => i.id);
  result.items.sort((x, y) => x.createdAt - y.createdAt || compareKeys(x.id, y.id));
  return result;
}

export const wallSettingsSchema = z.object({
  locked: z.boolean(),
  /** A calendar year, or null for the last twelve months. */
  year: z.nullable(z.number().check(z.int(), z.gte(2000), z.lte(2100))),
  /** The severities the wall shows: the facilitator's filter. */
  shown: z.optional(z.array(z.enum(SEVERITIES)).check(z.maxLength(3))),
});
export type WallSettings = z.infer<typeof wallSettingsSchema>;

export function readWallSettings(doc: Y.Doc): WallSettings {
  const parsed = wallSettingsSchema.safeParse(doc.getMap(ROOM_MAPS.meta).get('wall'));
  return parsed.success ? parsed.data : { locked: false, year: null, shown: [...SEVERITIES] };
}

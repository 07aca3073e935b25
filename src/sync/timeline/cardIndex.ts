/**
 * The card index: the generic reader (record.ts) for the one record kind a
 * flood can make huge. A read after a change looks at the changed cards only,
 * so the cost of a read does not grow with a flood of 10,000 cards the room
 * already holds (and refuses). Same schema, order and caps as every record.
 */
import type * as Y from 'yjs';
import { cardsMap, incidentCards, type IncidentCard } from './cardSchema';
import { parseRecord, withinCaps } from '../record';
import type { Validated } from '../schemaParts';

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
  const items = withinCaps(incidentCards, cache.sorted);
  // The same cards as last time keep the same list: a flood past the room's cap, all of it
  // dropped, then redraws no screen that shows only the cards.
  const same =
    cache.items.length === items.length && items.every((card, i) => card === cache.items[i]);
  if (!same) cache.items = items;
  return { items: cache.items, dropped: cache.invalid + cache.sorted.length - items.length };
}

type ParsedCard = { json: string; card: IncidentCard | null };

/** What the last read found, and which cards changed since. */
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
  sorted.sort(incidentCards.order);
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

/** Where a card goes in a sorted list (binary search). */
function insertionPoint(sorted: readonly IncidentCard[], card: IncidentCard): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (incidentCards.order(sorted[middle] as IncidentCard, card) < 0) low = middle + 1;
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
  const value = incidentCards.value(held);
  let json: string;
  try {
    json = JSON.stringify(value) ?? '';
  } catch {
    return { json: '', card: null };
  }
  if (before && before.json === json) return before;
  return { json, card: parseRecord(incidentCards, key, value) };
}

/** A readable store of the room's validated cards, re-read when the cards change. */
import type * as Y from 'yjs';
import { createDocStore } from './docStore';
import { readIncidentCards, type IncidentCard, type Validated } from './roomSchema';
import { ROOM_MAPS } from './schemaParts';

const cardStore = createDocStore([ROOM_MAPS.cards], readIncidentCards);

export function subscribeIncidentCards(doc: Y.Doc, listener: () => void): () => void {
  return cardStore.subscribe(doc, listener);
}

export function incidentCardsSnapshot(doc: Y.Doc): Validated<IncidentCard> {
  return cardStore.snapshot(doc);
}

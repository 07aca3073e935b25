/** A readable store of the room's validated cards, re-read when the cards change. */
import type * as Y from 'yjs';
import { cardsMap, readIncidentCards, type IncidentCard, type Validated } from './roomSchema';

type CardStore = {
  current: Validated<IncidentCard>;
  listeners: Set<() => void>;
};
const stores = new WeakMap<Y.Doc, CardStore>();

function storeFor(doc: Y.Doc): CardStore {
  let store = stores.get(doc);
  if (!store) {
    const created: CardStore = { current: readIncidentCards(doc), listeners: new Set() };
    cardsMap(doc).observeDeep(() => {
      created.current = readIncidentCards(doc);
      created.listeners.forEach((listener) => listener());
    });
    stores.set(doc, created);
    store = created;
  }
  return store;
}

export function subscribeIncidentCards(doc: Y.Doc, listener: () => void): () => void {
  const store = storeFor(doc);
  store.listeners.add(listener);
  return () => store.listeners.delete(listener);
}

export function incidentCardsSnapshot(doc: Y.Doc): Validated<IncidentCard> {
  return storeFor(doc).current;
}

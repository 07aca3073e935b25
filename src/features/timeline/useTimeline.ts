import { useCallback, useSyncExternalStore } from 'react';
import type { RoomDoc } from '../../sync/roomDoc';
import {
  ROOM_MAPS,
  readCardLinks,
  readInsights,
  type CardLink,
  type Insight,
} from '../../sync/roomSchema';
import { useIncidentCardItems } from '../room/useRoom';

type Extras = { links: CardLink[]; insights: Insight[]; key: string };
const cache = new WeakMap<RoomDoc, Extras>();

/** The wall's cards with their links and the group's insights, all validated. */
export function useTimeline(doc: RoomDoc) {
  const cards = useIncidentCardItems(doc);
  const ids = new Set(cards.map((c) => c.id));
  const subscribe = useCallback(
    (listener: () => void) => {
      const maps = [doc.getMap(ROOM_MAPS.cardLinks), doc.getMap(ROOM_MAPS.insights)];
      maps.forEach((m) => m.observe(listener));
      return () => maps.forEach((m) => m.unobserve(listener));
    },
    [doc],
  );
  const extras = useSyncExternalStore(subscribe, () => {
    const links = readCardLinks(doc, ids).items;
    const insights = readInsights(doc).items;
    const key = JSON.stringify([links, insights]);
    const held = cache.get(doc);
    if (held?.key === key) return held;
    const fresh = { links, insights, key };
    cache.set(doc, fresh);
    return fresh;
  });
  return { cards, links: extras.links, insights: extras.insights };
}

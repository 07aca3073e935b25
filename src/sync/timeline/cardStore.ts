/**
 * The timeline's stores: the validated cards (through the card index), the
 * links and insights around them, and the wall's settings.
 */
import { readIncidentCards } from './cardIndex';
import { createDocStore, sameJson } from '../docStore';
import { ROOM_MAPS } from '../schemaParts';
import { readCardLinks, readInsights, readWallSettings } from './timelineSchema';

export const cardStore = createDocStore([ROOM_MAPS.cards], readIncidentCards);

/** Only links between cards on the wall: re-read when the cards change too. */
export const timelineExtrasStore = createDocStore(
  [ROOM_MAPS.cardLinks, ROOM_MAPS.insights, ROOM_MAPS.cards],
  (doc) => {
    const ids = new Set(readIncidentCards(doc).items.map((card) => card.id));
    return { links: readCardLinks(doc, ids).items, insights: readInsights(doc).items };
  },
  sameJson,
);

export const wallSettingsStore = createDocStore([ROOM_MAPS.meta], readWallSettings, sameJson);

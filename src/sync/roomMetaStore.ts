/** When the room was created and whether it was closed, validated, re-read when `meta` changes. */
import { createDocStore, sameJson } from './docStore';
import { readRoomMeta } from './roomMetaSchema';
import { ROOM_MAPS } from './schemaParts';

export const roomMetaStore = createDocStore([ROOM_MAPS.meta], readRoomMeta, sameJson);

/**
 * The stage and the room's groups, validated, re-read when they change. The
 * stage's store also listens to the tools' maps it falls back on in a room
 * from before the stage.
 */
import { createDocStore, sameJson } from '../docStore';
import { readGroups } from '../groups/groupSchema';
import { ROOM_MAPS } from '../schemaParts';
import { readStage } from './stageSchema';

export const stageStore = createDocStore(
  [ROOM_MAPS.stage, ROOM_MAPS.quiz, ROOM_MAPS.rolePlay, ROOM_MAPS.plan],
  readStage,
  sameJson,
);

export const groupStore = createDocStore([ROOM_MAPS.groups], readGroups, sameJson);

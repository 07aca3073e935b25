/**
 * The private layer as the room's screens read it: sealed records (ciphertext
 * and who sent them), the console's sealed replies, the facilitator's
 * decisions, the counted cards and points, and the room's privacy setting.
 */
import type { Decision } from '../../domain/consent';
import { createDocStore, sameJson } from '../docStore';
import { ROOM_MAPS } from '../schemaParts';
import {
  readCountedCards,
  readCountedPoints,
  readDecisions,
  readPrivacySettings,
  readSealedRecords,
  readSealedReplies,
  type CountedCard,
  type CountedPoint,
  type PrivacySettings,
  type SealedRecord,
  type SealedReply,
} from './sealedSchema';

export type PrivateLayer = {
  sealed: SealedRecord[];
  replies: SealedReply[];
  decisions: ReadonlyMap<string, Decision>;
  counted: CountedCard[];
  countedPoints: CountedPoint[];
};

export const privateLayerStore = createDocStore(
  [
    ROOM_MAPS.sealed,
    ROOM_MAPS.sealedReplies,
    ROOM_MAPS.moderation,
    ROOM_MAPS.countedCards,
    ROOM_MAPS.countedPoints,
  ],
  (doc): PrivateLayer => ({
    sealed: readSealedRecords(doc).items,
    replies: readSealedReplies(doc).items,
    decisions: readDecisions(doc),
    counted: readCountedCards(doc).items,
    countedPoints: readCountedPoints(doc).items,
  }),
  (before, after) =>
    sameJson(
      { ...before, decisions: [...before.decisions.values()] },
      { ...after, decisions: [...after.decisions.values()] },
    ),
);

export const privacySettingsStore = createDocStore(
  [ROOM_MAPS.meta],
  (doc): PrivacySettings => readPrivacySettings(doc),
  sameJson,
);

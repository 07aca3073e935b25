/**
 * The private layer's records (facilitatorBox.ts seals and opens them):
 * - `sealed`: what a phone sealed to the console (a card, a point, a reason, a reply);
 * - `sealedReplies`: what the console sealed back to one visit (a proposed edit);
 * - `moderation`: the facilitator's decision on each sealed card (no text);
 * - `countedCards`: cards counted on the wall without their text;
 * - `countedPoints`: role-play points counted on the board without their text;
 * - the room's privacy setting (open wall or moderated).
 * What a sealed box holds is checked again after it is opened (the payload schemas).
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { MODERATION_STATES, SHARING_CHOICES } from '../../domain/consent';
import type { Decision } from '../../domain/consent';
import { SEVERITIES } from '../timeline/cardSchema';
import { BOX_PUBLIC_KEY_PATTERN } from './facilitatorBox';
import { ROLE_POINT_PARTS, rolePointSchema } from '../rolePlay/rolePlaySchema';
import {
  ANSWER_JUSTIFICATION_MAX_CHARS,
  CARD_TEXT_MAX_CHARS,
  CARDS_PER_PARTICIPANT_MAX,
  CARDS_PER_ROOM_MAX,
  NICKNAME_MAX_CHARS,
  ROLE_PLAY_POINTS_PER_DEVICE_MAX,
  ROLE_PLAY_POINTS_PER_ROOM_MAX,
  SEALED_BOX_MAX_CHARS,
  SEALED_PER_DEVICE_MAX,
  SEALED_PER_ROOM_MAX,
} from '../limits';
import { defineRoomRecord, defineRoomValue, readRecords, readValue } from '../record';
import { ROOM_MAPS, caseIdSchema, tokenSchema, type Validated } from '../schemaParts';

/** What a phone seals: an incident card, a role-play point, a quiz reason, a reply to an edit, a signal. */
export const SEALED_KINDS = ['card', 'point', 'reason', 'reply', 'signal'] as const;
export type SealedKind = (typeof SEALED_KINDS)[number];

const publicKeySchema = z.string().check(z.regex(BOX_PUBLIC_KEY_PATTERN));
const boxSchema = z.string().check(z.minLength(16), z.maxLength(SEALED_BOX_MAX_CHARS));
const timeSchema = z.number().check(z.int(), z.nonnegative());

export const sealedRecordSchema = z.object({
  id: tokenSchema,
  kind: z.enum(SEALED_KINDS),
  /** The writing phone's visit id: its per-device cap, and how it finds its own. */
  device: tokenSchema,
  /** The visit's public key: the console opens with it, and replies to it. */
  from: publicKeySchema,
  box: boxSchema,
  createdAt: timeSchema,
});
export type SealedRecord = z.infer<typeof sealedRecordSchema>;

export const sealedRecords = defineRoomRecord<SealedRecord>({
  map: ROOM_MAPS.sealed,
  schema: sealedRecordSchema,
  key: (record) => record.id,
  time: (record) => record.createdAt,
  device: (record) => record.device,
  perDeviceCap: SEALED_PER_DEVICE_MAX,
  perRoomCap: SEALED_PER_ROOM_MAX,
});

export function readSealedRecords(doc: Y.Doc): Validated<SealedRecord> {
  return readRecords(doc, sealedRecords);
}

/** A reply the console sealed to one visit: a proposed edit of one of its cards. */
export const sealedReplySchema = z.object({
  id: tokenSchema,
  /** The sealed card it is about (one live proposal per card: it sits under that id). */
  about: tokenSchema,
  device: tokenSchema,
  /** The visit it is sealed to. */
  to: publicKeySchema,
  box: boxSchema,
  createdAt: timeSchema,
});
export type SealedReply = z.infer<typeof sealedReplySchema>;

export const sealedReplies = defineRoomRecord<SealedReply>({
  map: ROOM_MAPS.sealedReplies,
  schema: sealedReplySchema,
  key: (reply) => reply.about,
  time: (reply) => reply.createdAt,
  device: (reply) => reply.device,
  perDeviceCap: SEALED_PER_DEVICE_MAX,
  perRoomCap: SEALED_PER_ROOM_MAX,
});

export function readSealedReplies(doc: Y.Doc): Validated<SealedReply> {
  return readRecords(doc, sealedReplies);
}

export const decisionSchema = z.object({
  id: tokenSchema,
  state: z.enum(MODERATION_STATES),
  decidedAt: timeSchema,
});

export const decisions = defineRoomRecord<Decision>({
  map: ROOM_MAPS.moderation,
  schema: decisionSchema,
  key: (decision) => decision.id,
  time: (decision) => decision.decidedAt,
  // The console's alone: a key holder's forged "kept private" or "edit proposed" is ignored.
  signed: true,
  perDeviceCap: SEALED_PER_ROOM_MAX,
  perRoomCap: SEALED_PER_ROOM_MAX,
});

export function readDecisions(doc: Y.Doc): Map<string, Decision> {
  return new Map(readRecords(doc, decisions).items.map((decision) => [decision.id, decision]));
}

const monthSchema = z.nullable(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)));

/** A card counted on its month without its text. */
export const countedCardSchema = z.object({
  id: tokenSchema,
  severity: z.enum(SEVERITIES),
  month: monthSchema,
  device: tokenSchema,
  createdAt: timeSchema,
});
export type CountedCard = z.infer<typeof countedCardSchema>;

export const countedCards = defineRoomRecord<CountedCard>({
  map: ROOM_MAPS.countedCards,
  schema: countedCardSchema,
  key: (card) => card.id,
  time: (card) => card.createdAt,
  device: (card) => card.device,
  perDeviceCap: CARDS_PER_PARTICIPANT_MAX,
  perRoomCap: CARDS_PER_ROOM_MAX,
});

export function readCountedCards(doc: Y.Doc): Validated<CountedCard> {
  return readRecords(doc, countedCards);
}

/** A role-play point counted on the board (its case, step and part) without its text. */
export const countedPointSchema = z.object({
  id: tokenSchema,
  caseId: caseIdSchema,
  step: z.enum(['register', 'analyse', 'react', 'conclusion']),
  part: z.enum(ROLE_POINT_PARTS),
  device: tokenSchema,
  createdAt: timeSchema,
});
export type CountedPoint = z.infer<typeof countedPointSchema>;

export const countedPoints = defineRoomRecord<CountedPoint>({
  map: ROOM_MAPS.countedPoints,
  schema: countedPointSchema,
  key: (point) => point.id,
  time: (point) => point.createdAt,
  device: (point) => point.device,
  perDeviceCap: ROLE_PLAY_POINTS_PER_DEVICE_MAX,
  perRoomCap: ROLE_PLAY_POINTS_PER_ROOM_MAX,
});

export function readCountedPoints(doc: Y.Doc): Validated<CountedPoint> {
  return readRecords(doc, countedPoints);
}

export const privacySettingsSchema = z.object({
  /** Cards for the room go on the wall as written; the default is moderated (false). */
  openWall: z.boolean(),
});
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

export const privacySettings = defineRoomValue<PrivacySettings>({
  map: ROOM_MAPS.meta,
  key: 'privacy',
  schema: privacySettingsSchema,
  fallback: () => ({ openWall: false }),
  // A forged open wall would have phones write in the clear: only the console's counts.
  signed: true,
});

export function readPrivacySettings(doc: Y.Doc): PrivacySettings {
  return readValue(doc, privacySettings);
}

/** What a sealed card holds once opened: checked like any record. */
export const sealedCardPayloadSchema = z.object({
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(CARD_TEXT_MAX_CHARS)),
  severity: z.enum(SEVERITIES),
  month: monthSchema,
  /** Only when the author signed. */
  author: z.nullable(z.string().check(z.maxLength(NICKNAME_MAX_CHARS))),
  choice: z.enum(SHARING_CHOICES),
});
export type SealedCardPayload = z.infer<typeof sealedCardPayloadSchema>;

/** Role-play points merged into one: the merged point's id, when, and every point it joins. */
export const mergeSchema = z.object({
  id: tokenSchema,
  at: timeSchema,
  sources: z.array(tokenSchema).check(z.minLength(2), z.maxLength(ROLE_PLAY_POINTS_PER_ROOM_MAX)),
});
export type PointMerge = z.infer<typeof mergeSchema>;

/**
 * A proposed edit, sealed to the author's visit. `merge`: the new words are those of
 * several points joined, published only once every phone author of them agreed.
 */
export const proposalPayloadSchema = z.object({
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(CARD_TEXT_MAX_CHARS)),
  merge: z.optional(mergeSchema),
});
export type ProposalPayload = z.infer<typeof proposalPayloadSchema>;

/** The author's answer to a proposed edit, sealed with the same visit key as the card. */
export const replyPayloadSchema = z.object({
  about: tokenSchema,
  /** The proposal answered: an answer to an older proposal publishes nothing. */
  proposal: tokenSchema,
  agreed: z.boolean(),
});
export type ReplyPayload = z.infer<typeof replyPayloadSchema>;

/**
 * What a sealed role-play point holds once opened: the point as its phone
 * wrote it, and who its author let see it (points sealed before the choice
 * existed were for the room).
 */
export const sealedPointPayloadSchema = z.object({
  point: rolePointSchema,
  choice: z.enum(SHARING_CHOICES),
});
export type SealedPointPayload = z.infer<typeof sealedPointPayloadSchema>;

/** What a sealed quiz reason holds once opened: the group's answer it explains, and the words. */
export const sealedReasonPayloadSchema = z.object({
  caseId: caseIdSchema,
  situationId: z.string().check(z.regex(/^\d{1,2}\.\d{1,2}$/)),
  groupId: tokenSchema,
  option: z.string().check(z.regex(/^[A-Z]$/)),
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(ANSWER_JUSTIFICATION_MAX_CHARS)),
});
export type SealedReasonPayload = z.infer<typeof sealedReasonPayloadSchema>;

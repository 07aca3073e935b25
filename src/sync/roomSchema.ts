/**
 * The shape of a workshop room's shared document, declared once: this index
 * lists every record kind and value the room holds, each declared in its
 * tool's schema file with the one pattern of record.ts. Every read goes
 * through those declarations, so a malformed or oversized entry from a peer is
 * dropped and counted, never shown.
 */
import { agendaState } from './day/agendaSchema';
import { breakRequests, breaksSeenAt, discreetMode, roomPause } from './care/careSchema';
import { incidentCards } from './timeline/cardSchema';
import { groups } from './groups/groupSchema';
import { PLAN_RECORDS, planSettings } from './plan/planSchema';
import { narrativeRun, quizAnswers, quizRun, thoughts } from './quiz/quizSchema';
import type { RecordDeclaration, ValueDeclaration } from './record';
import {
  cast,
  registerForm,
  registeredIncidents,
  rolePlayRun,
  rolePoints,
} from './rolePlay/rolePlaySchema';
import { roomClosedAt, roomCreatedAt } from './roomMetaSchema';
import {
  countedCards,
  countedPoints,
  decisions,
  privacySettings,
  sealedRecords,
  sealedReplies,
} from './privateLayer/sealedSchema';
import { stage } from './stage/stageSchema';
import { joinCodeGeneration, roomCertificate } from './join/joinSchema';
import { cardLinks, insights, wallSettings } from './timeline/timelineSchema';
import { screenLanguages } from './day/screenLanguages';

export { ROOM_MAPS, tokenSchema, caseIdSchema, type Validated } from './schemaParts';
export * from './day/agendaSchema';
export { readCare, type CareSnapshot } from './care/careSchema';
export * from './timeline/cardSchema';
export { readIncidentCards } from './timeline/cardIndex';
export * from './groups/groupSchema';
export * from './plan/planSchema';
export * from './quiz/quizSchema';
export * from './rolePlay/rolePlaySchema';
export * from './roomMetaSchema';
export * from './privateLayer/sealedSchema';
export * from './stage/stageSchema';
export * from './timeline/timelineSchema';

/** What the index needs to know of a record kind, whatever its type. */
type RecordKind = Pick<
  RecordDeclaration<unknown>,
  'map' | 'schema' | 'perDeviceCap' | 'perRoomCap'
>;

/** Every record kind in the room: maps of many records, each with its caps. */
export const ROOM_RECORDS: readonly RecordKind[] = [
  incidentCards,
  cardLinks,
  insights,
  groups,
  quizAnswers,
  thoughts,
  cast,
  rolePoints,
  registeredIncidents,
  ...Object.values(PLAN_RECORDS),
  sealedRecords,
  sealedReplies,
  decisions,
  countedCards,
  countedPoints,
  breakRequests,
];

/** Every single value in the room, under its map and key. */
export const ROOM_VALUES: readonly ValueDeclaration<unknown>[] = [
  roomCreatedAt,
  roomClosedAt,
  wallSettings,
  agendaState,
  screenLanguages,
  stage,
  joinCodeGeneration,
  roomCertificate,
  quizRun,
  narrativeRun,
  rolePlayRun,
  registerForm('any-case'),
  planSettings,
  privacySettings,
  roomPause,
  discreetMode,
  breaksSeenAt,
];

/**
 * Case-analysis quizzes in the room: the run (which situations, what is
 * revealed), each group's answer per situation, the narrative case's run and
 * the thoughts phones send during it. A group's answer lives under one key,
 * so its latest wins. Which situations phones may answer is the stage's.
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import type { QuizRun } from '../../domain/quiz';
import {
  ANSWER_JUSTIFICATION_MAX_CHARS,
  CARD_TEXT_MAX_CHARS,
  CARDS_PER_PARTICIPANT_MAX,
  QUIZ_ANSWERS_PER_DEVICE_MAX,
  QUIZ_ANSWERS_PER_ROOM_MAX,
  THOUGHTS_PER_ROOM_MAX,
} from '../limits';
import { defineRoomRecord, defineRoomValue, readRecords, readStoredValue } from '../record';
import { ROOM_MAPS, caseIdSchema, tokenSchema, type Validated } from '../schemaParts';
import { stage } from '../stage/stageSchema';

const situationIdSchema = z.string().check(z.regex(/^\d{1,2}\.\d{1,2}$/));
const situationList = z.array(situationIdSchema).check(z.maxLength(50));

export const quizRunSchema = z.object({
  caseId: caseIdSchema,
  situations: situationList,
  /** Rooms from before the stage kept the open situations here. */
  open: z.optional(situationList),
  revealed: situationList,
  explained: situationList,
  /** The situation on the projector. */
  focus: z.nullable(situationIdSchema),
});
type StoredQuizRun = z.infer<typeof quizRunSchema>;

export const quizRun = defineRoomValue<StoredQuizRun | null>({
  map: ROOM_MAPS.quiz,
  key: 'run',
  schema: quizRunSchema,
  fallback: () => null,
});

/** The quiz's run, with the situations the stage opens to phones. */
export function readQuizRun(doc: Y.Doc): QuizRun | null {
  const stored = readStoredValue(doc, quizRun);
  if (!stored) return null;
  const current = readStoredValue(doc, stage);
  return { ...stored, open: current ? current.phones.quiz : (stored.open ?? []) };
}

export const narrativeRunSchema = z.object({
  caseId: caseIdSchema,
  /** How many days of the story are shown, from the first. */
  daysShown: z.number().check(z.int(), z.nonnegative(), z.lte(14)),
  questions: z.boolean(),
  note: z.boolean(),
  lesson: z.boolean(),
});
export type NarrativeRun = z.infer<typeof narrativeRunSchema>;

export const narrativeRun = defineRoomValue<NarrativeRun | null>({
  map: ROOM_MAPS.quiz,
  key: 'narrative',
  schema: narrativeRunSchema,
  fallback: () => null,
});

export function readNarrativeRun(doc: Y.Doc): NarrativeRun | null {
  return readStoredValue(doc, narrativeRun);
}

export const quizAnswerSchema = z.object({
  caseId: caseIdSchema,
  situationId: situationIdSchema,
  groupId: tokenSchema,
  option: z.string().check(z.regex(/^[A-Z]$/)),
  /** In the clear: a reason written in an open-wall room or on paper, or one the facilitator published. */
  justification: z.string().check(z.maxLength(ANSWER_JUSTIFICATION_MAX_CHARS)),
  /** The reason sealed to the facilitator with this answer (its sealed record's id), if any. */
  reason: z.optional(tokenSchema),
  at: z.number().check(z.int(), z.nonnegative()),
  device: tokenSchema,
});
export type QuizAnswerRecord = z.infer<typeof quizAnswerSchema>;

export function quizAnswerKey(caseId: string, situationId: string, groupId: string): string {
  return `${caseId}|${situationId}|${groupId}`;
}

export const quizAnswers = defineRoomRecord<QuizAnswerRecord>({
  map: ROOM_MAPS.quizAnswers,
  schema: quizAnswerSchema,
  key: (a) => quizAnswerKey(a.caseId, a.situationId, a.groupId),
  time: (a) => a.at,
  device: (a) => a.device,
  perDeviceCap: QUIZ_ANSWERS_PER_DEVICE_MAX,
  perRoomCap: QUIZ_ANSWERS_PER_ROOM_MAX,
});

export function readQuizAnswers(doc: Y.Doc): Validated<QuizAnswerRecord> {
  return readRecords(doc, quizAnswers);
}

export const thoughtSchema = z.object({
  id: tokenSchema,
  caseId: caseIdSchema,
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(CARD_TEXT_MAX_CHARS)),
  device: tokenSchema,
  createdAt: z.number().check(z.int(), z.nonnegative()),
});
export type Thought = z.infer<typeof thoughtSchema>;

/** Thoughts, oldest first; a device past its share is cut off, as with cards. */
export const thoughts = defineRoomRecord<Thought>({
  map: ROOM_MAPS.thoughts,
  schema: thoughtSchema,
  key: (t) => t.id,
  time: (t) => t.createdAt,
  device: (t) => t.device,
  perDeviceCap: CARDS_PER_PARTICIPANT_MAX,
  perRoomCap: THOUGHTS_PER_ROOM_MAX,
});

export function readThoughts(doc: Y.Doc): Validated<Thought> {
  return readRecords(doc, thoughts);
}

/**
 * Named changes to the room's quiz data, each one transaction. Records are
 * replaced under their key, never deleted and re-inserted (STYLE.md).
 */
import type * as Y from 'yjs';
import type { QuizGroup, QuizRun } from '../domain/quiz';
import { ANSWER_JUSTIFICATION_MAX_CHARS, CARD_TEXT_MAX_CHARS } from './limits';
import { randomToken } from './roomId';
import {
  ROOM_MAPS,
  narrativeRunSchema,
  quizAnswerKey,
  quizAnswerSchema,
  quizGroupSchema,
  quizRunSchema,
  thoughtSchema,
  type NarrativeRun,
  type ProjectorScreen,
  type QuizAnswerRecord,
  type Thought,
} from './roomSchema';

export function newGroupId(): string {
  return randomToken(9);
}

/** Sets the room's groups; groups no longer listed go, with their answers. */
export function setQuizGroups(doc: Y.Doc, groups: readonly QuizGroup[]): void {
  const map = doc.getMap(ROOM_MAPS.quizGroups);
  const answers = doc.getMap(ROOM_MAPS.quizAnswers);
  const keep = new Set(groups.map((g) => g.id));
  doc.transact(() => {
    for (const id of [...map.keys()]) if (!keep.has(id)) map.delete(id);
    for (const key of [...answers.keys()]) {
      if (!keep.has(key.split('|')[2] ?? '')) answers.delete(key);
    }
    for (const group of groups) map.set(group.id, quizGroupSchema.parse(group));
  });
}

export function renameQuizGroup(doc: Y.Doc, group: QuizGroup, name: string): void {
  const trimmed = name.trim().slice(0, 40);
  const renamed = quizGroupSchema.parse({ ...group, name: trimmed === '' ? null : trimmed });
  doc.transact(() => doc.getMap(ROOM_MAPS.quizGroups).set(group.id, renamed));
}

export function writeQuizRun(doc: Y.Doc, run: QuizRun): void {
  doc.transact(() => doc.getMap(ROOM_MAPS.quiz).set('run', quizRunSchema.parse(run)));
}

export function showOnProjector(doc: Y.Doc, screen: ProjectorScreen): void {
  doc.transact(() => doc.getMap(ROOM_MAPS.quiz).set('screen', screen));
}

export function writeNarrativeRun(doc: Y.Doc, run: NarrativeRun): void {
  doc.transact(() => doc.getMap(ROOM_MAPS.quiz).set('narrative', narrativeRunSchema.parse(run)));
}

export type NewAnswer = Omit<QuizAnswerRecord, 'at' | 'justification'> & { justification: string };

/** A group's answer to a situation: it replaces the group's earlier one. */
export function answerSituation(doc: Y.Doc, input: NewAnswer, now = Date.now()): QuizAnswerRecord {
  const answer = quizAnswerSchema.parse({
    ...input,
    justification: input.justification.trim().slice(0, ANSWER_JUSTIFICATION_MAX_CHARS),
    at: now,
  });
  const key = quizAnswerKey(answer.caseId, answer.situationId, answer.groupId);
  doc.transact(() => doc.getMap(ROOM_MAPS.quizAnswers).set(key, answer));
  return answer;
}

export function clearQuizAnswers(doc: Y.Doc, caseId: string): void {
  const answers = doc.getMap(ROOM_MAPS.quizAnswers);
  doc.transact(() => {
    for (const key of [...answers.keys()]) if (key.startsWith(`${caseId}|`)) answers.delete(key);
  });
}

export function addThought(
  doc: Y.Doc,
  input: { caseId: string; text: string; device: string },
  now = Date.now(),
): Thought {
  const thought = thoughtSchema.parse({
    id: randomToken(12),
    caseId: input.caseId,
    text: input.text.trim().slice(0, CARD_TEXT_MAX_CHARS),
    device: input.device,
    createdAt: now,
  });
  doc.transact(() => doc.getMap(ROOM_MAPS.thoughts).set(thought.id, thought));
  return thought;
}

export function removeThought(doc: Y.Doc, id: string): void {
  doc.transact(() => doc.getMap(ROOM_MAPS.thoughts).delete(id));
}

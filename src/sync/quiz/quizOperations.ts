/**
 * Named changes to the room's quiz data, each one transaction. Records are
 * replaced under their key, never deleted and re-inserted (STYLE.md).
 */
import type * as Y from 'yjs';
import type { QuizRun } from '../../domain/quiz';
import { followStep, withPhoneTasks } from '../../domain/stage';
import { ANSWER_JUSTIFICATION_MAX_CHARS, CARD_TEXT_MAX_CHARS } from '../limits';
import { writeRecord, writeValue } from '../record';
import { randomToken } from '../roomId';
import {
  narrativeRun,
  quizAnswers,
  quizRun,
  thoughts,
  type NarrativeRun,
  type QuizAnswerRecord,
  type Thought,
} from './quizSchema';
import { updateStage } from '../stage/stageSchema';

/**
 * The quiz's run; the situations it opens go on the stage (what phones may
 * answer), in the same change.
 */
export function writeQuizRun(doc: Y.Doc, run: QuizRun): void {
  const { open, ...stored } = run;
  doc.transact(() => {
    writeValue(doc, quizRun, stored);
    updateStage(doc, (current) =>
      followStep(withPhoneTasks(current, { quiz: open }), 'quiz', run.caseId, run.focus),
    );
  });
}

export function writeNarrativeRun(doc: Y.Doc, run: NarrativeRun): void {
  writeValue(doc, narrativeRun, run);
}

export type NewAnswer = Omit<QuizAnswerRecord, 'at' | 'justification'> & { justification: string };

/** A group's answer to a situation: it replaces the group's earlier one. */
export function answerSituation(doc: Y.Doc, input: NewAnswer, now = Date.now()): QuizAnswerRecord {
  const answer: QuizAnswerRecord = {
    ...input,
    justification: input.justification.trim().slice(0, ANSWER_JUSTIFICATION_MAX_CHARS),
    at: now,
  };
  writeRecord(doc, quizAnswers, answer);
  return answer;
}

export function clearQuizAnswers(doc: Y.Doc, caseId: string): void {
  const answers = doc.getMap(quizAnswers.map);
  doc.transact(() => {
    for (const key of [...answers.keys()]) if (key.startsWith(`${caseId}|`)) answers.delete(key);
  });
}

export function addThought(
  doc: Y.Doc,
  input: { caseId: string; text: string; device: string },
  now = Date.now(),
): Thought {
  const thought: Thought = {
    id: randomToken(12),
    caseId: input.caseId,
    text: input.text.trim().slice(0, CARD_TEXT_MAX_CHARS),
    device: input.device,
    createdAt: now,
  };
  writeRecord(doc, thoughts, thought);
  return thought;
}

export function removeThought(doc: Y.Doc, id: string): void {
  doc.transact(() => doc.getMap(thoughts.map).delete(id));
}

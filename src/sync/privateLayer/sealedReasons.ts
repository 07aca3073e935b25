/**
 * Quiz reasons in the private layer. A group's option is counted openly (the
 * spread needs it); the reason its phone writes goes to the facilitator sealed,
 * and the answer in the room carries only the sealed record's id. The reveal
 * shows a reason once the facilitator publishes it, as written or reworded
 * with its author's agreement. In an open-wall room a reason goes as written;
 * a paper answer keyed in by the facilitator is theirs and goes as written too.
 */
import type * as Y from 'yjs';
import type { FacilitatorBox } from './facilitatorBox';
import {
  binding,
  CardRejected,
  decide,
  openEachSealed,
  type PhoneSide,
  type Proposable,
} from './sealedOperations';
import { writeRecord } from '../record';
import { randomToken } from '../roomId';
import { answerSituation, type NewAnswer } from '../quiz/quizOperations';
import {
  quizAnswerKey,
  quizAnswers,
  readQuizAnswers,
  type QuizAnswerRecord,
} from '../quiz/quizSchema';
import {
  readPrivacySettings,
  sealedReasonPayloadSchema,
  sealedRecords,
  type SealedReasonPayload,
} from './sealedSchema';

/** A reason as its author's phone sent it (kept on the phone: the room holds ciphertext). */
export type SentReason = SealedReasonPayload & { id: string; createdAt: number };

/**
 * A group's answer from a phone: the option in the clear, the reason sealed
 * to the console (unless it is empty or the room has an open wall).
 */
export async function sendAnswer(
  doc: Y.Doc,
  phone: PhoneSide,
  input: Omit<NewAnswer, 'device' | 'reason'>,
  now = Date.now(),
): Promise<{ answer: QuizAnswerRecord; sealed: SentReason | null }> {
  const text = input.justification.trim();
  if (text === '' || readPrivacySettings(doc).openWall) {
    return { answer: answerSituation(doc, { ...input, device: phone.device }, now), sealed: null };
  }
  if (!phone.box) throw new CardRejected('no-console-key');
  const payload = sealedReasonPayloadSchema.parse({
    caseId: input.caseId,
    situationId: input.situationId,
    groupId: input.groupId,
    option: input.option,
    text,
  });
  const id = randomToken(12);
  const sealed = await phone.box.sealForFacilitator(binding(phone.room, 'reason', id), payload);
  const answer = doc.transact(() => {
    writeRecord(doc, sealedRecords, {
      id,
      kind: 'reason' as const,
      device: phone.device,
      ...sealed,
      createdAt: now,
    });
    return answerSituation(
      doc,
      { ...input, justification: '', reason: id, device: phone.device },
      now,
    );
  });
  return { answer, sealed: { ...payload, id, createdAt: now } };
}

/** A sealed reason as the console opened it; reasons are for the room, once published. */
export type OpenedReason = SentReason & Proposable & { choice: 'room' };

/**
 * Opens the reasons phones sealed to this console, each record once (`cache`,
 * by id and box). What does not open or does not match its schema is left out.
 */
export async function openSealedReasons(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
  cache: Map<string, OpenedReason | null>,
): Promise<OpenedReason[]> {
  return openEachSealed(doc, box, room, 'reason', cache, (opened, record) => {
    const payload = sealedReasonPayloadSchema.safeParse(opened);
    if (!payload.success) return null;
    const { id, device, from, createdAt } = record;
    return { ...payload.data, id, device, from, createdAt, choice: 'room' };
  });
}

function currentAnswer(doc: Y.Doc, reason: SealedReasonPayload): QuizAnswerRecord | undefined {
  const key = quizAnswerKey(reason.caseId, reason.situationId, reason.groupId);
  return readQuizAnswers(doc).items.find(
    (a) => quizAnswerKey(a.caseId, a.situationId, a.groupId) === key,
  );
}

/** The group's answer still is the one this reason explains (the group may have answered again). */
export function isCurrentReason(doc: Y.Doc, reason: OpenedReason): boolean {
  return currentAnswer(doc, reason)?.reason === reason.id;
}

/** Ids of the sealed reasons the reveal shows: published on the group's current answer. */
export function publishedReasonIds(answers: readonly QuizAnswerRecord[]): Set<string> {
  return new Set(
    answers.flatMap((a) => (a.reason !== undefined && a.justification !== '' ? [a.reason] : [])),
  );
}

/**
 * Puts a reason on the group's answer, as written or as its author agreed to
 * have it reworded; the reveal shows it from then on. Refused when the group
 * has answered again since (that answer has its own reason).
 */
export function publishReason(
  doc: Y.Doc,
  reason: OpenedReason,
  text = reason.text,
  now = Date.now(),
): void {
  const answer = currentAnswer(doc, reason);
  if (!answer || answer.reason !== reason.id) throw new CardRejected('superseded');
  const words = sealedReasonPayloadSchema.shape.text.parse(text);
  doc.transact(() => {
    writeRecord(doc, quizAnswers, { ...answer, justification: words });
    decide(doc, reason.id, 'published', now);
  });
}

export function keepReasonPrivate(doc: Y.Doc, reason: OpenedReason, now = Date.now()): void {
  decide(doc, reason.id, 'private', now);
}

/**
 * The private layer's named operations: a phone sends a card (sealed to the
 * console unless it is for the room of an open-wall room), the console opens
 * what was sealed, publishes it, keeps it private or proposes an edit, and the
 * author's phone answers the proposal. Nothing here can put on the wall a text
 * its author gave only to the facilitator or to be counted (domain/consent.ts).
 */
import type * as Y from 'yjs';
import {
  canPublishText,
  sendsInTheClear,
  type Decision,
  type SharingChoice,
} from '../../domain/consent';
import type { FacilitatorBox, PhoneBox, SealBinding } from './facilitatorBox';
import { createBoxKeys, createPhoneBox } from './facilitatorBox';
import { visitKeysFor } from './visitKeys';
import { isKept } from '../phoneMemory';
import { readIncidentCards } from '../timeline/cardIndex';
import { CARD_TEXT_MAX_CHARS } from '../limits';
import { writeRecord, writeValue } from '../record';
import { randomToken } from '../roomId';
import { addIncidentCard, CardRejected } from '../timeline/cardOperations';
import { addRolePoint, writeRolePoints, type NewPoint } from '../rolePlay/rolePlayOperations';
import type { RolePoint } from '../../domain/rolePlay';
import { readRolePoints, rolePointSchema } from '../rolePlay/rolePlaySchema';
import {
  countedCards,
  countedPoints,
  decisions,
  privacySettings,
  proposalPayloadSchema,
  readDecisions,
  readPrivacySettings,
  readSealedRecords,
  readSealedReplies,
  replyPayloadSchema,
  sealedCardPayloadSchema,
  sealedPointPayloadSchema,
  sealedRecords,
  sealedReplies,
  type PointMerge,
  type ProposalPayload,
  type SealedCardPayload,
  type SealedKind,
  type SealedRecord,
  type SealedReply,
} from './sealedSchema';

export { CardRejected };

/**
 * A phone's box for this visit, per room: its key pair is kept across a reload for the
 * visit (visitKeys.ts), so an edit proposed before the reload still opens.
 */
const phoneBoxes = new Map<string, Promise<PhoneBox>>();

export function phoneBoxFor(room: string, facilitatorPublicKey: string): Promise<PhoneBox> {
  const name = `${room}\0${facilitatorPublicKey}`;
  const known = phoneBoxes.get(name);
  if (known) return known;
  const made = visitKeysFor(room, isKept(room), createBoxKeys).then((visit) =>
    createPhoneBox(facilitatorPublicKey, visit),
  );
  made.catch(() => phoneBoxes.delete(name));
  phoneBoxes.set(name, made);
  return made;
}

/** Where a phone is: which room, which visit, and the box it seals with (null: the link had no console key). */
export type PhoneSide = { room: string; device: string; box: PhoneBox | null };

export type NewPrivateCard = Omit<SealedCardPayload, 'author' | 'month'> & {
  author?: string | null;
  month?: string | null;
};

/** A card as its author's phone sent it, with how it went. */
export type SentCard = SealedCardPayload & { id: string; createdAt: number; sealed: boolean };

/**
 * Sends a card: for the room of an open-wall room, on the wall as written;
 * otherwise sealed to the console (and, when its author chose it, counted on
 * its month without its text).
 */
export async function sendCard(
  doc: Y.Doc,
  phone: PhoneSide,
  input: NewPrivateCard,
  now = Date.now(),
): Promise<SentCard> {
  const text = input.text.trim();
  if (text.length === 0) throw new CardRejected('empty');
  if (text.length > CARD_TEXT_MAX_CHARS) throw new CardRejected('too-long');
  const payload = sealedCardPayloadSchema.parse({
    text,
    severity: input.severity,
    month: input.month ?? null,
    author: input.author?.trim() || null,
    choice: input.choice,
  });
  const openWall = readPrivacySettings(doc).openWall;
  if (sendsInTheClear(payload.choice, openWall)) {
    const card = addIncidentCard(doc, phone.device, payload, now);
    return { ...payload, id: card.id, createdAt: now, sealed: false };
  }
  if (!phone.box) throw new CardRejected('no-console-key');
  const id = randomToken(12);
  const sealed = await phone.box.sealForFacilitator(binding(phone.room, 'card', id), payload);
  doc.transact(() => {
    writeRecord(doc, sealedRecords, {
      id,
      kind: 'card' as const,
      device: phone.device,
      ...sealed,
      createdAt: now,
    });
    if (payload.choice === 'counted') {
      writeRecord(doc, countedCards, {
        id,
        severity: payload.severity,
        month: payload.month,
        device: phone.device,
        createdAt: now,
      });
    }
  });
  return { ...payload, id, createdAt: now, sealed: true };
}

export function setOpenWall(doc: Y.Doc, openWall: boolean): void {
  writeValue(doc, privacySettings, { openWall });
}

/** A sealed card as the console opened it: its author's words, choice and visit. */
export type OpenedCard = SealedCardPayload & {
  id: string;
  device: string;
  /** The author's visit key: where a proposed edit is sealed to. */
  from: string;
  createdAt: number;
};

/** A reply to a proposed edit, opened, from the visit that sealed it. */
export type OpenedReply = {
  record: SealedRecord;
  payload: ReturnType<typeof replyPayloadSchema.parse>;
};

export function binding(room: string, kind: SealedKind | 'proposal', id: string): SealBinding {
  return { room, kind, id };
}

/**
 * Opens what phones sealed to this console, each record once (`cache`, by id
 * and box: a record replaced under its id is opened again). What does not open
 * or does not match its schema is left out.
 */
export async function openSealedCards(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
  cache: Map<string, OpenedCard | null>,
): Promise<OpenedCard[]> {
  return openEachSealed(doc, box, room, 'card', cache, (opened, record) => {
    const payload = sealedCardPayloadSchema.safeParse(opened);
    if (!payload.success) return null;
    const { id, device, from, createdAt } = record;
    return { ...payload.data, id, device, from, createdAt };
  });
}

/**
 * Opens each record of one kind that phones sealed to this console, once per
 * record (`cache`, by id and box: a record replaced under its id is opened
 * again). `read` checks what opened against its schema; null leaves it out.
 */
export async function openEachSealed<Opened>(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
  kind: SealedKind,
  cache: Map<string, Opened | null>,
  read: (opened: unknown, record: SealedRecord) => Opened | null,
): Promise<Opened[]> {
  const opened: Opened[] = [];
  for (const record of readSealedRecords(doc).items) {
    if (record.kind !== kind) continue;
    const name = `${record.id}\0${record.box}`;
    if (!cache.has(name)) {
      cache.set(
        name,
        read(await box.openAsFacilitator(binding(room, kind, record.id), record), record),
      );
    }
    const item = cache.get(name);
    if (item) opened.push(item);
  }
  return opened;
}

export function decide(doc: Y.Doc, id: string, state: Decision['state'], now: number): void {
  writeRecord(doc, decisions, { id, state, decidedAt: now });
}

/**
 * Puts a card on the wall, as its author wrote it or as they agreed to have
 * it edited. Refused for a card its author kept from the room.
 */
export function publishCard(
  doc: Y.Doc,
  card: OpenedCard,
  text = card.text,
  now = Date.now(),
): void {
  if (!canPublishText(card.choice)) throw new CardRejected('not-for-the-room');
  doc.transact(() => {
    addIncidentCard(
      doc,
      card.device,
      { id: card.id, text, severity: card.severity, author: card.author, month: card.month },
      card.createdAt,
    );
    decide(doc, card.id, 'published', now);
  });
}

export function keepPrivate(doc: Y.Doc, card: OpenedCard, now = Date.now()): void {
  decide(doc, card.id, 'private', now);
}

/**
 * What the facilitator may ask its author to reword: a sealed card, point or
 * reason, with the visit that sealed it and its author's choice.
 */
export type Proposable = { id: string; device: string; from: string; choice: SharingChoice };

/** Seals an edit to the author's visit and waits for their answer; the room gets nothing yet. */
export async function proposeEdit(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
  item: Proposable,
  text: string,
  now = Date.now(),
  merge?: PointMerge,
): Promise<void> {
  if (!canPublishText(item.choice)) throw new CardRejected('not-for-the-room');
  const proposal = proposalPayloadSchema.parse({ text: text.trim(), ...(merge ? { merge } : {}) });
  const id = randomToken(12);
  const sealed = await box.sealForVisit(item.from, binding(room, 'proposal', id), proposal);
  doc.transact(() => {
    writeRecord(doc, sealedReplies, {
      id,
      about: item.id,
      device: item.device,
      to: item.from,
      box: sealed,
      createdAt: now,
    });
    decide(doc, item.id, 'proposed', now);
  });
}

/** The text the console proposed for a card, opened by the console itself. */
export async function proposedText(
  box: FacilitatorBox,
  room: string,
  reply: SealedReply,
): Promise<string | null> {
  return (await proposedPayload(box, room, reply))?.text ?? null;
}

/** What the console proposed (the words, and the merge they belong to), opened by itself. */
export async function proposedPayload(
  box: FacilitatorBox,
  room: string,
  reply: SealedReply,
): Promise<ProposalPayload | null> {
  const parsed = proposalPayloadSchema.safeParse(
    await box.openOwnReply(reply.to, binding(room, 'proposal', reply.id), reply.box),
  );
  return parsed.success ? parsed.data : null;
}

/**
 * The console acts on its authors' answers: an edit they agreed to is
 * published as proposed, one they refused goes back to the queue. An answer
 * counts only if it was sealed by the visit that wrote the card (so no other
 * key holder can agree in its author's name) and answers the live proposal.
 */
export async function settleAnswers(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
  cards: readonly OpenedCard[],
  now = Date.now(),
): Promise<void> {
  await settleAnswersFor(
    doc,
    box,
    room,
    cards,
    (card, text) => publishCard(doc, card, text, now),
    now,
  );
}

/**
 * The same for any sealed item: `publish` puts an agreed edit where that kind
 * of item goes (the wall, the board, the reveal). Items of other kinds are
 * left for their own console's queue.
 */
export async function settleAnswersFor<T extends Proposable>(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
  items: readonly T[],
  publish: (item: T, text: string) => void,
  now = Date.now(),
): Promise<void> {
  const byId = new Map(items.map((item) => [item.id, item]));
  const proposals = new Map(readSealedReplies(doc).items.map((reply) => [reply.about, reply]));
  const states = readDecisions(doc);
  for (const answer of await openAnswers(doc, box, room)) {
    const item = byId.get(answer.payload.about);
    const proposal = proposals.get(answer.payload.about);
    if (!item || !proposal || proposal.id !== answer.payload.proposal) continue;
    if (answer.record.from !== item.from || states.get(item.id)?.state !== 'proposed') continue;
    const proposed = await proposedPayload(box, room, proposal);
    // A merge is published only when all its authors agreed (mergedPoints.ts settles it).
    if (proposed === null || proposed.merge) continue;
    if (!answer.payload.agreed) {
      decide(doc, item.id, 'declined', now);
      continue;
    }
    publish(item, proposed.text);
  }
}

/** The answers phones sealed to this console, opened, each with the visit that sealed it. */
export async function openAnswers(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
): Promise<OpenedReply[]> {
  const answers: OpenedReply[] = [];
  for (const record of readSealedRecords(doc).items) {
    if (record.kind !== 'reply') continue;
    const payload = replyPayloadSchema.safeParse(
      await box.openAsFacilitator(binding(room, 'reply', record.id), record),
    );
    if (payload.success) answers.push({ record, payload: payload.data });
  }
  return answers;
}

/** A proposed edit of one of this visit's cards, opened on its phone. */
export type OpenedProposal = { reply: SealedReply; text: string };

/** The edits the console proposed to this visit that are still waiting for its answer. */
export async function proposalsForPhone(doc: Y.Doc, phone: PhoneSide): Promise<OpenedProposal[]> {
  const box = phone.box;
  if (!box) return [];
  const states = readDecisions(doc);
  const found: OpenedProposal[] = [];
  for (const reply of readSealedReplies(doc).items) {
    if (reply.to !== box.publicKey || states.get(reply.about)?.state !== 'proposed') continue;
    const parsed = proposalPayloadSchema.safeParse(
      await box.openFromFacilitator(binding(phone.room, 'proposal', reply.id), reply.box),
    );
    if (parsed.success) found.push({ reply, text: parsed.data.text });
  }
  return found;
}

/**
 * This visit's own sealed cards, opened from the room's document with the visit's key
 * (kept across a reload: visitKeys.ts): the words a reload took from the phone's memory.
 */
export async function recoverOwnCards(doc: Y.Doc, phone: PhoneSide): Promise<SentCard[]> {
  const box = phone.box;
  if (!box) return [];
  const found: SentCard[] = [];
  for (const record of readSealedRecords(doc).items) {
    if (record.kind !== 'card' || record.from !== box.publicKey || record.device !== phone.device) {
      continue;
    }
    const payload = sealedCardPayloadSchema.safeParse(
      await box.openOwnSeal(binding(phone.room, 'card', record.id), record.box),
    );
    if (payload.success) {
      found.push({ ...payload.data, id: record.id, createdAt: record.createdAt, sealed: true });
    }
  }
  return found;
}

/** The author's answer, sealed with the visit key that sealed the card. */
export async function answerProposal(
  doc: Y.Doc,
  phone: PhoneSide,
  reply: SealedReply,
  agreed: boolean,
  now = Date.now(),
): Promise<void> {
  if (!phone.box) throw new CardRejected('no-console-key');
  const id = randomToken(12);
  const sealed = await phone.box.sealForFacilitator(binding(phone.room, 'reply', id), {
    about: reply.about,
    proposal: reply.id,
    agreed,
  });
  writeRecord(doc, sealedRecords, {
    id,
    kind: 'reply' as const,
    device: phone.device,
    ...sealed,
    createdAt: now,
  });
}

/** Ids of the room's sealed cards and of the published ones: what "held back" is counted from. */
export function sealedCardIds(doc: Y.Doc): string[] {
  return readSealedRecords(doc)
    .items.filter((record) => record.kind === 'card')
    .map((record) => record.id);
}

export function publishedIds(doc: Y.Doc): Set<string> {
  return new Set(readIncidentCards(doc).items.map((card) => card.id));
}

/** A role-play point as its author's phone sent it, with who may see it. */
export type SentPoint = RolePoint & { choice: SharingChoice };

/**
 * A role-play point from a phone: like a card, sealed to the console unless it
 * is for the room of an open-wall room, and on the room's board only once the
 * facilitator accepts it (the accepted point is what the reveal shows). A
 * point its author gave only to the facilitator never reaches the board; a
 * counted one adds to its part's count there, without its text.
 */
export async function sendPoint(
  doc: Y.Doc,
  phone: PhoneSide,
  input: Omit<NewPoint, 'device'> & { choice: SharingChoice },
  now = Date.now(),
): Promise<{ point: SentPoint; sealed: boolean }> {
  const { choice, ...fields } = input;
  if (sendsInTheClear(choice, readPrivacySettings(doc).openWall)) {
    const point = addRolePoint(doc, { ...fields, device: phone.device }, now);
    return { point: { ...point, choice }, sealed: false };
  }
  if (!phone.box) throw new CardRejected('no-console-key');
  const point = rolePointSchema.parse({
    id: randomToken(12),
    caseId: fields.caseId,
    step: fields.step,
    part: fields.part,
    text: fields.text.trim(),
    who: (fields.who ?? '').trim(),
    when: (fields.when ?? '').trim(),
    device: phone.device,
    status: 'proposed',
    mergedInto: null,
    at: now,
  });
  const sealed = await phone.box.sealForFacilitator(binding(phone.room, 'point', point.id), {
    point,
    choice,
  });
  doc.transact(() => {
    writeRecord(doc, sealedRecords, {
      id: point.id,
      kind: 'point' as const,
      device: phone.device,
      ...sealed,
      createdAt: now,
    });
    if (choice === 'counted') {
      writeRecord(doc, countedPoints, {
        id: point.id,
        caseId: point.caseId,
        step: point.step,
        part: point.part,
        device: phone.device,
        createdAt: now,
      });
    }
  });
  return { point: { ...point, choice }, sealed: true };
}

/** A sealed point as the console opened it: the point, its author's choice and visit. */
export type OpenedPoint = SentPoint & { from: string; createdAt: number };

/**
 * The points phones sealed to this console, opened, as the console's lists
 * take them: waiting ("proposed") until accepted, "declined" once kept private.
 * Those already on the room's board are opened too (`onBoard`): the console
 * needs their visit to ask their author before rewording them.
 */
export async function openSealedPoints(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
  cache: Map<string, OpenedPoint | null>,
): Promise<OpenedPoint[]> {
  const states = readDecisions(doc);
  const points = await openEachSealed(doc, box, room, 'point', cache, (opened, record) => {
    const parsed = sealedPointPayloadSchema.safeParse(opened);
    if (!parsed.success) return null;
    const point = parsed.data.point;
    if (point.id !== record.id || point.device !== record.device) return null;
    return {
      ...point,
      status: 'proposed' as const,
      mergedInto: null,
      choice: parsed.data.choice,
      from: record.from,
      createdAt: record.createdAt,
    };
  });
  return points.map((point) =>
    states.get(point.id)?.state === 'private' ? { ...point, status: 'declined' } : point,
  );
}

/**
 * Writes the facilitator's decisions on points. A sealed point that is declined
 * is kept private: only its decision goes into the room, never its text. A
 * sealed point its author did not give to the room is refused whatever the
 * decision (`choices`: each sealed point's choice, by id).
 */
export function writeModeratedPoints(
  doc: Y.Doc,
  points: readonly RolePoint[],
  choices: ReadonlyMap<string, SharingChoice>,
  now = Date.now(),
): void {
  for (const point of points) {
    const choice = choices.get(point.id);
    if (choice && !canPublishText(choice)) throw new CardRejected('not-for-the-room');
  }
  doc.transact(() => {
    const published = points.filter((p) => !(choices.has(p.id) && p.status === 'declined'));
    writeRolePoints(doc, published);
    for (const point of points) {
      if (!choices.has(point.id)) continue;
      decide(doc, point.id, point.status === 'declined' ? 'private' : 'published', now);
    }
  });
}

/** A reworded point its author agreed to: the board shows the new words from now on. */
export function publishPointEdit(
  doc: Y.Doc,
  point: OpenedPoint,
  text: string,
  now = Date.now(),
): void {
  if (!canPublishText(point.choice)) throw new CardRejected('not-for-the-room');
  const onBoard = readRolePoints(doc).items.find((p) => p.id === point.id);
  doc.transact(() => {
    if (onBoard) writeRolePoints(doc, [{ ...onBoard, text }]);
    decide(doc, point.id, 'published', now);
  });
}

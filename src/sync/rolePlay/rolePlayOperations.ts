/**
 * Named changes to the room's role-play data, each one transaction. A point
 * is changed by replacing its record under its key, never deleted.
 */
import type * as Y from 'yjs';
import {
  mergePoints,
  nextCastNumber,
  type CastMember,
  type PointStep,
  type RegisterForm,
  type RegisteredIncident,
  type RolePlayRun,
  type RolePoint,
  type StepPart,
} from '../../domain/rolePlay';
import { followStep, withPhoneTasks } from '../../domain/stage';
import type { Severity } from '../timeline/cardSchema';
import { CARD_TEXT_MAX_CHARS, REGISTER_FIELD_MAX_CHARS } from '../limits';
import { writeRecord, writeValue } from '../record';
import { randomToken } from '../roomId';
import { addIncidentCard } from '../timeline/cardOperations';
import {
  cast,
  readCast,
  registerForm,
  registeredIncidents,
  rolePlayRun,
  rolePoints,
} from './rolePlaySchema';
import { updateStage } from '../stage/stageSchema';

/** The role-play's run; whether phones may join goes on the stage, in the same change. */
export function writeRolePlayRun(doc: Y.Doc, run: RolePlayRun): void {
  const { open, ...stored } = run;
  doc.transact(() => {
    writeValue(doc, rolePlayRun, stored);
    updateStage(doc, (current) =>
      followStep(withPhoneTasks(current, { rolePlay: open }), 'roleplay', run.caseId, run.stage),
    );
  });
}

export function writeRegisterForm(doc: Y.Doc, caseId: string, form: RegisterForm): void {
  const clip = (text: string) => text.slice(0, CARD_TEXT_MAX_CHARS);
  writeValue(doc, registerForm(caseId), {
    what: clip(form.what),
    when: clip(form.when),
    where: clip(form.where),
    who: clip(form.who),
    reporter: clip(form.reporter),
  });
}

/**
 * A phone steps into the cast, in its working group (null in a room without groups); it
 * keeps its number if it was there already, and moves to the group it now names.
 */
export function joinCast(
  doc: Y.Doc,
  device: string,
  groupId: string | null = null,
  now = Date.now(),
): CastMember {
  const members = readCast(doc).items;
  const existing = members.find((m) => m.device === device);
  if (existing && existing.groupId === groupId) return existing;
  const member: CastMember = existing
    ? { ...existing, groupId, roleId: null }
    : { device, number: nextCastNumber(members), roleId: null, at: now, groupId };
  writeRecord(doc, cast, member);
  return member;
}

export function writeCast(doc: Y.Doc, members: readonly CastMember[]): void {
  doc.transact(() => {
    for (const member of members) writeRecord(doc, cast, member);
  });
}

export function removeFromCast(doc: Y.Doc, device: string): void {
  doc.transact(() => doc.getMap(cast.map).delete(device));
}

export type NewPoint = {
  caseId: string;
  step: PointStep;
  part: StepPart;
  text: string;
  who?: string;
  when?: string;
  device: string;
};

/** A phone's point waits for the facilitator; the facilitator's own is agreed at once. */
export function addRolePoint(doc: Y.Doc, input: NewPoint, now = Date.now()): RolePoint {
  const point: RolePoint = {
    id: randomToken(12),
    caseId: input.caseId,
    step: input.step,
    part: input.part,
    text: input.text.trim().slice(0, CARD_TEXT_MAX_CHARS),
    who: (input.who ?? '').trim().slice(0, REGISTER_FIELD_MAX_CHARS),
    when: (input.when ?? '').trim().slice(0, REGISTER_FIELD_MAX_CHARS),
    device: input.device,
    status: input.device === 'console' ? 'accepted' : 'proposed',
    mergedInto: null,
    at: now,
  };
  writeRecord(doc, rolePoints, point);
  return point;
}

export function writeRolePoints(doc: Y.Doc, points: readonly RolePoint[]): void {
  doc.transact(() => {
    for (const point of points) writeRecord(doc, rolePoints, point);
  });
}

/** The device the console's own incident cards are written as. */
export const CONSOLE_CARD_DEVICE = 'facilitator-console';

export type RegisterOptions = {
  severity: Severity;
  /** Also put the incident on the timeline's wall, in this month ("2026-03"); null for not. */
  wallMonth?: string | null;
};

/**
 * The group registers an incident formally, and, if asked, puts it on the
 * wall in its month: one change, so no screen sees one without the other.
 */
export function registerIncident(
  doc: Y.Doc,
  form: RegisterForm,
  { severity, wallMonth = null }: RegisterOptions,
  now = Date.now(),
): RegisteredIncident {
  let entry: RegisteredIncident = { ...form, id: randomToken(12), severity, at: now };
  doc.transact(() => {
    // Its card on the wall is the same incident: the registration keeps the card's id, so the
    // register lists it once.
    if (wallMonth !== null) {
      const card = addIncidentCard(
        doc,
        CONSOLE_CARD_DEVICE,
        { text: form.what, severity, month: wallMonth },
        now,
      );
      entry = { ...entry, cardId: card.id };
    }
    writeRecord(doc, registeredIncidents, entry);
  });
  return entry;
}

export function removeRegisteredIncident(doc: Y.Doc, id: string): void {
  doc.transact(() => doc.getMap(registeredIncidents.map).delete(id));
}

/** Several points become one agreed point; the originals stay, marked merged. */
export function mergeRolePoints(doc: Y.Doc, points: readonly RolePoint[], now = Date.now()): void {
  writeRolePoints(doc, mergePoints(points, { id: randomToken(12), at: now }));
}

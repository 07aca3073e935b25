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
} from '../domain/rolePlay';
import { CARD_TEXT_MAX_CHARS, NICKNAME_MAX_CHARS } from './limits';
import { randomToken } from './roomId';
import {
  ROOM_MAPS,
  castMemberSchema,
  readCast,
  registerFormSchema,
  registeredIncidentSchema,
  rolePlayRunSchema,
  rolePointSchema,
} from './roomSchema';

export function writeRolePlayRun(doc: Y.Doc, run: RolePlayRun): void {
  doc.transact(() => doc.getMap(ROOM_MAPS.rolePlay).set('run', rolePlayRunSchema.parse(run)));
}

export function writeRegisterForm(doc: Y.Doc, caseId: string, form: RegisterForm): void {
  const clean = registerFormSchema.parse(
    Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v.slice(0, CARD_TEXT_MAX_CHARS)])),
  );
  doc.transact(() => doc.getMap(ROOM_MAPS.rolePlay).set(`register:${caseId}`, clean));
}

/** A phone steps into the cast; it keeps its number if it was there already. */
export function joinCast(doc: Y.Doc, device: string, now = Date.now()): CastMember {
  const cast = readCast(doc).items;
  const existing = cast.find((m) => m.device === device);
  if (existing) return existing;
  const member = castMemberSchema.parse({
    device,
    number: nextCastNumber(cast),
    roleId: null,
    at: now,
  });
  doc.transact(() => doc.getMap(ROOM_MAPS.rolePlayCast).set(device, member));
  return member;
}

export function writeCast(doc: Y.Doc, members: readonly CastMember[]): void {
  const map = doc.getMap(ROOM_MAPS.rolePlayCast);
  doc.transact(() => {
    for (const member of members) map.set(member.device, castMemberSchema.parse(member));
  });
}

export function removeFromCast(doc: Y.Doc, device: string): void {
  doc.transact(() => doc.getMap(ROOM_MAPS.rolePlayCast).delete(device));
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
  const point = rolePointSchema.parse({
    id: randomToken(12),
    caseId: input.caseId,
    step: input.step,
    part: input.part,
    text: input.text.trim().slice(0, CARD_TEXT_MAX_CHARS),
    who: (input.who ?? '').trim().slice(0, NICKNAME_MAX_CHARS * 2),
    when: (input.when ?? '').trim().slice(0, NICKNAME_MAX_CHARS * 2),
    device: input.device,
    status: input.device === 'console' ? 'accepted' : 'proposed',
    mergedInto: null,
    at: now,
  }) as RolePoint;
  doc.transact(() => doc.getMap(ROOM_MAPS.rolePlayPoints).set(point.id, point));
  return point;
}

export function writeRolePoints(doc: Y.Doc, points: readonly RolePoint[]): void {
  const map = doc.getMap(ROOM_MAPS.rolePlayPoints);
  doc.transact(() => {
    for (const point of points) map.set(point.id, rolePointSchema.parse(point));
  });
}

export function registerIncident(
  doc: Y.Doc,
  form: RegisterForm,
  severity: RegisteredIncident['severity'],
  now = Date.now(),
): RegisteredIncident {
  const entry = registeredIncidentSchema.parse({ ...form, id: randomToken(12), severity, at: now });
  doc.transact(() => doc.getMap(ROOM_MAPS.register).set(entry.id, entry));
  return entry;
}

export function removeRegisteredIncident(doc: Y.Doc, id: string): void {
  doc.transact(() => doc.getMap(ROOM_MAPS.register).delete(id));
}

/** Several points become one agreed point; the originals stay, marked merged. */
export function mergeRolePoints(doc: Y.Doc, points: readonly RolePoint[], now = Date.now()): void {
  writeRolePoints(doc, mergePoints(points, { id: randomToken(12), at: now }));
}

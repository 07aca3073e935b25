/**
 * The role-play's part of the room: the walkthrough's stage and timer, who
 * plays whom, the points phones send, and the incidents the group registers.
 * Whether phones may join is the room's stage.
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { compareKeys } from '../../domain/order';
import {
  ROLE_PLAY_STAGES,
  STEP_PARTS,
  type CastMember,
  type RegisterForm,
  type RegisteredIncident,
  type RolePlayRun,
  type RolePoint,
} from '../../domain/rolePlay';
import {
  CARD_TEXT_MAX_CHARS,
  CAST_MAX,
  REGISTER_FIELD_MAX_CHARS,
  REGISTERED_INCIDENTS_PER_ROOM_MAX,
  ROLE_PLAY_POINTS_PER_DEVICE_MAX,
  ROLE_PLAY_POINTS_PER_ROOM_MAX,
} from '../limits';
import { defineRoomRecord, defineRoomValue, readRecords, readStoredValue } from '../record';
import { ROOM_MAPS, caseIdSchema, tokenSchema, type Validated } from '../schemaParts';
import { stage } from '../stage/stageSchema';

const text = (max: number) => z.string().check(z.maxLength(max));
const timestamp = z.number().check(z.int(), z.nonnegative());
/** The facilitator's own points say "console"; they count against its cap like any phone's. */
const deviceSchema = z.union([tokenSchema, z.literal('console')]);

export const rolePlayRunSchema = z.object({
  caseId: caseIdSchema,
  /** Rooms from before the stage kept here whether phones may join. */
  open: z.optional(z.boolean()),
  stage: z.enum(ROLE_PLAY_STAGES),
  visited: z.array(z.enum(ROLE_PLAY_STAGES)).check(z.maxLength(ROLE_PLAY_STAGES.length)),
  timer: z.object({
    minutes: z.number().check(z.int(), z.gte(1), z.lte(240)),
    startedAt: z.nullable(timestamp),
    spentMs: z.number().check(z.nonnegative(), z.lte(24 * 3_600_000)),
  }),
});
type StoredRolePlayRun = z.infer<typeof rolePlayRunSchema>;

export const rolePlayRun = defineRoomValue<StoredRolePlayRun | null>({
  map: ROOM_MAPS.rolePlay,
  key: 'run',
  schema: rolePlayRunSchema,
  fallback: () => null,
});

/** The role-play's run, open to phones when the stage says so. */
export function readRolePlayRun(doc: Y.Doc): RolePlayRun | null {
  const stored = readStoredValue(doc, rolePlayRun);
  if (!stored) return null;
  const current = readStoredValue(doc, stage);
  return { ...stored, open: current ? current.phones.rolePlay : (stored.open ?? false) };
}

const field = text(CARD_TEXT_MAX_CHARS);
export const registerFormSchema = z.object({
  what: field,
  when: field,
  where: field,
  who: field,
  reporter: field,
});

/** The register's form of a case, as the group fills it in. */
export function registerForm(caseId: string) {
  return defineRoomValue<RegisterForm | null>({
    map: ROOM_MAPS.rolePlay,
    key: `register:${caseId}`,
    schema: registerFormSchema,
    fallback: () => null,
  });
}

/** The register form of a case, or null when none is stored. */
export function readRegisterForm(doc: Y.Doc, caseId: string): RegisterForm | null {
  return readStoredValue(doc, registerForm(caseId));
}

export const castMemberSchema = z.object({
  device: tokenSchema,
  number: z.number().check(z.int(), z.gte(1), z.lte(999)),
  roleId: z.nullable(caseIdSchema),
  at: timestamp,
  /** The room's working group (groupSchema); absent in casts from before groups. */
  groupId: z.optional(z.nullable(tokenSchema)),
});

/** Who plays whom; a cast member written before groups had none and plays in the whole room. */
export const cast = defineRoomRecord<CastMember, z.infer<typeof castMemberSchema>>({
  map: ROOM_MAPS.rolePlayCast,
  schema: castMemberSchema,
  defaults: (stored) => ({ ...stored, groupId: stored.groupId ?? null }),
  key: (m) => m.device,
  order: (a, b) => a.number - b.number || compareKeys(a.device, b.device),
  device: (m) => m.device,
  perDeviceCap: 1,
  perRoomCap: CAST_MAX,
});

export function readCast(doc: Y.Doc): Validated<CastMember> {
  return readRecords(doc, cast);
}

/** Every part a point may go under, whatever its step. */
export const ROLE_POINT_PARTS = [
  ...STEP_PARTS.register,
  ...STEP_PARTS.analyse,
  ...STEP_PARTS.react,
  ...STEP_PARTS.conclusion,
] as const;

export const rolePointSchema = z
  .object({
    id: tokenSchema,
    caseId: caseIdSchema,
    step: z.enum(['register', 'analyse', 'react', 'conclusion']),
    part: z.enum(ROLE_POINT_PARTS),
    text: z.string().check(z.trim(), z.minLength(1), z.maxLength(CARD_TEXT_MAX_CHARS)),
    who: text(REGISTER_FIELD_MAX_CHARS),
    when: text(REGISTER_FIELD_MAX_CHARS),
    device: deviceSchema,
    status: z.enum(['proposed', 'accepted', 'declined', 'merged']),
    mergedInto: z.nullable(tokenSchema),
    at: timestamp,
  })
  .check(
    z.refine((p) => (STEP_PARTS[p.step] as readonly string[]).includes(p.part), {
      message: 'the part does not belong to the step',
    }),
  );

/** Points, oldest first; a phone past its share is cut off, keeping its first points. */
export const rolePoints = defineRoomRecord<RolePoint>({
  map: ROOM_MAPS.rolePlayPoints,
  schema: rolePointSchema,
  key: (p) => p.id,
  time: (p) => p.at,
  device: (p) => p.device,
  perDeviceCap: ROLE_PLAY_POINTS_PER_DEVICE_MAX,
  perRoomCap: ROLE_PLAY_POINTS_PER_ROOM_MAX,
});

export function readRolePoints(doc: Y.Doc): Validated<RolePoint> {
  return readRecords(doc, rolePoints);
}

export const registeredIncidentSchema = z.object({
  ...registerFormSchema.shape,
  id: tokenSchema,
  severity: z.enum(['red', 'yellow', 'green']),
  at: timestamp,
  /** The card the registration also put on the incident timeline, so the two count as one. */
  cardId: z.optional(tokenSchema),
});

export const registeredIncidents = defineRoomRecord<RegisteredIncident>({
  map: ROOM_MAPS.register,
  schema: registeredIncidentSchema,
  key: (r) => r.id,
  time: (r) => r.at,
  perDeviceCap: REGISTERED_INCIDENTS_PER_ROOM_MAX,
  perRoomCap: REGISTERED_INCIDENTS_PER_ROOM_MAX,
});

export function readRegisteredIncidents(doc: Y.Doc): Validated<RegisteredIncident> {
  return readRecords(doc, registeredIncidents);
}

/**
 * The role-play's part of the room: the walkthrough's stage and timer, who
 * plays whom, the points phones send, and the incidents the group registers.
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import {
  REGISTER_FIELDS,
  ROLE_PLAY_STAGES,
  STEP_PARTS,
  type CastMember,
  type RegisterForm,
  type RegisteredIncident,
  type RolePlayRun,
  type RolePoint,
} from '../domain/rolePlay';
import {
  CARD_TEXT_MAX_CHARS,
  CAST_MAX,
  NICKNAME_MAX_CHARS,
  ROLE_PLAY_POINTS_PER_DEVICE_MAX,
} from './limits';
import { ROOM_MAPS, caseIdSchema, readValid, tokenSchema, type Validated } from './schemaParts';
import { compareKeys } from '../domain/order';

const text = (max: number) => z.string().check(z.maxLength(max));
const timestamp = z.number().check(z.int(), z.nonnegative());
const deviceSchema = z.union([tokenSchema, z.literal('console')]);

export const rolePlayRunSchema = z.object({
  caseId: caseIdSchema,
  open: z.boolean(),
  stage: z.enum(ROLE_PLAY_STAGES),
  visited: z.array(z.enum(ROLE_PLAY_STAGES)).check(z.maxLength(ROLE_PLAY_STAGES.length)),
  timer: z.object({
    minutes: z.number().check(z.int(), z.gte(1), z.lte(240)),
    startedAt: z.nullable(timestamp),
    spentMs: z.number().check(z.nonnegative(), z.lte(24 * 3_600_000)),
  }),
});

export const registerFormSchema = z.object(
  Object.fromEntries(REGISTER_FIELDS.map((f) => [f, text(CARD_TEXT_MAX_CHARS)])) as Record<
    keyof RegisterForm,
    z.ZodMiniString
  >,
);

export const castMemberSchema = z.object({
  device: tokenSchema,
  number: z.number().check(z.int(), z.gte(1), z.lte(999)),
  roleId: z.nullable(caseIdSchema),
  at: timestamp,
});

const allParts = Object.values(STEP_PARTS).flat();
export const rolePointSchema = z
  .object({
    id: tokenSchema,
    caseId: caseIdSchema,
    step: z.enum(['register', 'analyse', 'react', 'conclusion']),
    part: z.enum(allParts as [string, ...string[]]),
    text: z.string().check(z.trim(), z.minLength(1), z.maxLength(CARD_TEXT_MAX_CHARS)),
    who: text(NICKNAME_MAX_CHARS * 2),
    when: text(NICKNAME_MAX_CHARS * 2),
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

export const registeredIncidentSchema = z.object({
  ...registerFormSchema.shape,
  id: tokenSchema,
  severity: z.enum(['red', 'yellow', 'green']),
  at: timestamp,
});

export function readRolePlayRun(doc: Y.Doc): RolePlayRun | null {
  const parsed = rolePlayRunSchema.safeParse(doc.getMap(ROOM_MAPS.rolePlay).get('run'));
  return parsed.success ? parsed.data : null;
}

/** The register form of a case, or an empty one. */
export function readRegisterForm(doc: Y.Doc, caseId: string): RegisterForm | null {
  const parsed = registerFormSchema.safeParse(
    doc.getMap(ROOM_MAPS.rolePlay).get(`register:${caseId}`),
  );
  return parsed.success ? parsed.data : null;
}

export function readCast(doc: Y.Doc): Validated<CastMember> {
  const { items, dropped } = readValid(
    doc.getMap(ROOM_MAPS.rolePlayCast),
    castMemberSchema,
    (m) => m.device,
  );
  items.sort((a, b) => a.number - b.number || compareKeys(a.device, b.device));
  return {
    items: items.slice(0, CAST_MAX),
    dropped: dropped + Math.max(0, items.length - CAST_MAX),
  };
}

/** Points, oldest first; a phone past its share is cut off, keeping its first points. */
export function readRolePoints(doc: Y.Doc): Validated<RolePoint> {
  const { items, dropped } = readValid(
    doc.getMap(ROOM_MAPS.rolePlayPoints),
    rolePointSchema,
    (p) => p.id,
  );
  items.sort((a, b) => a.at - b.at || compareKeys(a.id, b.id));
  const perDevice = new Map<string, number>();
  const kept = (items as RolePoint[]).filter((point) => {
    const count = (perDevice.get(point.device) ?? 0) + 1;
    perDevice.set(point.device, count);
    return point.device === 'console' || count <= ROLE_PLAY_POINTS_PER_DEVICE_MAX;
  });
  return { items: kept, dropped: dropped + items.length - kept.length };
}

export function readRegisteredIncidents(doc: Y.Doc): Validated<RegisteredIncident> {
  const result = readValid(doc.getMap(ROOM_MAPS.register), registeredIncidentSchema, (r) => r.id);
  result.items.sort((a, b) => a.at - b.at || compareKeys(a.id, b.id));
  return result;
}

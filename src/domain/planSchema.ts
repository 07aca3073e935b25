/**
 * The records of a group's security plan, one per key in the room's maps and
 * one list each in a plan file. Flat JSON, bounded, so a hostile peer or a
 * tampered file is dropped record by record, never trusted.
 */
import * as z from 'zod/mini';

/** A plan record's text (a threat, a measure, an objective): a few sentences. */
export const PLAN_TEXT_MAX_CHARS = 500;
/** A name in the plan (its title, the organisation, a person responsible). */
export const PLAN_NAME_MAX_CHARS = 120;
/** The currency mark put before costs ("€", "USD "). */
export const PLAN_CURRENCY_MAX_CHARS = 8;

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));
const text = z.string().check(z.maxLength(PLAN_TEXT_MAX_CHARS));
const name = z.string().check(z.maxLength(PLAN_NAME_MAX_CHARS));
const isoDate = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/));
const at = z.number().check(z.int(), z.nonnegative());
const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const count = z.number().check(z.int(), z.gte(1), z.lte(99));
const unit = z.enum(['week', 'month']);

export const PLAN_CRITERIA = ['serious', 'probableSerious', 'vulnerabilities'] as const;

export const planSettingsSchema = z.object({
  title: name,
  organisation: name,
  date: isoDate,
  responsible: name,
  criterion: z.enum(PLAN_CRITERIA),
  reviewEveryWeeks: z.union([z.literal(2), z.literal(3)]),
  currency: z.string().check(z.maxLength(PLAN_CURRENCY_MAX_CHARS)),
  /** The group whose measures the plenary is discussing, one at a time; none shows every group. */
  plenaryGroupId: z.optional(z.nullable(name)),
});

export const planThreatSchema = z.object({
  id,
  text: z.string().check(z.minLength(1), z.maxLength(PLAN_TEXT_MAX_CHARS)),
  seriousness: level,
  probability: level,
  selected: z.boolean(),
  groupId: z.nullable(name),
  objective: z.nullable(text),
  source: z.enum(['typed', 'roleplay', 'wall']),
  at,
});

export const planFactorSchema = z.object({
  id,
  threatId: id,
  kind: z.enum(['vulnerability', 'capacity']),
  text: z.string().check(z.minLength(1), z.maxLength(PLAN_TEXT_MAX_CHARS)),
  objective: z.nullable(text),
  at,
});

export const timetableSchema = z.union([
  z.object({ kind: z.literal('by'), date: isoDate }),
  z.object({ kind: z.literal('within'), count, unit }),
  z.object({ kind: z.literal('every'), count, unit }),
]);

export const planMeasureSchema = z.object({
  id,
  threatId: z.nullable(id),
  vulnerabilityId: z.nullable(id),
  text,
  kind: z.nullable(z.enum(['preventive', 'reactive'])),
  responsibility: name,
  cost: z.nullable(z.number().check(z.gte(0), z.lte(1e12))),
  costNote: name,
  timetable: z.nullable(timetableSchema),
  /** 'paper': keyed in by the facilitator from a paper plan table. */
  source: z.enum(['typed', 'roleplay', 'paper']),
  /** Agreed in plenary, once the group has presented it. */
  agreed: z.optional(z.boolean()),
  at,
});

const activityRowSchema = z.object({
  threats: text,
  vulnerabilities: text,
  existingCapacity: text,
  requiredCapacity: text,
});

export const activityPlanSchema = z.object({
  id,
  groupId: z.nullable(name),
  activity: text,
  reviewed: z.union([isoDate, z.literal('')]),
  responsible: name,
  risk: text,
  rows: z.array(activityRowSchema).check(z.maxLength(20)),
  at,
});

export const organisationalRowSchema = z.object({
  id,
  threatsAndRisks: text,
  identifiedVulnerabilities: text,
  existingCapacities: text,
  mitigatingActions: text,
  responsibleAndDates: text,
  at,
});

export const sharedActionSchema = z.object({
  id,
  groupId: z.nullable(name),
  mitigatingActions: text,
  at,
});

export type PlanSettings = z.infer<typeof planSettingsSchema>;
export type PlanThreat = z.infer<typeof planThreatSchema>;
export type PlanFactor = z.infer<typeof planFactorSchema>;
export type Timetable = z.infer<typeof timetableSchema>;
export type PlanMeasure = z.infer<typeof planMeasureSchema>;
export type ActivityPlan = z.infer<typeof activityPlanSchema>;
export type OrganisationalRow = z.infer<typeof organisationalRowSchema>;
export type SharedAction = z.infer<typeof sharedActionSchema>;

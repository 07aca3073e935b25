/** The group's security plan in the room, validated, re-read when any of its maps change. */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import {
  activityPlanSchema,
  planFactorSchema,
  planMeasureSchema,
  planSettingsSchema,
  planThreatSchema,
  sharedActionSchema,
  type ActivityPlan,
  type PlanFactor,
  type PlanMeasure,
  type PlanSettings,
  type PlanThreat,
  type SharedAction,
} from '../domain/planSchema';
import { newPlanSettings } from '../domain/securityPlan';
import { createDocStore } from './docStore';
import { ROOM_MAPS, readValid, type Validated } from './roomSchema';
import { compareKeys } from '../domain/order';

export const PLAN_SETTINGS_KEY = 'settings';
export const PLAN_PHONES_KEY = 'phones';

function byTime<T extends { at: number; id: string }>(result: Validated<T>): Validated<T> {
  result.items.sort((a, b) => a.at - b.at || compareKeys(a.id, b.id));
  return result;
}

export function readPlanSettings(doc: Y.Doc, today: string): PlanSettings {
  const parsed = planSettingsSchema.safeParse(doc.getMap(ROOM_MAPS.plan).get(PLAN_SETTINGS_KEY));
  return parsed.success ? (parsed.data as PlanSettings) : newPlanSettings(today);
}

export type PlanSnapshot = {
  settings: PlanSettings;
  /** Phones may edit their groups' parts. */
  phones: boolean;
  threats: Validated<PlanThreat>;
  factors: Validated<PlanFactor>;
  measures: Validated<PlanMeasure>;
  activityPlans: Validated<ActivityPlan>;
  sharedActions: Validated<SharedAction>;
};

/** The plan as the room's document holds it now (the store below keeps it between changes). */
export function readPlan(doc: Y.Doc): PlanSnapshot {
  const phones = z.boolean().safeParse(doc.getMap(ROOM_MAPS.plan).get(PLAN_PHONES_KEY));
  return {
    settings: readPlanSettings(doc, new Date().toISOString().slice(0, 10)),
    phones: phones.success && phones.data,
    threats: byTime(readValid(doc.getMap(ROOM_MAPS.planThreats), planThreatSchema, (r) => r.id)),
    factors: byTime(readValid(doc.getMap(ROOM_MAPS.planFactors), planFactorSchema, (r) => r.id)),
    measures: byTime(readValid(doc.getMap(ROOM_MAPS.planMeasures), planMeasureSchema, (r) => r.id)),
    activityPlans: byTime(
      readValid(doc.getMap(ROOM_MAPS.planActivities), activityPlanSchema, (r) => r.id),
    ),
    sharedActions: byTime(
      readValid(doc.getMap(ROOM_MAPS.planSharedActions), sharedActionSchema, (r) => r.id),
    ),
  } as PlanSnapshot;
}

export const planStore = createDocStore(
  [
    ROOM_MAPS.plan,
    ROOM_MAPS.planThreats,
    ROOM_MAPS.planFactors,
    ROOM_MAPS.planMeasures,
    ROOM_MAPS.planActivities,
    ROOM_MAPS.planSharedActions,
  ],
  readPlan,
);

/**
 * The group's security plan in the room: its settings and one record kind per
 * part. The records' shapes are the plan file's (src/domain/planSchema.ts);
 * here each is declared as a room record, with caps, like every other tool's.
 * Plan records carry no device (the plan file must not name one): their
 * per-device cap is their room cap. Whether phones may edit is the stage's.
 */
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
} from '../../domain/planSchema';
import { newPlanSettings } from '../../domain/securityPlan';
import {
  PLAN_ACTIVITIES_PER_ROOM_MAX,
  PLAN_FACTORS_PER_ROOM_MAX,
  PLAN_MEASURES_PER_ROOM_MAX,
  PLAN_SHARED_ACTIONS_PER_ROOM_MAX,
  PLAN_THREATS_PER_ROOM_MAX,
} from '../limits';
import {
  defineRoomRecord,
  defineRoomValue,
  readStoredValue,
  type RecordDeclaration,
  type Schema,
} from '../record';
import { ROOM_MAPS } from '../schemaParts';

function planRecord<T extends { id: string; at: number }>(
  map: string,
  schema: Schema<T>,
  cap: number,
) {
  return defineRoomRecord<T>({
    map,
    schema,
    key: (r) => r.id,
    time: (r) => r.at,
    perDeviceCap: cap,
    perRoomCap: cap,
  });
}

export const planThreats = planRecord<PlanThreat>(
  ROOM_MAPS.planThreats,
  planThreatSchema,
  PLAN_THREATS_PER_ROOM_MAX,
);
export const planFactors = planRecord<PlanFactor>(
  ROOM_MAPS.planFactors,
  planFactorSchema,
  PLAN_FACTORS_PER_ROOM_MAX,
);
export const planMeasures = planRecord<PlanMeasure>(
  ROOM_MAPS.planMeasures,
  planMeasureSchema,
  PLAN_MEASURES_PER_ROOM_MAX,
);
export const planActivities = planRecord<ActivityPlan>(
  ROOM_MAPS.planActivities,
  activityPlanSchema,
  PLAN_ACTIVITIES_PER_ROOM_MAX,
);
export const planSharedActions = planRecord<SharedAction>(
  ROOM_MAPS.planSharedActions,
  sharedActionSchema,
  PLAN_SHARED_ACTIONS_PER_ROOM_MAX,
);

/** Each record kind of the plan, by the name its map has in ROOM_MAPS. */
export type PlanRecords = {
  planThreats: PlanThreat;
  planFactors: PlanFactor;
  planMeasures: PlanMeasure;
  planActivities: ActivityPlan;
  planSharedActions: SharedAction;
};
export type PlanRecordKind = keyof PlanRecords;
export const PLAN_RECORDS: { [K in PlanRecordKind]: RecordDeclaration<PlanRecords[K]> } = {
  planThreats,
  planFactors,
  planMeasures,
  planActivities,
  planSharedActions,
};

export const planSettings = defineRoomValue<PlanSettings | null>({
  map: ROOM_MAPS.plan,
  key: 'settings',
  schema: planSettingsSchema,
  fallback: () => null,
});

export function readPlanSettings(doc: Y.Doc, today: string): PlanSettings {
  return readStoredValue(doc, planSettings) ?? newPlanSettings(today);
}

/** The group's security plan in the room, validated, re-read when any of its maps change. */
import type * as Y from 'yjs';
import type {
  ActivityPlan,
  PlanFactor,
  PlanMeasure,
  PlanSettings,
  PlanThreat,
  SharedAction,
} from '../../domain/planSchema';
import { carryOverThreats } from '../../domain/securityPlan';
import { readIncidentCards } from '../timeline/cardIndex';
import { createDocStore, sameJson } from '../docStore';
import { PLAN_RECORDS, readPlanSettings } from './planSchema';
import { readRecords } from '../record';
import { readRegisteredIncidents } from '../rolePlay/rolePlaySchema';
import { ROOM_MAPS, type Validated } from '../schemaParts';

export type PlanSnapshot = {
  settings: PlanSettings;
  threats: Validated<PlanThreat>;
  factors: Validated<PlanFactor>;
  measures: Validated<PlanMeasure>;
  activityPlans: Validated<ActivityPlan>;
  sharedActions: Validated<SharedAction>;
};

/** The plan as the room's document holds it now (the store below keeps it between changes). */
export function readPlan(doc: Y.Doc): PlanSnapshot {
  return {
    settings: readPlanSettings(doc, new Date().toISOString().slice(0, 10)),
    threats: readRecords(doc, PLAN_RECORDS.planThreats),
    factors: readRecords(doc, PLAN_RECORDS.planFactors),
    measures: readRecords(doc, PLAN_RECORDS.planMeasures),
    activityPlans: readRecords(doc, PLAN_RECORDS.planActivities),
    sharedActions: readRecords(doc, PLAN_RECORDS.planSharedActions),
  };
}

export const planStore = createDocStore(
  [ROOM_MAPS.plan, ...Object.values(PLAN_RECORDS).map((record) => record.map)],
  readPlan,
);

/** The threats other tools named that the plan could take over, re-read when any of them change. */
export const carryOverStore = createDocStore(
  [ROOM_MAPS.register, ROOM_MAPS.cards, ROOM_MAPS.planThreats],
  (doc) =>
    carryOverThreats(
      readRegisteredIncidents(doc).items,
      readIncidentCards(doc).items,
      readRecords(doc, PLAN_RECORDS.planThreats).items,
    ),
  sameJson,
);

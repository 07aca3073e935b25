import type { SecurityPlan } from '../../domain/securityPlan';
import type { PlanSnapshot } from '../../sync/plan/planStore';

/** The plan as the domain reads it, from the room's snapshot (the organisational rows stay on the device). */
export function planOf(snapshot: PlanSnapshot): SecurityPlan {
  return {
    settings: snapshot.settings,
    threats: snapshot.threats.items,
    factors: snapshot.factors.items,
    measures: snapshot.measures.items,
    activityPlans: snapshot.activityPlans.items,
    organisationalRows: [],
  };
}

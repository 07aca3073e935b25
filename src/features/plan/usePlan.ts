import { planStore, type PlanSnapshot } from '../../sync/plan/planStore';
import { useRoomValue } from '../room/RoomContext';

/** The room's security plan, validated, re-read on every change. */
export function usePlan(): PlanSnapshot {
  return useRoomValue(planStore);
}

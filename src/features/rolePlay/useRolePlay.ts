import { rolePlayStore, type RolePlaySnapshot } from '../../sync/rolePlay/rolePlayStore';
import { useRoomValue } from '../room/RoomContext';

/** The room's role-play data, validated, re-read on every change. */
export function useRolePlay(): RolePlaySnapshot {
  return useRoomValue(rolePlayStore);
}

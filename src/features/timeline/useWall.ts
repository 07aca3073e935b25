import { wallSettingsStore } from '../../sync/timeline/cardStore';
import type { WallSettings } from '../../sync/roomSchema';
import { useRoomValue } from '../room/RoomContext';

/** The wall's settings (locked, which year, which severities), re-read when they change. */
export function useWallSettings(): WallSettings {
  return useRoomValue(wallSettingsStore);
}

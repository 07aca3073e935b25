/**
 * Which room this laptop's console holds, kept apart from the room layer (yjs,
 * the connection) so the console's first screen can ask without loading it.
 */

/** The console's own device keeps the room's id and key so a reload finds the room again. */
export const ROOM_STORAGE_KEY = 'swk.room';

export type RoomCredentials = { room: string; key: string };

export function storedRoom(): RoomCredentials | null {
  try {
    const value = JSON.parse(localStorage.getItem(ROOM_STORAGE_KEY) ?? 'null') as unknown;
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as RoomCredentials).room === 'string' &&
      typeof (value as RoomCredentials).key === 'string'
    ) {
      return value as RoomCredentials;
    }
  } catch {
    // unreadable: as if there were no room
  }
  return null;
}

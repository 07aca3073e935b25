/**
 * The room key, held in memory only: once read from the link it is removed from
 * the address bar, and a phone keeps nothing after it leaves.
 */
const keys = new Map<string, string>();

export function resolveRoomKey(room: string, keyFromLink: string | null): string | null {
  if (keyFromLink) keys.set(room, keyFromLink);
  return keys.get(room) ?? null;
}

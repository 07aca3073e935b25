/**
 * Whether this phone has seen a room's welcome screen: kept for the visit
 * (a reload does not show it again) under "swk.welcome.<room>", so it goes
 * with everything else of the room when the room closes (sync/phoneMemory).
 */
const entry = (room: string) => `swk.welcome.${room}`;

export function welcomeSeen(room: string): boolean {
  try {
    return sessionStorage.getItem(entry(room)) === '1';
  } catch {
    return false;
  }
}

export function sawWelcome(room: string): void {
  try {
    sessionStorage.setItem(entry(room), '1');
  } catch {
    // storage refused: the welcome comes back after a reload, nothing else is lost
  }
}

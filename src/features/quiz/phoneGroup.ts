/** The group this phone answers for, remembered for the visit so a reload keeps it. */
const entry = (room: string) => `swk.group.${room}`;

export function recallGroup(room: string): string | null {
  try {
    return sessionStorage.getItem(entry(room));
  } catch {
    return null;
  }
}

export function rememberGroup(room: string, groupId: string): void {
  try {
    sessionStorage.setItem(entry(room), groupId);
  } catch {
    // the choice lasts this page only
  }
}

/**
 * The room's working groups: the facilitator forms them once and the quiz,
 * the role-play and the security plan all use the same ones. Pure.
 */
export type Group = { id: string; number: number; name: string | null };

/** Groups a room can have: more than any workshop room holds. */
export const GROUPS_MAX = 30;

/** Groups numbered 1..count, keeping the names and ids of those that already exist. */
export function formGroups(
  existing: readonly Group[],
  count: number,
  newId: () => string,
): Group[] {
  const wanted = Math.max(1, Math.min(GROUPS_MAX, Math.round(count)));
  const kept = [...existing].sort((a, b) => a.number - b.number).slice(0, wanted);
  const groups = kept.map((group, index) => ({ ...group, number: index + 1 }));
  while (groups.length < wanted)
    groups.push({ id: newId(), number: groups.length + 1, name: null });
  return groups;
}

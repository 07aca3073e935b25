/**
 * Orders ids and keys by their code units. Every peer must sort a tie the same
 * way whatever its language, and localeCompare both depends on the locale and
 * costs a collator call per comparison (a 10,000-card flood sorts slowly).
 */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The room's one order for records: oldest first, ties by id in code-unit
 * order, so every peer lists the same records the same way.
 */
export function byTimeThenId<T>(
  time: (item: T) => number,
  id: (item: T) => string,
): (a: T, b: T) => number {
  return (a, b) => time(a) - time(b) || compareKeys(id(a), id(b));
}

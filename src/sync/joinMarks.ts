/**
 * Marks on the page's performance timeline, once each, for where a join's time
 * goes: the room's connection opened (the live room's code has run), the network code loaded, the room's secrets derived, the link up, the
 * first change from a peer or from the relay, the relay's catch-up applied.
 * The bench reads them (tests/bench/participant.bench.ts); nothing leaves the page.
 */
const marked = new Set<string>();

export function markOnce(name: string): void {
  if (marked.has(name) || typeof performance === 'undefined' || !performance.mark) return;
  marked.add(name);
  performance.mark(`swk:${name}`);
}

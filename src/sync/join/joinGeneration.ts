/**
 * The join code's generation of each room this page is in, as its document says
 * (joinSchema.ts), for the parts that show or answer the code without reading
 * the document themselves: the phone's header (loaded before the room's code),
 * the console's answering of asks. Plain module state, no Yjs.
 */
const generations = new Map<string, number>();
const listeners = new Set<() => void>();

/** By the room key: what the code is derived from. */
export function joinGenerationOf(roomKey: string): number {
  return generations.get(roomKey) ?? 0;
}

export function setJoinGeneration(roomKey: string, generation: number): void {
  if (joinGenerationOf(roomKey) === generation) return;
  generations.set(roomKey, generation);
  listeners.forEach((listener) => listener());
}

export function subscribeJoinGeneration(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The day's plan and run in the room's document: the console writes it, a
 * projector on another screen follows it. Reads go through the room schema.
 */
import type * as Y from 'yjs';
import { agendaMap, readAgendaState, writeAgendaState, type AgendaState } from './roomSchema';

export function subscribeAgendaState(
  doc: Y.Doc,
  listener: (state: AgendaState | null) => void,
): () => void {
  const map = agendaMap(doc);
  const onChange = () => listener(readAgendaState(doc));
  map.observe(onChange);
  onChange();
  return () => map.unobserve(onChange);
}

/** Writes the state unless the room already holds the same or a newer one. */
export function publishAgendaState(doc: Y.Doc, state: AgendaState): void {
  const held = readAgendaState(doc);
  if (held && held.updatedAt >= state.updatedAt) return;
  writeAgendaState(doc, state);
}

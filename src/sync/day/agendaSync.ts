/**
 * The day's plan and run in the room's document: the console writes it, a
 * projector on another screen follows it. Reads go through the room schema.
 */
import type * as Y from 'yjs';
import { readAgendaState, writeAgendaState, type AgendaState } from './agendaSchema';
import { createDocStore } from '../docStore';
import { ROOM_MAPS } from '../schemaParts';

export const agendaStore = createDocStore([ROOM_MAPS.agenda], readAgendaState);

/** Calls the listener with the state now and at every change. */
export function subscribeAgendaState(
  doc: Y.Doc,
  listener: (state: AgendaState | null) => void,
): () => void {
  const unsubscribe = agendaStore.subscribe(doc, () => listener(agendaStore.snapshot(doc)));
  listener(agendaStore.snapshot(doc));
  return unsubscribe;
}

/** Writes the state unless the room already holds the same or a newer one. */
export function publishAgendaState(doc: Y.Doc, state: AgendaState): void {
  const held = readAgendaState(doc);
  if (held && held.updatedAt >= state.updatedAt) return;
  writeAgendaState(doc, state);
}

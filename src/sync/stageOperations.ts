/**
 * Named changes to the stage, each one transaction: what the projector shows
 * and what phones may do. The tools' consoles and the running agenda call
 * these; every screen reads the stage.
 */
import type * as Y from 'yjs';
import { showOnStage, withPhoneTasks, type PhoneTasks, type StageKind } from '../domain/stage';
import { updateStage } from './stageSchema';

export { setStage } from './stageSchema';

/** The projector shows this (with the activity it is about); phones keep what they may do. */
export function showOnProjector(
  doc: Y.Doc,
  kind: StageKind,
  activity: string | null = null,
  step?: string | null,
): void {
  updateStage(doc, (current) => showOnStage(current, kind, activity, step));
}

/** What phones may do changes; the projector keeps what it shows. */
export function setPhoneTasks(doc: Y.Doc, change: Partial<PhoneTasks>): void {
  updateStage(doc, (current) => withPhoneTasks(current, change));
}

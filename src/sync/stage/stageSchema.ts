/**
 * The stage in the room's document: one value, written by the console. A room
 * opened before the stage existed kept these facts in its tools' own fields
 * (`quiz.screen`, the quiz run's open list, `rolePlay.run.open`,
 * `plan.phones`): with no stage stored, they are read from there.
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { STAGE_KINDS, newStage, type Stage, type StageKind } from '../../domain/stage';
import { defineRoomValue, readStoredValue, readValue, writeValue } from '../record';
import { checksSignatures } from '../signedValues';
import { ROOM_MAPS, caseIdSchema } from '../schemaParts';

const situationIdSchema = z.string().check(z.regex(/^\d{1,2}\.\d{1,2}$/));
const activitySchema = z.string().check(z.regex(/^[a-z0-9-]{1,60}(\/[a-z0-9-]{1,60})?$/));
const stepSchema = z.string().check(z.regex(/^[A-Za-z0-9.-]{1,40}$/));

export const stageSchema = z.object({
  kind: z.enum(STAGE_KINDS),
  activity: z.nullable(activitySchema),
  step: z.nullable(stepSchema),
  phones: z.object({
    quiz: z.array(situationIdSchema).check(z.maxLength(50)),
    rolePlay: z.boolean(),
    plan: z.boolean(),
    // Added after the stage: a stage stored without it asks no cards.
    cards: z._default(z.boolean(), false),
  }),
});

export const stage = defineRoomValue<Stage>({
  map: ROOM_MAPS.stage,
  key: 'current',
  schema: stageSchema,
  fallback: newStage,
  signed: true,
});

/** Where the projector used to be told what to show (before the stage). */
const LEGACY_SCREENS = ['agenda', 'quiz', 'narrative', 'timeline', 'roleplay', 'plan'] as const;
const legacyScreen = z.enum(LEGACY_SCREENS);
const legacyOpenList = z.object({
  caseId: caseIdSchema,
  open: z.array(situationIdSchema).check(z.maxLength(50)),
});
const legacyOpenFlag = z.object({ caseId: caseIdSchema, open: z.boolean() });

/** The stage, or what a room from before the stage said in its tools' fields. */
export function readStage(doc: Y.Doc): Stage {
  // A page that checks the console's signature never falls back on fields any key holder writes.
  if (checksSignatures(doc)) return readValue(doc, stage);
  return readStoredValue(doc, stage) ?? legacyStage(doc);
}

function legacyStage(doc: Y.Doc): Stage {
  const quiz = doc.getMap(ROOM_MAPS.quiz);
  const screen = legacyScreen.safeParse(quiz.get('screen'));
  const quizRun = legacyOpenList.safeParse(quiz.get('run'));
  const rolePlayRun = legacyOpenFlag.safeParse(doc.getMap(ROOM_MAPS.rolePlay).get('run'));
  const plan = z.boolean().safeParse(doc.getMap(ROOM_MAPS.plan).get('phones'));
  const kind: StageKind = screen.success ? screen.data : 'agenda';
  const fallback = newStage();
  return {
    ...fallback,
    kind,
    activity:
      kind === 'quiz' && quizRun.success
        ? quizRun.data.caseId
        : kind === 'roleplay' && rolePlayRun.success
          ? rolePlayRun.data.caseId
          : null,
    phones: {
      quiz: quizRun.success ? quizRun.data.open : [],
      rolePlay: rolePlayRun.success && rolePlayRun.data.open,
      plan: plan.success && plan.data,
      cards: false,
    },
  };
}

/** Sets what the projector shows and what phones may do, in one change. */
export function setStage(doc: Y.Doc, next: Stage): void {
  writeValue(doc, stage, next);
}

/** Changes the stage from what it is now (inside the caller's transaction, if any). */
export function updateStage(doc: Y.Doc, change: (current: Stage) => Stage): void {
  doc.transact(() => setStage(doc, change(readStage(doc))));
}

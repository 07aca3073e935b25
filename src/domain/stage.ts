/**
 * The stage: where the workshop is now. One room-wide record says what the
 * projector shows and what phones may do, so every screen reads one field
 * instead of each tool's own flags. The console (and its running agenda) sets
 * it; tools read it. Pure; the room's document holds it (src/sync/stageSchema.ts).
 */

/** What the projector shows. */
export const STAGE_KINDS = [
  /** The room's join code, before the day starts. */
  'welcome',
  /** The day's agenda and countdown. */
  'agenda',
  'quiz',
  'narrative',
  'timeline',
  'roleplay',
  'plan',
  'slides',
  'break',
] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** What phones may do now, whatever the projector shows. */
export type PhoneTasks = {
  /** The quiz situations open for answers (of the room's quiz run). */
  quiz: string[];
  /** Phones join the role-play's cast and send points. */
  rolePlay: boolean;
  /** Phones edit their groups' parts of the security plan. */
  plan: boolean;
  /**
   * Phones write incident cards whatever the projector shows (the trainer asked
   * for them outside the timeline activity). The wall on stage asks for them anyway.
   */
  cards: boolean;
};

export type Stage = {
  kind: StageKind;
  /** The activity shown: a case id, an agenda item's key ("session/item"); null when room-wide. */
  activity: string | null;
  /** Within the activity: a quiz situation, a role-play step, a plan step; null for none. */
  step: string | null;
  phones: PhoneTasks;
};

export function newStage(): Stage {
  return { kind: 'agenda', activity: null, step: null, phones: noPhoneTasks() };
}

export function noPhoneTasks(): PhoneTasks {
  return { quiz: [], rolePlay: false, plan: false, cards: false };
}

/**
 * The projector shows something else; what phones may do stays as it is.
 * Without a step, showing the same activity again keeps the step it is on.
 */
export function showOnStage(
  stage: Stage,
  kind: StageKind,
  activity: string | null = null,
  step?: string | null,
): Stage {
  const same = stage.kind === kind && stage.activity === activity;
  return { ...stage, kind, activity, step: step !== undefined ? step : same ? stage.step : null };
}

export function withPhoneTasks(stage: Stage, change: Partial<PhoneTasks>): Stage {
  return { ...stage, phones: { ...stage.phones, ...change } };
}

/**
 * The step within the shown activity moved on (the quiz's situation on the
 * projector, the role-play's step): the stage follows it while that activity
 * is what the projector shows.
 */
export function followStep(
  stage: Stage,
  kind: StageKind,
  activity: string,
  step: string | null,
): Stage {
  return stage.kind === kind && stage.activity === activity ? { ...stage, step } : stage;
}

/** Phones send thoughts while a narrative case is on the projector. */
export function phonesSendThoughts(stage: Stage): boolean {
  return stage.kind === 'narrative';
}

/** The activity the projector shows, if it is this kind. */
export function stageActivity(stage: Stage, kind: StageKind): string | null {
  return stage.kind === kind ? stage.activity : null;
}

/**
 * What a participant's phone shows: the one activity the room is doing now,
 * read from the stage, never a stack of every tool that was ever opened. Pure:
 * the phone's shell (features/room/PhoneRoom) draws what this returns.
 */
import type { ToolLaunch } from './agendaTools';
import type { RunRow } from './agendaRun';
import type { Stage } from './stage';

/** The activity a phone takes part in now, or what it says instead. */
export type PhoneActivityView =
  /** Answer the quiz's open situations for a group. */
  | { kind: 'quiz'; caseId: string }
  /** Send thoughts on the story told day by day. */
  | { kind: 'narrative'; caseId: string }
  /** Write incident cards and place them on the year. */
  | { kind: 'cards' }
  /** The role card and the points for the role-play's step. */
  | { kind: 'roleplay'; caseId: string }
  /** The group's measures of the security plan. */
  | { kind: 'plan' }
  /** "We are on a break, back at ...". */
  | { kind: 'break' }
  /** Nothing to do on the phone: look at the projector (slides, the agenda, a discussion). */
  | { kind: 'follow' };

/** The runs the room holds now, as far as the phone needs them. */
export type RoomRuns = {
  quizCaseId: string | null;
  narrativeCaseId: string | null;
  rolePlay: { caseId: string; open: boolean } | null;
};

/**
 * The one activity for phones now. What the projector shows decides it; each
 * tool's own gate applies (the role-play and the plan only once opened to
 * phones). While the projector shows the agenda or slides, a task the trainer
 * opened to phones by hand (the plan's groups working, the role-play) is still
 * theirs, and so are incident cards the trainer asked for outside the timeline
 * (those first: the ask is explicit); otherwise the phone follows the projector. Finished activities leave:
 * the running agenda closes them when it moves on (sync/stageOperations.openLaunch).
 */
export function phoneActivity(stage: Stage, runs: RoomRuns): PhoneActivityView {
  const rolePlay = runs.rolePlay;
  // Cards the trainer asked for outside the timeline: the phone writes them where it would only follow.
  const follow: PhoneActivityView = stage.phones.cards ? { kind: 'cards' } : { kind: 'follow' };
  switch (stage.kind) {
    case 'break':
      return { kind: 'break' };
    case 'quiz':
      return runs.quizCaseId ? { kind: 'quiz', caseId: runs.quizCaseId } : follow;
    case 'narrative':
      return runs.narrativeCaseId ? { kind: 'narrative', caseId: runs.narrativeCaseId } : follow;
    case 'timeline':
      return { kind: 'cards' };
    case 'roleplay':
      return rolePlay?.open ? { kind: 'roleplay', caseId: rolePlay.caseId } : follow;
    case 'plan':
      return stage.phones.plan ? { kind: 'plan' } : follow;
    case 'welcome':
    case 'agenda':
    case 'slides':
      if (stage.phones.cards) return { kind: 'cards' };
      if (stage.phones.quiz.length > 0 && runs.quizCaseId) {
        return { kind: 'quiz', caseId: runs.quizCaseId };
      }
      if (rolePlay?.open) return { kind: 'roleplay', caseId: rolePlay.caseId };
      if (stage.phones.plan) return { kind: 'plan' };
      return follow;
  }
}

/** A key that changes when the phone's activity does: the phone then leaves "Your cards" for it. */
export function activityKey(view: PhoneActivityView): string {
  return 'caseId' in view ? `${view.kind}/${view.caseId}` : view.kind;
}

/** What a phone can be asked to do in a day, in the order the agenda first asks it. */
export type PhoneTask = 'quiz' | 'narrative' | 'cards' | 'roleplay' | 'plan';

/**
 * The tasks a phone will be asked for, from the day's agenda tools: what the
 * welcome screen tells a participant before anything starts. Slides,
 * discussions and breaks ask nothing of a phone.
 */
export function phoneTasksOfDay(launches: readonly ToolLaunch[]): PhoneTask[] {
  const tasks: PhoneTask[] = [];
  for (const launch of launches) {
    const task = taskOf(launch);
    if (task && !tasks.includes(task)) tasks.push(task);
  }
  return tasks;
}

function taskOf(launch: ToolLaunch): PhoneTask | null {
  switch (launch.kind) {
    case 'quiz':
    case 'narrative':
    case 'roleplay':
    case 'plan':
      return launch.kind;
    case 'timeline':
      return 'cards';
    case 'slides':
    case 'discussion':
    case 'break':
      return null;
  }
}

/** Where the day stands, as a phone says it: what is on, until when, and what comes after. */
export type DayNow = {
  /** The agenda item running now (a break too), or null before the day starts and after it ends. */
  currentKey: string | null;
  /** When the current item is now expected to end ("back at" for a break). */
  endsAt: number | null;
  /** The next item to run, skipped ones passed over. */
  nextKey: string | null;
};

/** Reads the running day (see agendaRun.projectSchedule) for the phone's break and follow notes. */
export function dayNow(rows: readonly RunRow[]): DayNow {
  const current = rows.find((row) => row.state === 'current');
  const next = rows.find((row) => row.state === 'upcoming');
  return {
    currentKey: current?.key ?? null,
    endsAt: current?.endsAt ?? null,
    nextKey: next?.key ?? null,
  };
}

/** One answer a working group sent, as its members' phones list it under "Your group". */
export type GroupAnswer = { situationId: string; option: string };

/**
 * What a group has answered in the room's quiz, situation by situation in the
 * quiz's order (1.2 before 1.10): a member who just came back, or changed phone,
 * sees where the group stands. Answers to another case or group are left out.
 */
export function groupAnswers(
  answers: readonly { caseId: string; situationId: string; groupId: string; option: string }[],
  caseId: string | null,
  groupId: string | null,
): GroupAnswer[] {
  if (!caseId || !groupId) return [];
  const order = (id: string) => id.split('.').map(Number);
  return answers
    .filter((answer) => answer.caseId === caseId && answer.groupId === groupId)
    .map(({ situationId, option }) => ({ situationId, option }))
    .sort((a, b) => {
      const [a1 = 0, a2 = 0] = order(a.situationId);
      const [b1 = 0, b2 = 0] = order(b.situationId);
      return a1 - b1 || a2 - b2;
    });
}

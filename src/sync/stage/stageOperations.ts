/**
 * Named changes to the stage, each one transaction: what the projector shows
 * and what phones may do. The tools' consoles and the running agenda call
 * these; every screen reads the stage.
 */
import type * as Y from 'yjs';
import { showOnStage, withPhoneTasks, type PhoneTasks, type StageKind } from '../../domain/stage';
import type { ToolLaunch } from '../../domain/agendaTools';
import { newQuizRun } from '../../domain/quiz';
import { newRolePlayRun } from '../../domain/rolePlay';
import { writeNarrativeRun, writeQuizRun } from '../quiz/quizOperations';
import { readNarrativeRun, readQuizRun } from '../quiz/quizSchema';
import { writeRolePlayRun } from '../rolePlay/rolePlayOperations';
import { readRolePlayRun } from '../rolePlay/rolePlaySchema';
import { readStage, updateStage } from './stageSchema';

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

/**
 * What the running agenda's "Open on every screen" does for one of its item's
 * tools: the tool's run is started if the room has none for that case (a quiz
 * with all its situations, none open yet; the story at its first day; the
 * role-play open to phones with its agenda minutes; the plan open to the
 * groups' phones), and the stage shows it. What phones were doing for another
 * activity ends there, so a finished activity leaves every phone (a quiz's
 * open situations close when the story or the break comes). Slides live
 * outside the room (the projector window's own store): the caller shows them;
 * the stage then shows the agenda behind them.
 */
export function openLaunch(
  doc: Y.Doc,
  launch: ToolLaunch,
  detail: { situationIds: readonly string[]; rolePlayMinutes: number },
): void {
  doc.transact(() => {
    const keep = launch.kind === 'quiz' ? readStage(doc).phones.quiz : [];
    setPhoneTasks(doc, { quiz: keep, rolePlay: false, plan: launch.kind === 'plan', cards: false });
    switch (launch.kind) {
      case 'quiz':
        if (readQuizRun(doc)?.caseId !== launch.caseId) {
          writeQuizRun(doc, newQuizRun(launch.caseId, detail.situationIds));
        }
        showOnProjector(doc, 'quiz', launch.caseId);
        return;
      case 'narrative':
        if (readNarrativeRun(doc)?.caseId !== launch.caseId) {
          writeNarrativeRun(doc, {
            caseId: launch.caseId,
            daysShown: 1,
            questions: false,
            note: false,
            lesson: false,
          });
        }
        showOnProjector(doc, 'narrative', launch.caseId);
        return;
      case 'roleplay': {
        const run = readRolePlayRun(doc);
        writeRolePlayRun(
          doc,
          run?.caseId === launch.caseId
            ? { ...run, open: true }
            : newRolePlayRun(launch.caseId, detail.rolePlayMinutes),
        );
        showOnProjector(doc, 'roleplay', launch.caseId);
        return;
      }
      case 'timeline':
        showOnProjector(doc, 'timeline', launch.caseId);
        return;
      case 'plan':
        showOnProjector(doc, 'plan');
        return;
      case 'break':
        showOnProjector(doc, 'break');
        return;
      case 'slides':
      case 'discussion':
        showOnProjector(doc, 'agenda');
        return;
    }
  });
}

/**
 * Case-analysis quizzes: groups, their answers per situation, the spread of
 * answers and what the reveal shows. Pure; the room's document holds the data.
 */
import type { Group } from './groups';

export { formGroups } from './groups';
/** The room's working groups answer the quiz. */
export type QuizGroup = Group;

export type GroupAnswer = {
  situationId: string;
  groupId: string;
  option: string;
  justification: string;
  at: number;
};

/** Which situations the facilitator runs, which are open for answers, which are revealed. */
export type QuizRun = {
  caseId: string;
  situations: string[];
  open: string[];
  revealed: string[];
  /** Revealed situations whose model answers are shown too. */
  explained: string[];
  /** The situation on the projector. */
  focus: string | null;
};

export function newQuizRun(caseId: string, situationIds: readonly string[]): QuizRun {
  return {
    caseId,
    situations: [...situationIds],
    open: [],
    revealed: [],
    explained: [],
    focus: null,
  };
}

/** Keeps the chosen situations in the case's own order. */
export function chooseSituations(
  run: QuizRun,
  allIds: readonly string[],
  chosen: readonly string[],
): QuizRun {
  const situations = allIds.filter((id) => chosen.includes(id));
  const keep = (ids: string[]) => ids.filter((id) => situations.includes(id));
  const focus = run.focus && situations.includes(run.focus) ? run.focus : null;
  return {
    ...run,
    situations,
    open: keep(run.open),
    revealed: keep(run.revealed),
    explained: keep(run.explained),
    focus,
  };
}

export function openSituation(run: QuizRun, id: string, alone: boolean): QuizRun {
  if (!run.situations.includes(id)) return run;
  const open = alone ? [id] : [...run.open.filter((o) => o !== id), id];
  return { ...run, open, focus: id };
}

export function openAll(run: QuizRun): QuizRun {
  const open = run.situations.filter((id) => !run.revealed.includes(id));
  return { ...run, open, focus: run.focus ?? open[0] ?? null };
}

export function focusOn(run: QuizRun, id: string): QuizRun {
  return run.situations.includes(id) ? { ...run, focus: id } : run;
}

export function closeSituation(run: QuizRun, id: string): QuizRun {
  return { ...run, open: run.open.filter((o) => o !== id) };
}

/** Revealing closes the situation for answers: the model answers are out. */
export function reveal(run: QuizRun, id: string): QuizRun {
  if (!run.situations.includes(id) || run.revealed.includes(id)) return run;
  return {
    ...run,
    open: run.open.filter((o) => o !== id),
    revealed: [...run.revealed, id],
    focus: id,
  };
}

/** After the spread and the reasons: the model answers for the options chosen. */
export function explain(run: QuizRun, id: string): QuizRun {
  if (!run.revealed.includes(id) || run.explained.includes(id)) return run;
  return { ...run, explained: [...run.explained, id], focus: id };
}

export function hide(run: QuizRun, id: string): QuizRun {
  return {
    ...run,
    revealed: run.revealed.filter((r) => r !== id),
    explained: run.explained.filter((r) => r !== id),
  };
}

export function acceptsAnswers(run: QuizRun, situationId: string): boolean {
  return run.open.includes(situationId) && !run.revealed.includes(situationId);
}

export type OptionTally = { option: string; count: number; groupIds: string[] };

/** The spread of the groups' answers over the options, in the options' order. */
export function tallyAnswers(
  options: readonly string[],
  answers: readonly GroupAnswer[],
  situationId: string,
  groups: readonly QuizGroup[],
): OptionTally[] {
  const known = new Set(groups.map((g) => g.id));
  const latest = latestPerGroup(
    answers.filter((a) => a.situationId === situationId && known.has(a.groupId)),
  );
  return options.map((option) => {
    const groupIds = latest.filter((a) => a.option === option).map((a) => a.groupId);
    return { option, count: groupIds.length, groupIds };
  });
}

/** A group's answer is its latest, whichever of its phones sent it. */
export function latestPerGroup<A extends GroupAnswer>(answers: readonly A[]): A[] {
  const byGroup = new Map<string, A>();
  for (const answer of answers) {
    const held = byGroup.get(`${answer.situationId}/${answer.groupId}`);
    if (!held || answer.at > held.at || (answer.at === held.at && answer.option > held.option)) {
      byGroup.set(`${answer.situationId}/${answer.groupId}`, answer);
    }
  }
  return [...byGroup.values()];
}

/** The options whose model answers the reveal shows: every option some group chose. */
export function optionsToExplain(tally: readonly OptionTally[]): string[] {
  return tally.filter((t) => t.count > 0).map((t) => t.option);
}

export type SituationSummary = {
  situationId: string;
  answered: number;
  /** Share of the groups behind the most chosen option; 1 when all agree. */
  agreement: number;
  /** More than one option was chosen. */
  divided: boolean;
  tally: OptionTally[];
};

/** Which situations divided the room, most divided first. */
export function summariseQuiz(
  run: QuizRun,
  options: readonly string[],
  answers: readonly GroupAnswer[],
  groups: readonly QuizGroup[],
): SituationSummary[] {
  return run.situations
    .map((situationId) => {
      const tally = tallyAnswers(options, answers, situationId, groups);
      const answered = tally.reduce((sum, t) => sum + t.count, 0);
      const top = Math.max(0, ...tally.map((t) => t.count));
      return {
        situationId,
        answered,
        agreement: answered === 0 ? 1 : top / answered,
        divided: tally.filter((t) => t.count > 0).length > 1,
        tally,
      };
    })
    .sort((a, b) => a.agreement - b.agreement || b.answered - a.answered);
}

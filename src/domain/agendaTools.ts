/**
 * What each agenda item opens: the tool its content names (`tool:`) with the
 * cases and templates it links, resolved to the screens a trainer can put in
 * front of the room. Pure: the console's agenda rows and its "Open on every
 * screen" action both read it.
 */

/** The tools an agenda item can name (the content schema's `tool:`). */
export type AgendaTool = 'slides' | 'quiz' | 'timeline' | 'roleplay' | 'plan' | 'discussion';

/** The format a linked case is written in (the content schema's `format:`). */
export type CaseFormat = 'quiz' | 'narrative' | 'timeline' | 'roleplay';

/**
 * One screen the item can open for the whole room. A quiz item that links a
 * quiz and a story opens two: the quiz with its case, then the story.
 */
export type ToolLaunch =
  | { kind: 'slides'; sessionId: string }
  | { kind: 'quiz'; caseId: string }
  | { kind: 'narrative'; caseId: string }
  | { kind: 'timeline'; caseId: string }
  | { kind: 'roleplay'; caseId: string }
  | { kind: 'plan'; templateId: string | null }
  | { kind: 'discussion' }
  | { kind: 'break' };

export type AgendaToolItem = {
  kind: 'activity' | 'break';
  tool?: AgendaTool | undefined;
  cases: readonly string[];
  templates: readonly string[];
};

/**
 * The screens an agenda item opens, in the order its content lists them.
 * A linked case opens in the tool its own format calls for (a story linked from
 * a quiz item is told, not answered); a case the library does not hold is passed
 * over. A plan item opens the plan on its first template. An item without a tool
 * and without cases opens nothing: the trainer runs it from the notes.
 *
 * @param caseFormat the format of a linked case, or undefined when the library lacks it
 */
export function launchesFor(
  item: AgendaToolItem,
  sessionId: string,
  caseFormat: (caseId: string) => CaseFormat | undefined,
): ToolLaunch[] {
  if (item.kind === 'break') return [{ kind: 'break' }];
  const fromCases = item.cases.flatMap((caseId): ToolLaunch[] => {
    const format = caseFormat(caseId);
    return format ? [{ kind: format, caseId }] : [];
  });
  switch (item.tool) {
    case 'slides':
      return [{ kind: 'slides', sessionId }, ...fromCases];
    case 'plan':
      return [{ kind: 'plan', templateId: item.templates[0] ?? null }, ...fromCases];
    case 'discussion':
      return fromCases.length > 0 ? fromCases : [{ kind: 'discussion' }];
    case 'quiz':
    case 'timeline':
    case 'roleplay':
    case undefined:
      return fromCases;
  }
}

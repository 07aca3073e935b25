// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findCase, listSessions } from '../../src/content/library';
import { readContentFiles } from '../../src/content/readContentFiles';
import { validateContent } from '../../src/content/validate';
import { launchesFor, type CaseFormat } from '../../src/domain/agendaTools';

const { library } = validateContent(readContentFiles(process.cwd()));
const formatOf = (id: string) => findCase(library, id, 'en')?.data.format;

function launchesOfSession(sessionId: string) {
  const session = listSessions(library, 'en').find((s) => s.data.id === sessionId);
  if (!session) throw new Error(`no session ${sessionId}`);
  return Object.fromEntries(
    session.data.agenda.map((item) => [item.id, launchesFor(item, sessionId, formatOf)]),
  );
}

describe('what each agenda item opens', () => {
  it('gives every item of the security-incidents session its tool, with the quiz and the story it links', () => {
    expect(launchesOfSession('security-incidents')).toEqual({
      introduction: [{ kind: 'slides', sessionId: 'security-incidents' }],
      'identifying-incidents': [
        { kind: 'quiz', caseId: 'case-analysis-1' },
        { kind: 'narrative', caseId: 'case-analysis-2' },
      ],
      break: [{ kind: 'break' }],
      'own-incidents': [{ kind: 'timeline', caseId: 'own-incidents-timeline' }],
      'assess-and-react': [{ kind: 'roleplay', caseId: 'role-play-followed' }],
      conclusion: [{ kind: 'discussion' }],
    });
  });

  it('opens the plan on the template its item links', () => {
    expect(launchesOfSession('security-plan').drafting).toEqual([
      { kind: 'plan', templateId: 'security-plan-table' },
    ]);
  });

  it('passes over a case the library does not hold, and opens nothing for an item without a tool', () => {
    const none = (): CaseFormat | undefined => undefined;
    const item = { kind: 'activity' as const, cases: ['lost-case'], templates: [] };
    expect(launchesFor({ ...item, tool: 'quiz' }, 's', none)).toEqual([]);
    expect(launchesFor(item, 's', none)).toEqual([]);
    expect(launchesFor({ ...item, tool: 'plan', templates: [] }, 's', none)).toEqual([
      { kind: 'plan', templateId: null },
    ]);
  });
});

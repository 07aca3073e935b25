// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  acceptsAnswers,
  chooseSituations,
  explain,
  formGroups,
  newQuizRun,
  openAll,
  openSituation,
  optionsToExplain,
  reveal,
  summariseQuiz,
  tallyAnswers,
  type GroupAnswer,
} from '../../src/domain/quiz';
import { setGroups } from '../../src/sync/groups/groupOperations';
import { answerSituation } from '../../src/sync/quiz/quizOperations';
import { ROOM_MAPS, readQuizAnswers, readGroups } from '../../src/sync/roomSchema';

const ids = ['1.1', '1.2', '1.3', '1.4', '1.5'];
let next = 0;
const newId = () => `group-id-${++next}`;
const groups = formGroups([], 4, newId);
const [g1, g2, g3, g4] = groups.map((g) => g.id) as [string, string, string, string];
const answer = (situationId: string, groupId: string, option: string, at = 1): GroupAnswer => ({
  situationId,
  groupId,
  option,
  justification: '',
  at,
});

describe('forming groups', () => {
  it('numbers groups from 1 and keeps existing ones (and their names) when the count changes', () => {
    expect(groups.map((g) => g.number)).toEqual([1, 2, 3, 4]);
    const named = groups.map((g) => (g.number === 2 ? { ...g, name: 'Lawyers' } : g));
    const fewer = formGroups(named, 2, newId);
    expect(fewer.map((g) => [g.id, g.name])).toEqual([
      [g1, null],
      [g2, 'Lawyers'],
    ]);
    const more = formGroups(fewer, 3, newId);
    expect(more).toHaveLength(3);
    expect(more[2]?.number).toBe(3);
    expect(formGroups([], 500, newId)).toHaveLength(30);
  });
});

describe('running a quiz', () => {
  it('runs fewer than five situations, in the case’s order', () => {
    const run = chooseSituations(newQuizRun('case-analysis-1', ids), ids, ['1.4', '1.1', '1.3']);
    expect(run.situations).toEqual(['1.1', '1.3', '1.4']);
  });

  it('opens one situation at a time or all at once; a reveal closes it for answers', () => {
    let run = newQuizRun('case-analysis-1', ids);
    run = openSituation(run, '1.1', true);
    run = openSituation(run, '1.2', true);
    expect(run.open).toEqual(['1.2']);
    run = openAll(run);
    expect(acceptsAnswers(run, '1.5')).toBe(true);
    expect(explain(run, '1.5').explained).toEqual([]); // model answers only after the spread
    run = reveal(run, '1.5');
    expect(acceptsAnswers(run, '1.5')).toBe(false);
    expect(run.revealed).toEqual(['1.5']);
    run = explain(run, '1.5');
    expect(run).toMatchObject({ explained: ['1.5'], focus: '1.5' });
    run = openAll(run);
    expect(run.open).not.toContain('1.5'); // a revealed situation stays closed
  });

  it('tallies each group’s latest answer, and explains every option some group chose', () => {
    const answers = [
      answer('1.1', g1, 'A'),
      answer('1.1', g2, 'C', 1),
      answer('1.1', g2, 'B', 2), // group 2 changed its mind
      answer('1.1', g3, 'A'),
      answer('1.1', 'not-a-group', 'C'),
      answer('1.2', g4, 'C'),
    ];
    const tally = tallyAnswers(['A', 'B', 'C'], answers, '1.1', groups);
    expect(tally.map((t) => [t.option, t.count])).toEqual([
      ['A', 2],
      ['B', 1],
      ['C', 0],
    ]);
    expect(optionsToExplain(tally)).toEqual(['A', 'B']);
  });

  it('says which situations divided the room, most divided first', () => {
    const run = newQuizRun('case-analysis-1', ['1.1', '1.2', '1.3']);
    const answers = [
      answer('1.1', g1, 'A'),
      answer('1.1', g2, 'A'),
      answer('1.2', g1, 'A'),
      answer('1.2', g2, 'B'),
      answer('1.2', g3, 'C'),
      answer('1.3', g1, 'B'),
      answer('1.3', g2, 'B'),
      answer('1.3', g3, 'A'),
    ];
    const summary = summariseQuiz(run, ['A', 'B', 'C'], answers, groups);
    expect(summary.map((s) => [s.situationId, s.divided, Math.round(s.agreement * 100)])).toEqual([
      ['1.2', true, 33],
      ['1.3', true, 67],
      ['1.1', false, 100],
    ]);
  });
});

describe('quiz data in the room', () => {
  it('keeps one answer per group and situation: the latest replaces the earlier', () => {
    const doc = new Y.Doc();
    setGroups(doc, groups);
    const base = {
      caseId: 'case-analysis-1',
      situationId: '1.1',
      groupId: g1,
      device: 'device-aaaa',
    };
    answerSituation(doc, { ...base, option: 'C', justification: 'stolen phones are common' }, 1);
    answerSituation(doc, { ...base, option: 'A', justification: 'he chose me' }, 2);
    expect(readQuizAnswers(doc).items).toEqual([
      { ...base, option: 'A', justification: 'he chose me', at: 2 },
    ]);
  });

  it('drops hostile entries from a peer: wrong option, oversized text, wrong key', () => {
    const doc = new Y.Doc();
    const answers = doc.getMap(ROOM_MAPS.quizAnswers);
    const valid = {
      caseId: 'case-analysis-1',
      situationId: '1.1',
      groupId: g1,
      option: 'A',
      justification: '',
      at: 1,
      device: 'device-aaaa',
    };
    answers.set(`case-analysis-1|1.1|${g1}`, valid);
    answers.set(`case-analysis-1|1.2|${g1}`, { ...valid, situationId: '1.2', option: 'ZZ' });
    answers.set(`case-analysis-1|1.3|${g1}`, {
      ...valid,
      situationId: '1.3',
      justification: 'x'.repeat(5000),
    });
    answers.set('somewhere-else', valid);
    doc.getMap(ROOM_MAPS.groups).set('bad', { id: 'bad', number: 0, name: '<b>' });
    expect(readQuizAnswers(doc)).toMatchObject({ items: [valid], dropped: 3 });
    expect(readGroups(doc)).toMatchObject({ items: [], dropped: 1 });
  });

  it('removes a group’s answers when the group goes', () => {
    const doc = new Y.Doc();
    setGroups(doc, groups);
    answerSituation(doc, {
      caseId: 'case-analysis-1',
      situationId: '1.1',
      groupId: g4,
      device: 'device-aaaa',
      option: 'B',
      justification: '',
    });
    setGroups(doc, groups.slice(0, 3));
    expect(readQuizAnswers(doc).items).toEqual([]);
    expect(readGroups(doc).items).toHaveLength(3);
  });
});

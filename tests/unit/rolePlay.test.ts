// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  acceptPoint,
  agreed,
  assignRolesAtRandom,
  candidateMeasures,
  castProblems,
  declinePoint,
  emptyRegister,
  fillRegister,
  goToStage,
  mergePoints,
  newRolePlayRun,
  nudges,
  pauseTimer,
  proposed,
  rolePlayMinutes,
  rolePlayRecord,
  startTimer,
  timerRemainingMs,
  type CastMember,
  type RolePoint,
} from '../../src/domain/rolePlay';
import { setGroups } from '../../src/sync/groups/groupOperations';
import {
  addRolePoint,
  joinCast,
  registerIncident,
  writeCast,
  writeRegisterForm,
  writeRolePoints,
} from '../../src/sync/rolePlay/rolePlayOperations';
import {
  ROOM_MAPS,
  readCast,
  readRegisterForm,
  readRegisteredIncidents,
  readRolePoints,
} from '../../src/sync/roomSchema';
import { ROLE_PLAY_POINTS_PER_DEVICE_MAX } from '../../src/sync/limits';

const point = (id: string, over: Partial<RolePoint> = {}): RolePoint => ({
  id,
  caseId: 'role-play-followed',
  step: 'analyse',
  part: 'facts',
  text: `point ${id}`,
  who: '',
  when: '',
  device: 'phone-device-1',
  status: 'proposed',
  mergedInto: null,
  at: 1,
  ...over,
});
const registered = { ...emptyRegister(), what: 'Followed, then a white van with no plates' };

describe('the walkthrough', () => {
  it('flags a registration skipped once the meeting has moved on, and not before', () => {
    const run = newRolePlayRun('role-play-followed', 30);
    expect(nudges(goToStage(run, 'register'), emptyRegister(), [])).toEqual([]);
    expect(nudges(goToStage(run, 'analyse'), emptyRegister(), [])).toEqual(['registerSkipped']);
    expect(nudges(goToStage(run, 'analyse'), registered, [])).toEqual(['registerIncomplete']);
    const full = { what: 'a', when: 'b', where: 'c', who: 'd', reporter: 'e' };
    expect(nudges(goToStage(run, 'analyse'), full, [])).toEqual([]);
  });

  it('asks for a fuller analysis and for care of the victim once reacting', () => {
    const run = goToStage(newRolePlayRun('role-play-followed', 30), 'react');
    const full = { what: 'a', when: 'b', where: 'c', who: 'd', reporter: 'e' };
    const analysis = (['facts', 'authors', 'work', 'objectives'] as const).map((part, i) =>
      point(`a${i}`, { part, status: 'accepted' }),
    );
    expect(nudges(run, full, analysis.slice(0, 3))).toEqual(['analysisThin', 'careForgotten']);
    const care = point('c1', { step: 'react', part: 'care', status: 'accepted' });
    expect(nudges(run, full, [...analysis, care])).toEqual([]);
  });

  it('goes back to a step and forward again keeping what was visited and agreed', () => {
    let run = newRolePlayRun('role-play-followed', 30);
    run = goToStage(goToStage(goToStage(run, 'register'), 'analyse'), 'register');
    expect(run.stage).toBe('register');
    expect(run.visited).toEqual(['setup', 'register', 'analyse']);
    run = goToStage(run, 'analyse');
    expect(run.visited).toEqual(['setup', 'register', 'analyse']);
    const points = [point('p1', { status: 'accepted' })];
    expect(agreed(points, 'analyse').map((p) => p.id)).toEqual(['p1']);
  });

  it('times the meeting from timestamps, across a pause', () => {
    let run = newRolePlayRun('role-play-followed', 30);
    run = startTimer(run, 1_000);
    expect(timerRemainingMs(run.timer, 61_000)).toBe(29 * 60_000);
    run = pauseTimer(run, 121_000);
    expect(timerRemainingMs(run.timer, 999_999)).toBe(28 * 60_000);
    run = startTimer(run, 1_000_000);
    expect(timerRemainingMs(run.timer, 1_000_000 + 29 * 60_000)).toBe(-60_000);
  });
});

describe('contributions', () => {
  it('accepts with an edit, declines, and keeps every record', () => {
    const a = acceptPoint(point('p1'), '  The man crossed when she crossed ');
    expect(a).toMatchObject({ status: 'accepted', text: 'The man crossed when she crossed' });
    expect(acceptPoint(point('p2'), '   ').text).toBe('point p2');
    expect(declinePoint(point('p3')).status).toBe('declined');
    expect(proposed([a, point('p4', { at: 3 }), point('p5', { at: 2 })]).map((p) => p.id)).toEqual([
      'p5',
      'p4',
    ]);
  });

  it('merges points into one agreed point and marks the originals merged, not deleted', () => {
    const sources = [
      point('p1', { step: 'react', part: 'actions', text: 'Call a lawyer', at: 1 }),
      point('p2', { step: 'react', part: 'actions', text: 'Call a lawyer.', who: 'Ana', at: 2 }),
      point('p3', { step: 'react', part: 'actions', text: 'Tell the police', when: 'today' }),
    ];
    const [merged, ...marked] = mergePoints(sources, { id: 'merged-1', at: 9 });
    expect(merged).toMatchObject({
      id: 'merged-1',
      text: 'Call a lawyer. Call a lawyer. Tell the police.',
      who: 'Ana',
      when: 'today',
      status: 'accepted',
      step: 'react',
      part: 'actions',
    });
    expect(marked.map((p) => [p.id, p.status, p.mergedInto])).toEqual([
      ['p1', 'merged', 'merged-1'],
      ['p2', 'merged', 'merged-1'],
      ['p3', 'merged', 'merged-1'],
    ]);
    expect(mergePoints(sources, { id: 'm2', at: 9, text: 'Get legal advice' })[0]?.text).toBe(
      'Get legal advice',
    );
    expect(mergePoints(sources.slice(0, 1), { id: 'm3', at: 9 })).toEqual([]);
  });

  it('fills the register form from phones without repeating what it says', () => {
    const once = fillRegister(emptyRegister(), 'where', 'Next block from the office');
    expect(fillRegister(once, 'where', 'Next block from the office')).toBe(once);
    expect(fillRegister(once, 'where', 'in a white van').where).toBe(
      'Next block from the office in a white van',
    );
  });

  it('sends only agreed measures and actions to the plan', () => {
    const points = [
      point('m', { step: 'react', part: 'measures', status: 'accepted' }),
      point('a', { step: 'react', part: 'actions', status: 'accepted', who: 'Ana', at: 2 }),
      point('c', { step: 'react', part: 'care', status: 'accepted', at: 3 }),
      point('x', { step: 'react', part: 'measures' }),
    ];
    expect(candidateMeasures(points).map((p) => p.id)).toEqual(['m', 'a']);
    const record = rolePlayRecord(registered, points, (part) => part.toUpperCase());
    expect(record.steps.react).toEqual(['MEASURES: point m', 'CARE: point c']);
    // An action's who and by when stay columns of their own on the record.
    expect(record.actions).toEqual([{ text: 'point a', who: 'Ana', when: '' }]);
  });
});

describe('roles', () => {
  const cast: CastMember[] = [1, 2, 3, 4].map((n) => ({
    device: `device-000${n}`,
    number: n,
    roleId: null,
    at: n,
    groupId: null,
  }));
  const roles = [
    { id: 'witness', count: 'one' as const },
    { id: 'staff-member', count: 'rest' as const },
  ];

  it('gives one witness and makes everyone else staff, whatever the draw', () => {
    for (const seed of [0, 0.3, 0.6, 0.99]) {
      const assigned = assignRolesAtRandom(cast, roles, () => seed);
      expect(assigned.filter((m) => m.roleId === 'witness')).toHaveLength(1);
      expect(assigned.filter((m) => m.roleId === 'staff-member')).toHaveLength(3);
      expect(castProblems(assigned, roles)).toEqual([]);
    }
    expect(castProblems(cast, roles)).toEqual([{ roleId: 'witness', holders: 0, groupId: null }]);
  });

  it('draws a witness in each working group: every group holds its own meeting', () => {
    const inGroups = cast.map((m, i) => ({ ...m, groupId: i < 2 ? 'group-aaaa1' : 'group-bbbb2' }));
    for (const seed of [0, 0.5, 0.99]) {
      const assigned = assignRolesAtRandom(inGroups, roles, () => seed);
      for (const group of ['group-aaaa1', 'group-bbbb2']) {
        const members = assigned.filter((m) => m.groupId === group);
        expect(members.map((m) => m.roleId).sort()).toEqual(['staff-member', 'witness']);
      }
      expect(castProblems(assigned, roles)).toEqual([]);
    }
    // Two witnesses in one group and none in the other: both groups are named.
    const wrong = inGroups.map((m, i) => ({ ...m, roleId: i < 2 ? 'witness' : 'staff-member' }));
    expect(castProblems(wrong, roles)).toEqual([
      { roleId: 'witness', holders: 2, groupId: 'group-aaaa1' },
      { roleId: 'witness', holders: 0, groupId: 'group-bbbb2' },
    ]);
  });
});

describe('in the room document', () => {
  it('numbers people in the order they join, once each', () => {
    const doc = new Y.Doc();
    joinCast(doc, 'device-aaaa', null, 1);
    joinCast(doc, 'device-bbbb', null, 2);
    joinCast(doc, 'device-aaaa', null, 3);
    expect(readCast(doc).items.map((m) => [m.device, m.number])).toEqual([
      ['device-aaaa', 1],
      ['device-bbbb', 2],
    ]);
  });

  it('puts a phone in the room’s working group it names, and moves it when it names another', () => {
    const doc = new Y.Doc();
    setGroups(doc, [
      { id: 'group-aaaa1', number: 1, name: null },
      { id: 'group-bbbb2', number: 2, name: null },
    ]);
    joinCast(doc, 'device-aaaa', 'group-aaaa1', 1);
    writeCast(doc, [{ ...readCast(doc).items[0]!, roleId: 'witness' }]);
    joinCast(doc, 'device-aaaa', 'group-bbbb2', 2);
    // Same person, same number; the role drawn in the other group does not follow.
    expect(readCast(doc).items).toEqual([
      { device: 'device-aaaa', number: 1, roleId: null, at: 1, groupId: 'group-bbbb2' },
    ]);
  });

  it('reads the cast of a room from before groups: everyone plays in the one meeting', () => {
    const doc = new Y.Doc();
    // As a room opened before groups holds it: no groupId field.
    doc
      .getMap(ROOM_MAPS.rolePlayCast)
      .set('device-aaaa', { device: 'device-aaaa', number: 1, roleId: 'witness', at: 5 });
    expect(readCast(doc)).toEqual({
      items: [{ device: 'device-aaaa', number: 1, roleId: 'witness', at: 5, groupId: null }],
      dropped: 0,
    });
    expect(castProblems(readCast(doc).items, [{ id: 'witness', count: 'one' }])).toEqual([]);
  });

  it('drops hostile points and forms, and caps a flooding phone', () => {
    const doc = new Y.Doc();
    const points = doc.getMap(ROOM_MAPS.rolePlayPoints);
    const good = addRolePoint(doc, {
      caseId: 'role-play-followed',
      step: 'react',
      part: 'care',
      text: '<img src=x onerror=alert(1)>',
      device: 'device-good1',
    });
    expect(good.status).toBe('proposed');
    points.set('bad-part-1', { ...good, id: 'bad-part-1', step: 'register' });
    points.set('huge-text1', { ...good, id: 'huge-text1', text: 'x'.repeat(1_000_000) });
    points.set('wrongtype1', 42);
    points.set('wrong-key1', { ...good, id: 'another-key' });
    for (let i = 0; i < ROLE_PLAY_POINTS_PER_DEVICE_MAX + 5; i += 1) {
      addRolePoint(doc, {
        caseId: 'role-play-followed',
        step: 'analyse',
        part: 'facts',
        text: `flood ${i}`,
        device: 'device-flood',
      });
    }
    const read = readRolePoints(doc);
    expect(read.items.find((p) => p.id === good.id)?.text).toBe('<img src=x onerror=alert(1)>');
    expect(read.items.filter((p) => p.device === 'device-flood')).toHaveLength(
      ROLE_PLAY_POINTS_PER_DEVICE_MAX,
    );
    expect(read.dropped).toBe(4 + 5);

    doc.getMap(ROOM_MAPS.rolePlay).set('register:role-play-followed', { what: 1 });
    expect(readRegisterForm(doc, 'role-play-followed')).toBeNull();
    writeRegisterForm(doc, 'role-play-followed', { ...registered, where: 'y'.repeat(5000) });
    expect(readRegisterForm(doc, 'role-play-followed')?.where).toHaveLength(280);
  });

  it('keeps registered incidents in order and merged points replaced in place', () => {
    const doc = new Y.Doc();
    registerIncident(doc, registered, { severity: 'red' }, 5);
    registerIncident(doc, { ...registered, what: 'second' }, { severity: 'yellow' }, 2);
    expect(readRegisteredIncidents(doc).items.map((r) => r.what)).toEqual([
      'second',
      registered.what,
    ]);
    const a = addRolePoint(doc, {
      caseId: 'role-play-followed',
      step: 'analyse',
      part: 'facts',
      text: 'a',
      device: 'device-one1',
    });
    const b = addRolePoint(doc, {
      caseId: 'role-play-followed',
      step: 'analyse',
      part: 'facts',
      text: 'b',
      device: 'device-two2',
    });
    writeRolePoints(doc, mergePoints([a, b], { id: 'merged-point', at: 10 }));
    const read = readRolePoints(doc).items;
    expect(read).toHaveLength(3);
    expect(agreed(read, 'analyse').map((p) => p.text)).toEqual(['a. b.']);
  });
});

describe('the timer from the agenda', () => {
  it("takes the role-play's timed step from the session's agenda, else the case's minutes", () => {
    const agenda = [
      { tool: 'slides', cases: [], steps: [] },
      {
        tool: 'roleplay',
        cases: ['role-play-followed'],
        steps: [{}, { minutes: 30 }],
      },
    ];
    expect(rolePlayMinutes([agenda], 'role-play-followed', 45)).toBe(30);
    expect(rolePlayMinutes([agenda], 'another-case', 45)).toBe(45);
  });
});

// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { emptyRegister, newRolePlayRun } from '../../src/domain/rolePlay';
import { incidentRegisterCsv } from '../../src/domain/timeline';
import { newQuizRun, openSituation } from '../../src/domain/quiz';
import { newStage, showOnStage } from '../../src/domain/stage';
import { agendaStore } from '../../src/sync/day/agendaSync';
import { careStore } from '../../src/sync/care/careSchema';
import { REMOTE_BURST_MS, type DocStore } from '../../src/sync/docStore';
import { setGroups } from '../../src/sync/groups/groupOperations';
import {
  cardStore,
  timelineExtrasStore,
  wallSettingsStore,
} from '../../src/sync/timeline/cardStore';
import {
  PLAN_THREATS_PER_ROOM_MAX,
  ROLE_PLAY_POINTS_PER_DEVICE_MAX,
  THOUGHTS_PER_ROOM_MAX,
} from '../../src/sync/limits';
import { addThreat, openPlanToPhones } from '../../src/sync/plan/planOperations';
import { carryOverStore, planStore, readPlan } from '../../src/sync/plan/planStore';
import { addThought, answerSituation, writeQuizRun } from '../../src/sync/quiz/quizOperations';
import { quizStore } from '../../src/sync/quiz/quizStore';
import {
  addRolePoint,
  registerIncident,
  writeRolePlayRun,
} from '../../src/sync/rolePlay/rolePlayOperations';
import { rolePlayStore } from '../../src/sync/rolePlay/rolePlayStore';
import { addInsight, setWallSettings } from '../../src/sync/timeline/cardOperations';
import { closeRoom, initialiseRoom } from '../../src/sync/roomLifecycle';
import {
  ROOM_MAPS,
  ROOM_RECORDS,
  ROOM_VALUES,
  readGroups,
  readIncidentCards,
  readQuizRun,
  readRegisteredIncidents,
  readRolePlayRun,
  readRolePoints,
  readStage,
  readThoughts,
  setStage,
} from '../../src/sync/roomSchema';
import { groupStore, stageStore } from '../../src/sync/stage/stageStore';
import { privacySettingsStore, privateLayerStore } from '../../src/sync/privateLayer/sealedStore';
import { roomMetaStore } from '../../src/sync/roomMetaStore';
import { showOnProjector } from '../../src/sync/stage/stageOperations';
import { linkedPair } from '../support/peers';

/** Every store the room's screens read, by what they read. */
const STORES: Record<string, DocStore<unknown>> = {
  agendaStore,
  cardStore,
  timelineExtrasStore,
  wallSettingsStore,
  quizStore,
  rolePlayStore,
  planStore,
  carryOverStore,
  stageStore,
  groupStore,
  privateLayerStore,
  privacySettingsStore,
  roomMetaStore,
  careStore,
};

describe('every record of the room, declared once', () => {
  it('gives each of the room’s maps a schema, caps and a store', () => {
    const declared = new Set([...ROOM_RECORDS, ...ROOM_VALUES].map((record) => record.map));
    const stored = new Set(Object.values(STORES).flatMap((store) => store.maps));
    for (const map of Object.values(ROOM_MAPS)) {
      expect(declared, `${map} has no declaration`).toContain(map);
      expect(stored, `${map} has no store`).toContain(map);
    }
    for (const record of ROOM_RECORDS) {
      expect(typeof record.schema.safeParse, record.map).toBe('function');
      expect(record.perDeviceCap, record.map).toBeGreaterThan(0);
      expect(record.perRoomCap, record.map).toBeGreaterThanOrEqual(record.perDeviceCap);
      expect(Number.isFinite(record.perRoomCap), record.map).toBe(true);
      // A record a peer can write must fail the schema when it is junk.
      expect(record.schema.safeParse({ junk: true }).success, record.map).toBe(false);
    }
    for (const value of ROOM_VALUES) {
      expect(value.schema.safeParse({ junk: true }).success, value.map).toBe(false);
    }
  });

  it('caps the facilitator’s points like any phone’s: writing device "console" exempts nothing', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < ROLE_PLAY_POINTS_PER_DEVICE_MAX + 10; i += 1) {
      addRolePoint(
        doc,
        {
          caseId: 'role-play-followed',
          step: 'analyse',
          part: 'facts',
          text: `forged ${i}`,
          device: 'console',
        },
        i,
      );
    }
    const read = readRolePoints(doc);
    expect(read.items).toHaveLength(ROLE_PLAY_POINTS_PER_DEVICE_MAX);
    expect(read.items[0]?.text).toBe('forged 0');
    expect(read.dropped).toBe(10);
  });

  it('caps thoughts in the room, whichever devices a flood makes up', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < THOUGHTS_PER_ROOM_MAX + 20; i += 1) {
      addThought(
        doc,
        { caseId: 'a-story', text: `t${i}`, device: `made-up-${i}`.padEnd(8, 'x') },
        i,
      );
    }
    const read = readThoughts(doc);
    expect(read.items).toHaveLength(THOUGHTS_PER_ROOM_MAX);
    expect(read.items[0]?.text).toBe('t0');
    expect(read.dropped).toBe(20);
  });

  it('caps the plan’s records, keeping the oldest', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < PLAN_THREATS_PER_ROOM_MAX + 3; i += 1)
      addThreat(doc, `threat ${i}`, 'typed', i);
    const { threats } = readPlan(doc);
    expect(threats.items).toHaveLength(PLAN_THREATS_PER_ROOM_MAX);
    expect(threats.items[0]?.text).toBe('threat 0');
    expect(threats.dropped).toBe(3);
  });
});

describe('the stage', () => {
  it('says what the projector shows and what phones may do, on every peer', () => {
    const [consoleDoc, phone] = linkedPair();
    expect(readStage(phone)).toEqual(newStage());
    showOnProjector(consoleDoc, 'quiz', 'case-analysis-1');
    const run = openSituation(newQuizRun('case-analysis-1', ['1.1', '1.2']), '1.2', true);
    writeQuizRun(consoleDoc, run);
    writeRolePlayRun(consoleDoc, newRolePlayRun('role-play-followed', 20));
    openPlanToPhones(consoleDoc, true);
    expect(readStage(phone)).toEqual({
      kind: 'quiz',
      activity: 'case-analysis-1',
      // The stage follows the situation the quiz focuses on while the quiz is shown.
      step: '1.2',
      phones: { quiz: ['1.2'], rolePlay: true, plan: true, cards: false },
    });
    // The tools read what phones may do from the stage.
    expect(readQuizRun(phone)?.open).toEqual(['1.2']);
    expect(readRolePlayRun(phone)?.open).toBe(true);
    setStage(consoleDoc, showOnStage(newStage(), 'break'));
    expect(readStage(phone).kind).toBe('break');
    expect(readQuizRun(phone)?.open).toEqual([]);
    expect(readRolePlayRun(phone)?.open).toBe(false);
  });

  it('reads a room from before the stage from its tools’ old fields, and carries them on', () => {
    const doc = new Y.Doc();
    // As a room opened yesterday holds it.
    doc.getMap(ROOM_MAPS.quiz).set('screen', 'timeline');
    doc.getMap(ROOM_MAPS.quiz).set('run', {
      ...newQuizRun('case-analysis-1', ['1.1', '1.2']),
      open: ['1.1'],
    });
    doc.getMap(ROOM_MAPS.rolePlay).set('run', newRolePlayRun('role-play-followed', 20));
    doc.getMap(ROOM_MAPS.plan).set('phones', true);
    expect(readStage(doc)).toEqual({
      kind: 'timeline',
      activity: null,
      step: null,
      phones: { quiz: ['1.1'], rolePlay: true, plan: true, cards: false },
    });
    expect(readQuizRun(doc)?.open).toEqual(['1.1']);
    expect(readRolePlayRun(doc)?.open).toBe(true);
    // The first change writes the stage with what the old fields said.
    showOnProjector(doc, 'plan');
    expect(doc.getMap(ROOM_MAPS.stage).get('current')).toEqual({
      kind: 'plan',
      activity: null,
      step: null,
      phones: { quiz: ['1.1'], rolePlay: true, plan: true, cards: false },
    });
  });

  it('drops a malformed stage from a peer for the fallback, never shows it', () => {
    const doc = new Y.Doc();
    doc.getMap(ROOM_MAPS.stage).set('current', { kind: '<script>', phones: 'all' });
    expect(readStage(doc)).toEqual(newStage());
  });
});

describe('the room’s groups', () => {
  it('are one slice for quiz, role-play and plan, read from the map rooms already hold', () => {
    const [consoleDoc, phone] = linkedPair();
    setGroups(consoleDoc, [
      { id: 'group-aaaa1', number: 2, name: 'Lawyers' },
      { id: 'group-bbbb2', number: 1, name: null },
    ]);
    expect(phone.getMap('quizGroups').size).toBe(2);
    expect(readGroups(phone).items.map((g) => g.number)).toEqual([1, 2]);
    expect(quizStore.snapshot(phone).groups.items).toEqual(groupStore.snapshot(phone).items);
  });
});

describe('registering an incident', () => {
  it('writes the register entry and the wall card in one change', () => {
    const [consoleDoc, projector] = linkedPair();
    let changes = 0;
    projector.on('update', () => (changes += 1));
    const form = { ...emptyRegister(), what: 'Van outside the office', when: 'Tuesday' };
    registerIncident(consoleDoc, form, { severity: 'red', wallMonth: '2026-03' }, 7);
    expect(changes).toBe(1);
    expect(readRegisteredIncidents(projector).items.map((r) => r.what)).toEqual([form.what]);
    expect(readIncidentCards(projector).items).toMatchObject([
      { text: form.what, severity: 'red', month: '2026-03' },
    ]);
    registerIncident(consoleDoc, { ...form, what: 'Only in the register' }, { severity: 'green' });
    expect(readIncidentCards(projector).items).toHaveLength(1);
    // The entry knows its card: the register lists the incident once, not again as a card.
    const [card] = readIncidentCards(projector).items;
    const registered = readRegisteredIncidents(projector).items;
    expect(registered.map((r) => r.cardId)).toEqual([card?.id, undefined]);
    const csv = incidentRegisterCsv(
      readIncidentCards(projector).items,
      {
        month: 'M',
        severity: 'S',
        incident: 'I',
        where: 'W',
        involved: 'V',
        reporter: 'R',
        note: 'N',
        author: 'A',
      },
      String,
      registered,
    );
    expect(csv.split('\r\n').filter((line) => line.includes(form.what))).toHaveLength(1);
  });

  it('offers what the other tools named as threats the plan can take over', () => {
    const doc = new Y.Doc();
    registerIncident(doc, { ...emptyRegister(), what: 'Office break-in' }, { severity: 'red' }, 1);
    registerIncident(
      doc,
      { ...emptyRegister(), what: 'Email read' },
      { severity: 'red', wallMonth: '2026-01' },
      2,
    );
    const seen: unknown[] = [];
    carryOverStore.subscribe(doc, () => seen.push(carryOverStore.snapshot(doc)));
    expect(carryOverStore.snapshot(doc)).toEqual([
      { text: 'Office break-in', source: 'roleplay' },
      { text: 'Email read', source: 'roleplay' },
    ]);
    addThreat(doc, 'Office break-in', 'roleplay');
    expect(carryOverStore.snapshot(doc)).toEqual([{ text: 'Email read', source: 'roleplay' }]);
    expect(seen).toHaveLength(1);
  });
});

describe('remote changes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('are read once per burst for quiz, links, insights and wall settings too', () => {
    const [mine, peer] = linkedPair();
    const reads = { quiz: 0, extras: 0, wall: 0 };
    quizStore.subscribe(mine, () => (reads.quiz += 1));
    timelineExtrasStore.subscribe(mine, () => (reads.extras += 1));
    wallSettingsStore.subscribe(mine, () => (reads.wall += 1));
    setGroups(peer, [{ id: 'group-aaaa1', number: 1, name: null }]);
    for (let i = 0; i < 50; i += 1) {
      answerSituation(peer, {
        caseId: 'case-analysis-1',
        situationId: '1.1',
        groupId: 'group-aaaa1',
        option: 'A',
        justification: `${i}`,
        device: 'device-aaaa',
      });
      addInsight(peer, `insight ${i}`);
      setWallSettings(peer, { locked: i % 2 === 0, year: null });
    }
    expect(reads).toEqual({ quiz: 0, extras: 0, wall: 0 });
    vi.advanceTimersByTime(REMOTE_BURST_MS);
    expect(reads).toEqual({ quiz: 1, extras: 1, wall: 1 });
    expect(timelineExtrasStore.snapshot(mine).insights).toHaveLength(50);
    expect(quizStore.snapshot(mine).answers.items[0]?.justification).toBe('49');
  });
});

describe('the room’s meta', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tells a phone the room closed through its store, not by watching the map', () => {
    const [consoleDoc, phone] = linkedPair();
    initialiseRoom(consoleDoc, 5);
    vi.advanceTimersByTime(REMOTE_BURST_MS);
    const heard: unknown[] = [];
    roomMetaStore.subscribe(phone, () => heard.push(roomMetaStore.snapshot(phone)));
    expect(roomMetaStore.snapshot(phone)).toEqual({ createdAt: 5 });
    // A change of the wall's settings, in the same map, is not news about the room.
    setWallSettings(consoleDoc, { locked: true, year: null });
    vi.advanceTimersByTime(REMOTE_BURST_MS);
    expect(heard).toEqual([]);
    closeRoom(consoleDoc, 42);
    vi.advanceTimersByTime(REMOTE_BURST_MS);
    expect(heard).toEqual([{ createdAt: 5, closedAt: 42 }]);
  });

  it('keeps the time a room was created when it is initialised again', () => {
    const doc = new Y.Doc();
    initialiseRoom(doc, 5);
    initialiseRoom(doc, 9);
    expect(roomMetaStore.snapshot(doc)).toEqual({ createdAt: 5 });
  });
});

// @vitest-environment node
/**
 * Every shared operation of a workshop room, done by several peers at once
 * over a network that drops, duplicates and reorders messages; after a
 * reconnect every peer must read the same room. A failing run prints its seed
 * and path: replay it with SWK_CONVERGENCE_SEED and SWK_CONVERGENCE_PATH.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NEW_RUN } from '../../src/domain/agendaRun';
import { newRolePlayRun, pauseTimer, startTimer } from '../../src/domain/rolePlay';
import { newDaySettings } from '../../src/domain/workshopDay';
import { publishAgendaState } from '../../src/sync/day/agendaSync';
import {
  addMeasure,
  addThreat,
  sendToPlan,
  writePlanRecord,
} from '../../src/sync/plan/planOperations';
import { readPlan } from '../../src/sync/plan/planStore';
import { answerSituation } from '../../src/sync/quiz/quizOperations';
import {
  addRolePoint,
  mergeRolePoints,
  writeRolePlayRun,
  writeRolePoints,
} from '../../src/sync/rolePlay/rolePlayOperations';
import { addIncidentCard, changeIncidentCard } from '../../src/sync/timeline/cardOperations';
import {
  readAgendaState,
  readIncidentCards,
  readQuizAnswers,
  readRolePlayRun,
  readRolePoints,
} from '../../src/sync/roomSchema';

const PEERS = 4;
const GROUPS = ['group-aaaa1', 'group-bbbb2'];

type Op =
  | { kind: 'card'; peer: number }
  | { kind: 'move'; peer: number; pick: number; month: number }
  | { kind: 'answer'; peer: number; group: number; option: 'A' | 'B' | 'C' }
  | { kind: 'point'; peer: number }
  | { kind: 'accept'; peer: number; pick: number }
  | { kind: 'merge'; peer: number; pick: number }
  | { kind: 'threat'; peer: number }
  | { kind: 'measure'; peer: number; pick: number }
  | { kind: 'edit'; peer: number; pick: number; cost: number }
  | { kind: 'timer'; peer: number; at: number }
  | { kind: 'agenda'; peer: number; at: number }
  | { kind: 'deliver'; from: number; to: number; index: number }
  | { kind: 'duplicate'; from: number; to: number; index: number }
  | { kind: 'drop'; from: number; to: number; index: number };

const peer = fc.integer({ min: 0, max: PEERS - 1 });
const pick = fc.nat(40);
const at = fc.integer({ min: 1, max: 1_000_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('card' as const), peer }),
  fc.record({
    kind: fc.constant('move' as const),
    peer,
    pick,
    month: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    kind: fc.constant('answer' as const),
    peer,
    group: fc.integer({ min: 0, max: 1 }),
    option: fc.constantFrom('A' as const, 'B' as const, 'C' as const),
  }),
  fc.record({ kind: fc.constant('point' as const), peer }),
  fc.record({ kind: fc.constant('accept' as const), peer, pick }),
  fc.record({ kind: fc.constant('merge' as const), peer, pick }),
  fc.record({ kind: fc.constant('threat' as const), peer }),
  fc.record({ kind: fc.constant('measure' as const), peer, pick }),
  fc.record({ kind: fc.constant('edit' as const), peer, pick, cost: fc.nat(500) }),
  fc.record({ kind: fc.constant('timer' as const), peer, at }),
  fc.record({ kind: fc.constant('agenda' as const), peer, at }),
  ...(['deliver', 'duplicate', 'drop'] as const).map((kind) =>
    fc.record({ kind: fc.constant(kind), from: peer, to: peer, index: fc.nat(20) }),
  ),
);

/** What a peer's screens read of the room: the same on every peer once they have met. */
function roomAsRead(doc: Y.Doc) {
  const plan = readPlan(doc);
  return {
    cards: readIncidentCards(doc).items,
    answers: readQuizAnswers(doc).items.sort((a, b) =>
      `${a.situationId}${a.groupId}`.localeCompare(`${b.situationId}${b.groupId}`),
    ),
    points: readRolePoints(doc).items,
    rolePlay: readRolePlayRun(doc),
    agenda: readAgendaState(doc),
    threats: plan.threats.items,
    measures: plan.measures.items,
  };
}

function apply(o: Exclude<Op, { kind: 'deliver' | 'duplicate' | 'drop' }>, doc: Y.Doc, i: number) {
  const chosen = <T>(items: T[], n: number) => items[n % Math.max(1, items.length)];
  const device = `device-${o.peer}aaaa`;
  switch (o.kind) {
    case 'card':
      return addIncidentCard(doc, device, { text: `Card ${i}`, severity: 'red' });
    case 'move': {
      const card = chosen(readIncidentCards(doc).items, o.pick);
      if (card)
        changeIncidentCard(doc, card.id, { month: `2026-${String(o.month).padStart(2, '0')}` });
      return;
    }
    case 'answer':
      return answerSituation(doc, {
        caseId: 'case-analysis-1',
        situationId: '1.1',
        groupId: GROUPS[o.group] ?? 'group-aaaa1',
        option: o.option,
        justification: `Peer ${o.peer}`,
        device,
      });
    case 'point':
      return addRolePoint(doc, {
        caseId: 'role-play-followed',
        step: 'react',
        part: 'actions',
        text: `Point ${i}`,
        device,
      });
    case 'accept': {
      const point = chosen(readRolePoints(doc).items, o.pick);
      if (point) writeRolePoints(doc, [{ ...point, status: 'accepted' }]);
      return;
    }
    case 'merge': {
      const points = readRolePoints(doc).items.filter((p) => p.status === 'proposed');
      if (points.length >= 2) mergeRolePoints(doc, points.slice(0, 2), i);
      const accepted = readRolePoints(doc).items.find((p) => p.status === 'accepted');
      if (accepted) sendToPlan(doc, accepted, i);
      return;
    }
    case 'threat':
      return addThreat(doc, `Threat ${i}`, 'typed', i);
    case 'measure': {
      const threat = chosen(readPlan(doc).threats.items, o.pick);
      if (threat) addMeasure(doc, threat.id, i);
      return;
    }
    case 'edit': {
      const measure = chosen(readPlan(doc).measures.items, o.pick);
      if (measure) writePlanRecord(doc, 'planMeasures', { ...measure, cost: o.cost });
      return;
    }
    case 'timer': {
      const run = readRolePlayRun(doc) ?? newRolePlayRun('role-play-followed', 30);
      return writeRolePlayRun(
        doc,
        run.timer.startedAt === null ? startTimer(run, o.at) : pauseTimer(run, o.at + 1),
      );
    }
    case 'agenda':
      return publishAgendaState(doc, {
        settings: newDaySettings(['security-incidents'], new Date(Date.UTC(2026, 10, 23))),
        run: { ...NEW_RUN, status: 'running', startedAt: o.at },
        updatedAt: o.at,
      });
  }
}

describe('a room shared by several peers over a bad network', () => {
  it('converges on cards, quiz answers, role-play points and timer, plan rows and the agenda', () => {
    const seed = process.env.SWK_CONVERGENCE_SEED
      ? Number(process.env.SWK_CONVERGENCE_SEED)
      : undefined;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const docs = Array.from({ length: PEERS }, () => new Y.Doc());
        // One queue per link: updates in flight from one peer to another.
        const queues = docs.map(() => docs.map((): Uint8Array[] => []));
        docs.forEach((doc, from) =>
          doc.on('update', (update: Uint8Array, origin: unknown) => {
            if (origin === 'network') return;
            docs.forEach((_, to) => to !== from && queues[from]?.[to]?.push(update));
          }),
        );
        ops.forEach((o, i) => {
          if (o.kind === 'deliver' || o.kind === 'duplicate' || o.kind === 'drop') {
            const queue = queues[o.from]?.[o.to];
            if (!queue || queue.length === 0 || o.from === o.to) return;
            const index = o.index % queue.length; // any message in flight: reordering
            const [message] = o.kind === 'duplicate' ? [queue[index]] : queue.splice(index, 1);
            if (message && o.kind !== 'drop')
              Y.applyUpdate(docs[o.to] as Y.Doc, message, 'network');
            return;
          }
          apply(o, docs[o.peer] as Y.Doc, i);
        });
        // The network comes back: each pair syncs its state, as a reconnect does.
        for (const a of docs)
          for (const b of docs)
            if (a !== b)
              Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'network');
        const rooms = docs.map(roomAsRead);
        for (const room of rooms) expect(room).toEqual(rooms[0]);
        // A group's answer is one answer: the latest, on every peer.
        const answers = rooms[0]?.answers ?? [];
        expect(new Set(answers.map((a) => a.groupId)).size).toBe(answers.length);
      }),
      seed === undefined
        ? { numRuns: 200 }
        : { seed, path: process.env.SWK_CONVERGENCE_PATH, numRuns: 200 },
    );
  });
});

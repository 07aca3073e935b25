// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RolePoint } from '../../src/domain/rolePlay';
import { emptyPlan } from '../../src/domain/securityPlan';
import {
  addMeasure,
  addThreat,
  replacePlan,
  sendToPlan,
  writePlanRecord,
} from '../../src/sync/plan/planOperations';
import { planStore } from '../../src/sync/plan/planStore';
import { ROOM_MAPS } from '../../src/sync/roomSchema';

const point: RolePoint = {
  id: 'point-aaaa1',
  caseId: 'role-play-followed',
  step: 'react',
  part: 'actions',
  text: 'Vary the route to the office',
  who: 'Logistics officer',
  when: 'This week',
  device: 'device-aaaa',
  status: 'accepted',
  mergedInto: null,
  at: 1,
};

describe('the plan in the room document', () => {
  it('sends a role-play reaction once, as a candidate measure keeping who and when', () => {
    const doc = new Y.Doc();
    sendToPlan(doc, point, 10);
    sendToPlan(doc, point, 20);
    const measures = planStore.snapshot(doc).measures.items;
    expect(measures).toHaveLength(1);
    expect(measures[0]).toMatchObject({
      threatId: null,
      text: 'Vary the route to the office (This week)',
      responsibility: 'Logistics officer',
      source: 'roleplay',
      at: 10,
    });
  });

  it('drops hostile records and counts them; the others stay readable', () => {
    const doc = new Y.Doc();
    const threat = addThreat(doc, '<script>alert(1)</script>', 'typed', 1);
    const measure = addMeasure(doc, threat.id, 2);
    const map = doc.getMap(ROOM_MAPS.planMeasures);
    map.set('measure-huge1', { ...measure, id: 'measure-huge1', text: 'x'.repeat(1_000_000) });
    map.set('measure-type1', { ...measure, id: 'measure-type1', cost: '200' });
    map.set('wrong-key-11', { ...measure, id: 'another-key1' });
    doc.getMap(ROOM_MAPS.plan).set('settings', { title: 5 });
    const snapshot = planStore.snapshot(doc);
    expect(snapshot.threats.items[0]?.text).toBe('<script>alert(1)</script>');
    expect(snapshot.measures.items.map((m) => m.id)).toEqual([measure.id]);
    expect(snapshot.measures.dropped).toBe(3);
    expect(snapshot.settings.criterion).toBe('serious');
    expect(() => writePlanRecord(doc, 'planMeasures', { ...measure, cost: -1 })).toThrow();
  });

  it('replaces the room’s plan with one opened from a file', () => {
    const doc = new Y.Doc();
    addThreat(doc, 'Old threat', 'typed', 1);
    const opened = {
      ...emptyPlan('2026-11-23'),
      threats: [
        {
          id: 'threat-new1',
          text: 'New threat',
          seriousness: 3 as const,
          probability: 3 as const,
          selected: true,
          groupId: null,
          objective: null,
          source: 'typed' as const,
          at: 2,
        },
      ],
    };
    replacePlan(doc, opened);
    expect(planStore.snapshot(doc).threats.items.map((t) => t.text)).toEqual(['New threat']);
  });
});

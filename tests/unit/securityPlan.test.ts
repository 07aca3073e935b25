// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanFactor, PlanMeasure, PlanThreat } from '../../src/domain/planSchema';
import {
  addPeriod,
  carryOverThreats,
  costTotals,
  emptyPlan,
  measureDeadline,
  measureFlags,
  missingKinds,
  placeMeasure,
  planObjectives,
  planRows,
  rankThreats,
  splitThreatsEvenly,
  type SecurityPlan,
} from '../../src/domain/securityPlan';

const threat = (id: string, over: Partial<PlanThreat> = {}): PlanThreat => ({
  id: `threat-${id}`,
  text: `Threat ${id}`,
  seriousness: 2,
  probability: 2,
  selected: true,
  groupId: null,
  objective: null,
  source: 'typed',
  at: 1,
  ...over,
});
const factor = (
  id: string,
  threatId: string,
  kind: PlanFactor['kind'] = 'vulnerability',
): PlanFactor => ({
  id: `factor-${id}`,
  threatId: `threat-${threatId}`,
  kind,
  text: `Factor ${id}`,
  objective: null,
  at: 1,
});
const measure = (id: string, over: Partial<PlanMeasure> = {}): PlanMeasure => ({
  id: `measure-${id}`,
  threatId: 'threat-a',
  vulnerabilityId: null,
  text: `Measure ${id}`,
  kind: 'preventive',
  responsibility: 'Finance officer',
  cost: 0,
  costNote: '',
  timetable: { kind: 'within', count: 2, unit: 'week' },
  source: 'typed',
  at: 1,
  ...over,
});
const plan = (over: Partial<SecurityPlan>): SecurityPlan => ({
  ...emptyPlan('2026-11-23'),
  ...over,
});

describe('choosing the threats to plan for', () => {
  const threats = [
    threat('a', { seriousness: 3, probability: 1, at: 1 }),
    threat('b', { seriousness: 2, probability: 3, at: 2 }),
    threat('c', { seriousness: 1, probability: 1, at: 3 }),
  ];
  const factors = [
    factor('1', 'c'),
    factor('2', 'c'),
    factor('3', 'b'),
    factor('4', 'a', 'capacity'),
  ];
  const ranked = (criterion: SecurityPlan['settings']['criterion']) =>
    rankThreats(
      plan({ threats, factors, settings: { ...emptyPlan('2026-11-23').settings, criterion } }),
    ).map((r) => [r.threat.id, r.score]);

  it('ranks by the most serious, by the most probable and serious, or by the vulnerabilities they match', () => {
    expect(ranked('serious')).toEqual([
      ['threat-a', 3],
      ['threat-b', 2],
      ['threat-c', 1],
    ]);
    expect(ranked('probableSerious')).toEqual([
      ['threat-b', 6],
      ['threat-a', 3],
      ['threat-c', 1],
    ]);
    // Capacities do not count: only the vulnerabilities linked to each threat.
    expect(ranked('vulnerabilities')).toEqual([
      ['threat-c', 2],
      ['threat-b', 1],
      ['threat-a', 0],
    ]);
  });

  it('shares the selected threats evenly among the groups, in rank order', () => {
    const threats = ['a', 'b', 'c', 'd', 'e'].map((id, i) =>
      threat(id, { seriousness: (3 - (i % 3)) as 1 | 2 | 3, at: i }),
    );
    const unticked = threat('f', { selected: false });
    const settings = { ...emptyPlan('2026-11-23').settings, criterion: 'serious' as const };
    const split = splitThreatsEvenly(plan({ threats: [...threats, unticked], settings }), [
      'group-1',
      'group-2',
    ]);
    // Ranked a, d (3), b, e (2), c (1): one group gets three, the other two, the unticked none.
    expect(split.map((t) => [t.id, t.groupId])).toEqual([
      ['threat-a', 'group-1'],
      ['threat-d', 'group-2'],
      ['threat-b', 'group-1'],
      ['threat-e', 'group-2'],
      ['threat-c', 'group-1'],
    ]);
    // Threats already in the right group are not rewritten; no group, nothing to share.
    const again = plan({ threats: threats.map((t) => ({ ...t, groupId: 'group-1' })), settings });
    expect(splitThreatsEvenly(again, ['group-1']).length).toBe(0);
    expect(splitThreatsEvenly(again, [])).toEqual([]);
  });

  it('ranks threats by the vulnerabilities listed before any threat is selected', () => {
    const unselected = ['a', 'b', 'c'].map((id) => threat(id, { selected: false, seriousness: 3 }));
    const listed = [
      factor('1', 'b'),
      factor('2', 'c'),
      factor('3', 'c'),
      factor('4', 'a', 'capacity'),
    ];
    const settings = { ...emptyPlan('2026-11-23').settings, criterion: 'vulnerabilities' as const };
    expect(
      rankThreats(plan({ threats: unselected, factors: listed, settings })).map((r) => [
        r.threat.id,
        r.score,
      ]),
    ).toEqual([
      ['threat-c', 2],
      ['threat-b', 1],
      ['threat-a', 0],
    ]);
  });
});

describe('objectives', () => {
  it('derives a comprehensive objective per selected threat and a specific one per vulnerability of that threat only', () => {
    const p = plan({
      threats: [
        threat('a', { objective: 'To reduce the possibility of a break-in' }),
        threat('b', { selected: false }),
      ],
      factors: [
        { ...factor('1', 'a'), objective: 'Even after a break-in, no data is lost' },
        factor('2', 'a'),
        factor('3', 'b'),
        factor('4', 'a', 'capacity'),
      ],
      measures: [
        measure('m1', { vulnerabilityId: 'factor-2', at: 1 }),
        measure('m2', { at: 2 }),
        measure('m3', { vulnerabilityId: 'factor-1', at: 3 }),
      ],
    });
    const { objectives, unplaced } = planObjectives(p);
    expect(objectives).toHaveLength(1);
    const [o] = objectives;
    expect(o?.comprehensive).toEqual({
      text: 'To reduce the possibility of a break-in',
      draftFrom: 'Threat a',
    });
    expect(o?.specific.map((s) => [s.vulnerability.id, s.text, s.draftFrom])).toEqual([
      ['factor-1', 'Even after a break-in, no data is lost', 'Factor 1'],
      ['factor-2', null, 'Factor 2'],
    ]);
    expect(o?.capacities.map((c) => c.id)).toEqual(['factor-4']);
    // Under the comprehensive objective first, then under each specific one in order.
    expect(o?.measures.map((m) => m.id)).toEqual(['measure-m2', 'measure-m3', 'measure-m1']);
    expect(unplaced).toEqual([]);
  });

  it('lays the table out like the worked example: objectives on the first row of their block', () => {
    const p = plan({
      threats: [threat('a', { objective: 'Fewer break-ins' })],
      factors: [{ ...factor('1', 'a'), objective: 'No data lost' }],
      measures: [
        measure('m1', { vulnerabilityId: 'factor-1', cost: 200, at: 2 }),
        measure('m2', { vulnerabilityId: 'factor-1', at: 3, timetable: null }),
        measure('m3', { at: 1, responsibility: '' }),
      ],
    });
    const rows = planRows(p, {
      cost: (amount, note) => `${amount ?? '?'}${note}`,
      timetable: (t, deadline) => `${t?.kind ?? 'none'} ${deadline ?? ''}`.trim(),
      draft: (text) => `[${text}]`,
    });
    expect(rows).toEqual([
      ['Fewer break-ins', '', 'Measure m3', '', '0', 'within 2026-12-07'],
      ['', 'No data lost', 'Measure m1', 'Finance officer', '200', 'within 2026-12-07'],
      ['', '', 'Measure m2', 'Finance officer', '0', 'none'],
    ]);
  });
});

describe('measures', () => {
  it('flags a measure with no responsibility or no timetable, and keeps it', () => {
    const bare = measure('x', { responsibility: ' ', timetable: null, cost: null, kind: null });
    expect(measureFlags(bare)).toEqual(['noResponsibility', 'noTimetable', 'noCost', 'noKind']);
    expect(measureFlags(measure('y'))).toEqual([]);
    const p = plan({ threats: [threat('a')], measures: [bare] });
    expect(planObjectives(p).objectives[0]?.measures).toEqual([bare]);
  });

  it('keeps candidates from the role-play and measures of unselected or removed threats apart, never lost', () => {
    const candidate = measure('c', { threatId: null, source: 'roleplay' });
    const orphan = measure('o', { threatId: 'threat-gone' });
    const unselected = measure('u', { threatId: 'threat-b' });
    const p = plan({
      threats: [threat('a'), threat('b', { selected: false })],
      measures: [candidate, orphan, unselected, measure('k')],
    });
    expect(planObjectives(p).unplaced.map((m) => m.id)).toEqual([
      'measure-c',
      'measure-o',
      'measure-u',
    ]);
    expect(measureFlags(candidate)).toContain('unplaced');
  });

  it('points out a plan with only preventive or only reactive measures', () => {
    const threats = [threat('a')];
    expect(missingKinds(plan({ threats }))).toEqual([]);
    expect(missingKinds(plan({ threats, measures: [measure('p')] }))).toEqual(['reactive']);
    expect(
      missingKinds(plan({ threats, measures: [measure('p'), measure('r', { kind: 'reactive' })] })),
    ).toEqual([]);
  });

  it('drops a specific objective that does not belong to the threat a measure moves to', () => {
    const factors = [factor('1', 'a'), factor('2', 'b')];
    const m = measure('m', { vulnerabilityId: 'factor-1' });
    expect(placeMeasure(m, 'threat-b', factors).vulnerabilityId).toBeNull();
    expect(placeMeasure(m, 'threat-a', factors).vulnerabilityId).toBe('factor-1');
  });

  it('dates deadlines from the day the plan was drafted, clamping month ends', () => {
    expect(measureDeadline(measure('a'), '2026-11-23')).toBe('2026-12-07');
    expect(
      measureDeadline(
        measure('b', { timetable: { kind: 'by', date: '2027-01-15' } }),
        '2026-11-23',
      ),
    ).toBe('2027-01-15');
    expect(
      measureDeadline(measure('c', { timetable: { kind: 'every', count: 1, unit: 'month' } }), 'x'),
    ).toBeNull();
    expect(addPeriod('2027-01-31', 1, 'month')).toBe('2027-02-28');
    expect(addPeriod('2028-01-31', 1, 'month')).toBe('2028-02-29');
    expect(addPeriod('2026-11-30', 3, 'month')).toBe('2027-02-28');
    expect(addPeriod('2026-12-28', 1, 'week')).toBe('2027-01-04');
  });

  it('totals costs exactly, per threat, with the recurring part and the measures not costed', () => {
    const p = plan({
      measures: [
        measure('a', { cost: 0.1 }),
        measure('b', { cost: 0.2 }),
        measure('c', { cost: 200, threatId: 'threat-b' }),
        measure('d', { cost: 12.5, timetable: { kind: 'every', count: 1, unit: 'month' } }),
        measure('e', { cost: null }),
        measure('f', { cost: 5, threatId: null }),
      ],
    });
    expect(costTotals(p)).toEqual({
      total: 217.8,
      recurring: 12.5,
      uncosted: 1,
      byThreat: { 'threat-a': 12.8, 'threat-b': 200 },
    });
  });

  it('loses no measure whatever the threats, selections and placements (property)', () => {
    const ids = ['a', 'b', 'c'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.constantFrom(...ids), selected: fc.boolean() }), {
          maxLength: 3,
        }),
        fc.array(fc.option(fc.constantFrom(...ids, 'gone'), { nil: null }), { maxLength: 12 }),
        (threatSpecs, placements) => {
          const threats = [...new Map(threatSpecs.map((t) => [t.id, t])).values()].map((t) =>
            threat(t.id, { selected: t.selected }),
          );
          const measures = placements.map((place, i) =>
            measure(`m${i}`, { threatId: place === null ? null : `threat-${place}` }),
          );
          const { objectives, unplaced } = planObjectives(plan({ threats, measures }));
          const seen = [...objectives.flatMap((o) => o.measures), ...unplaced].map((m) => m.id);
          expect(seen.sort()).toEqual(measures.map((m) => m.id).sort());
        },
      ),
    );
  });
});

describe('threats carried over from the other tools', () => {
  it('offers the registered incidents, then the wall’s red and yellow cards, each once and not when listed', () => {
    const card = (text: string, severity: string, hidden = false) => ({ text, severity, hidden });
    const carried = carryOverThreats(
      [{ what: 'Office break-in' }, { what: '' }, { what: 'Email read' }],
      [
        card('Office break-in', 'red'),
        card('Followed home', 'yellow'),
        card('Lost a phone', 'green'),
        card('Hidden by its author', 'red', true),
      ],
      [{ text: 'Email read' }],
    );
    expect(carried).toEqual([
      { text: 'Office break-in', source: 'roleplay' },
      { text: 'Followed home', source: 'wall' },
    ]);
  });
});

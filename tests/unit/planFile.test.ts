// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { exportPlanFile, importPlanFile } from '../../src/domain/planFile';
import { emptyPlan, type SecurityPlan } from '../../src/domain/securityPlan';

const plan: SecurityPlan = {
  ...emptyPlan('2026-11-23'),
  settings: {
    ...emptyPlan('2026-11-23').settings,
    title: 'Office plan',
    organisation: 'Collective',
  },
  threats: [
    {
      id: 'threat-aaaa',
      text: 'Break-in',
      seriousness: 3,
      probability: 2,
      selected: true,
      groupId: 'group-token-1',
      objective: null,
      source: 'roleplay',
      at: 5,
    },
  ],
  factors: [
    {
      id: 'factor-aaaa',
      threatId: 'threat-aaaa',
      kind: 'vulnerability',
      text: 'No backups',
      objective: 'No data lost',
      at: 6,
    },
  ],
  measures: [
    {
      id: 'measure-aaaa',
      threatId: 'threat-aaaa',
      vulnerabilityId: 'factor-aaaa',
      text: 'Buy an external hard drive',
      kind: 'preventive',
      responsibility: 'Finance officer',
      cost: 200,
      costNote: '',
      timetable: { kind: 'within', count: 2, unit: 'week' },
      source: 'typed',
      at: 7,
    },
  ],
};
const now = new Date('2026-11-23T12:00:00Z');

describe('the plan file', () => {
  it('comes back as the same plan, with groups by name and no room or device ids', () => {
    const text = exportPlanFile(plan, now, new Map([['group-token-1', 'Lawyers']]));
    expect(text).not.toContain('group-token-1');
    const read = importPlanFile(text);
    expect(read).toMatchObject({ ok: true, dropped: 0, problem: null });
    if (!read.ok) throw new Error(read.error);
    expect(read.plan).toEqual({
      ...plan,
      threats: [{ ...plan.threats[0], groupId: 'Lawyers' }],
    });
    const unnamed = importPlanFile(exportPlanFile(plan, now));
    expect(unnamed.ok && unnamed.plan.threats[0]?.groupId).toBeNull();
  });

  it('refuses what is not a plan file from this app, with a reason', () => {
    const reason = (text: string) => {
      const read = importPlanFile(text);
      return read.ok ? 'opened' : read.error;
    };
    expect(reason('not json {')).toBe('the file is not JSON');
    expect(reason('[]')).toBe('the file is not a security plan from this app');
    expect(reason('{"format":"security-workshop-kit/plan","version":9,"plan":{}}')).toContain(
      'newer than this app reads',
    );
    expect(reason('{"format":"security-workshop-kit/plan","version":1,"plan":{}}')).toContain(
      'settings',
    );
    expect(reason(`"${'x'.repeat(3 * 1024 * 1024)}"`)).toBe('the file is larger than 2 MB');
  });

  it('drops damaged or hostile records one by one, counts them and names the first', () => {
    const file = JSON.parse(exportPlanFile(plan, now)) as { plan: Record<string, unknown[]> };
    const good = plan.measures[0];
    file.plan.measures = [
      good,
      { ...good, id: 'measure-bbbb', cost: -3 },
      { ...good, id: 'measure-cccc', text: 'x'.repeat(1_000_000) },
      { ...good, id: 'measure-dddd', timetable: { kind: 'every', count: 'often', unit: 'week' } },
      42,
    ];
    file.plan.threats = [
      ...(file.plan.threats ?? []),
      JSON.parse('{"__proto__":{"polluted":true},"id":"threat-bbbb"}'),
    ];
    const read = importPlanFile(JSON.stringify(file));
    if (!read.ok) throw new Error(read.error);
    expect(read.plan.measures.map((m) => m.id)).toEqual(['measure-aaaa']);
    expect(read.plan.threats.map((t) => t.id)).toEqual(['threat-aaaa']);
    expect(read.dropped).toBe(5);
    expect(read.problem).toMatch(/^threats\[1\]: /);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

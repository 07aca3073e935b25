// @vitest-environment node
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, fold, planCalendar } from '../../src/domain/planCalendar';
import type { PlanMeasure } from '../../src/domain/planSchema';
import { emptyPlan, type SecurityPlan } from '../../src/domain/securityPlan';
import { calendarTexts } from '../../src/features/plan/calendarTexts';
import { planFormat } from '../../src/pdf/planFormat';
import { translator } from '../support/translator';

const measure = (id: string, over: Partial<PlanMeasure>): PlanMeasure => ({
  id: `measure-${id}`,
  threatId: 'threat-aaaa',
  vulnerabilityId: null,
  text: `Measure ${id}`,
  kind: 'preventive',
  responsibility: 'Programme manager',
  cost: 0,
  costNote: '',
  timetable: null,
  source: 'typed',
  at: 1,
  ...over,
});

const plan: SecurityPlan = {
  ...emptyPlan('2026-11-23'),
  settings: {
    ...emptyPlan('2026-11-23').settings,
    title: 'Plan de seguridad',
    reviewEveryWeeks: 2,
  },
  threats: [
    {
      id: 'threat-aaaa',
      text: 'Robo en la oficina',
      seriousness: 3,
      probability: 2,
      selected: true,
      groupId: null,
      objective: 'Reducir la posibilidad de un robo; proteger, sobre todo, la información',
      source: 'typed',
      at: 1,
    },
  ],
  measures: [
    measure('by', {
      text: 'Comprar un disco duro externo, cifrado; guardar la copia fuera',
      timetable: { kind: 'by', date: '2027-01-15' },
      responsibility: 'Oficial de finanzas',
      cost: 200,
    }),
    measure('within', {
      text: 'تدريب داخلي على التشفير',
      timetable: { kind: 'within', count: 1, unit: 'month' },
    }),
    measure('every', {
      text: 'Weekly backup\nof the server',
      timetable: { kind: 'every', count: 1, unit: 'week' },
    }),
    measure('never', { text: 'No timetable yet', timetable: null }),
  ],
  activityPlans: [
    {
      id: 'activity-1',
      groupId: null,
      activity: 'Outreach to bars',
      reviewed: '2026-11-23',
      responsible: 'A. Manager',
      risk: 'Physical assault during outreach',
      rows: [],
      at: 1,
    },
  ],
};

let uid = 0;
const t = await translator('en');
const ics = planCalendar(plan, {
  now: new Date('2026-11-23T10:00:00Z'),
  newUid: () => `uid-${++uid}@plan`,
  texts: calendarTexts(t, planFormat(t, 'en', '')),
});
const events = new ICAL.Component(ICAL.parse(ics))
  .getAllSubcomponents('vevent')
  .map((v) => new ICAL.Event(v));
const event = (summary: string) => {
  const found = events.find((e) => e.summary === summary);
  if (!found)
    throw new Error(`no event "${summary}" in ${events.map((e) => e.summary).join(' | ')}`);
  return found;
};

describe('the plan calendar, parsed back with ical.js', () => {
  it('holds each deadline as an all-day event, with text escaped and non-Latin scripts intact', () => {
    const by = event('Comprar un disco duro externo, cifrado; guardar la copia fuera');
    expect(by.startDate.toString()).toBe('2027-01-15');
    expect(by.startDate.isDate).toBe(true);
    expect(by.description).toContain('Responsibility: Oficial de finanzas');
    expect(by.description).toContain(
      'Objective: Reducir la posibilidad de un robo; proteger, sobre todo, la información',
    );
    expect(event('تدريب داخلي على التشفير').startDate.toString()).toBe('2026-12-23');
  });

  it('makes a recurring measure recur, and leaves a measure with no timetable out', () => {
    const weekly = event('Weekly backup\nof the server');
    expect(weekly.isRecurring()).toBe(true);
    const next = weekly.iterator();
    expect([next.next()?.toString(), next.next()?.toString(), next.next()?.toString()]).toEqual([
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
    ]);
    expect(events.some((e) => e.summary === 'No timetable yet')).toBe(false);
  });

  it('schedules a follow-up every two or three weeks, twelve times, and the activity plan’s review', () => {
    const followUp = event('Security plan follow-up: Plan de seguridad');
    const dates: string[] = [];
    const it = followUp.iterator();
    for (let d = it.next(); d; d = it.next()) dates.push(d.toString());
    expect(dates).toHaveLength(12);
    expect(dates.slice(0, 2)).toEqual(['2026-12-07', '2026-12-21']);
    expect(followUp.description).toContain('whenever the risks change');
    expect(event('Review the security plan for: Outreach to bars').startDate.toString()).toBe(
      '2027-05-23',
    );
  });

  it('writes CRLF lines of at most 75 octets, never splitting a character, and random UIDs', () => {
    const lines = ics.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\uFFFD');
    expect(events.map((e) => e.uid)).toEqual(events.map((_, i) => `uid-${i + 1}@plan`));
    expect(fold('é'.repeat(80)).split('\r\n ').join('')).toBe('é'.repeat(80));
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });
});

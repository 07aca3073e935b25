// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hoursAndMinutes, scheduleAgenda, totalMinutes } from '../../src/domain/agenda';

const agenda = [
  { id: 'introduction', kind: 'activity', minutes: 10, optional: false },
  { id: 'identifying', kind: 'activity', minutes: 50, optional: false },
  { id: 'break', kind: 'break', minutes: 20, optional: false },
  { id: 'own-incidents', kind: 'activity', minutes: 20, optional: true },
  { id: 'assess', kind: 'activity', minutes: 50, optional: false },
  { id: 'conclusion', kind: 'activity', minutes: 10, optional: false },
] as const;

describe('scheduleAgenda', () => {
  it('lays items end to end, the break included, optional activities left out', () => {
    const scheduled = scheduleAgenda(agenda);
    expect(scheduled.map((i) => [i.id, i.startMinute, i.endMinute])).toEqual([
      ['introduction', 0, 10],
      ['identifying', 10, 60],
      ['break', 60, 80],
      ['assess', 80, 130],
      ['conclusion', 130, 140],
    ]);
    expect(totalMinutes(scheduled)).toBe(140);
  });

  it('adds an optional activity and its minutes when the trainer includes it', () => {
    const scheduled = scheduleAgenda(agenda, new Set(['own-incidents']));
    expect(scheduled.find((i) => i.id === 'own-incidents')).toMatchObject({
      startMinute: 80,
      endMinute: 100,
    });
    expect(scheduled.at(-1)).toMatchObject({ id: 'conclusion', endMinute: 160 });
  });

  it('schedules an empty agenda as nothing', () => {
    expect(scheduleAgenda([])).toEqual([]);
  });
});

describe('hoursAndMinutes', () => {
  it('splits 140 minutes into 2 h 20 min', () => {
    expect(hoursAndMinutes(140)).toEqual({ hours: 2, minutes: 20 });
    expect(hoursAndMinutes(45)).toEqual({ hours: 0, minutes: 45 });
  });
});

// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayMinutes,
  itemKey,
  planDay,
  scheduleDay,
  type SessionAgenda,
} from '../../src/domain/dayPlan';

const incidents: SessionAgenda = {
  id: 'security-incidents',
  agenda: [
    { id: 'introduction', kind: 'activity', minutes: 10, optional: false },
    { id: 'identifying-incidents', kind: 'activity', minutes: 50, optional: false },
    { id: 'break', kind: 'break', minutes: 20, optional: false },
    { id: 'own-incidents', kind: 'activity', minutes: 20, optional: true },
    { id: 'assess-and-react', kind: 'activity', minutes: 50, optional: false },
    { id: 'conclusion', kind: 'activity', minutes: 10, optional: false },
  ],
};
const plan: SessionAgenda = {
  id: 'security-plan',
  agenda: [
    { id: 'introduction', kind: 'activity', minutes: 20, optional: false },
    { id: 'break', kind: 'break', minutes: 20, optional: false },
    { id: 'drafting', kind: 'activity', minutes: 90, optional: false },
    { id: 'conclusion', kind: 'activity', minutes: 10, optional: false },
  ],
};
const nine = Date.UTC(2026, 10, 23, 9, 0);
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);

describe('planning a workshop day', () => {
  it('lays two sessions end to end on the clock, optional activity left out', () => {
    const day = scheduleDay(planDay([incidents, plan]), nine);
    expect(day.map((i) => `${clock(i.startsAt)} ${i.key}`)).toEqual([
      '09:00 security-incidents/introduction',
      '09:10 security-incidents/identifying-incidents',
      '10:00 security-incidents/break',
      '10:20 security-incidents/assess-and-react',
      '11:10 security-incidents/conclusion',
      '11:20 security-plan/introduction',
      '11:40 security-plan/break',
      '12:00 security-plan/drafting',
      '13:30 security-plan/conclusion',
    ]);
    expect(dayMinutes(day)).toBe(280);
  });

  it('adds the optional activity, a longer break and a moved break when the trainer says so', () => {
    const day = planDay([incidents], {
      includedOptional: new Set([itemKey('security-incidents', 'own-incidents')]),
      breakMinutes: new Map([[itemKey('security-incidents', 'break'), 30]]),
      breakAfter: new Map([
        [itemKey('security-incidents', 'break'), itemKey('security-incidents', 'own-incidents')],
      ]),
    });
    expect(day.map((i) => `${i.itemId}:${i.minutes}`)).toEqual([
      'introduction:10',
      'identifying-incidents:50',
      'own-incidents:20',
      'break:30',
      'assess-and-react:50',
      'conclusion:10',
    ]);
  });

  it("ends at its start plus the minutes of what is included, whatever the trainer's choices", () => {
    const optionalKeys = [itemKey('security-incidents', 'own-incidents')];
    const breakKeys = [itemKey('security-incidents', 'break'), itemKey('security-plan', 'break')];
    const allKeys = [incidents, plan].flatMap((s) => s.agenda.map((i) => itemKey(s.id, i.id)));
    fc.assert(
      fc.property(
        fc.subarray(optionalKeys),
        fc.array(fc.tuple(fc.constantFrom(...breakKeys), fc.integer({ min: 1, max: 90 }))),
        fc.array(fc.tuple(fc.constantFrom(...breakKeys), fc.constantFrom(...allKeys))),
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        (included, lengths, moves, startsAt) => {
          const choices = {
            includedOptional: new Set(included),
            breakMinutes: new Map(lengths),
            breakAfter: new Map(moves),
          };
          const day = scheduleDay(planDay([incidents, plan], choices), startsAt);
          const expectedMinutes =
            240 +
            (included.length > 0 ? 20 : 0) +
            breakKeys.reduce((sum, key) => sum + (choices.breakMinutes.get(key) ?? 20), 0);
          expect(day.at(-1)?.endsAt).toBe(startsAt + expectedMinutes * 60_000);
          expect(new Set(day.map((i) => i.key)).size).toBe(day.length);
          day.forEach(
            (item, index) => index > 0 && expect(item.startsAt).toBe(day[index - 1]?.endsAt),
          );
        },
      ),
    );
  });
});

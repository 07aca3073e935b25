// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { countdownText, lagMinutes } from '../../src/domain/countdown';
import { dayMaterials } from '../../src/domain/materials';

describe('the countdown text', () => {
  it('rounds up while time remains, so 0:00 means time is up', () => {
    expect(countdownText(10 * 60_000).text).toBe('10:00');
    expect(countdownText(59_001).text).toBe('1:00');
    expect(countdownText(500).text).toBe('0:01');
    expect(countdownText(0)).toEqual({ overrun: false, text: '0:00' });
  });

  it('counts the overrun with a plus sign, and hours when they come', () => {
    expect(countdownText(-90_000)).toEqual({ overrun: true, text: '+1:30' });
    expect(countdownText(90 * 60_000).text).toBe('1:30:00');
  });

  it('reads a lag of a few seconds as on time', () => {
    expect(lagMinutes(59_000)).toBe(0);
    expect(lagMinutes(-125_000)).toBe(-2);
  });
});

describe('the day’s materials checklist', () => {
  it('lists each material once, with the activities that need it, and a print-out per case', () => {
    const needs = dayMaterials([
      {
        title: 'Identifying',
        materials: ['Flipchart.', 'Markers.'],
        cases: ['case-analysis-1', 'case-analysis-2'],
      },
      { title: 'Role-play', materials: ['flipchart'], cases: [] },
    ]);
    expect(needs.map((n) => [n.kind, n.subject, n.neededFor.join('+')])).toEqual([
      ['material', 'Flipchart.', 'Identifying+Role-play'],
      ['material', 'Markers.', 'Identifying'],
      ['case-print-out', 'case-analysis-1', 'Identifying'],
      ['case-print-out', 'case-analysis-2', 'Identifying'],
    ]);
  });
});

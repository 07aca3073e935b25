import { describe, expect, it } from 'vitest';
import { compareKeys } from '../../src/domain/order';

describe('ordering ids the same on every peer', () => {
  it('sorts by code units, whatever the language', () => {
    const ids = ['b2', 'B1', 'a3', 'Z9', '_x', '0a'];
    expect([...ids].sort(compareKeys)).toEqual(['0a', 'B1', 'Z9', '_x', 'a3', 'b2']);
    expect(compareKeys('same', 'same')).toBe(0);
  });
});

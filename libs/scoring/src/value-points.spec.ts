import { describe, expect, it } from '@jest/globals';
import type { ValuePoints } from '@leadscore/contracts';
import { pointsOf } from './value-points.js';

describe('points from a value', () => {
  const perTen: ValuePoints = { from: 'amount', per: 10 };

  // Worked by hand: 1 point per 10 units, whole steps only (the default rounding).
  it.each([
    [{ amount: 0 }, 0],
    [{ amount: 9.99 }, 0],
    [{ amount: 25 }, 2],
    [{ amount: '120' }, 12],
    [{ amount: -25 }, -3],
  ])('%j gives %s', (data, expected) => {
    expect(pointsOf(perTen, data)).toBe(expected);
  });

  it('rounds as the rule says: 25 units at per 10 are 2 (down), 3 (up), 3 (nearest), 2.5 (none)', () => {
    const at = (round: ValuePoints['round']) => pointsOf({ ...perTen, round }, { amount: 25 });
    expect([at('down'), at('up'), at('nearest'), at('none')]).toEqual([2, 3, 3, 2.5]);
  });

  it('multiplies steps by `each` and keeps the result within min and max', () => {
    const rule: ValuePoints = { from: 'order.total', per: 100, each: 5, min: 5, max: 50 };
    expect(pointsOf(rule, { order: { total: 50 } })).toBe(5); // 0 steps → 0, raised to the floor of 5
    expect(pointsOf(rule, { order: { total: 350 } })).toBe(15); // 3 steps × 5
    expect(pointsOf(rule, { order: { total: 99_999 } })).toBe(50); // 999 steps × 5, cut to the ceiling
  });

  it('gives nothing (undefined) when the field is missing or not a number, and a fixed number as it is', () => {
    expect(pointsOf(perTen, {})).toBeUndefined();
    expect(pointsOf(perTen, { amount: 'lots' })).toBeUndefined();
    expect(pointsOf(perTen, { amount: null })).toBeUndefined();
    expect(pointsOf(7, {})).toBe(7);
  });

  it('never answers negative zero', () => {
    expect(Object.is(pointsOf({ from: 'x', each: -1 }, { x: 0.5 }), 0)).toBe(true);
  });
});

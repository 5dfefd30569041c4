import { describe, expect, it } from '@jest/globals';
import { rangeText } from './contact.commands.js';

describe('rangeText', () => {
  it('names a frequency range by its counts and points', () => {
    expect(rangeText({ min: 3, max: 5, points: 10 })).toBe('3–5: 10 points');
    expect(rangeText({ min: 6, max: null, points: 20 })).toBe('6 or more: 20 points');
    expect(rangeText({ min: 2, max: 2, points: -5 })).toBe('2: -5 points');
    expect(rangeText(null)).toBe('no range');
  });
});

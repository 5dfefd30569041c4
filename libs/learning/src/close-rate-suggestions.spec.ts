import { describe, expect, it } from '@jest/globals';
import { ScoringInputError } from '@leadscore/scoring';
import { suggestPointsByCloseRate, type CloseRateRow } from './close-rate-suggestions.js';

import { seededRandom } from './evaluation.js';

/** `leads` rows answering `value`, the first `conversions` of them converted. */
const rowsOf = (value: string | null, leads: number, conversions: number): CloseRateRow[] =>
  Array.from({ length: leads }, (_, i) => ({ value, converted: i < conversions }));

describe('close-rate suggestions', () => {
  it('gives 20 points to a value converting at 20 % where 1 % of all leads convert', () => {
    // 1,000 leads, 10 conversions: 50 "Demo" leads with 10 converted (20 %), 950 "Newsletter" with none.
    const rows = [...rowsOf('Demo', 50, 10), ...rowsOf('Newsletter', 950, 0)];
    const { overall, suggestions } = suggestPointsByCloseRate(rows);
    expect(overall).toEqual({ leads: 1000, conversions: 10, rate: 0.01 });
    expect(suggestions.map((s) => [s.value, s.points])).toEqual([
      ['Demo', 20],
      ['Newsletter', -1],
    ]);
    expect(suggestions[0]).toMatchObject({
      kind: 'value',
      leads: 50,
      conversions: 10,
      rate: 0.2,
      reason: null,
    });
    expect(suggestions[0]?.lift).toBeCloseTo(20, 12);
  });

  it('gives a value below average −pointsPerLift × (1 − lift), and one never converting −pointsPerLift', () => {
    // Overall 60 of 300 = 20 %: A 40 % (lift 2), B 15 % (lift 0.75), C 5 % (lift 0.25).
    const rows = [...rowsOf('A', 100, 40), ...rowsOf('B', 100, 15), ...rowsOf('C', 100, 5)];
    expect(
      suggestPointsByCloseRate(rows, { pointsPerLift: 4 }).suggestions.map((s) => [s.value, s.points]),
    ).toEqual([
      ['A', 8],
      ['B', -1],
      ['C', -3],
    ]);
  });

  it('pools values under the minimum support into "other", which gets the pooled rate’s points', () => {
    // Overall 40 of 200 = 20 %; X and Y (10 leads each) pool to 20 leads with 8 conversions: 40 %, lift 2.
    const rows = [...rowsOf('Big', 180, 32), ...rowsOf('X', 10, 5), ...rowsOf('Y', 10, 3)];
    const { suggestions } = suggestPointsByCloseRate(rows, { minSupport: 20 });
    expect(suggestions).toEqual([
      expect.objectContaining({ kind: 'other', value: null, pooledValues: ['X', 'Y'], leads: 20, points: 2 }),
      expect.objectContaining({ kind: 'value', value: 'Big', leads: 180, points: -0.11 }),
    ]);
  });

  it('gives no points, with the reason, when the pool itself lacks support', () => {
    const rows = [...rowsOf('Big', 100, 20), ...rowsOf('Rare', 5, 5)];
    const pooled = suggestPointsByCloseRate(rows).suggestions.find((s) => s.kind === 'other');
    expect(pooled).toMatchObject({ pooledValues: ['Rare'], leads: 5, points: null });
    expect(pooled?.reason).toMatch(/5 leads together, under the minimum support of 30: no points/);
    expect(suggestPointsByCloseRate(rows).suggestions.at(-1)).toEqual(pooled);
  });

  it('reports "not answered" — null or a placeholder in any case — with its rate but no points', () => {
    const rows: CloseRateRow[] = [
      ...rowsOf('Yes', 40, 20),
      ...rowsOf(null, 40, 0),
      ...rowsOf('Select', 10, 0),
      ...rowsOf(' n/a ', 5, 0),
      ...rowsOf('NONE', 5, 0),
    ];
    const { overall, suggestions, notAnswered } = suggestPointsByCloseRate(rows);
    expect(overall.rate).toBe(0.2);
    expect(suggestions.map((s) => s.value)).toEqual(['Yes']);
    expect(notAnswered).toMatchObject({ leads: 60, conversions: 0, rate: 0, lift: 0 });
    expect(notAnswered?.reason).toMatch(/never given points/);
    expect(notAnswered).not.toHaveProperty('points');
    // Custom placeholders replace the defaults (answers are trimmed, empty is never an answer).
    const custom = suggestPointsByCloseRate(rows, { placeholders: ['select'], minSupport: 5 });
    expect(custom.suggestions.map((s) => s.value).sort()).toEqual(['NONE', 'Yes', 'n/a']);
    expect(custom.notAnswered?.leads).toBe(50);
  });

  it('orders by points, then value, the same whatever the order of the rows', () => {
    const rows = [
      ...rowsOf('b', 50, 10),
      ...rowsOf('a', 50, 10),
      ...rowsOf('c', 50, 30),
      ...rowsOf('d', 50, 0),
    ];
    const forwards = suggestPointsByCloseRate(rows).suggestions.map((s) => s.value);
    expect(forwards).toEqual(['c', 'a', 'b', 'd']);
    expect(suggestPointsByCloseRate([...rows].reverse()).suggestions.map((s) => s.value)).toEqual(forwards);
  });

  it('recovers the ranking of values whose true close rates are known', () => {
    const trueRates: Record<string, number> = {
      Agency: 0.01,
      Student: 0.02,
      SMB: 0.05,
      'Mid-market': 0.1,
      Enterprise: 0.25,
    };
    const random = seededRandom(30);
    const names = Object.keys(trueRates);
    const rows: CloseRateRow[] = Array.from({ length: 20_000 }, () => {
      const value = names[Math.floor(random() * names.length)] ?? 'Agency';
      return { value, converted: random() < (trueRates[value] ?? 0) };
    });
    const { suggestions } = suggestPointsByCloseRate(rows);
    expect(suggestions.map((s) => s.value)).toEqual(['Enterprise', 'Mid-market', 'SMB', 'Student', 'Agency']);
    // Overall ≈ 8.6 %: Enterprise's lift ≈ 2.9; the three below average get negative points.
    expect(suggestions[0]?.points).toBeGreaterThan(2.5);
    expect(suggestions.filter((s) => (s.points ?? 0) < 0).map((s) => s.value)).toEqual([
      'SMB',
      'Student',
      'Agency',
    ]);
  });

  it('refuses input nothing can be learned from', () => {
    expect(() => suggestPointsByCloseRate([])).toThrow(ScoringInputError);
    expect(() => suggestPointsByCloseRate(rowsOf('a', 10, 0))).toThrow(/none of the 10 leads converted/);
    expect(() => suggestPointsByCloseRate(rowsOf('a', 10, 10))).toThrow(/all 10 leads converted/);
    expect(() => suggestPointsByCloseRate(rowsOf('a', 10, 5), { minSupport: 0 })).toThrow(/minSupport/);
    expect(() => suggestPointsByCloseRate(rowsOf('a', 10, 5), { pointsPerLift: -1 })).toThrow(
      /pointsPerLift/,
    );
  });
});

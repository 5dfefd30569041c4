import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SKLEARN_CASES } from '../test/backtest-metrics.reference.js';
import { conversionBy, liftByDecile, metricsAt, rocAuc, type ScoredOutcome } from './backtest-metrics.js';

const outcomesOf = (c: (typeof SKLEARN_CASES)[number]): ScoredOutcome[] =>
  c.scores.map((score, i) => ({ score, converted: c.converted[i] === true }));

describe('backtest metrics against scikit-learn', () => {
  it.each(SKLEARN_CASES.map((c) => [c.name, c] as const))('%s', (_name, reference) => {
    const outcomes = outcomesOf(reference);
    expect(rocAuc(outcomes)).toBeCloseTo(reference.rocAuc, 12);
    for (const at of reference.at) {
      const metrics = metricsAt(outcomes, at.threshold);
      if (at.precision === null) expect(metrics.precision).toBeNull();
      else expect(metrics.precision).toBeCloseTo(at.precision, 12);
      expect(metrics.recall).toBeCloseTo(at.recall, 12);
      if (at.f1 === null) expect(metrics.f1).toBeNull();
      else expect(metrics.f1).toBeCloseTo(at.f1, 12);
    }
  });
});

describe('backtest metrics, worked examples', () => {
  const outcomes: ScoredOutcome[] = [
    { score: 90, converted: true },
    { score: 80, converted: false },
    { score: 70, converted: true },
    { score: 70, converted: false },
    { score: 40, converted: false },
    { score: 10, converted: false },
  ];

  it('counts who a threshold calls a lead', () => {
    expect(metricsAt(outcomes, 70)).toEqual({
      threshold: 70,
      predictedPositive: 4,
      truePositive: 2,
      falsePositive: 2,
      falseNegative: 0,
      precision: 0.5,
      recall: 1,
      f1: 2 / 3,
    });
    expect(metricsAt(outcomes, 100)).toMatchObject({
      predictedPositive: 0,
      precision: null,
      recall: 0,
      f1: null,
    });
  });

  it('gives the ROC area with ties counting half, and none for one class only', () => {
    // Positives 90 and 70 against negatives 80, 70, 40, 10: 90 beats 4; 70 beats 40 and 10, ties 70, loses to 80.
    expect(rocAuc(outcomes)).toBeCloseTo((4 + 2.5) / 8, 12);
    expect(rocAuc(outcomes.map((o) => ({ ...o, converted: false })))).toBeNull();
  });

  it('cuts the contacts into ten parts by score, highest first, with their lift', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({ score: 20 - i, converted: i < 4 }));
    const deciles = liftByDecile(twenty);
    expect(deciles.map((d) => d.contacts)).toEqual(Array(10).fill(2));
    expect(deciles.slice(0, 3).map((d) => [d.converted, d.lift])).toEqual([
      [2, 5],
      [2, 5],
      [0, 0],
    ]);
    expect(liftByDecile([]).every((d) => d.contacts === 0 && d.lift === null)).toBe(true);
  });

  it('gives the conversion of each group', () => {
    expect(
      conversionBy([
        { score: 1, converted: true, group: 'hot' },
        { score: 1, converted: false, group: 'hot' },
        { score: 1, converted: false, group: 'cold' },
      ]),
    ).toEqual([
      { group: 'hot', contacts: 2, converted: 1, rate: 0.5 },
      { group: 'cold', contacts: 1, converted: 0, rate: 0 },
    ]);
  });

  it('keeps every contact in exactly one decile, and the ROC area within [0, 1] (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.integer({ min: -50, max: 150 }), converted: fc.boolean() }), {
          maxLength: 300,
        }),
        (sample) => {
          const deciles = liftByDecile(sample);
          expect(deciles.reduce((n, d) => n + d.contacts, 0)).toBe(sample.length);
          expect(deciles.reduce((n, d) => n + d.converted, 0)).toBe(sample.filter((o) => o.converted).length);
          const auc = rocAuc(sample);
          if (auc !== null) {
            expect(auc).toBeGreaterThanOrEqual(0);
            expect(auc).toBeLessThanOrEqual(1);
            // Reversing the scores mirrors the area.
            expect(rocAuc(sample.map((o) => ({ ...o, score: -o.score })))).toBeCloseTo(1 - auc, 9);
          }
        },
      ),
    );
  });
});

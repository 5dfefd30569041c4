import { describe, expect, it } from '@jest/globals';
import { ScoringInputError } from '@leadscore/scoring';
import { SKLEARN_CASES, SKLEARN_VERSION } from '../test/evaluation.reference.js';

import { evaluateProbabilities, seededRandom, seededSplit } from './evaluation.js';

describe(`evaluation against scikit-learn ${SKLEARN_VERSION}`, () => {
  it.each(SKLEARN_CASES.map((c) => [c.name, c] as const))('%s', (_name, reference) => {
    const evaluation = evaluateProbabilities(reference.probabilities, reference.converted, {
      bins: reference.bins,
    });
    expect(evaluation.rocAuc).toBeCloseTo(reference.rocAuc, 10);
    expect(evaluation.accuracy).toBeCloseTo(reference.accuracy, 10);
    expect(evaluation.brierScore).toBeCloseTo(reference.brierScore, 10);
    expect(evaluation.logLoss).toBeCloseTo(reference.logLoss, 10);
    expect(evaluation.calibration).toHaveLength(reference.bins);
    const nonEmpty = evaluation.calibration.filter((bin) => bin.count > 0);
    expect(nonEmpty).toHaveLength(reference.calibration.observedRate.length);
    nonEmpty.forEach((bin, i) => {
      expect(bin.observedRate).toBeCloseTo(reference.calibration.observedRate[i] ?? NaN, 10);
      expect(bin.meanPredicted).toBeCloseTo(reference.calibration.meanPredicted[i] ?? NaN, 10);
    });
    expect(evaluation.calibration.reduce((sum, bin) => sum + bin.count, 0)).toBe(
      reference.probabilities.length,
    );
  });
});

describe('evaluation, worked example', () => {
  // Four leads: two converted (0.9 and 0.4), two not (0.5 and 0.1).
  const probabilities = [0.9, 0.4, 0.5, 0.1];
  const outcomes = [true, true, false, false];

  it('gives the ROC area, accuracy at 0.5, the Brier score and the log loss by hand', () => {
    const evaluation = evaluateProbabilities(probabilities, outcomes, { bins: 4 });
    // Pairs (converted, not): 0.9 beats 0.5 and 0.1; 0.4 beats 0.1, loses to 0.5 → 3 of 4.
    expect(evaluation.rocAuc).toBeCloseTo(0.75, 12);
    // 0.5 counts as predicting a conversion: right on 0.9 and 0.1, wrong on 0.4 and 0.5.
    expect(evaluation.accuracy).toBe(0.5);
    // (0.1² + 0.6² + 0.5² + 0.1²) / 4 = 0.63 / 4.
    expect(evaluation.brierScore).toBeCloseTo(0.1575, 12);
    expect(evaluation.logLoss).toBeCloseTo(
      -(Math.log(0.9) + Math.log(0.4) + Math.log(0.5) + Math.log(0.9)) / 4,
      12,
    );
    expect(evaluation).toMatchObject({ count: 4, positives: 2 });
  });

  it('bins the probabilities uniformly, an inner edge in the lower bin, empty bins with count 0', () => {
    const { calibration } = evaluateProbabilities(probabilities, outcomes, { bins: 4 });
    expect(calibration).toEqual([
      { lower: 0, upper: 0.25, count: 1, meanPredicted: 0.1, observedRate: 0 },
      { lower: 0.25, upper: 0.5, count: 2, meanPredicted: 0.45, observedRate: 0.5 },
      { lower: 0.5, upper: 0.75, count: 0, meanPredicted: null, observedRate: null },
      { lower: 0.75, upper: 1, count: 1, meanPredicted: 0.9, observedRate: 1 },
    ]);
    expect(evaluateProbabilities(probabilities, outcomes).calibration).toHaveLength(10);
  });

  it('clips certain and wrong probabilities in the log loss instead of giving infinity', () => {
    const evaluation = evaluateProbabilities([1, 0], [false, true]);
    expect(evaluation.logLoss).toBeCloseTo(-Math.log(Number.EPSILON), 9);
    expect(evaluation.brierScore).toBe(1);
  });

  it('has no ROC area when the leads are all of one kind', () => {
    expect(evaluateProbabilities([0.2, 0.7], [false, false]).rocAuc).toBeNull();
  });

  it('refuses unpaired, empty or out-of-range input', () => {
    expect(() => evaluateProbabilities([0.5], [true, false])).toThrow(ScoringInputError);
    expect(() => evaluateProbabilities([], [])).toThrow(/no probabilities/);
    expect(() => evaluateProbabilities([1.2], [true])).toThrow(/outside \[0, 1\]/);
    expect(() => evaluateProbabilities([Number.NaN], [true])).toThrow(ScoringInputError);
    expect(() => evaluateProbabilities([0.5], [true], { bins: 0 })).toThrow(/bins/);
  });
});

describe('seeded split', () => {
  it('is the same for the same seed and different for another', () => {
    expect(seededSplit(100, 0.25, 7)).toEqual(seededSplit(100, 0.25, 7));
    expect(seededSplit(100, 0.25, 7).test).not.toEqual(seededSplit(100, 0.25, 8).test);
  });

  it('holds out round(n × share) rows, every row on exactly one side, each side ascending', () => {
    const { train, test } = seededSplit(101, 0.3, 42);
    expect(test).toHaveLength(30);
    expect(train).toHaveLength(71);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(Array.from({ length: 101 }, (_, i) => i));
    expect([...test].sort((a, b) => a - b)).toEqual(test);
    expect([...train].sort((a, b) => a - b)).toEqual(train);
  });

  it('keeps at least one row on each side', () => {
    expect(seededSplit(3, 0.01, 1).test).toHaveLength(1);
    expect(seededSplit(3, 0.99, 1).train).toHaveLength(1);
  });

  it('refuses too few rows or a share outside (0, 1)', () => {
    expect(() => seededSplit(1, 0.5, 1)).toThrow(ScoringInputError);
    expect(() => seededSplit(10, 0, 1)).toThrow(/testShare/);
    expect(() => seededSplit(10, 1, 1)).toThrow(/testShare/);
    expect(() => seededSplit(10, 0.5, 1.5)).toThrow(/seed/);
  });

  it('draws uniform numbers in [0, 1) from a seed', () => {
    const random = seededRandom(2026);
    const draws = Array.from({ length: 10_000 }, () => random());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(0.5, 1);
    expect(seededRandom(2026)()).toBe(draws[0]);
  });
});

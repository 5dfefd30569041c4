import { describe, expect, it } from '@jest/globals';
import { REFERENCE_FITS, SKLEARN_VERSION } from '../test/logistic-regression.reference.js';
import { fitLogisticRegression, predictProbability } from './logistic-regression.js';

describe(`fitLogisticRegression (against scikit-learn ${SKLEARN_VERSION} LogisticRegression, lbfgs, L2)`, () => {
  for (const reference of REFERENCE_FITS) {
    // The issue asks for 1e-3; the fits agree to about 2e-7 (scikit-learn's own lbfgs tolerance).
    it(`matches its coefficients and intercept within 1e-5: ${reference.name}`, () => {
      const fit = fitLogisticRegression(reference.X, reference.y, { C: reference.C });
      expect(fit.converged).toBe(true);
      fit.coefficients.forEach((coefficient, j) =>
        expect(Math.abs(coefficient - (reference.coefficients[j] ?? NaN))).toBeLessThan(1e-5),
      );
      expect(Math.abs(fit.intercept - reference.intercept)).toBeLessThan(1e-5);
      reference.firstProbabilities.forEach((probability, i) =>
        expect(Math.abs(predictProbability(fit, reference.X[i] ?? []) - probability)).toBeLessThan(1e-4),
      );
    });
  }

  it('recovers the signs and order of the weights the data were drawn from (weak regularisation)', () => {
    const reference = REFERENCE_FITS[1]!;
    const fit = fitLogisticRegression(reference.X, reference.y, { C: reference.C });
    const order = (weights: readonly number[]) =>
      weights
        .map((w, j) => [w, j] as const)
        .sort((a, b) => b[0] - a[0])
        .map(([, j]) => j);
    expect(order(fit.coefficients)).toEqual(order(reference.trueWeights));
  });

  it('shrinks every weight towards zero as C falls, never the intercept', () => {
    const { X, y } = REFERENCE_FITS[0]!;
    const loose = fitLogisticRegression(X, y, { C: 100 });
    const tight = fitLogisticRegression(X, y, { C: 0.001 });
    const size = (w: readonly number[]) => Math.hypot(...w);
    expect(size(tight.coefficients)).toBeLessThan(size(loose.coefficients) / 10);
    // With the weights near zero, the intercept alone carries the overall conversion rate.
    const rate = y.filter((v) => v === 1).length / y.length;
    expect(Math.abs(1 / (1 + Math.exp(-tight.intercept)) - rate)).toBeLessThan(0.02);
  });

  it('says what is wrong with its input', () => {
    expect(() => fitLogisticRegression([], [])).toThrow('no rows to fit');
    expect(() => fitLogisticRegression([[1], [2]], [1])).toThrow('2 rows but 1 outcomes');
    expect(() => fitLogisticRegression([[1], [2, 3]], [0, 1])).toThrow('row 1 has 2 features, row 0 has 1');
    expect(() => fitLogisticRegression([[1], [Number.NaN]], [0, 1])).toThrow('row 1, feature 0 is NaN');
    expect(() => fitLogisticRegression([[1], [2]], [0, 2])).toThrow('outcome 1 is 2; outcomes are 0 or 1');
    expect(() => fitLogisticRegression([[1], [2]], [1, 1])).toThrow('needs both converted and lost leads');
    expect(() => fitLogisticRegression([[1], [2]], [0, 1], { C: 0 })).toThrow('C must be > 0');
    expect(() => predictProbability({ coefficients: [1, 2], intercept: 0 }, [1])).toThrow(
      'the row has 1 features, the fit 2',
    );
  });
});

import { ScoringInputError } from '@leadscore/scoring';
import { CholeskyDecomposition, Matrix } from 'ml-matrix';

// Written here rather than taken from npm: the JavaScript logistic regressions found (ml-logistic-regression
// 2.0.0, last released 2020, and the like) fit by fixed-step gradient descent without an L2 penalty, so
// none reaches the penalised optimum scikit-learn's LogisticRegression does. The objective is strictly
// convex, so Newton's method (exact Hessian, solved by ml-matrix's Cholesky) reaches the same unique
// optimum in a few steps; features here number tens, so the Hessian is small.

export interface LogisticRegressionOptions {
  /** Inverse regularisation strength, as scikit-learn's `C` (default 1): smaller means smaller weights. */
  readonly C?: number;
  /** Fit an unpenalised intercept (default true), as scikit-learn does with lbfgs. */
  readonly fitIntercept?: boolean;
  /**
   * Stop once the largest component of the gradient of the mean objective (the objective over C · rows,
   * as scikit-learn scales it) is below this (default 1e-10).
   */
  readonly tolerance?: number;
  /** At most this many Newton steps (default 100). */
  readonly maxIterations?: number;
}

export interface LogisticRegressionFit {
  /** One weight per feature column, in the columns' order. */
  readonly coefficients: readonly number[];
  readonly intercept: number;
  readonly iterations: number;
  /** The gradient fell below the tolerance (else the fit stopped at maxIterations). */
  readonly converged: boolean;
  /** The penalised objective at the fit: ½‖w‖² + C · Σ log-loss. */
  readonly objective: number;
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** The linear score of a row under weights `theta` (intercept last when fitted). */
function linear(theta: readonly number[], row: readonly number[], withIntercept: boolean): number {
  let z = withIntercept ? (theta[row.length] ?? 0) : 0;
  for (let j = 0; j < row.length; j += 1) z += (theta[j] ?? 0) * (row[j] ?? 0);
  return z;
}

function validate(X: readonly (readonly number[])[], y: readonly number[], C: number): number {
  if (X.length === 0) throw new ScoringInputError('logistic regression: no rows to fit');
  if (X.length !== y.length)
    throw new ScoringInputError(`logistic regression: ${X.length} rows but ${y.length} outcomes`);
  const width = X[0]?.length ?? 0;
  X.forEach((row, i) => {
    if (row.length !== width)
      throw new ScoringInputError(
        `logistic regression: row ${i} has ${row.length} features, row 0 has ${width}`,
      );
    row.forEach((value, j) => {
      if (!Number.isFinite(value))
        throw new ScoringInputError(`logistic regression: row ${i}, feature ${j} is ${value}, not a number`);
    });
  });
  y.forEach((label, i) => {
    if (label !== 0 && label !== 1)
      throw new ScoringInputError(`logistic regression: outcome ${i} is ${label}; outcomes are 0 or 1`);
  });
  const positives = y.filter((label) => label === 1).length;
  if (positives === 0 || positives === y.length)
    throw new ScoringInputError(
      `logistic regression: every outcome is ${positives === 0 ? 0 : 1}; a fit needs both converted and lost leads`,
    );
  if (!(C > 0 && Number.isFinite(C)))
    throw new ScoringInputError(`logistic regression: C must be > 0, got ${C}`);
  return width;
}

/**
 * Fits an L2-regularised logistic regression: minimises ½‖w‖² + C · Σᵢ log-loss(yᵢ, σ(w·xᵢ + b)), the
 * intercept b unpenalised — scikit-learn's LogisticRegression objective (lbfgs, L2) — by Newton's method
 * with a backtracking line search.
 */
export function fitLogisticRegression(
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: LogisticRegressionOptions = {},
): LogisticRegressionFit {
  const C = options.C ?? 1;
  const withIntercept = options.fitIntercept ?? true;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;
  const width = validate(X, y, C);
  const size = width + (withIntercept ? 1 : 0);

  const objectiveAt = (theta: readonly number[]): number => {
    let penalty = 0;
    for (let j = 0; j < width; j += 1) penalty += (theta[j] ?? 0) ** 2;
    let loss = 0;
    X.forEach((row, i) => {
      const z = linear(theta, row, withIntercept);
      // -[y log σ(z) + (1 - y) log(1 - σ(z))] = softplus(z) - y z
      loss += softplus(z) - (y[i] ?? 0) * z;
    });
    return 0.5 * penalty + C * loss;
  };

  let theta = new Array<number>(size).fill(0);
  let objective = objectiveAt(theta);
  for (let iteration = 1; iteration <= maxIterations; iteration += 1) {
    const gradient = new Array<number>(size).fill(0);
    // Accumulated in a flat array (upper triangle), turned into a matrix once per step.
    const upper = new Float64Array(size * size);
    for (let j = 0; j < width; j += 1) {
      gradient[j] = theta[j] ?? 0;
      upper[j * size + j] = 1;
    }
    const features = new Float64Array(size);
    if (withIntercept) features[width] = 1;
    X.forEach((row, i) => {
      for (let j = 0; j < width; j += 1) features[j] = row[j] ?? 0;
      const p = sigmoid(linear(theta, row, withIntercept));
      const residual = C * (p - (y[i] ?? 0));
      const weight = C * p * (1 - p);
      for (let a = 0; a < size; a += 1) {
        const fa = features[a] ?? 0;
        if (fa === 0) continue;
        gradient[a] = (gradient[a] ?? 0) + residual * fa;
        const wa = weight * fa;
        for (let b = a; b < size; b += 1)
          upper[a * size + b] = (upper[a * size + b] ?? 0) + wa * (features[b] ?? 0);
      }
    });
    const hessian = Matrix.zeros(size, size);
    for (let a = 0; a < size; a += 1)
      for (let b = a; b < size; b += 1) {
        const value = upper[a * size + b] ?? 0;
        hessian.set(a, b, value);
        hessian.set(b, a, value);
      }
    const largest = Math.max(...gradient.map(Math.abs)) / (C * X.length);
    if (largest < tolerance)
      return {
        coefficients: theta.slice(0, width),
        intercept: withIntercept ? (theta[width] ?? 0) : 0,
        iterations: iteration - 1,
        converged: true,
        objective,
      };
    const step = new CholeskyDecomposition(hessian).solve(Matrix.columnVector(gradient)).to1DArray();
    // Backtracking (Armijo): Newton's full step is taken near the optimum; far from it, halved as needed.
    const decrease = step.reduce((sum, s, j) => sum + s * (gradient[j] ?? 0), 0);
    let scale = 1;
    let next = theta.map((value, j) => value - (step[j] ?? 0));
    let nextObjective = objectiveAt(next);
    while (nextObjective > objective - 1e-4 * scale * decrease && scale > 1e-10) {
      scale /= 2;
      next = theta.map((value, j) => value - scale * (step[j] ?? 0));
      nextObjective = objectiveAt(next);
    }
    // No step lowers the objective any more: the optimum, to the precision of floating point.
    if (nextObjective >= objective)
      return {
        coefficients: theta.slice(0, width),
        intercept: withIntercept ? (theta[width] ?? 0) : 0,
        iterations: iteration,
        converged: largest < 1e-6,
        objective,
      };
    theta = next;
    objective = nextObjective;
  }
  return {
    coefficients: theta.slice(0, width),
    intercept: withIntercept ? (theta[width] ?? 0) : 0,
    iterations: maxIterations,
    converged: false,
    objective,
  };
}

/** The fitted probability of conversion for one row of features (same columns as the fit). */
export function predictProbability(
  fit: Pick<LogisticRegressionFit, 'coefficients' | 'intercept'>,
  row: readonly number[],
): number {
  if (row.length !== fit.coefficients.length)
    throw new ScoringInputError(
      `logistic regression: the row has ${row.length} features, the fit ${fit.coefficients.length}`,
    );
  return sigmoid(linear([...fit.coefficients, fit.intercept], row, true));
}

import { ScoringInputError } from './errors.js';

export interface CloseRates {
  /** Share of all leads that become customers, e.g. 0.01. */
  readonly baselineCloseRate: number;
  /** Share of leads who took the action that become customers, e.g. 0.20 for demo requests. */
  readonly actionCloseRate: number;
  /** Points per unit of relative lift. Default 1. */
  readonly pointsPerLift?: number;
}

/**
 * Points for an action from close rates: its relative lift over the baseline times `pointsPerLift`,
 * rounded to hundredths. 1 % of all leads close but 20 % of demo requesters do: a lift of 20, so 20 points.
 */
export function pointsFromCloseRates({
  baselineCloseRate,
  actionCloseRate,
  pointsPerLift = 1,
}: CloseRates): number {
  if (!(baselineCloseRate > 0 && baselineCloseRate <= 1)) {
    throw new ScoringInputError(`baselineCloseRate must be in (0, 1], got ${baselineCloseRate}`);
  }
  if (!(actionCloseRate >= 0 && actionCloseRate <= 1)) {
    throw new ScoringInputError(`actionCloseRate must be in [0, 1], got ${actionCloseRate}`);
  }
  if (!Number.isFinite(pointsPerLift))
    throw new ScoringInputError(`pointsPerLift must be a number, got ${pointsPerLift}`);
  const points = Math.round((actionCloseRate / baselineCloseRate) * pointsPerLift * 100) / 100;
  return points === 0 ? 0 : points;
}
